import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/universal';
import type { MessageKey } from '@/lib/i18n/keys';

/**
 * Turns an uploaded precinct file into rows of text cells, each with the line (CSV) or sheet row
 * (XLSX) it came from, so every error can point at the place the clerk sees in their editor.
 * The same code runs in the browser (checking before upload) and on the server (checking again).
 * Accepted: CSV as Excel saves it in any locale (UTF-8 with or without BOM, Windows-1251, UTF-16
 * "Unicode text"; separator `,`, `;` or tab; quotes; CRLF) and the first sheet of an .xlsx workbook.
 */
export type FileRecord = { line: number; fields: string[] };
export type CsvEncoding = 'utf-8' | 'windows-1251' | 'utf-16le';
export type CsvDelimiter = ',' | ';' | '\t';
export type FileSource = { format: 'xlsx' } | { format: 'csv'; encoding: CsvEncoding; delimiter: CsvDelimiter };
export type FileReading = { ok: true; records: FileRecord[]; source: FileSource } | { ok: false; message: MessageKey };

/** 5 MB holds ~50,000 precinct rows; a region has a few hundred. */
export const MAX_PRECINCT_FILE_BYTES = 5_000_000;

const DELIMITERS: readonly CsvDelimiter[] = [';', ',', '\t'];
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((byte, index) => bytes[index] === byte);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The legacy binary .xls (OLE2 compound file). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];

/**
 * UTF-8 when the bytes are valid UTF-8 (a Cyrillic Windows-1251 text practically never is),
 * otherwise Windows-1251, the code page Excel uses for CSV in Russian and Kazakh locales.
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (startsWith(bytes, UTF8_BOM)) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, UTF16LE_BOM)) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(bytes), encoding: 'windows-1251' };
  }
}

const LINE_BREAK = /\r\n|\n|\r/g;
const countLineBreaks = (text: string) => text.match(LINE_BREAK)?.length ?? 0;
const isBlank = (fields: string[]) => fields.every((value) => value.trim() === '');

/** Parses CSV text with one separator; each record keeps the line it starts on (quoted fields may span lines). */
export function parseDelimited(text: string, delimiter: CsvDelimiter, limit = 0): FileRecord[] {
  const records: FileRecord[] = [];
  let line = 1;
  let start = 0;
  Papa.parse<string[]>(text, {
    delimiter,
    preview: limit,
    step: (row) => {
      if (!isBlank(row.data)) records.push({ line, fields: row.data });
      line += countLineBreaks(text.slice(start, row.meta.cursor));
      start = row.meta.cursor;
    },
  });
  return records;
}

/**
 * The separator is chosen per file: the one that splits the most of its first lines into the
 * expected number of columns (Excel writes `;` where the decimal mark is a comma, `,` elsewhere).
 */
export function detectDelimiter(text: string, expectedColumns: number): CsvDelimiter {
  let best: { delimiter: CsvDelimiter; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    const score = parseDelimited(text, delimiter, 50).filter((record) => record.fields.length === expectedColumns).length;
    if (score > best.score) best = { delimiter, score };
  }
  return best.delimiter;
}

const cellText = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

async function readWorkbook(bytes: Uint8Array): Promise<FileReading> {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    // Numbers stay as written in the cell, so "12.5" voters is refused like in a CSV, not rounded.
    const rows = await readSheet(buffer, { parseNumber: (written: string) => written });
    // Row i of the result is sheet row i + 1: the reader keeps empty rows in between.
    const records = rows.map((row, index) => ({ line: index + 1, fields: row.map(cellText) })).filter((record) => !isBlank(record.fields));
    return { ok: true, records, source: { format: 'xlsx' } };
  } catch {
    return { ok: false, message: 'lists.errors.unreadableWorkbook' };
  }
}

export async function readPrecinctFile(bytes: Uint8Array, expectedColumns: number): Promise<FileReading> {
  if (bytes.byteLength === 0) return { ok: false, message: 'lists.errors.emptyFile' };
  if (bytes.byteLength > MAX_PRECINCT_FILE_BYTES) return { ok: false, message: 'lists.errors.fileTooLarge' };
  if (startsWith(bytes, OLE2)) return { ok: false, message: 'lists.errors.legacyXls' };
  if (startsWith(bytes, ZIP)) return readWorkbook(bytes);
  const { text, encoding } = decodeCsvBytes(bytes);
  const delimiter = detectDelimiter(text, expectedColumns);
  return { ok: true, records: parseDelimited(text, delimiter), source: { format: 'csv', encoding, delimiter } };
}
