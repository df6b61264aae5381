/**
 * CSV as RFC 4180 writes it: comma-separated, CRLF line ends, a cell quoted when it holds a
 * comma, quote or line break, quotes doubled. Comma rather than semicolon, although Excel in a
 * Russian or Kazakh locale expects ';' when a file is double-clicked: comma is what the RFC and
 * every other reader (LibreOffice, Google Sheets, pandas, a script) take by default, and Excel's
 * "Data → From Text/CSV" reads it. The only trick that makes double-clicking work in every
 * locale, a first line `sep=,`, makes Excel ignore the BOM and garble Cyrillic, so it is not used.
 */
export type Cell = string | number | null | undefined;

/** Makes Excel read the file as UTF-8, so Cyrillic and Kazakh letters come out right. */
export const UTF8_BOM = '\uFEFF';

/** A text cell starting with = + - @ (or a tab or CR) is prefixed with ' so a spreadsheet shows it instead of running it as a formula. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows as CSV text, each line ended by CRLF. */
export function csvLines(rows: readonly (readonly Cell[])[]): string {
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
