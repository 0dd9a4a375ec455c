/**
 * The hazard register as files: CSV (UTF-8 with a BOM, so Excel opens Chinese correctly; the
 * header block as two-cell lines above a blank line and the table) and Excel .xlsx (through
 * write-excel-file, the header block above the table, bold headers, sized columns).
 */
import writeXlsxFile, { type Row } from 'write-excel-file/universal';
import type { RegisterSheet, SheetValue } from '../core/exposure/register-table';

function csvCell(value: SheetValue): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function registerCsv(sheet: RegisterSheet): Uint8Array {
  const lines = [csvCell(sheet.title), ...sheet.header.map(([k, v]) => `${csvCell(k)},${csvCell(v)}`), '', sheet.columns.map(csvCell).join(',')];
  for (const row of sheet.rows) lines.push(row.map(csvCell).join(','));
  return new TextEncoder().encode(`\uFEFF${lines.join('\r\n')}\r\n`);
}

export async function registerXlsx(sheet: RegisterSheet, sheetName = '台账'): Promise<Blob> {
  const data: Row[] = [
    [{ value: sheet.title, fontWeight: 'bold' }],
    ...sheet.header.map(([k, v]): Row => [{ value: k, fontWeight: 'bold' }, { value: v }]),
    [],
    sheet.columns.map((c) => ({ value: c, fontWeight: 'bold' as const })),
    ...sheet.rows.map((row): Row => row.map((v) => (v === null ? null : { value: v }))),
  ];
  const widths = sheet.columns.map((c, k) => ({ width: Math.min(60, Math.max(c.length * 2 + 2, ...sheet.rows.slice(0, 200).map((r) => String(r[k] ?? '').length * 1.6))) }));
  return writeXlsxFile(data, { columns: widths, sheet: sheetName }).toBlob();
}
