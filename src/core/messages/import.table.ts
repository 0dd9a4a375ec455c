import { crsLabel } from '../crs';
import type { Lang, MessageParams, MessageTable } from './types';

/** `1234567` → `1,234,567` for metres; degrees as given. Fixed format, whatever the locale. */
function fmt(v: string | number | undefined): string {
  const n = Number(v);
  if (!Number.isInteger(n) || Math.abs(n) < 10_000) return String(v);
  return (n < 0 ? '-' : '') + String(Math.abs(n)).replace(/\B(?=(\d{3})+$)/g, ',');
}

function ranges(p: MessageParams, lang: Lang): string {
  return lang === 'zh'
    ? `x 从 ${fmt(p.xMin)} 到 ${fmt(p.xMax)}，y 从 ${fmt(p.yMin)} 到 ${fmt(p.yMax)}`
    : `x ${fmt(p.xMin)} to ${fmt(p.xMax)}, y ${fmt(p.yMin)} to ${fmt(p.yMax)}`;
}

function label(crs: string | number | undefined, lang: Lang): string {
  return crsLabel(String(crs))[lang];
}

/**
 * What the coordinates are, as the rest of a sentence starting "The coordinates (ranges) " /
 * "坐标（ranges）", by the reading used (`basis`); shared by `crs.guessed` and `crs.swapped`.
 */
function guessBasis(p: MessageParams, lang: Lang): string {
  const l = label(p.crs, lang);
  const zh = lang === 'zh';
  const alt = !p.alternative
    ? ''
    : zh
      ? `它们也可能是 ${label(p.alternative, 'zh')}；如果预览中点的位置不对，请改选后者。`
      : ` They could also be ${label(p.alternative, 'en')}; if the points land in the wrong place in the preview, choose that instead.`;
  switch (p.basis) {
    case 'lnglat':
      return zh
        ? `是中国范围内的经纬度，按 ${l} 读取（在地图上与 WGS 84 相差远小于 1 米）。如果这些坐标是从高德、腾讯或百度地图上取得的，请选择相应的来源，以去掉几百米的偏移。`
        : `are longitudes and latitudes in China, read as ${l}, which matches WGS 84 on the map to well under a metre. If they were taken from Gaode, Tencent or Baidu maps, choose that source so the offset of a few hundred metres is removed.`;
    case 'gk-prefix':
      return zh ? `的 x 值以带号 ${p.zone} 开头，按 ${l} 读取。${alt}` : `have x values starting with the zone number ${p.zone}, so they were read as ${l}.${alt}`;
    case 'mercator':
      return zh ? `是中国范围内的 Web 墨卡托米制坐标，按 ${l} 读取。${alt}` : `are Web Mercator metres over China, read as ${l}.${alt}`;
    default: {
      const fromHint = p.cmFrom === 'hint';
      return zh
        ? `是不带带号的高斯-克吕格米制坐标，无法从数值看出中央经线；${fromHint ? '按离项目中心最近的' : '暂按丽水所用的'}中央经线 ${p.cm}°E 读取为 ${l}。请在预览中核对：如果点的位置不对，请选择数据实际所用的分带。`
        : `are Gauss–Krüger metres without a zone number, so the central meridian cannot be told from them; ${fromHint ? 'the one nearest the project centre' : "Lishui's"}, ${p.cm}°E, was assumed: ${l}. Check the preview: if the points land in the wrong place, choose the zone your data was made in.`;
    }
  }
}

const DELIMITER_WORDS: Record<string, { zh: string; en: string }> = {
  semicolon: { zh: '分号（;）', en: 'semicolons (;)' },
  tab: { zh: '制表符（Tab）', en: 'tabs' },
  pipe: { zh: '竖线（|）', en: 'vertical bars (|)' },
  'fullwidth-comma': { zh: '全角逗号（，）', en: 'full-width commas (，)' },
};

const NOT_TEXT: Record<string, { zh: string; en: string }> = {
  xlsx: {
    zh: '这是一个 Excel 工作簿，不是 CSV 文本文件（可能被改了扩展名）。请把扩展名改回 .xlsx 再导入，或在 Excel 中另存为“CSV UTF-8(逗号分隔)”。',
    en: 'This is an Excel workbook, not a CSV text file (it was probably renamed). Rename it to .xlsx, or save it in Excel as "CSV UTF-8 (Comma delimited)".',
  },
  xls: {
    zh: '这是旧版 Excel 97-2003 工作簿（.xls），不是 CSV 文本文件。请在 Excel 中另存为“Excel 工作簿(*.xlsx)”或“CSV UTF-8(逗号分隔)”。',
    en: 'This is an old Excel 97–2003 workbook (.xls), not a CSV text file. Save it in Excel as "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited)".',
  },
  zip: {
    zh: '这是一个 zip 压缩包，不是 CSV 文本文件。请先解压；如果里面是 Shapefile，直接导入这个 zip 文件即可。',
    en: 'This is a zip archive, not a CSV text file. Unpack it first; if it holds a shapefile, import the zip itself.',
  },
  png: { zh: '这是一张 PNG 图片，不是表格。请导出 CSV 或 Excel（.xlsx）格式的数据。', en: 'This is a PNG image, not a table. Export the data as CSV or Excel (.xlsx) instead.' },
  pdf: { zh: '这是一个 PDF 文档，不是表格。请导出 CSV 或 Excel（.xlsx）格式的数据。', en: 'This is a PDF document, not a table. Export the data as CSV or Excel (.xlsx) instead.' },
  binary: {
    zh: '这个文件不是文本，不可能是 CSV 表格。请在 Excel 中打开原始数据，另存为“CSV UTF-8(逗号分隔)”。',
    en: 'This file is not text, so it cannot be a CSV table. Open the data in Excel and save it as "CSV UTF-8 (Comma delimited)".',
  },
};

function quoted(list: string | number | undefined, lang: Lang): string {
  const names = String(list ?? '').split('\n');
  return lang === 'zh' ? names.map((n) => `“${n}”`).join('、') : names.map((n) => `"${n}"`).join(', ');
}

/** Wording of the `table` import issues: CSV and Excel reading (`csv.*`, `table.*`) and the CRS guess for coordinate columns (`crs.*`). */
export const tableTemplates = {
  'csv.bom': {
    zh: () => '文件开头有字节顺序标记（BOM，Excel 存为“CSV UTF-8”时会加上），已去掉，第一列的列名不受影响。',
    en: () => 'The file starts with a byte-order mark (BOM, as Excel\'s "CSV UTF-8" writes); it was removed so the first column keeps its name.',
  },
  'csv.encoding': {
    zh: (p) => p.encoding === 'UTF-16'
      ? '文件是 UTF-16 文本（Excel 的“Unicode 文本”），已按 UTF-16 读取。'
      : '文件不是 UTF-8 编码，已按 GBK（GB18030）读取，这是中文 Windows 上 Excel 保存 CSV 的编码。如果中文显示为乱码，请在 Excel 中另存为“CSV UTF-8(逗号分隔)”后重新导入。',
    en: (p) => p.encoding === 'UTF-16'
      ? 'The file is UTF-16 text (Excel\'s "Unicode Text"); it was read as such.'
      : 'The file is not UTF-8; it was read as GBK (GB18030), the encoding Excel uses for CSV on Chinese Windows. If the Chinese text looks garbled, save the file in Excel as "CSV UTF-8 (Comma delimited)" and import it again.',
  },
  'csv.bad-bytes': {
    zh: (p) => `有 ${p.count} 个字符不是有效的 UTF-8，已替换为“�”。请检查这些值；把文件另存为“CSV UTF-8(逗号分隔)”即可修正。`,
    en: (p) => `${p.count} characters are not valid UTF-8 and were replaced with "�". Check those values; saving the file as "CSV UTF-8 (Comma delimited)" fixes it.`,
  },
  'csv.delimiter': {
    zh: (p) => `各列之间用${DELIMITER_WORDS[p.delimiter]?.zh ?? p.delimiter}而不是逗号分隔，已按它拆分各列。`,
    en: (p) => `Columns are separated by ${DELIMITER_WORDS[p.delimiter]?.en ?? p.delimiter}, not commas; they were split there.`,
  },
  'csv.field-count': {
    zh: (p) => Number(p.found) > Number(p.expected)
      ? `这一行有 ${p.found} 个字段，而表头只有 ${p.expected} 列，可能是某个值里含有分隔符（例如名称里的逗号）。请给这样的值加上英文双引号，或删去多余的字段。`
      : `这一行只有 ${p.found} 个字段，而表头有 ${p.expected} 列。请补齐缺少的值（空值也要保留分隔符）。`,
    en: (p) => Number(p.found) > Number(p.expected)
      ? `The row has ${p.found} fields but the header has ${p.expected} columns; a value probably contains the delimiter (e.g. a comma in a name). Put such values in double quotes, or remove the extra fields.`
      : `The row has only ${p.found} fields but the header has ${p.expected} columns. Fill in the missing values (keep the delimiters of empty ones).`,
  },
  'csv.quotes': {
    zh: () => '有一个英文双引号没有闭合，后面的内容被读进了同一个字段。请补上闭合的引号；值里本身的引号要写成两个（""）。',
    en: () => 'A double quote is not closed, so the text after it ran into one field. Close the quote; a quote that is part of a value must be doubled ("").',
  },
  'table.not-text': {
    zh: (p) => (NOT_TEXT[p.kind] ?? NOT_TEXT.binary).zh,
    en: (p) => (NOT_TEXT[p.kind] ?? NOT_TEXT.binary).en,
  },
  'table.empty': {
    zh: (p) => p.reason === 'header-only'
      ? `文件只有表头（${p.columns} 列），没有数据行。请在表头下方填入数据，或选择包含数据的文件。`
      : '文件是空的，既没有表头也没有数据。请确认选对了文件，并且文件已完整保存。',
    en: (p) => p.reason === 'header-only'
      ? `The file has a header (${p.columns} columns) but no data rows. Add rows below the header, or choose the file that holds the data.`
      : 'The file is empty: it has no header and no rows. Check that the right file was chosen and that it was saved completely.',
  },
  'table.coordinate-pairs': {
    zh: (p) => `列“${p.column}”中经纬度写在一起（${p.order === 'latlng' ? '纬度在前' : '经度在前'}），已拆分为“经度（${p.column}）”和“纬度（${p.column}）”两列。请在下一步确认坐标系；如坐标取自高德、腾讯或百度地图，请选择相应的来源。`,
    en: (p) => `Column "${p.column}" holds longitude and latitude together (${p.order === 'latlng' ? 'latitude first' : 'longitude first'}); it was split into two columns, 经度（${p.column}） and 纬度（${p.column}）. Confirm the coordinate system next; if the coordinates come from Gaode, Tencent or Baidu maps, choose that source.`,
  },
  'table.xls': {
    zh: () => '这是旧版 Excel 97-2003 工作簿（.xls），无法直接读取。请在 Excel 或 WPS 中另存为“Excel 工作簿(*.xlsx)”或“CSV UTF-8(逗号分隔)”后导入。',
    en: () => 'This is an old Excel 97–2003 workbook (.xls), which cannot be read. Save it in Excel or WPS as "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited)" and import that.',
  },
  'table.corrupt-xlsx': {
    zh: () => '工作簿已损坏或并不是真正的 .xlsx 文件，无法读取。请用 Excel 或 WPS 打开后重新另存为 .xlsx，或另存为“CSV UTF-8(逗号分隔)”。',
    en: () => 'The workbook is damaged or not really an .xlsx file, so it cannot be read. Open it in Excel or WPS and save it again as .xlsx, or as "CSV UTF-8 (Comma delimited)".',
  },
  'table.other-sheets': {
    zh: (p) => `只读取了第一个工作表“${p.sheet}”；工作簿中还有${quoted(p.others, 'zh')}。如需导入其他工作表，请把它移到最前面，或单独另存为一个文件。`,
    en: (p) => `Only the first sheet, "${p.sheet}", was read; the workbook also has ${quoted(p.others, 'en')}. To import another sheet, move it to the front or save it as a file of its own.`,
  },
  'table.header-blank': {
    zh: (p) => `第 ${p.column} 列没有列名，已命名为“${p.name}”。如需便于识别，请在文件中为它填写列名。`,
    en: (p) => `Column ${p.column} has no name; it was called "${p.name}". Give it a name in the file to keep it recognisable.`,
  },
  'table.header-duplicate': {
    zh: (p) => `第 ${p.column} 列与前面的列重名（“${p.name}”），已改名为“${p.renamed}”。如果两列含义不同，请在文件中改用不同的列名。`,
    en: (p) => `Column ${p.column} repeats the name "${p.name}"; it was renamed "${p.renamed}". If the two columns mean different things, give them different names in the file.`,
  },
  'table.thousands-separator': {
    zh: (p) => `“${p.value}”带有千位分隔符，已读作 ${p.number}。请确认这是想要的数值。`,
    en: (p) => `"${p.value}" has a thousands separator; it was read as ${p.number}. Check that this is the number meant.`,
  },
  'table.bad-coordinate': {
    zh: (p) => p.value === ''
      ? '坐标为空，这一行无法定位到地图上。请补上坐标，或不导入这一行。'
      : `“${p.value}”不是数字，这一行无法定位到地图上。请把坐标写成十进制数字，例如 119.9 或 3120000.5。`,
    en: (p) => p.value === ''
      ? 'The coordinate is empty, so the row cannot be placed on the map. Fill it in, or leave the row out.'
      : `"${p.value}" is not a number, so the row cannot be placed on the map. Write the coordinate as a decimal number, e.g. 119.9 or 3120000.5.`,
  },
  'crs.guessed': {
    zh: (p) => `坐标（${ranges(p, 'zh')}）${guessBasis(p, 'zh')}`,
    en: (p) => `The coordinates (${ranges(p, 'en')}) ${guessBasis(p, 'en')}`,
  },
  'crs.swapped': {
    zh: (p) => `第一个坐标列是${p.basis === 'lnglat' ? '纬度' : '北坐标'}，第二个是${p.basis === 'lnglat' ? '经度' : '东坐标'}（${ranges(p, 'zh')}），两列已对调；对调后的坐标${guessBasis(p, 'zh')}如果对调有误，请重新选择经度（东）和纬度（北）列。`,
    en: (p) => `The first coordinate column holds ${p.basis === 'lnglat' ? 'latitudes and the second longitudes' : 'northings and the second eastings'} (${ranges(p, 'en')}), so the two were exchanged. Exchanged, they ${guessBasis(p, 'en')} If the exchange is wrong, choose the longitude (east) and latitude (north) columns yourself.`,
  },
  'crs.not-guessed': {
    zh: (p) => Number(p.count) === 0
      ? '没有一行同时具有两个坐标，无法推断坐标系。请检查是否选对了 x 和 y 列。'
      : `坐标（${ranges(p, 'zh')}）不符合任何可识别的坐标系。请选择数据实际所用的坐标系（可查看 .prj 文件或询问数据提供者），或检查是否选对了 x 和 y 列。`,
    en: (p) => Number(p.count) === 0
      ? 'No row has both coordinates, so the coordinate system cannot be guessed. Check that the right columns were chosen as x and y.'
      : `The coordinates (${ranges(p, 'en')}) fit no coordinate system that can be recognised. Choose the one your data was made in (its .prj file or the person who sent it can tell), or check that the right columns were chosen as x and y.`,
  },
  'crs.china-offset-likely': {
    zh: (p) => `坐标看来是${p.system === 'bd09' ? ' BD-09（百度地图）' : ' GCJ-02（高德、腾讯地图）'}偏移坐标：${p.matched} 个点与项目中对应的自然村相差约 ${p.before} 米，按 ${p.system === 'bd09' ? 'BD-09' : 'GCJ-02'} 换算后只差约 ${p.after} 米。请在“坐标来源”中选择${p.system === 'bd09' ? '“百度地图”' : '“高德 / 腾讯地图”'}后再导入；否则位置会偏几百米，隐患判断可能出错。`,
    en: (p) => `The coordinates look like ${p.system === 'bd09' ? 'BD-09 (Baidu)' : 'GCJ-02 (Gaode, Tencent)'} offset coordinates: ${p.matched} points lie about ${p.before} m from the project's matching villages, and about ${p.after} m once converted. Choose ${p.system === 'bd09' ? '"Baidu maps"' : '"Gaode / Tencent maps"'} under "Coordinates from" before importing; otherwise positions are a few hundred metres off and hazard checks may be wrong.`,
  },
  'crs.china-offset': {
    zh: (p) => `已将 ${p.count} 个点的坐标由${p.system === 'bd09' ? ' BD-09（百度）' : ' GCJ-02（高德、腾讯）'}转换为 WGS 84，位置移动了几百米。`,
    en: (p) => `The coordinates of ${p.count} points were converted from ${p.system === 'bd09' ? 'BD-09 (Baidu)' : 'GCJ-02 (Gaode, Tencent)'} to WGS 84; they moved by a few hundred metres.`,
  },
} satisfies MessageTable;
