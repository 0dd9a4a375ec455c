/** Timing helpers shared by the benchmark groups. */

/** Runs per figure (after one untimed run). */
export const RUNS = 5;

/** The median of some measurements. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Runs `time` once untimed, then RUNS times timed: the median and every run, in ms. */
export function timeMedian(time: () => void): { value: number; runs: number[] } {
  time();
  const runs: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    time();
    runs.push(performance.now() - t0);
  }
  runs.sort((a, b) => a - b);
  return { value: median(runs), runs };
}
