/** One benchmark figure; `runs` holds every measurement behind the median. */
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
  runs?: number[];
}
