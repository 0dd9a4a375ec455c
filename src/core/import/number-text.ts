/**
 * Numbers and blanks as people type them into spreadsheets: `1,234`, ` 56 `, `５６`, `56人`,
 * `-`, `#N/A`. Shared by field suggestion and row conversion so both read text alike.
 */

/** Cell texts that mean "no value" (compared after trimming, case-insensitive). */
const BLANK_MARKERS = new Set(['', '-', '--', '—', '/', '\\', 'null', '<null>', 'n/a', '#n/a', 'na', 'nan']);

/** True for an empty cell or a placeholder such as `-`, `/`, `NULL`, `#N/A`. */
export function isBlankText(text: string): boolean {
  return BLANK_MARKERS.has(text.normalize('NFKC').trim().toLowerCase());
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a number from text, or null when the text is not one. Accepted, after NFKC folding
 * (full-width digits, `，`, `－`) and trimming:
 * - plain decimals and exponents: `56`, `-3.5`, `1e3`;
 * - thousands separators in groups of three: `1,234`, `12,345.6` (`1,23` is not a number);
 * - one trailing unit from `units`, with or without a space: `56人`, `120 m` (a unit the
 *   field does not list, such as `1.2万`, makes the text not a number, so nothing is silently
 *   scaled).
 */
export function parseNumberText(text: string, units: readonly string[]): number | null {
  let s = text.normalize('NFKC').trim().toLowerCase().replace(/\u2212/g, '-');
  for (const unit of units) {
    const u = unit.normalize('NFKC').toLowerCase();
    if (s.length > u.length && s.endsWith(u)) {
      s = s.slice(0, -u.length).trim();
      break;
    }
  }
  if (GROUPED_NUMBER.test(s)) s = s.replace(/,/g, '');
  if (!PLAIN_NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}
