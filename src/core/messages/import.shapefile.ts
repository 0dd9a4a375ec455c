import type { Lang, MessageParams, MessageTable } from './types';

/** Why a .prj was not matched (see `PrjReason` in src/io/prj.ts), as a clause of `shp.prj-unknown`. */
function prjReason(p: MessageParams, lang: Lang): string {
  switch (p.reason) {
    case 'not-wkt':
      return lang === 'zh' ? '其内容不是可识别的 WKT 坐标系文本' : 'its text is not a readable WKT coordinate system';
    case 'beijing1954':
      return lang === 'zh'
        ? '它采用北京 1954 坐标系，与 CGCS2000 相差可达上百米，需用当地的转换参数换算'
        : 'it uses the Beijing 1954 datum, which is up to a hundred metres off CGCS2000 and needs local conversion parameters';
    case 'xian1980':
      return lang === 'zh'
        ? '它采用西安 1980 坐标系，与 CGCS2000 相差可达上百米，需用当地的转换参数换算'
        : 'it uses the Xian 1980 datum, which is up to a hundred metres off CGCS2000 and needs local conversion parameters';
    case 'datum':
      return lang === 'zh' ? `其基准（${p.datum}）既不是 CGCS2000 也不是 WGS 84` : `its datum (${p.datum}) is neither CGCS2000 nor WGS 84`;
    case 'unit':
      return lang === 'zh' ? `其单位（${p.unit}）不是米或度` : `its unit (${p.unit}) is neither metres nor degrees`;
    case 'zone':
      return lang === 'zh'
        ? `它是中央经线 ${p.centralMeridian}°、东偏移 ${p.falseEasting} 米、比例因子 ${p.scale} 的横轴墨卡托投影，不属于任何 CGCS2000 高斯-克吕格投影带`
        : `it is a Transverse Mercator with central meridian ${p.centralMeridian}°, false easting ${p.falseEasting} m and scale ${p.scale}, which is no CGCS2000 Gauss–Krüger zone`;
    default:
      return lang === 'zh' ? `其投影方式（${p.method}）不受支持` : `its projection (${p.method}) is not supported`;
  }
}

/** Wording of the `shapefile` import issues. */
export const shapefileTemplates = {
  'shp.bad-zip': {
    zh: () => '无法打开这个 .zip 压缩包（文件已损坏或不是 zip 格式）。请将 Shapefile 的各个文件（.shp、.shx、.dbf、.prj、.cpg）重新压缩后再导入。',
    en: () => 'This .zip file cannot be opened (it is damaged or not a zip archive). Zip the shapefile parts (.shp, .shx, .dbf, .prj, .cpg) again and import the new file.',
  },
  'shp.no-shp': {
    zh: (p) => `没有找到 .shp 文件，无法读取图形（现有文件：${p.files}）。请补上与 .dbf 同名的 .shp 文件，或将 Shapefile 的全部文件一起压缩后导入。`,
    en: (p) => `No .shp file was found, so there are no shapes to read (found: ${p.files}). Add the .shp file with the same name as the .dbf, or zip all parts of the shapefile together.`,
  },
  'shp.several-layers': {
    zh: (p) => `这里有多个 Shapefile，本次导入的是 ${p.used}。其余图层（${p.others}）请分别导入，例如逐个图层拖入其文件。`,
    en: (p) => `There are several shapefiles here; ${p.used} was imported. Import the others (${p.others}) separately, e.g. by dropping the files of one layer at a time.`,
  },
  'shp.no-dbf': {
    zh: (p) => `缺少属性表文件 ${p.name}.dbf。请将它与 .shp 一起导入（导出 Shapefile 时会一同生成），或将全部文件一起压缩后导入。`,
    en: (p) => `The attribute table ${p.name}.dbf is missing. Import it together with the .shp (it is exported with it), or zip all parts of the shapefile together.`,
  },
  'shp.too-short': {
    zh: (p) => `.shp 文件只有 ${p.actual} 字节，不足每个 Shapefile 开头必需的 100 字节文件头，文件为空或已损坏。请重新导出该图层。`,
    en: (p) => `The .shp file is only ${p.actual} bytes long, shorter than the 100-byte header every shapefile starts with: it is empty or damaged. Export the layer again.`,
  },
  'shp.bad-file-code': {
    zh: (p) => `这不是有效的 .shp 文件：文件标识为 ${p.code}，而不是 9994。它可能是改了扩展名的其他格式，或已损坏。请重新导出为 ESRI Shapefile 格式。`,
    en: (p) => `This is not a valid .shp file: it starts with file code ${p.code} instead of 9994. It may be another format renamed to .shp, or damaged; export the layer again as an ESRI Shapefile.`,
  },
  'shp.truncated': {
    zh: (p) => `.shp 文件不完整：应有 ${p.expected} 字节，实际只有 ${p.actual} 字节，第 ${p.record} 个图形及其后的图形残缺。请重新复制或下载该文件（复制或上传中断会造成这种情况），或重新导出该图层。`,
    en: (p) => `The .shp file is cut off: it should be ${p.expected} bytes long but has only ${p.actual}, so shape ${p.record} and any after it are incomplete. Copy or download the file again (an interrupted copy or upload does this), or export the layer again.`,
  },
  'shp.unsupported-type': {
    zh: (p) => `无法导入“${p.type}”类型的图形，仅支持点、多点、线和面（带 Z 值或 M 值的也可以）。请在 GIS 软件中将图层转换为点、线或面后重新导入。`,
    en: (p) => `Shapes of type ${p.type} cannot be imported; only points, multipoints, lines and polygons can (also with Z or M values). Convert the layer to points, lines or polygons in a GIS and import it again.`,
  },
  'shp.empty': {
    zh: () => '该 Shapefile 不含任何要素。请确认导出的是正确的图层，并且图层中有要素。',
    en: () => 'The shapefile contains no features. Check that the right layer was exported and that it has features.',
  },
  'shp.count-mismatch': {
    zh: (p) => `.shp 中有 ${p.shapes} 个图形，而 .dbf 中有 ${p.rows} 行属性，图形与属性无法一一对应。这两个文件可能来自不同次导出，或其中一个已损坏。请重新导出该图层，并将其全部文件一起导入。`,
    en: (p) => `The .shp has ${p.shapes} shapes but the .dbf has ${p.rows} attribute rows, so shapes and attributes cannot be matched. The two files come from different exports or one is damaged: export the layer again and import all its files together.`,
  },
  'shp.null-geometry': {
    zh: () => '该要素没有图形（空几何），无法显示在地图上。请在 GIS 软件中补绘或修复其图形，或不导入此要素。',
    en: () => 'This feature has no shape (empty geometry), so it cannot be placed on the map. Draw or repair its shape in a GIS, or leave this feature out.',
  },
  'shp.bad-record': {
    zh: (p) => `图形已损坏：其点数和部件数与记录长度不符（.shp 中第 ${p.record} 条记录），已按无图形处理。请在 GIS 软件中修复图层（如 QGIS 的“修复几何”）后重新导入。`,
    en: (p) => `The shape is damaged: its point and part counts do not fit its record (record ${p.record} of the .shp), so it was left without geometry. Repair the layer in a GIS (e.g. QGIS "Fix geometries") and import it again.`,
  },
  'shp.record-type': {
    zh: (p) => `该图形的类型是 ${p.type}，而图层的类型是 ${p.expected}，Shapefile 不允许混用，已按无图形处理。请在 GIS 软件中修复图层后重新导入。`,
    en: (p) => `This shape is of type ${p.type} but the layer is of type ${p.expected}, which a shapefile does not allow; it was left without geometry. Repair the layer in a GIS and import it again.`,
  },
  'shp.ring-orientation': {
    zh: () => '该面的部分边界环方向有误（有按“洞”方向绘制的环不在任何外环之内），已按环与环的包含关系重新组合。请在地图上核对其形状。',
    en: () => 'Some rings of this polygon run the wrong way (a ring drawn as a hole lies outside every outer ring); the rings were grouped by which lies inside which. Check its shape on the map.',
  },
  'shp.dbf-too-short': {
    zh: (p) => `.dbf 文件只有 ${p.actual} 字节，太短，不可能是属性表，文件为空或已损坏。请重新导出该图层。`,
    en: (p) => `The .dbf file is only ${p.actual} bytes long, too short to be an attribute table: it is empty or damaged. Export the layer again.`,
  },
  'shp.dbf-header': {
    zh: (p) => `.dbf 文件头前后矛盾（文件头 ${p.headerLength} 字节，${p.fieldCount} 个字段每行共 ${p.fieldsLength} 字节，但声明的行长为 ${p.recordLength} 字节），无法读取属性。请重新导出该图层，或在 GIS 软件中打开属性表后重新保存。`,
    en: (p) => `The .dbf header is inconsistent (header ${p.headerLength} bytes, ${p.fieldCount} fields adding up to ${p.fieldsLength} bytes per row, rows declared as ${p.recordLength} bytes), so its attributes cannot be read. Export the layer again, or open the table in a GIS and save it again.`,
  },
  'shp.dbf-truncated': {
    zh: (p) => `.dbf 文件不完整：其 ${p.records} 行属性应有 ${p.expected} 字节，文件实际只有 ${p.actual} 字节。请重新复制或下载该文件，或重新导出该图层。`,
    en: (p) => `The .dbf file is cut off: its ${p.records} rows need ${p.expected} bytes but the file has only ${p.actual}. Copy or download the file again, or export the layer again.`,
  },
  'shp.dbf-bad-number': {
    zh: (p) => `“${p.value}”不是数字，已按空值处理。请在属性表中更正该值。`,
    en: (p) => `"${p.value}" is not a number; it was left empty. Correct the value in the attribute table.`,
  },
  'shp.deleted-skipped': {
    zh: (p) => `.dbf 中有 ${p.count} 行已标记为删除，已像其他 GIS 软件一样略去。`,
    en: (p) => `${p.count} rows marked as deleted in the .dbf were left out, as other GIS software does.`,
  },
  'shp.encoding-guessed': {
    zh: (p) =>
      p.encoding === 'UTF-8'
        ? '没有 .cpg 文件说明属性文字的编码；这些文字是有效的 UTF-8，因此按 UTF-8 读取。如果名称显示为乱码，请在 .dbf 旁添加内容为正确编码（如 GBK）的 .cpg 文件。'
        : '没有 .cpg 文件说明属性文字的编码；这些文字不是有效的 UTF-8，但能按 GBK（简体中文）正确解码，因此按 GBK 读取。如果名称显示为乱码，请在 .dbf 旁添加内容为正确编码（如 UTF-8）的 .cpg 文件。',
    en: (p) =>
      p.encoding === 'UTF-8'
        ? 'No .cpg file names the encoding of the attribute text; the text is valid UTF-8, so it was read as UTF-8. If names look garbled, add a .cpg file holding the right encoding (e.g. GBK) next to the .dbf.'
        : 'No .cpg file names the encoding of the attribute text; the text is not valid UTF-8 but reads as valid GBK (Simplified Chinese), so it was read as GBK. If names look garbled, add a .cpg file holding the right encoding (e.g. UTF-8) next to the .dbf.',
  },
  'shp.encoding-mismatch': {
    zh: (p) =>
      p.source === 'cpg'
        ? `.cpg 文件写明属性文字为 ${p.declared} 编码，但这些文字不是有效的 ${p.declared}；按 ${p.used} 可以正确解码，因此按 ${p.used} 读取。请将 .cpg 文件的内容改为 ${p.used}。`
        : `.dbf 文件头（语言驱动标记）写明属性文字为 ${p.declared} 编码，但这些文字不是有效的 ${p.declared}；按 ${p.used} 可以正确解码，因此按 ${p.used} 读取。可在 .dbf 旁添加内容为 ${p.used} 的 .cpg 文件。`,
    en: (p) =>
      p.source === 'cpg'
        ? `The .cpg file says the attribute text is ${p.declared}, but it is not valid ${p.declared}; it reads correctly as ${p.used}, so it was read as ${p.used}. Change the .cpg file to say ${p.used}.`
        : `The .dbf header (language driver) says the attribute text is ${p.declared}, but it is not valid ${p.declared}; it reads correctly as ${p.used}, so it was read as ${p.used}. A .cpg file holding ${p.used} next to the .dbf makes this explicit.`,
  },
  'shp.encoding-invalid': {
    zh: (p) => `部分属性文字不是有效的 ${p.encoding} 编码（.cpg 文件或 .dbf 文件头所写的编码），这些字符显示为“�”。请确认 .cpg 文件写的是属性表实际使用的编码。`,
    en: (p) => `Some attribute text is not valid ${p.encoding} (the encoding named by the .cpg file or the .dbf header); those characters show as "�". Check that the .cpg file names the encoding the table was written in.`,
  },
  'shp.encoding-unknown': {
    zh: () => '属性文字既不是有效的 UTF-8，也不是有效的 GBK，且没有 .cpg 文件说明其编码，已按西欧编码（Windows-1252）读取。如果名称显示为乱码，请在 .dbf 旁添加内容为正确编码的 .cpg 文件。',
    en: () => 'The attribute text is neither valid UTF-8 nor valid GBK, and no .cpg file names its encoding; it was read as Western European (Windows-1252). If names look garbled, add a .cpg file holding the right encoding next to the .dbf.',
  },
  'shp.cpg-unknown': {
    zh: (p) => `.cpg 文件中的编码名称“${p.label}”无法识别，已改为根据文字内容判断编码。请在 .cpg 文件中写入常见的编码名称，如 UTF-8 或 GBK。`,
    en: (p) => `The .cpg file names an unknown encoding "${p.label}"; the encoding was worked out from the text instead. Write a known name in the .cpg file, such as UTF-8 or GBK.`,
  },
  'shp.no-prj': {
    zh: () => '没有 .prj 文件，坐标系未知，将根据坐标范围推测，请在下一步确认。导入时带上随图层导出的 .prj 文件即可免去推测。',
    en: () => 'There is no .prj file, so the coordinate system is unknown; it will be guessed from the coordinates for you to confirm in the next step. Importing the .prj file exported with the layer avoids the guess.',
  },
  'shp.prj-unknown': {
    zh: (p) => `.prj 文件中的坐标系（${p.name}）无法直接使用：${prjReason(p, 'zh')}。请在下一步手动选择坐标系，或先在 GIS 软件中将图层转换到 CGCS2000（EPSG:4490）或 CGCS2000 高斯-克吕格投影带。`,
    en: (p) => `The coordinate system in the .prj file (${p.name}) cannot be used directly: ${prjReason(p, 'en')}. Choose the coordinate system in the next step, or first reproject the layer in a GIS to CGCS2000 (EPSG:4490) or a CGCS2000 Gauss–Krüger zone.`,
  },
} satisfies MessageTable;
