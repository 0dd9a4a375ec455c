/**
 * Shape checks of stored documents. Each returns the path of the first thing that is wrong,
 * or null: a document that fails is kept and reported, so the path is for support, not users.
 */

export type Check = (value: unknown, path: string) => string | null;

export const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v);

export const record: Check = (v, path) => (isRecord(v) ? null : path);
export const text: Check = (v, path) => (typeof v === 'string' ? null : path);
export const finite: Check = (v, path) => (typeof v === 'number' && Number.isFinite(v) ? null : path);
export const optional = (check: Check): Check => (v, path) => (v === undefined ? null : check(v, path));
export const nullable = (check: Check): Check => (v, path) => (v === null ? null : check(v, path));
export const bytes: Check = (v, path) => (v instanceof Uint8Array ? null : path);
export const nullableText: Check = (v, path) => (v === null || typeof v === 'string' ? null : path);

/** A list whose every item passes `item`. */
export const list = (item: Check): Check => (v, path) => {
  if (!Array.isArray(v)) return path;
  for (let i = 0; i < v.length; i++) {
    const wrong = item(v[i], `${path}[${i}]`);
    if (wrong !== null) return wrong;
  }
  return null;
};

/** A map from text keys to values that pass `item`. */
export const dictionary = (item: Check): Check => (v, path) => {
  if (!isRecord(v)) return path;
  for (const [k, x] of Object.entries(v)) {
    const wrong = item(x, `${path}.${k}`);
    if (wrong !== null) return wrong;
  }
  return null;
};

/** An object whose named fields pass their checks (other fields are left alone). */
export const fields = (shape: Record<string, Check>): Check => (v, path) => {
  if (!isRecord(v)) return path;
  for (const [k, check] of Object.entries(shape)) {
    const wrong = check(v[k], path ? `${path}.${k}` : k);
    if (wrong !== null) return wrong;
  }
  return null;
};
