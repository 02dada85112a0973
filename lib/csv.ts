/** CSV writing (RFC 4180), shared by every download. */
type Cell = string | number | null | undefined;

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  // A text cell starting like a formula would be run by spreadsheets: make it plain text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows may be generated one at a time: a document of 100,000 precincts never holds all its rows as arrays at once. */
export function toCsv(header: readonly string[], rows: Iterable<readonly Cell[]>): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return lines.join('\r\n') + '\r\n';
}

/**
 * A CSV file to download: UTF-8 with a byte-order mark, so Excel in any locale reads the Kazakh
 * and Russian text as UTF-8 instead of guessing the local code page.
 */
export const csvDocument = (header: readonly string[], rows: Iterable<readonly Cell[]>): string => `\uFEFF${toCsv(header, rows)}`;
