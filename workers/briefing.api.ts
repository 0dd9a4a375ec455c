import { transfer } from 'comlink';
// pdfmake's browser build: it bundles pdfkit with its own Buffer, zlib and virtual file system,
// so the same file runs in the worker and in Node tests (the package's Node entry reads the disk).
import pdfMake from 'pdfmake/build/pdfmake.js';
import type { CanvasElement, Column, Content, ContentTable, CustomTableLayout, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { BarChartBlock, Briefing, BriefingBlock, BriefingLang, ContentPage, CoverPage, KeyNumbersBlock, ListBlock, MapBlock, MapLegendItem, ParagraphBlock, TableBlock } from '../src/core/briefing/model';
import { textWidthEm } from '../src/core/briefing/model';

/** The two TrueType files embedded in every PDF (Noto Sans SC), as fetched by the client. */
export interface BriefingFonts {
  regular: ArrayBuffer;
  bold: ArrayBuffer;
}

/**
 * Page geometry in points, A4 landscape. Content pages keep their title in the page header
 * (drawn again on the pages a long table continues onto), so the content area is fixed:
 *
 *   0 ┌──────────────────────────────────────┐
 *     │  title 18 pt, red rule at y = 70     │ header   (CONTENT_TOP_PT)
 *  86 ├──────────────────────────────────────┤
 *     │  blocks, 12 pt apart                 │ content  (CONTENT_HEIGHT_PT)
 * 549 ├──────────────────────────────────────┤
 *     │  rule · briefing title · Page N of M │ footer   (MARGIN_BOTTOM_PT)
 * 595 └──────────────────────────────────────┘
 */
const PAGE_WIDTH_PT = 841.89;
const PAGE_HEIGHT_PT = 595.28;
const MARGIN_X_PT = 48;
const CONTENT_TOP_PT = 86;
const MARGIN_BOTTOM_PT = 46;
const CONTENT_WIDTH_PT = PAGE_WIDTH_PT - 2 * MARGIN_X_PT;
const CONTENT_HEIGHT_PT = PAGE_HEIGHT_PT - CONTENT_TOP_PT - MARGIN_BOTTOM_PT;
const BLOCK_GAP_PT = 12;
/** Kept free below a map so estimation error cannot push it onto a second page. */
const FIT_SAFETY_PT = 8;
const LEGEND_WIDTH_PT = 170;
const LEGEND_GAP_PT = 16;
const MIN_MAP_HEIGHT_PT = 80;

/** Noto Sans SC's line height in em (hhea ascender 1160 − descender −288, over 1000 units). */
const LINE_EM = 1.448;

const INK = '#1f1f1f';
const GREY = '#6b665c';
const RULE_RED = '#b3261e';
const ALERT_RED = '#b3261e';
const TILE_FILL = '#f2f4f7';
const ALERT_FILL = '#fbeceb';
const TILE_ACCENT = '#2f5d8a';
const HEADER_FILL = '#e8edf3';
const LINE_GREY = '#cfd4db';

const FONT = 'NotoSansSC';
const REGULAR_FILE = 'NotoSansSC-Regular.ttf';
const BOLD_FILE = 'NotoSansSC-Bold.ttf';

/** The renderer's own words: the worker has no i18next, and the briefing says its language. */
const WORDS: Record<BriefingLang, { page: (n: number, m: number) => string; continued: string; legend: string; north: string; unit: (unit: string) => string }> = {
  zh: { page: (n, m) => `第 ${n} 页 / 共 ${m} 页`, continued: '（续）', legend: '图例', north: '北', unit: (u) => `（单位：${u}）` },
  en: { page: (n, m) => `Page ${n} of ${m}`, continued: ' (continued)', legend: 'Legend', north: 'N', unit: (u) => ` (${u})` },
};

/** pdfmake keeps its virtual file system on the instance; the typings leave it out. */
const vfs = (pdfMake as unknown as { virtualfs: { writeFileSync(name: string, content: Uint8Array): void } }).virtualfs;
// Fonts come from the virtual file system and images from data URLs: pdfmake must never fetch.
pdfMake.setUrlAccessPolicy(() => false);

let fontsLoaded = false;

/** Takes the two font files once (they stay in pdfmake's virtual file system for every later PDF). */
export function loadFonts(fonts: BriefingFonts): void {
  // Stored under fixed names, so a new pair replaces the previous one instead of piling up.
  vfs.writeFileSync(REGULAR_FILE, new Uint8Array(fonts.regular));
  vfs.writeFileSync(BOLD_FILE, new Uint8Array(fonts.bold));
  // There is no Chinese italic: italic requests fall back to the upright faces.
  pdfMake.setFonts({ [FONT]: { normal: REGULAR_FILE, bold: BOLD_FILE, italics: REGULAR_FILE, bolditalics: BOLD_FILE } });
  fontsLoaded = true;
}

/**
 * Renders a briefing to PDF: A4 landscape, one PDF page per briefing page (a long table may
 * continue onto more), Noto Sans SC embedded as subsets, Title metadata set. The bytes are
 * transferred to the caller. `fonts` are loaded first when given (else those loaded before).
 */
export async function renderPdf(briefing: Briefing, fonts?: BriefingFonts): Promise<Uint8Array> {
  if (fonts) loadFonts(fonts);
  if (!fontsLoaded) throw new Error('The briefing worker has no fonts yet: call loadFonts first.');
  const buffer = await pdfMake.createPdf(briefingDocument(briefing)).getBuffer();
  // A copy that owns its whole ArrayBuffer, so transferring it moves exactly the PDF.
  const bytes = new Uint8Array(buffer);
  return transfer(bytes, [bytes.buffer]);
}

export const briefingApi = { loadFonts, renderPdf };
export type BriefingApi = typeof briefingApi;

/** The pdfmake document: one section per briefing page, so each starts a page of its own. */
function briefingDocument(briefing: Briefing): TDocumentDefinitions {
  const words = WORDS[briefing.lang];
  const images: Record<string, string> = {};
  const sections = briefing.pages.map((page, index): Content =>
    page.kind === 'cover'
      ? { section: coverContent(page), pageMargins: [72, 64, 72, 64], header: null, footer: null }
      : { section: pageContent(page, index, images, words), pageMargins: [MARGIN_X_PT, CONTENT_TOP_PT, MARGIN_X_PT, MARGIN_BOTTOM_PT], header: pageHeader(page.title, words.continued) },
  );
  return {
    info: { title: briefing.title, creator: 'Anju 安居', producer: 'Anju 安居 (pdfmake)' },
    language: briefing.lang === 'zh' ? 'zh-CN' : 'en',
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [MARGIN_X_PT, CONTENT_TOP_PT, MARGIN_X_PT, MARGIN_BOTTOM_PT],
    defaultStyle: { font: FONT, fontSize: 10.5, color: INK },
    images,
    content: sections,
    footer: (currentPage, pageCount) => ({
      stack: [
        { canvas: [{ type: 'line', x1: 0, y1: 0, x2: CONTENT_WIDTH_PT, y2: 0, lineWidth: 0.5, lineColor: LINE_GREY }] },
        { columns: [{ text: briefing.title, width: 'auto' }, { text: briefing.footer, width: '*', alignment: 'center' }, { text: words.page(currentPage, pageCount), width: 'auto' }], columnGap: 12, margin: [0, 5, 0, 0] },
      ],
      margin: [MARGIN_X_PT, 14, MARGIN_X_PT, 0],
      fontSize: 8,
      color: GREY,
    }),
  };
}

function coverContent(page: CoverPage): Content {
  // Optional parts are left out rather than given '': pdfmake draws an empty text as a blank line.
  const subtitle: Content[] = page.subtitle ? [{ text: page.subtitle, fontSize: 16, color: GREY, margin: [0, 10, 0, 0] }] : [];
  return {
    stack: [
      { text: page.title, fontSize: 30, bold: true, margin: [0, 110, 0, 0] },
      ...subtitle,
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: PAGE_WIDTH_PT - 144, y2: 0, lineWidth: 2, lineColor: RULE_RED }], margin: [0, 22, 0, 22] },
      ...page.alerts.map((a): Content => ({ text: a, fontSize: 12, bold: true, color: RULE_RED, margin: [0, 0, 0, 8] })),
      { text: page.county, fontSize: 16, bold: true },
      { text: page.author, fontSize: 13, margin: [0, 70, 0, 0] },
      { text: page.date, fontSize: 13, margin: [0, 6, 0, 0] },
      { text: page.signOff, fontSize: 11, color: GREY, margin: [0, 6, 0, 0] },
    ],
  };
}

/**
 * The page title, in the header rather than the content, so the pages a long table continues
 * onto keep it (marked as continued). pdfmake asks for the headers page by page in order,
 * so the first page it asks about is the section's own.
 */
function pageHeader(title: string, continued: string) {
  let firstPage = 0;
  return (currentPage: number): Content => {
    firstPage ||= currentPage;
    return {
      stack: [
        { text: currentPage === firstPage ? title : title + continued, fontSize: 18, bold: true, margin: [MARGIN_X_PT, 34, MARGIN_X_PT, 0] },
        { canvas: [{ type: 'line', x1: MARGIN_X_PT, y1: 8, x2: PAGE_WIDTH_PT - MARGIN_X_PT, y2: 8, lineWidth: 1.2, lineColor: RULE_RED }] },
      ],
    };
  };
}

type Words = (typeof WORDS)[BriefingLang];

function pageContent(page: ContentPage, pageIndex: number, images: Record<string, string>, words: Words): Content {
  // A map takes whatever height the page's other blocks leave.
  const others = page.blocks.reduce((sum, b) => sum + (b.kind === 'map' ? 0 : estimateHeight(b) + BLOCK_GAP_PT), 0);
  const maps = page.blocks.filter((b) => b.kind === 'map').length;
  const mapHeight = maps > 0 ? (CONTENT_HEIGHT_PT - others - FIT_SAFETY_PT - BLOCK_GAP_PT * (maps - 1)) / maps : 0;
  const blocks = page.blocks.map((block, i): Content => {
    const last = i === page.blocks.length - 1;
    const content = blockContent(block, { key: `map-${pageIndex}-${i}`, height: mapHeight, images, words });
    // No gap after the last block: a trailing margin could count against the page's height.
    return { stack: [content], margin: [0, 0, 0, last ? 0 : BLOCK_GAP_PT] };
  });
  // An empty page still needs an item, or the next section would reuse its page.
  return blocks.length > 0 ? blocks : [{ text: '\u00a0' }];
}

interface BlockContext {
  /** The map's image name, unique in the document. */
  key: string;
  /** Height the map block may take, in points. */
  height: number;
  images: Record<string, string>;
  words: Words;
}

function blockContent(block: BriefingBlock, ctx: BlockContext): Content {
  switch (block.kind) {
    case 'numbers': return numbersContent(block);
    case 'map': return mapContent(block, ctx);
    case 'table': return tableContent(block);
    case 'bars': return barsContent(block, ctx.words);
    case 'list': return listContent(block);
    case 'paragraph': return paragraphContent(block);
  }
}

/** Tiles per row: all in one row up to five, else rows as even as possible of at most four. */
function tilesPerRow(count: number): number {
  return count <= 5 ? count : Math.ceil(count / Math.ceil(count / 4));
}

/**
 * Key numbers as tiles: one table per row, tiles in the even columns and 10 pt gaps in the odd
 * ones, so all tiles of a row share its height. A tile's left rule marks it (red for alerts).
 */
function numbersContent(block: KeyNumbersBlock): Content {
  const perRow = tilesPerRow(block.items.length);
  const rows: Content[] = [];
  for (let start = 0; start < block.items.length; start += perRow) {
    const items = block.items.slice(start, start + perRow);
    const cells: ContentTable['table']['body'][number] = [];
    const widths: ('*' | number)[] = [];
    for (let i = 0; i < perRow; i++) {
      const item = items[i];
      const note: Content[] = item?.note ? [{ text: item.note, fontSize: 8.5, color: item.alert ? ALERT_RED : GREY, margin: [0, 2, 0, 0] }] : [];
      if (i > 0) {
        cells.push({ text: '' });
        widths.push(10);
      }
      widths.push('*');
      cells.push(
        item
          ? {
              fillColor: item.alert ? ALERT_FILL : TILE_FILL,
              stack: [
                { text: item.value, fontSize: 22, bold: true, color: item.alert ? ALERT_RED : INK },
                { text: item.label, fontSize: 10 },
                ...note,
              ],
            }
          : { text: '' },
      );
    }
    const accent = (col: number) => col % 2 === 0 && col / 2 < items.length;
    const layout: CustomTableLayout = {
      hLineWidth: () => 0,
      vLineWidth: (col) => (accent(col) ? 3 : 0),
      vLineColor: (col) => (items[col / 2]?.alert ? ALERT_RED : TILE_ACCENT),
      paddingLeft: (col) => (col % 2 === 0 ? 10 : 0),
      paddingRight: () => 6,
      paddingTop: () => 8,
      paddingBottom: () => 8,
    };
    rows.push({ table: { widths, body: [cells] }, layout, margin: [0, start > 0 ? 8 : 0, 0, 0] });
  }
  return { stack: rows };
}

function legendSwatch(item: MapLegendItem): CanvasElement {
  switch (item.shape) {
    case 'circle': return { type: 'ellipse', x: 7, y: 6.5, r1: 5, r2: 5, color: item.color, lineColor: '#444444', lineWidth: 0.5 };
    case 'line': return { type: 'line', x1: 0, y1: 6.5, x2: 16, y2: 6.5, lineWidth: 3, lineColor: item.color };
    case 'square': return { type: 'rect', x: 1, y: 1.5, w: 12, h: 10, color: item.color, lineColor: '#444444', lineWidth: 0.5 };
  }
}

/** A classic two-tone north arrow under its letter, 20 × 30 pt. */
function northArrow(letter: string): Content {
  const arrow: Column = {
    width: 20,
    stack: [
      { text: letter, bold: true, fontSize: 10, alignment: 'center' },
      {
        canvas: [
          { type: 'polyline', closePath: true, points: [{ x: 10, y: 0 }, { x: 0, y: 30 }, { x: 10, y: 23 }], color: INK, lineColor: INK, lineWidth: 0.6 },
          { type: 'polyline', closePath: true, points: [{ x: 10, y: 0 }, { x: 20, y: 30 }, { x: 10, y: 23 }], color: '#ffffff', lineColor: INK, lineWidth: 0.6 },
        ],
      },
    ],
  };
  // A 20 pt column, so the letter centres over the arrow.
  return { columns: [arrow, { text: '' }], margin: [0, 0, 0, 12] };
}

/** A scale bar of four alternating segments, `lengthPt` long, with its label after it. */
function scaleBar(lengthPt: number, label: string): Content {
  const segment = lengthPt / 4;
  const canvas: CanvasElement[] = [];
  for (let i = 0; i < 4; i++) canvas.push({ type: 'rect', x: i * segment, y: 3, w: segment, h: 4, color: i % 2 === 0 ? INK : '#ffffff', lineColor: INK, lineWidth: 0.6 });
  return { columns: [{ canvas, width: lengthPt + 1 }, { text: label, fontSize: 8, width: 'auto', margin: [6, 0, 0, 0] }], columnGap: 0 };
}

/**
 * The map: the picture scaled to the width beside the legend and to the height left on the
 * page, a scale bar `fraction` of the drawn width under it, the caption and the attribution;
 * the north arrow and legend in a column to its right.
 */
function mapContent(block: MapBlock, ctx: BlockContext): Content {
  ctx.images[ctx.key] = `data:image/png;base64,${base64(block.png)}`;
  const maxWidth = CONTENT_WIDTH_PT - LEGEND_WIDTH_PT - LEGEND_GAP_PT;
  // Text under the picture wraps at its drawn width, which depends on the room that text
  // leaves: a few rounds settle it (narrower pictures only ever wrap into more lines).
  let width = maxWidth;
  let height = 0;
  for (let round = 0; round < 3; round++) {
    const below = mapTextHeight(block, width);
    const scale = Math.min(maxWidth / block.width, Math.max(MIN_MAP_HEIGHT_PT, ctx.height - below) / block.height);
    width = block.width * scale;
    height = block.height * scale;
  }
  const fraction = Math.min(Math.max(block.scale.fraction, 0), 1);
  const picture: Content[] = [
    { image: ctx.key, width, height },
    { stack: [scaleBar(fraction * width, block.scale.label)], margin: [0, 6, 0, 0] },
  ];
  if (block.caption) picture.push({ text: block.caption, fontSize: 9, margin: [0, 4, 0, 0] });
  picture.push({ text: block.attribution, fontSize: 7.5, color: GREY, margin: [0, 3, 0, 0] });
  const side: Content[] = [];
  side.push(northArrow(ctx.words.north));
  if (block.legend.length > 0) {
    side.push({ text: ctx.words.legend, bold: true, fontSize: 10, margin: [0, 0, 0, 4] });
    for (const item of block.legend) side.push({ columns: [{ canvas: [legendSwatch(item)], width: 16 }, { text: item.label, fontSize: 9 }], columnGap: 6, margin: [0, 0, 0, 4] });
  }
  return { columns: [{ stack: picture, width }, { stack: side, width: LEGEND_WIDTH_PT }], columnGap: LEGEND_GAP_PT };
}

/** Height of what is drawn under the map picture when it is `widthPt` wide. */
function mapTextHeight(block: MapBlock, widthPt: number): number {
  let h = 6 + 8 * LINE_EM + 3 + textHeight(block.attribution, 7.5, widthPt);
  if (block.caption) h += 4 + textHeight(block.caption, 9, widthPt);
  return h;
}

const tableLayout = (hasFooter: boolean): CustomTableLayout => ({
  hLineWidth: (i, node) => {
    const rows = node.table.body.length;
    if (i === 0 || i === 1 || i === rows) return 0.9;
    return hasFooter && i === rows - 1 ? 0.9 : 0.4;
  },
  hLineColor: (i, node) => (i === 0 || i === 1 || i === node.table.body.length || (hasFooter && i === node.table.body.length - 1) ? '#5b6573' : LINE_GREY),
  vLineWidth: () => 0,
  paddingLeft: () => 6,
  paddingRight: () => 6,
  paddingTop: () => 3,
  paddingBottom: () => 3,
});

/**
 * A table that may run over its page: pdfmake repeats the header row (`headerRows: 1`) and the
 * page header repeats the page's title; rows are never split.
 */
function tableContent(block: TableBlock): Content {
  const align = block.columns.map((c) => c.align);
  const body: ContentTable['table']['body'] = [
    block.columns.map((c) => ({ text: c.label, bold: true, fillColor: HEADER_FILL, alignment: c.align })),
    ...block.rows.map((row) => row.map((cell, i) => ({ text: cell, alignment: align[i] ?? 'left' }))),
  ];
  if (block.footer) body.push(block.footer.map((cell, i) => ({ text: cell, bold: true, alignment: align[i] ?? 'left' })));
  const parts: Content[] = [];
  if (block.caption) parts.push({ text: block.caption, bold: true, fontSize: 10.5, margin: [0, 0, 0, 4] });
  // The first column (names) takes the rest of the width; the figures keep to their size.
  parts.push({ table: { headerRows: 1, dontBreakRows: true, widths: block.columns.map((_, i) => (i === 0 ? '*' : 'auto')), body }, layout: tableLayout(Boolean(block.footer)), fontSize: 9.5 });
  if (block.note) parts.push({ text: block.note, fontSize: 8.5, color: GREY, margin: [0, 3, 0, 0] });
  return { stack: parts };
}

const BAR_HEIGHT_PT = 9;
const BAR_VALUE_FONT_PT = 8;

/**
 * Grouped horizontal bars as vector shapes: per category a label on the left and one bar per
 * series, each followed by its formatted value; the zero line is drawn through each bar's row.
 */
function barsContent(block: BarChartBlock, words: Words): Content {
  const labelWidth = Math.min(CONTENT_WIDTH_PT * 0.3, Math.max(40, ...block.categories.map((c) => textWidth(c, 9))) + 4);
  const valueWidth = Math.max(30, ...block.series.flatMap((s) => s.labels.map((l) => textWidth(l, BAR_VALUE_FONT_PT)))) + 8;
  const barsWidth = CONTENT_WIDTH_PT - labelWidth - 10 - valueWidth;
  const values = block.series.flatMap((s) => s.values);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const ptPerUnit = barsWidth / (hi - lo || 1);
  const zero = -lo * ptPerUnit;
  const rowPitch = BAR_VALUE_FONT_PT * LINE_EM;
  const groups: Content[] = block.categories.map((category, c) => {
    const bars: Content[] = block.series.map((series) => {
      const v = series.values[c] ?? 0;
      const end = zero + Math.max(v, 0) * ptPerUnit;
      const start = zero + Math.min(v, 0) * ptPerUnit;
      return {
        columns: [
          {
            width: Math.max(end, 1),
            canvas: [
              { type: 'rect', x: start, y: (rowPitch - BAR_HEIGHT_PT) / 2, w: end - start, h: BAR_HEIGHT_PT, color: series.color },
              { type: 'line', x1: zero, y1: 0, x2: zero, y2: rowPitch + 2, lineWidth: 0.8, lineColor: '#5b6573' },
            ],
          },
          { text: series.labels[c] ?? '', fontSize: BAR_VALUE_FONT_PT, width: 'auto', margin: [4, 0, 0, 0] },
        ],
        columnGap: 0,
        margin: [0, 0, 0, 2],
      };
    });
    const groupHeight = block.series.length * (rowPitch + 2);
    return {
      columns: [
        { text: category, fontSize: 9, alignment: 'right', width: labelWidth, margin: [0, Math.max(0, (groupHeight - 9 * LINE_EM) / 2), 0, 0] },
        { stack: bars, width: '*' },
      ],
      columnGap: 10,
      margin: [0, 0, 0, 6],
    };
  });
  const legend: Content = {
    columns: block.series.map((s) => ({
      width: 'auto',
      columns: [{ canvas: [{ type: 'rect', x: 0, y: 2, w: 10, h: 9, color: s.color }], width: 14 }, { text: s.label, fontSize: 9, width: 'auto' }],
      columnGap: 0,
    })),
    columnGap: 16,
    margin: [labelWidth + 10, 0, 0, 6],
  };
  return {
    stack: [
      { text: [{ text: block.title, bold: true }, { text: block.unit ? words.unit(block.unit) : '', color: GREY, fontSize: 9 }], fontSize: 10.5, margin: [0, 0, 0, 4] },
      legend,
      ...groups,
    ],
  };
}

function listContent(block: ListBlock): Content {
  const items = block.items.map((item) => (item.alert ? { text: item.text, color: ALERT_RED, markerColor: ALERT_RED } : { text: item.text }));
  const list: Content = { ul: items, margin: [4, 0, 0, 0] };
  return block.heading ? { stack: [{ text: block.heading, bold: true, margin: [0, 0, 0, 4] }, list] } : list;
}

function paragraphContent(block: ParagraphBlock): Content {
  return block.small ? { text: block.text, fontSize: 9, color: GREY } : { text: block.text, lineHeight: 1.25 };
}

/**
 * Estimated height of a block, in points, to size the map that shares its page. It errs high:
 * every non-CJK character counts 0.6 em (Noto Sans SC's digits are 0.555 em, CJK 1 em).
 */
function estimateHeight(block: BriefingBlock): number {
  switch (block.kind) {
    case 'numbers': {
      const perRow = tilesPerRow(block.items.length);
      const tileWidth = (CONTENT_WIDTH_PT - 10 * (perRow - 1)) / perRow - 16;
      let h = 0;
      for (let start = 0; start < block.items.length; start += perRow) {
        const row = block.items.slice(start, start + perRow).map((t) => 16 + textHeight(t.value, 22, tileWidth) + textHeight(t.label, 10, tileWidth) + (t.note ? 2 + textHeight(t.note, 8.5, tileWidth) : 0));
        h += Math.max(...row) + (start > 0 ? 8 : 0);
      }
      return h;
    }
    case 'table': {
      const rowHeight = (cells: string[]) => 6 + Math.max(...cells.map((c) => textHeight(c, 9.5, CONTENT_WIDTH_PT / cells.length)));
      let h = rowHeight(block.columns.map((c) => c.label)) + block.rows.reduce((s, r) => s + rowHeight(r), 0);
      if (block.footer) h += rowHeight(block.footer);
      if (block.caption) h += 4 + textHeight(block.caption, 10.5, CONTENT_WIDTH_PT);
      if (block.note) h += 3 + textHeight(block.note, 8.5, CONTENT_WIDTH_PT);
      return h;
    }
    case 'bars':
      return 4 + 10.5 * LINE_EM + 6 + 9 * LINE_EM + block.categories.length * (block.series.length * (BAR_VALUE_FONT_PT * LINE_EM + 2) + 6);
    case 'list':
      return (block.heading ? 4 + textHeight(block.heading, 10.5, CONTENT_WIDTH_PT) : 0) + block.items.reduce((s, item) => s + textHeight(item.text, 10.5, CONTENT_WIDTH_PT - 20), 0);
    case 'paragraph':
      return block.small ? textHeight(block.text, 9, CONTENT_WIDTH_PT) : textHeight(block.text, 10.5, CONTENT_WIDTH_PT) * 1.25;
    case 'map':
      return 0;
  }
}

/** Estimated width of one line of text, in points (CJK and full-width forms 1 em, others 0.6 em). */
function textWidth(text: string, fontSizePt: number): number {
  return textWidthEm(text) * fontSizePt;
}

/** Estimated height of wrapped text, in points. */
function textHeight(text: string, fontSizePt: number, widthPt: number): number {
  let lines = 0;
  for (const line of text.split('\n')) lines += Math.max(1, Math.ceil(textWidth(line, fontSizePt) / widthPt));
  return lines * fontSizePt * LINE_EM;
}

/** Base64 of bytes, in chunks so the argument list of `fromCharCode` stays short. */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
