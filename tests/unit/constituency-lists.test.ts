import { describe, expect, it } from 'vitest';
import { parseDelimited } from '@/lib/constituency-lists/precinct-file';
import { applyPrecinctImport, precinctCsv, validatePrecinctRecords, validatePrecinctRecordsWithProgress } from '@/lib/constituency-lists/precinct-import';

const validatePrecinctCsv = (csv: string, known: ReadonlySet<string>) => validatePrecinctRecords(parseDelimited(csv, ','), known);
import { listContentSchema, listTotals, type ListContent } from '@/lib/constituency-lists/schemas';
import { checkApprove, checkEdit, checkReturn, checkSubmit, diffLists } from '@/lib/constituency-lists/transitions';

const content: ListContent = {
  constituencies: [
    {
      code: 'aktobe-khromtau',
      kind: 'district',
      nameKk: 'Хромтау ауданы',
      nameRu: 'Хромтауский район',
      nameEn: 'Khromtau District',
      precincts: [{ number: 1, address: 'School 1', votersOnList: 1200 }],
    },
    {
      code: 'aktobe-kargaly',
      kind: 'district',
      nameKk: 'Қарғалы ауданы',
      nameRu: 'Каргалинский район',
      nameEn: 'Kargaly District',
      precincts: [{ number: 7, address: 'Club', votersOnList: 800 }],
    },
  ],
};
const codes = new Set(content.constituencies.map((c) => c.code));

describe('revision transitions', () => {
  const submitted = { status: 'submitted' as const, submittedBy: 10 };
  const reviewer = { id: 20, role: 'reviewer' as const };
  const before = { today: '2027-01-01', nominationOpensOn: '2027-01-02' };
  const after = { today: '2027-01-02', nominationOpensOn: '2027-01-02' };

  it('allows editing drafts and returned revisions only', () => {
    expect(checkEdit({ status: 'draft', submittedBy: null }).ok).toBe(true);
    expect(checkEdit({ status: 'returned', submittedBy: 10 }).ok).toBe(true);
    for (const status of ['submitted', 'approved', 'superseded'] as const)
      expect(checkEdit({ status, submittedBy: 10 })).toEqual({ ok: false, reason: 'lists.errors.locked' });
  });

  it('submits only a non-empty list whose constituencies all have precincts', () => {
    expect(checkSubmit({ status: 'draft', submittedBy: null }, content).ok).toBe(true);
    expect(checkSubmit({ status: 'draft', submittedBy: null }, { constituencies: [] })).toEqual({ ok: false, reason: 'lists.errors.emptyList' });
    const empty = { constituencies: [{ ...content.constituencies[0]!, precincts: [] }] };
    expect(checkSubmit({ status: 'draft', submittedBy: null }, empty)).toEqual({ ok: false, reason: 'lists.errors.constituencyWithoutPrecincts' });
    expect(checkSubmit(submitted, content).ok).toBe(false);
  });

  it('returns and approves only submitted revisions', () => {
    expect(checkReturn(submitted).ok).toBe(true);
    expect(checkReturn({ status: 'draft', submittedBy: null }).ok).toBe(false);
    expect(checkApprove({ status: 'approved', submittedBy: 10 }, reviewer, before, undefined)).toEqual({ ok: false, reason: 'lists.errors.notSubmitted' });
  });

  it('never lets the submitter approve (four eyes)', () => {
    expect(checkApprove(submitted, { id: 10, role: 'admin' }, before, undefined)).toEqual({ ok: false, reason: 'lists.errors.ownSubmission' });
  });

  it('approves up to the day before nomination opens; from that day only an admin with a reason', () => {
    expect(checkApprove(submitted, reviewer, before, undefined)).toEqual({ ok: true, calendarOverride: false });
    expect(checkApprove(submitted, reviewer, after, 'a reason long enough')).toEqual({ ok: false, reason: 'lists.errors.nominationOpened' });
    expect(checkApprove(submitted, { id: 30, role: 'admin' }, after, undefined)).toEqual({ ok: false, reason: 'lists.errors.overrideReasonRequired' });
    expect(checkApprove(submitted, { id: 30, role: 'admin' }, after, 'Court order No. 12 of 3 Jan')).toEqual({ ok: true, calendarOverride: true });
  });
});

describe('list content validation', () => {
  it('accepts a valid list and computes its totals', () => {
    expect(listContentSchema.safeParse(content).success).toBe(true);
    expect(listTotals(content)).toEqual({ constituencies: 2, precincts: 2, voters: 2000 });
  });

  it('reports duplicate codes, duplicate precinct numbers, negative and fractional voters at their fields', () => {
    const bad = {
      constituencies: [
        {
          ...content.constituencies[0]!,
          precincts: [
            { number: 1, address: 'A street', votersOnList: -1 },
            { number: 1, address: 'B street', votersOnList: 1.5 },
          ],
        },
        { ...content.constituencies[1]!, code: 'aktobe-khromtau' },
      ],
    };
    const result = listContentSchema.safeParse(bad);
    expect(result.success).toBe(false);
    const issues = result.error!.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);
    expect(issues).toEqual(
      expect.arrayContaining([
        'constituencies.0.precincts.0.votersOnList:lists.errors.votersNegative',
        'constituencies.0.precincts.1.votersOnList:lists.errors.wholeNumber',
        'constituencies.0.precincts.1.number:lists.errors.duplicatePrecinct',
        'constituencies.1.code:lists.errors.duplicateCode',
      ]),
    );
  });
});

describe('precinct import', () => {
  it('reports every bad row with its line and writes nothing', () => {
    const csv = [
      'constituency_code,precinct_number,address,voters_on_list',
      'aktobe-khromtau,1,School 1,1200',
      'aktobe-khromtau,x,School 2,100',
      'aktobe-nowhere,3,School 3,100',
      'aktobe-khromtau,4,School 4,-5',
      'aktobe-khromtau,1,Duplicate,10',
      'aktobe-kargaly,5,Club,12.5',
      'aktobe-kargaly,6',
    ].join('\n');
    const result = validatePrecinctCsv(csv, codes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [3, 'precinct_number', 'lists.errors.wholeNumber'],
      [4, 'constituency_code', 'lists.errors.unknownConstituency'],
      [5, 'voters_on_list', 'lists.errors.votersNegative'],
      [6, 'precinct_number', 'lists.errors.duplicatePrecinctInFile'],
      [7, 'voters_on_list', 'lists.errors.wholeNumber'],
      [8, undefined, 'lists.errors.columnCount'],
    ]);
  });

  it('replaces the precincts of the constituencies the file names, and only those', () => {
    const result = validatePrecinctCsv('aktobe-khromtau,3,"School 3, hall",900\naktobe-khromtau,2,School 2,700', codes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const next = applyPrecinctImport(content, result.value);
    expect(next.constituencies[0]!.precincts).toEqual([
      { number: 2, address: 'School 2', votersOnList: 700 },
      { number: 3, address: 'School 3, hall', votersOnList: 900 },
    ]);
    expect(next.constituencies[1]).toEqual(content.constituencies[1]);
  });

  it('round-trips the template it offers for download', () => {
    const result = validatePrecinctCsv(precinctCsv(content), codes);
    expect(result.ok && applyPrecinctImport(content, result.value)).toEqual(content);
  });

  it('rejects an empty file', () => {
    expect(validatePrecinctCsv('constituency_code,precinct_number,address,voters_on_list\n', codes)).toEqual({
      ok: false,
      errors: [{ line: 1, message: 'lists.errors.emptyFile' }],
    });
  });

  it('validates large files in slices, reporting progress', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => `aktobe-khromtau,${i + 1},Address ${i + 1},${i % 3000}`).join('\n');
    const progress: number[] = [];
    const result = await validatePrecinctRecordsWithProgress(parseDelimited(rows, ','), codes, (done) => progress.push(done), 2_000);
    expect(result.ok && result.value.rows).toBe(5_000);
    expect(progress).toEqual([2_000, 4_000, 5_000]);
  });
});

describe('changes since the list in force', () => {
  it('lists added, removed and changed constituencies and precincts', () => {
    const next: ListContent = {
      constituencies: [
        {
          ...content.constituencies[0]!,
          nameEn: 'Khromtau',
          precincts: [
            { number: 1, address: 'School 1', votersOnList: 1250 },
            { number: 2, address: 'New school', votersOnList: 300 },
          ],
        },
        { code: 'aktobe-mugalzhar', kind: 'district', nameKk: 'Мұғалжар', nameRu: 'Мугалжарский', nameEn: 'Mugalzhar District', precincts: [] },
      ],
    };
    expect(diffLists(content, next)).toEqual([
      { type: 'constituencyChanged', code: 'aktobe-khromtau', name: 'Khromtau', fields: ['nameEn'] },
      { type: 'precinctChanged', code: 'aktobe-khromtau', number: 1, fields: ['votersOnList'], votersBefore: 1200, votersAfter: 1250 },
      { type: 'precinctAdded', code: 'aktobe-khromtau', number: 2, votersOnList: 300 },
      { type: 'constituencyAdded', code: 'aktobe-mugalzhar', name: 'Mugalzhar District', precincts: 0, voters: 0 },
      { type: 'constituencyRemoved', code: 'aktobe-kargaly', name: 'Kargaly District', precincts: 1, voters: 800 },
    ]);
    expect(diffLists(null, content).map((c) => c.type)).toEqual(['constituencyAdded', 'constituencyAdded']);
  });
});
