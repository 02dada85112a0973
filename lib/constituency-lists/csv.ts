import type { RowError } from '@/lib/commands';
import { toCsv } from '@/lib/csv';
import { addressField, precinctNumberField, votersField, type ListContent } from './schemas';

/**
 * Precinct CSV import. The whole file is validated before anything is applied; every bad row is
 * reported with its line number. Rows replace the precincts of the constituencies they name.
 */
export const PRECINCT_CSV_COLUMNS = ['constituency_code', 'precinct_number', 'address', 'voters_on_list'] as const;

type Precinct = ListContent['constituencies'][number]['precincts'][number];
export type PrecinctImport = { byConstituency: Map<string, Precinct[]>; rows: number };
export type PrecinctImportResult = { ok: true; value: PrecinctImport } | { ok: false; errors: RowError[] };

export const MAX_REPORTED_ERRORS = 200;

/** RFC 4180 records with the line each starts on (quoted fields may span lines). */
export function parseCsv(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (quoted) {
      if (char === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',' || char === ';') {
      fields.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && source[i + 1] === '\n') i++;
      fields.push(field);
      records.push({ line: recordLine, fields });
      fields = [];
      field = '';
      line++;
      recordLine = line;
    } else field += char;
  }
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    records.push({ line: recordLine, fields });
  }
  return records.filter((record) => record.fields.some((value) => value.trim() !== ''));
}

const WHOLE_NUMBER = /^\s*\d+\s*$/;

function checkNumber(value: string, column: 'precinct_number' | 'voters_on_list', line: number, errors: RowError[]): number | null {
  if (!WHOLE_NUMBER.test(value)) {
    const negative = column === 'voters_on_list' && /^\s*-\s*\d+\s*$/.test(value);
    errors.push({ line, column, value, message: negative ? 'lists.errors.votersNegative' : 'lists.errors.wholeNumber' });
    return null;
  }
  const parsed = (column === 'precinct_number' ? precinctNumberField : votersField).safeParse(value.trim());
  if (!parsed.success) {
    errors.push({ line, column, value, message: parsed.error.issues[0]?.message ?? 'lists.errors.wholeNumber' });
    return null;
  }
  return parsed.data;
}

type ValidationState = { errors: RowError[]; seen: Map<string, number>; result: Map<string, Precinct[]> };

function validateRecord(record: { line: number; fields: string[] }, knownCodes: ReadonlySet<string>, state: ValidationState) {
  const { line, fields } = record;
  const errors: RowError[] = [];
  if (fields.length !== PRECINCT_CSV_COLUMNS.length) {
    state.errors.push({ line, message: 'lists.errors.columnCount' });
    return;
  }
  const [rawCode = '', rawNumber = '', rawAddress = '', rawVoters = ''] = fields;
  const code = rawCode.trim().toLowerCase();
  if (!knownCodes.has(code)) errors.push({ line, column: 'constituency_code', value: rawCode, message: 'lists.errors.unknownConstituency' });
  const number = checkNumber(rawNumber, 'precinct_number', line, errors);
  const address = addressField.safeParse(rawAddress);
  if (!address.success) errors.push({ line, column: 'address', value: rawAddress, message: address.error.issues[0]?.message ?? 'errors.required' });
  const voters = checkNumber(rawVoters, 'voters_on_list', line, errors);
  if (number !== null && knownCodes.has(code)) {
    const key = `${code}#${number}`;
    const firstLine = state.seen.get(key);
    if (firstLine !== undefined) errors.push({ line, column: 'precinct_number', value: rawNumber, message: 'lists.errors.duplicatePrecinctInFile' });
    else state.seen.set(key, line);
  }
  if (errors.length) {
    state.errors.push(...errors);
    return;
  }
  const precincts = state.result.get(code) ?? [];
  precincts.push({ number: number!, address: address.data!, votersOnList: voters! });
  state.result.set(code, precincts);
}

function isHeader(fields: string[]) {
  return fields.map((f) => f.trim().toLowerCase()).join(',') === PRECINCT_CSV_COLUMNS.join(',');
}

function finish(state: ValidationState, rows: number): PrecinctImportResult {
  if (rows === 0) return { ok: false, errors: [{ line: 1, message: 'lists.errors.emptyFile' }] };
  if (state.errors.length) return { ok: false, errors: state.errors.slice(0, MAX_REPORTED_ERRORS) };
  return { ok: true, value: { byConstituency: state.result, rows } };
}

const dataRecords = (text: string) => {
  const records = parseCsv(text);
  return records[0] && isHeader(records[0].fields) ? records.slice(1) : records;
};
const emptyState = (): ValidationState => ({ errors: [], seen: new Map(), result: new Map() });

export function validatePrecinctCsv(text: string, knownCodes: ReadonlySet<string>): PrecinctImportResult {
  const records = dataRecords(text);
  const state = emptyState();
  for (const record of records) validateRecord(record, knownCodes, state);
  return finish(state, records.length);
}

/** The same validation in slices, yielding to the browser between them so a progress bar can move. */
export async function validatePrecinctCsvWithProgress(
  text: string,
  knownCodes: ReadonlySet<string>,
  onProgress: (done: number, total: number) => void,
  sliceSize = 2_000,
): Promise<PrecinctImportResult> {
  const records = dataRecords(text);
  const state = emptyState();
  for (let start = 0; start < records.length; start += sliceSize) {
    for (const record of records.slice(start, start + sliceSize)) validateRecord(record, knownCodes, state);
    onProgress(Math.min(start + sliceSize, records.length), records.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return finish(state, records.length);
}

/** New content: each constituency named in the file gets exactly the file's precincts, sorted by number. */
export function applyPrecinctImport(content: ListContent, imported: PrecinctImport): ListContent {
  return {
    constituencies: content.constituencies.map((constituency) => {
      const precincts = imported.byConstituency.get(constituency.code);
      return precincts ? { ...constituency, precincts: [...precincts].sort((a, b) => a.number - b.number) } : constituency;
    }),
  };
}

/** The downloadable template: the header, then the draft's current precincts (or one example row). */
export function precinctCsv(content: ListContent): string {
  const rows = content.constituencies.flatMap((constituency) => constituency.precincts.map((p) => [constituency.code, p.number, p.address, p.votersOnList]));
  const example = content.constituencies[0] ? [[content.constituencies[0].code, 1, 'School No. 1, Main street 10', 1200]] : [];
  return toCsv(PRECINCT_CSV_COLUMNS, rows.length ? rows : example);
}
