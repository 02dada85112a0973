/** CSV writing (RFC 4180), shared by every download. */
type Cell = string | number | null | undefined;

function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  // Most cells of a results file are counts: nothing to quote or neutralise.
  if (typeof value === 'number') return String(value);
  let text = String(value);
  // A text cell starting like a formula would be run by spreadsheets: make it plain text.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV text in pieces of about `chunkLength` characters (UTF-8 byte-order mark first, see
 * csvDocument): rows may be generated one at a time, so a document of 100,000 precincts is never
 * whole in memory, neither as rows nor as text.
 */
export function* csvChunks(header: readonly string[], rows: Iterable<readonly Cell[]>, chunkLength = 1 << 16): Generator<string> {
  let text = `\uFEFF${header.map(csvCell).join(',')}\r\n`;
  for (const row of rows) {
    text += `${row.map(csvCell).join(',')}\r\n`;
    if (text.length >= chunkLength) {
      yield text;
      text = '';
    }
  }
  yield text;
}

/**
 * A CSV file to download: UTF-8 with a byte-order mark, so Excel in any locale reads the Kazakh
 * and Russian text as UTF-8 instead of guessing the local code page.
 */
export const csvDocument = (header: readonly string[], rows: Iterable<readonly Cell[]>): string => [...csvChunks(header, rows)].join('');
