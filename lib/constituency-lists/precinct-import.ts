import type { RowError } from '@/lib/commands';
import { csvDocument } from '@/lib/csv';
import type { FileRecord } from './precinct-file';
import { addressField, precinctNumberField, votersField, type ListContent } from './schemas';

/**
 * Precinct import from a file (CSV or XLSX, read by ./precinct-file). The whole file is validated
 * before anything is applied; every bad row is reported with its line (or sheet row) number.
 * Rows replace the precincts of the constituencies they name.
 */
export const PRECINCT_FILE_COLUMNS = ['constituency_code', 'precinct_number', 'address', 'voters_on_list'] as const;

type Precinct = ListContent['constituencies'][number]['precincts'][number];
export type PrecinctImport = { byConstituency: Map<string, Precinct[]>; rows: number };
export type PrecinctImportResult = { ok: true; value: PrecinctImport } | { ok: false; errors: RowError[] };

export const MAX_REPORTED_ERRORS = 200;

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

function validateRecord(record: FileRecord, knownCodes: ReadonlySet<string>, state: ValidationState) {
  const { line, fields } = record;
  const errors: RowError[] = [];
  if (fields.length !== PRECINCT_FILE_COLUMNS.length) {
    state.errors.push({
      line,
      message: 'lists.errors.columnCount',
      messageValues: { expected: String(PRECINCT_FILE_COLUMNS.length), found: String(fields.length) },
    });
    return;
  }
  const [rawCode = '', rawNumber = '', rawAddress = '', rawVoters = ''] = fields;
  // Codes are stored in lower case (they appear in addresses); a file may spell them either way.
  const code = rawCode.trim().toLowerCase();
  if (!knownCodes.has(code)) errors.push({ line, column: 'constituency_code', value: rawCode, message: 'lists.errors.unknownConstituency' });
  const number = checkNumber(rawNumber, 'precinct_number', line, errors);
  const address = addressField.safeParse(rawAddress);
  if (!address.success) errors.push({ line, column: 'address', value: rawAddress, message: address.error.issues[0]?.message ?? 'errors.required' });
  const voters = checkNumber(rawVoters, 'voters_on_list', line, errors);
  if (number !== null && knownCodes.has(code)) {
    const key = `${code}#${number}`;
    const firstLine = state.seen.get(key);
    if (firstLine !== undefined)
      errors.push({
        line,
        column: 'precinct_number',
        value: rawNumber,
        message: 'lists.errors.duplicatePrecinctInFile',
        messageValues: { line: String(firstLine) },
      });
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

const isHeader = (fields: string[]) => fields.map((f) => f.trim().toLowerCase()).join(',') === PRECINCT_FILE_COLUMNS.join(',');
const dataRecords = (records: FileRecord[]) => (records[0] && isHeader(records[0].fields) ? records.slice(1) : records);
const emptyState = (): ValidationState => ({ errors: [], seen: new Map(), result: new Map() });

function finish(state: ValidationState, rows: number): PrecinctImportResult {
  if (rows === 0) return { ok: false, errors: [{ line: 1, message: 'lists.errors.emptyFile' }] };
  if (state.errors.length) return { ok: false, errors: state.errors.slice(0, MAX_REPORTED_ERRORS) };
  return { ok: true, value: { byConstituency: state.result, rows } };
}

export function validatePrecinctRecords(records: FileRecord[], knownCodes: ReadonlySet<string>): PrecinctImportResult {
  const rows = dataRecords(records);
  const state = emptyState();
  for (const record of rows) validateRecord(record, knownCodes, state);
  return finish(state, rows.length);
}

/** The same validation in slices, yielding to the browser between them so a progress bar can move. */
export async function validatePrecinctRecordsWithProgress(
  records: FileRecord[],
  knownCodes: ReadonlySet<string>,
  onProgress: (done: number, total: number) => void,
  sliceSize = 2_000,
): Promise<PrecinctImportResult> {
  const rows = dataRecords(records);
  const state = emptyState();
  for (let start = 0; start < rows.length; start += sliceSize) {
    for (const record of rows.slice(start, start + sliceSize)) validateRecord(record, knownCodes, state);
    onProgress(Math.min(start + sliceSize, rows.length), rows.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return finish(state, rows.length);
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

/** The downloadable template's rows: the draft's current precincts (or one example row), header first. */
export function precinctTemplateRows(content: ListContent): [readonly string[], (string | number)[][]] {
  const rows = content.constituencies.flatMap((constituency) => constituency.precincts.map((p) => [constituency.code, p.number, p.address, p.votersOnList]));
  const example = content.constituencies[0] ? [[content.constituencies[0].code, 1, 'School No. 1, Main street 10', 1200]] : [];
  return [PRECINCT_FILE_COLUMNS, rows.length ? rows : example];
}

export const precinctCsv = (content: ListContent) => csvDocument(...precinctTemplateRows(content));
