import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { BarChartBlock, Briefing, BriefingBlock, BriefingPage, KeyNumbersBlock, ListBlock, MapBlock, ParagraphBlock, TableBlock } from '../../core/briefing/model';
import { textWidthEm } from '../../core/briefing/model';
import { Icon } from '../icons';
import type { Run, RunFailure } from '../runs/run';
import { useMessageText } from '../message';
import './briefing.css';

/** A page's design size in CSS px (16:9); the page is scaled as a whole to fit the window. */
const PAGE_WIDTH_PX = 1280;
const PAGE_HEIGHT_PX = 720;
/** Dark margin kept around the page, in CSS px of the window. */
const STAGE_MARGIN_PX = 16;

/** A page index that exists (a briefing replaced by a shorter one keeps the view on a page). */
function clampPage(index: number, count: number): number {
  return Math.max(0, Math.min(index, count - 1));
}

/** The page `by` pages after `index` (before, when negative), stopping at either end. */
function pageAfter(index: number, by: number, count: number): number {
  return clampPage(clampPage(index, count) + by, count);
}

interface Props {
  briefing: Briefing;
  onClose(): void;
  /** Renders and saves the PDF; a rejection's message is shown under the button. */
  onDownloadPdf(): Run<void>;
}

/**
 * The briefing as a presentation: one page at a time over the whole window, the same blocks
 * in the same order as the PDF, paged with ←/→, PageUp/PageDown, Home/End; Esc closes.
 */
export function BriefingView({ briefing, onClose, onDownloadPdf }: Props) {
  const { t, i18n } = useTranslation();
  const say = useMessageText();
  // Words on the pages follow the briefing's language; the toolbar follows the UI's.
  const tPage = i18n.getFixedT(briefing.lang);
  const overlay = useRef<HTMLDivElement>(null);
  const stage = useRef<HTMLDivElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const [fullscreen, setFullscreen] = useState(false);
  const [pdf, setPdf] = useState<{ busy: boolean; error: RunFailure | null }>({ busy: false, error: null });
  const count = briefing.pages.length;
  const current = clampPage(index, count);
  const step = (by: number) => setIndex((i) => pageAfter(i, by, count));

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const move = (by: number) => setIndex((i) => pageAfter(i, by, count));
      switch (e.key) {
        case 'ArrowRight': case 'PageDown': move(1); break;
        case 'ArrowLeft': case 'PageUp': move(-1); break;
        case 'Home': setIndex(0); break;
        case 'End': setIndex(clampPage(count - 1, count)); break;
        // In full screen the browser takes Esc to leave it and never passes it on.
        case 'Escape': onClose(); break;
        default: return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count, onClose]);

  useEffect(() => {
    overlay.current?.focus();
    const el = overlay.current;
    const onChange = () => setFullscreen(el !== null && document.fullscreenElement === el);
    document.addEventListener('fullscreenchange', onChange);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      if (el && document.fullscreenElement === el) void document.exitFullscreen();
    };
  }, []);

  // The page keeps its design size and is scaled in place (no React render per resize).
  useEffect(() => {
    const box = stage.current;
    const page = frame.current;
    if (!box || !page) return;
    const fit = new ResizeObserver(() => {
      const scale = Math.max(0.1, Math.min((box.clientWidth - 2 * STAGE_MARGIN_PX) / PAGE_WIDTH_PX, (box.clientHeight - 2 * STAGE_MARGIN_PX) / PAGE_HEIGHT_PX));
      page.style.transform = `translate(-50%, -50%) scale(${scale})`;
    });
    fit.observe(box);
    return () => fit.disconnect();
  }, []);

  const toggleFullscreen = () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    // Refused full screen (a policy, an iframe) leaves the view as it is: nothing to report.
    else void overlay.current?.requestFullscreen().catch(() => undefined);
  };

  const downloadPdf = async () => {
    setPdf({ busy: true, error: null });
    const outcome = await onDownloadPdf().result;
    setPdf({ busy: false, error: !outcome.ok && 'failure' in outcome ? outcome.failure : null });
  };

  const page = briefing.pages[current];
  return (
    <div className="briefing-overlay" ref={overlay} data-testid="briefing-view" role="dialog" aria-modal="true" aria-label={briefing.title} tabIndex={-1}>
      <div className="briefing-toolbar">
        <span className="briefing-doc-title">{briefing.title}</span>
        <span className="briefing-keys">{t('briefing.keys')}</span>
        <button type="button" data-testid="briefing-prev" onClick={() => step(-1)} disabled={current <= 0}>{t('briefing.prev')}</button>
        <span className="briefing-count" data-testid="briefing-page-count">{count === 0 ? 0 : current + 1} / {count}</span>
        <button type="button" data-testid="briefing-next" onClick={() => step(1)} disabled={current >= count - 1}>{t('briefing.next')}</button>
        <button type="button" data-testid="briefing-fullscreen" onClick={toggleFullscreen} aria-pressed={fullscreen}>{t(fullscreen ? 'briefing.exitFullscreen' : 'briefing.fullscreen')}</button>
        <button type="button" data-testid="briefing-pdf" onClick={() => void downloadPdf()} disabled={pdf.busy} aria-busy={pdf.busy}>
          {pdf.busy ? <><span className="briefing-spinner" aria-hidden="true" />{t('briefing.pdfBusy')}</> : t('briefing.pdf')}
        </button>
        <button type="button" data-testid="briefing-close" onClick={onClose} aria-label={t('briefing.close')}><Icon name="close" size={12} /></button>
      </div>
      {pdf.error && <p className="briefing-error" role="alert"><Icon name="warning" size={13} /> {say(pdf.error)}</p>}
      <div className="briefing-stage" ref={stage}>
        <div className="briefing-frame" ref={frame}>
          {page && <PageView key={current} page={page} index={current} count={count} docTitle={briefing.title} footer={briefing.footer} t={tPage} />}
        </div>
      </div>
    </div>
  );
}

function PageView({ page, index, count, docTitle, footer, t }: { page: BriefingPage; index: number; count: number; docTitle: string; footer: string; t: TFunction }) {
  if (page.kind === 'cover') {
    return (
      <article className="briefing-page briefing-cover" data-testid="briefing-page" data-page-index={index}>
        <h1>{page.title}</h1>
        {page.subtitle && <p className="briefing-subtitle">{page.subtitle}</p>}
        <hr />
        {page.alerts.map((a, k) => <p key={k} className="briefing-red-alert" role="alert" data-testid="briefing-red-alert">{a}</p>)}
        <p className="briefing-county">{page.county}</p>
        <p className="briefing-author">{page.author}</p>
        <p className="briefing-date">{page.date}</p>
        <p className="briefing-signoff" data-testid="briefing-signoff">{page.signOff}</p>
      </article>
    );
  }
  return (
    <article className="briefing-page" data-testid="briefing-page" data-page-index={index}>
      <h2 className="briefing-page-title">{page.title}</h2>
      <div className="briefing-page-body">
        {page.blocks.map((block, i) => <BlockView key={i} block={block} t={t} />)}
      </div>
      <footer className="briefing-page-footer">
        <span>{docTitle}</span>
        <span data-testid="briefing-fingerprint">{footer}</span>
        <span>{t('briefing.pageOf', { n: index + 1, m: count })}</span>
      </footer>
    </article>
  );
}

function BlockView({ block, t }: { block: BriefingBlock; t: TFunction }) {
  switch (block.kind) {
    case 'numbers': return <NumbersView block={block} />;
    case 'map': return <MapView block={block} t={t} />;
    case 'table': return <TableView block={block} />;
    case 'bars': return <BarsView block={block} t={t} />;
    case 'list': return <ListView block={block} />;
    case 'paragraph': return <ParagraphView block={block} />;
  }
}

/** Tiles per row, the PDF's rule (workers/briefing.api.ts): one row up to five, else rows of at most four. */
function tilesPerRow(count: number): number {
  return count <= 5 ? count : Math.ceil(count / Math.ceil(count / 4));
}

function NumbersView({ block }: { block: KeyNumbersBlock }) {
  return (
    <div className="briefing-tiles" style={{ gridTemplateColumns: `repeat(${tilesPerRow(block.items.length)}, 1fr)` }}>
      {block.items.map((item, i) => (
        <div key={i} className={item.alert ? 'briefing-tile alert' : 'briefing-tile'}>
          <div className="briefing-tile-value">{item.value}</div>
          <div className="briefing-tile-label">{item.label}</div>
          {item.note && <div className="briefing-tile-note">{item.note}</div>}
        </div>
      ))}
    </div>
  );
}

/**
 * The map picture in an SVG whose units are the image's pixels, so the scale bar is exactly
 * `fraction` of the drawn width at any size; marks are sized in hundredths of the image.
 */
function MapView({ block, t }: { block: MapBlock; t: TFunction }) {
  const image = useRef<SVGImageElement>(null);
  useEffect(() => {
    // The model's bytes are a plain Uint8Array; the DOM typings want an ArrayBuffer-backed part.
    const url = URL.createObjectURL(new Blob([block.png as BlobPart], { type: 'image/png' }));
    image.current?.setAttribute('href', url);
    return () => URL.revokeObjectURL(url);
  }, [block.png]);
  const { width: w, height: h } = block;
  const u = Math.max(w, h) / 100;
  const bar = Math.min(Math.max(block.scale.fraction, 0), 1) * w;
  const labelSize = 2.6 * u;
  return (
    <figure className="briefing-map">
      <div className="briefing-map-row">
        <svg className="briefing-map-picture" viewBox={`0 0 ${w} ${h}`} preserveAspectRatio="xMidYMin meet" role="img" aria-label={block.caption ?? t('briefing.legend')}>
          <image ref={image} width={w} height={h} />
          <g transform={`translate(${2 * u} ${h - 2 * u})`}>
            <rect x={-u} y={-5.5 * u} width={bar + 3 * u + textWidthEm(block.scale.label) * labelSize} height={6.5 * u} fill="#ffffff" fillOpacity={0.85} />
            {[0, 1, 2, 3].map((i) => (
              <rect key={i} x={(i * bar) / 4} y={-2.2 * u} width={bar / 4} height={1.2 * u} fill={i % 2 === 0 ? '#1f1f1f' : '#ffffff'} stroke="#1f1f1f" strokeWidth={0.15 * u} />
            ))}
            <text x={bar + u} y={-1.2 * u} fontSize={labelSize} fill="#1f1f1f">{block.scale.label}</text>
          </g>
          <g transform={`translate(${w - 6 * u} ${2 * u})`}>
            <rect x={-2.5 * u} y={-u} width={5 * u} height={12.5 * u} rx={u} fill="#ffffff" fillOpacity={0.85} />
            <text x={0} y={2.6 * u} fontSize={2.8 * u} fontWeight="bold" textAnchor="middle" fill="#1f1f1f">{t('briefing.north')}</text>
            <path d={`M0 ${3.5 * u} L${-1.6 * u} ${10.5 * u} L0 ${8.8 * u} Z`} fill="#1f1f1f" />
            <path d={`M0 ${3.5 * u} L${1.6 * u} ${10.5 * u} L0 ${8.8 * u} Z`} fill="#ffffff" stroke="#1f1f1f" strokeWidth={0.15 * u} />
          </g>
        </svg>
        {block.legend.length > 0 && (
          <div className="briefing-legend">
            <h4>{t('briefing.legend')}</h4>
            <ul>
              {block.legend.map((item, i) => (
                <li key={i}><span className={`briefing-swatch ${item.shape}`} style={{ background: item.color }} />{item.label}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {block.caption && <figcaption>{block.caption}</figcaption>}
      <p className="briefing-attribution">{block.attribution}</p>
    </figure>
  );
}

function TableView({ block }: { block: TableBlock }) {
  const cls = (i: number) => (block.columns[i]?.align === 'right' ? 'num' : undefined);
  return (
    <div className="briefing-table">
      {block.caption && <h3>{block.caption}</h3>}
      <table>
        <thead><tr>{block.columns.map((c, i) => <th key={i} className={cls(i)}>{c.label}</th>)}</tr></thead>
        <tbody>{block.rows.map((row, r) => <tr key={r}>{row.map((cell, i) => <td key={i} className={cls(i)}>{cell}</td>)}</tr>)}</tbody>
        {block.footer && <tfoot><tr>{block.footer.map((cell, i) => <td key={i} className={cls(i)}>{cell}</td>)}</tr></tfoot>}
      </table>
      {block.note && <p className="briefing-note">{block.note}</p>}
    </div>
  );
}

/** Estimated width of text in em: CJK and full-width forms 1, anything else 0.6 (the PDF's rule). */
/**
 * Grouped horizontal bars in SVG units (1000 wide, scaled with the page): per category a label
 * and one bar per series with its value label at the bar's end; a zero line through all.
 */
function BarsView({ block, t }: { block: BarChartBlock; t: TFunction }) {
  const categoryFont = 15;
  const valueFont = 13;
  const pitch = 20;
  const barHeight = 14;
  const groupGap = 12;
  const labelWidth = Math.min(300, Math.max(60, ...block.categories.map((c) => textWidthEm(c) * categoryFont)) + 12);
  const valueWidth = Math.max(40, ...block.series.flatMap((s) => s.labels.map((l) => textWidthEm(l) * valueFont))) + 10;
  const barsWidth = 1000 - labelWidth - valueWidth;
  const values = block.series.flatMap((s) => s.values);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const perUnit = barsWidth / (hi - lo || 1);
  const zero = labelWidth - lo * perUnit;
  const group = block.series.length * pitch;
  const height = Math.max(block.categories.length * (group + groupGap) - groupGap, 1);
  return (
    <div className="briefing-bars">
      <h3>{block.title}{block.unit && <small>{t('briefing.unit', { unit: block.unit })}</small>}</h3>
      <ul className="briefing-series">
        {block.series.map((s, i) => <li key={i}><span className="briefing-swatch square" style={{ background: s.color }} />{s.label}</li>)}
      </ul>
      <svg viewBox={`0 0 1000 ${height}`} role="img" aria-label={block.title}>
        {block.categories.map((category, c) => {
          const top = c * (group + groupGap);
          return (
            <g key={c}>
              <text x={labelWidth - 10} y={top + group / 2} fontSize={categoryFont} textAnchor="end" dominantBaseline="central" fill="#1f1f1f">{category}</text>
              {block.series.map((s, k) => {
                const v = s.values[c] ?? 0;
                const start = zero + Math.min(v, 0) * perUnit;
                const end = zero + Math.max(v, 0) * perUnit;
                const y = top + k * pitch;
                return (
                  <g key={k}>
                    <rect x={start} y={y + (pitch - barHeight) / 2} width={end - start} height={barHeight} fill={s.color} />
                    <text x={end + 5} y={y + pitch / 2} fontSize={valueFont} dominantBaseline="central" fill="#1f1f1f">{s.labels[c] ?? ''}</text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={zero} y1={0} x2={zero} y2={height} stroke="#5b6573" strokeWidth={1.2} />
      </svg>
    </div>
  );
}

function ListView({ block }: { block: ListBlock }) {
  return (
    <div className="briefing-list">
      {block.heading && <h3>{block.heading}</h3>}
      <ul>{block.items.map((item, i) => <li key={i} className={item.alert ? 'alert' : undefined}>{item.text}</li>)}</ul>
    </div>
  );
}

function ParagraphView({ block }: { block: ParagraphBlock }) {
  return <p className={block.small ? 'briefing-paragraph small' : 'briefing-paragraph'}>{block.text}</p>;
}
