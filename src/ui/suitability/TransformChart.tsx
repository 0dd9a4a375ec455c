/**
 * A criterion's transform drawn over its histogram, with handles to drag: the two points of
 * a linear transform, the breaks and class scores of class ranges, the midpoint of the fuzzy
 * and gaussian curves. Dragging calls `onChange` with a new transform; the store debounces.
 */
import { transformCurve, type Transform } from '../../core/suitability/transforms';
import type { CriterionHistogram } from '../../../workers/suitability.api';

const W = 300;
const H = 120;
const PAD = { l: 28, r: 8, t: 8, b: 18 };
const PW = W - PAD.l - PAD.r;
const PH = H - PAD.t - PAD.b;

/** The x range the chart shows: the data's, widened to include the transform's own points. */
export function chartDomain(t: Transform, hist: CriterionHistogram | null): [number, number] {
  let lo = hist ? hist.min : 0;
  let hi = hist ? hist.max : 100;
  const points = t.kind === 'linear' ? [t.from, t.to] : t.kind === 'ranges' ? t.breaks : t.kind === 'categories' ? t.values : [t.mid];
  for (const p of points) {
    if (Number.isFinite(p)) {
      lo = Math.min(lo, p);
      hi = Math.max(hi, p);
    }
  }
  if (!(hi > lo)) hi = lo + 1;
  return [lo, hi];
}

function round(v: number, span: number): number {
  const step = span > 2000 ? 10 : span > 200 ? 1 : span > 20 ? 0.5 : 0.1;
  return Math.round(v / step) * step;
}

export function TransformChart({ transform, histogram, onChange, label }: { transform: Transform; histogram: CriterionHistogram | null; onChange: (t: Transform) => void; label: string }) {
  const [lo, hi] = chartDomain(transform, histogram);
  const sx = (v: number) => PAD.l + ((v - lo) / (hi - lo)) * PW;
  const sy = (score: number) => PAD.t + (1 - score / 100) * PH;
  const toValue = (clientX: number, box: DOMRect) => {
    const x = ((clientX - box.left) / box.width) * W;
    return round(lo + ((x - PAD.l) / PW) * (hi - lo), hi - lo);
  };
  const toScore = (clientY: number, box: DOMRect) => {
    const y = ((clientY - box.top) / box.height) * H;
    return Math.max(0, Math.min(100, Math.round((1 - (y - PAD.t) / PH) * 100)));
  };

  const drag = (update: (e: PointerEvent, box: DOMRect) => Transform | null) => (down: React.PointerEvent) => {
    down.preventDefault();
    const target = down.currentTarget as SVGGraphicsElement;
    target.setPointerCapture(down.pointerId);
    const box = target.ownerSVGElement!.getBoundingClientRect();
    const move = (e: PointerEvent) => {
      const next = update(e, box);
      if (next) onChange(next);
    };
    const up = () => {
      target.removeEventListener('pointermove', move as EventListener);
      target.removeEventListener('pointerup', up);
    };
    target.addEventListener('pointermove', move as EventListener);
    target.addEventListener('pointerup', up);
  };

  const counts = histogram?.counts;
  let maxCount = 1;
  if (counts) for (const c of counts) maxCount = Math.max(maxCount, c);
  const bars = counts && histogram && histogram.max > histogram.min
    ? Array.from(counts, (c, k) => {
        const x0 = sx(histogram.min + (k / counts.length) * (histogram.max - histogram.min));
        const x1 = sx(histogram.min + ((k + 1) / counts.length) * (histogram.max - histogram.min));
        const h = (Math.sqrt(c) / Math.sqrt(maxCount)) * PH;
        return <rect key={k} x={x0} y={PAD.t + PH - h} width={Math.max(0.5, x1 - x0 - 0.5)} height={h} className="hist-bar" />;
      })
    : null;

  const curve = transformCurve(transform, lo, hi, 120);
  const path = Array.from(curve, (s, k) => `${k === 0 ? 'M' : 'L'}${(PAD.l + (k / (curve.length - 1)) * PW).toFixed(1)},${sy(s).toFixed(1)}`).join('');

  const handles: React.ReactNode[] = [];
  if (transform.kind === 'linear') {
    const t = transform;
    handles.push(
      <circle key="a" className="handle" cx={sx(t.from)} cy={sy(t.scoreFrom)} r={6} data-testid="handle-from" onPointerDown={drag((e, box) => ({ ...t, from: toValue(e.clientX, box), scoreFrom: toScore(e.clientY, box) }))} />,
      <circle key="b" className="handle" cx={sx(t.to)} cy={sy(t.scoreTo)} r={6} data-testid="handle-to" onPointerDown={drag((e, box) => ({ ...t, to: toValue(e.clientX, box), scoreTo: toScore(e.clientY, box) }))} />,
    );
  } else if (transform.kind === 'ranges') {
    const t = transform;
    t.breaks.forEach((b, k) => {
      handles.push(
        <line key={`b${k}`} className="handle-line" x1={sx(b)} x2={sx(b)} y1={PAD.t} y2={PAD.t + PH} onPointerDown={drag((e, box) => {
          const v = toValue(e.clientX, box);
          const prev = k > 0 ? t.breaks[k - 1] : -Infinity;
          const next = k < t.breaks.length - 1 ? t.breaks[k + 1] : Infinity;
          if (!(v > prev && v < next)) return null;
          return { ...t, breaks: t.breaks.map((x, j) => (j === k ? v : x)) };
        })} />,
      );
    });
    t.scores.forEach((s, k) => {
      const x0 = sx(k === 0 ? lo : t.breaks[k - 1]);
      const x1 = sx(k === t.breaks.length ? hi : t.breaks[k]);
      handles.push(<circle key={`s${k}`} className="handle" cx={(x0 + x1) / 2} cy={sy(s)} r={5} onPointerDown={drag((e, box) => ({ ...t, scores: t.scores.map((x, j) => (j === k ? toScore(e.clientY, box) : x)) }))} />);
    });
  } else if (transform.kind !== 'categories') {
    const t = transform;
    handles.push(<circle key="mid" className="handle" cx={sx(t.mid)} cy={sy(curve[Math.round(((t.mid - lo) / (hi - lo)) * (curve.length - 1))] ?? 50)} r={6} data-testid="handle-mid" onPointerDown={drag((e, box) => ({ ...t, mid: toValue(e.clientX, box) }))} />);
  }

  return (
    <svg className="transform-chart" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
      <rect x={PAD.l} y={PAD.t} width={PW} height={PH} className="chart-frame" />
      {bars}
      {[0, 50, 100].map((s) => (
        <text key={s} x={PAD.l - 4} y={sy(s) + 3} className="axis" textAnchor="end">{s}</text>
      ))}
      <text x={PAD.l} y={H - 4} className="axis">{Math.round(lo).toLocaleString()}</text>
      <text x={W - PAD.r} y={H - 4} className="axis" textAnchor="end">{Math.round(hi).toLocaleString()}</text>
      <path d={path} className="curve" />
      {handles}
    </svg>
  );
}
