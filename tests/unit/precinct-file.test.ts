import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { decodeCsvBytes, detectDelimiter, parseDelimited, readPrecinctFile } from '@/lib/constituency-lists/precinct-file';
import { PRECINCT_FILE_COLUMNS, validatePrecinctRecords } from '@/lib/constituency-lists/precinct-import';

const fixture = (name: string) => new Uint8Array(readFileSync(`e2e/fixtures/${name}`));
const codes = new Set(['pavlodar-e2e-files']);
const read = (bytes: Uint8Array) => readPrecinctFile(bytes, PRECINCT_FILE_COLUMNS.length);

describe('reading precinct files', () => {
  it('reads Excel’s UTF-8 CSV: byte-order mark, semicolons, CRLF, quoted and unquoted commas in addresses', async () => {
    const reading = await read(fixture('precincts-excel-utf8-bom-semicolon.csv'));
    expect(reading.ok && reading.source).toEqual({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
    if (!reading.ok) return;
    expect(reading.records.map((r) => r.line)).toEqual([1, 2, 3, 4, 5]);
    expect(reading.records[1]!.fields).toEqual(['pavlodar-e2e-files', '1', 'Абай қ., Абай к-сі, 1, "Болашақ" мектебі', '1200']);
    expect(reading.records[2]!.fields[2]).toBe('Абай қ., Құнанбаев к-сі, 15, мәдениет үйі');
    const checked = validatePrecinctRecords(reading.records, codes);
    // The decimal comma is the one bad value; the upper-case code still names the constituency.
    expect(!checked.ok && checked.errors).toEqual([{ line: 4, column: 'voters_on_list', value: '12,5', message: 'lists.errors.wholeNumber' }]);
  });

  it('recognises Windows-1251 and says so', async () => {
    const reading = await read(fixture('precincts-excel-windows-1251.csv'));
    expect(reading.ok && reading.source).toEqual({ format: 'csv', encoding: 'windows-1251', delimiter: ';' });
    if (!reading.ok) return;
    expect(reading.records[1]!.fields[2]).toBe('г. Абай, ул. Абая, 1, школа "Болашак"');
    const checked = validatePrecinctRecords(reading.records, codes);
    expect(!checked.ok && checked.errors.map((e) => [e.line, e.column, e.message])).toEqual([[3, 'constituency_code', 'lists.errors.unknownConstituency']]);
  });

  it('decodes UTF-8 without a byte-order mark as UTF-8, and UTF-16 "Unicode text" by its mark', () => {
    expect(decodeCsvBytes(new TextEncoder().encode('Ақтөбе'))).toEqual({ text: 'Ақтөбе', encoding: 'utf-8' });
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from('Абай', (c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8]).flat()]);
    expect(decodeCsvBytes(utf16)).toEqual({ text: 'Абай', encoding: 'utf-16le' });
  });

  it('chooses the separator per file by the expected column count', () => {
    expect(detectDelimiter('a,1,"x; y",2\nb,2,z,3', 4)).toBe(',');
    expect(detectDelimiter('a;1;x, y;2\nb;2;z, w;3', 4)).toBe(';');
    expect(detectDelimiter('a\t1\tx, y; z\t2', 4)).toBe('\t');
  });

  it('keeps the line a record starts on when quoted fields span lines, skipping blank lines', () => {
    expect(parseDelimited('a,b\n"x, ""y""",2\n"multi\nline",3\n\n,\nlast,4', ',')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', '2'] },
      { line: 3, fields: ['multi\nline', '3'] },
      { line: 7, fields: ['last', '4'] },
    ]);
  });

  it('reads the first sheet of a workbook, numbering errors by sheet row', async () => {
    const buffer = await writeExcelFile([
      [...PRECINCT_FILE_COLUMNS],
      ['pavlodar-e2e-files', 1, 'Абай қ., Абай к-сі, 1', 1200],
      [null, null, null, null],
      ['pavlodar-e2e-files', 2, 'Топар кенті, 4', 12.5],
      ['pavlodar-e2e-files', '3', '=HYPERLINK("x")', '915'],
    ]).toBuffer();
    const reading = await read(new Uint8Array(buffer));
    expect(reading.ok && reading.source).toEqual({ format: 'xlsx' });
    if (!reading.ok) return;
    expect(reading.records.map((r) => r.line)).toEqual([1, 2, 4, 5]);
    expect(reading.records[1]!.fields).toEqual(['pavlodar-e2e-files', '1', 'Абай қ., Абай к-сі, 1', '1200']);
    const checked = validatePrecinctRecords(reading.records, codes);
    expect(!checked.ok && checked.errors.map((e) => [e.line, e.column, e.value])).toEqual([[4, 'voters_on_list', '12.5']]);
  });

  it('refuses empty, oversized, legacy .xls and broken workbook files with a reason', async () => {
    expect(await read(new Uint8Array())).toEqual({ ok: false, message: 'lists.errors.emptyFile' });
    expect(await read(new Uint8Array(5_000_001))).toEqual({ ok: false, message: 'lists.errors.fileTooLarge' });
    expect(await read(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toEqual({ ok: false, message: 'lists.errors.legacyXls' });
    expect(await read(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toEqual({ ok: false, message: 'lists.errors.unreadableWorkbook' });
  });
});
