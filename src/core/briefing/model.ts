/**
 * A briefing (汇报材料) as plain data: pages of blocks whose every number is already a
 * formatted string (the builder uses the app's own formatters, so the briefing shows exactly
 * the app's figures). Two renderers draw the same pages: the in-app presentation view (HTML)
 * and the PDF (worker). Neither computes anything.
 *
 * Units: sizes in the PDF are points on A4 landscape (842 × 595 pt); the map image carries
 * its own pixel size and is scaled to fit its block.
 */

export type BriefingLang = 'zh' | 'en';

export interface Briefing {
  lang: BriefingLang;
  /** The document's title, also the PDF's Title metadata and the download's name. */
  title: string;
  /** Printed at the foot of every page: the result's fingerprint and its sign-off state. */
  footer: string;
  pages: BriefingPage[];
}

export type BriefingPage = CoverPage | ContentPage;

export interface CoverPage {
  kind: 'cover';
  title: string;
  subtitle?: string;
  /** County (区县) the briefing is about. */
  county: string;
  /** As officials write it, e.g. "2026年11月22日". */
  date: string;
  /** The unit that prepared it (编制单位). */
  author: string;
  /** The sign-off (定稿) as it stands: who and when, or that it is not signed off. */
  signOff: string;
  /** Red alerts the reader must see first (people placed in a hazard zone, an unfinished solve). */
  alerts: string[];
}

export interface ContentPage {
  kind: 'content';
  title: string;
  blocks: BriefingBlock[];
}

export type BriefingBlock = KeyNumbersBlock | MapBlock | TableBlock | BarChartBlock | ListBlock | ParagraphBlock;

/** Large figures in a row of tiles: "3.21 万人 / 已搬迁人口". */
export interface KeyNumbersBlock {
  kind: 'numbers';
  items: { label: string; value: string; /** A small line under the value (e.g. "其中必须搬迁 1.2 万人"). */ note?: string; /** Draws the tile as an alert. */ alert?: boolean }[];
}

export interface MapLegendItem {
  label: string;
  /** CSS colour, `#rrggbb`. */
  color: string;
  shape: 'circle' | 'line' | 'square';
}

/** A map picture with its legend, scale bar, north arrow and data attribution. */
export interface MapBlock {
  kind: 'map';
  /** PNG bytes of the map as shown (basemap and overlays). */
  png: Uint8Array;
  width: number;
  height: number;
  legend: MapLegendItem[];
  /** Scale bar: its label ("5 km") and its length as a fraction of the image's width. North is up (an arrow says so). */
  scale: { label: string; fraction: number };
  attribution: string;
  /** "图 1 …", under the picture. */
  caption?: string;
}

export interface TableBlock {
  kind: 'table';
  /** "表 1 …", above the table. */
  caption?: string;
  columns: { label: string; align: 'left' | 'right' }[];
  rows: string[][];
  /** A totals row, drawn bold. */
  footer?: string[];
  /** A small grey line under the table (what the figures include). */
  note?: string;
}

/** Horizontal or grouped bars: one group per category, one bar per series (scenario). */
export interface BarChartBlock {
  kind: 'bars';
  title: string;
  /** Unit shown after the values on the axis, e.g. "万元". Values are already in this unit. */
  unit: string;
  categories: string[];
  series: { label: string; color: string; values: number[]; /** Labels drawn at the bars' ends (formatted as in the app). */ labels: string[] }[];
}

export interface ListBlock {
  kind: 'list';
  heading?: string;
  items: { text: string; /** Marks the item as an alert (red). */ alert?: boolean }[];
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  /** Smaller, grey text (notes, sources). */
  small?: boolean;
}

/**
 * Estimated width of a line of text in em: CJK and full-width characters are one em, the rest
 * about 0.6 (Noto Sans SC). Both renderers lay out with it (pdfmake does not report sizes).
 */
export function textWidthEm(text: string): number {
  let em = 0;
  for (const ch of text) em += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.6;
  return em;
}
