/** A label that may be drawn: its anchor on screen (pixels) and its text. */
export interface LabelCandidate {
  index: number;
  x: number;
  y: number;
  text: string;
  /** Lower goes first (a county seat before a village). */
  priority: number;
}

export interface LabelMetrics {
  /** Width of one (CJK) character in pixels. */
  charWidthPx: number;
  heightPx: number;
  /** Gap between the anchor and the start of the text, in pixels (text runs to the right). */
  offsetPx: number;
}

/**
 * Greedy label placement: candidates in priority order (ties by index) each take their
 * box unless it overlaps one already taken. Returns the indices to draw. Deterministic,
 * and cheap for the tens of labels a county map carries.
 */
export function placeLabels(candidates: LabelCandidate[], m: LabelMetrics): number[] {
  const order = [...candidates].sort((a, b) => a.priority - b.priority || a.index - b.index);
  const taken: [number, number, number, number][] = [];
  const placed: number[] = [];
  for (const c of order) {
    const x0 = c.x + m.offsetPx;
    const box: [number, number, number, number] = [x0, c.y - m.heightPx / 2, x0 + c.text.length * m.charWidthPx, c.y + m.heightPx / 2];
    if (taken.some((t) => box[0] < t[2] && t[0] < box[2] && box[1] < t[3] && t[1] < box[3])) continue;
    taken.push(box);
    placed.push(c.index);
  }
  return placed.sort((a, b) => a - b);
}
