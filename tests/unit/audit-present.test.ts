import { describe, expect, it } from 'vitest';
import { fieldChanges } from '@/lib/audit/present';

describe('audit changes, field by field', () => {
  it('pairs each field before and after, nested fields dotted, lists written out', () => {
    expect(
      fieldChanges(
        { status: 'submitted', totals: { voters: 10 } },
        { status: 'approved', totals: { voters: 12 }, changes: ['added a', 'removed b'], comment: null },
      ),
    ).toEqual([
      { field: 'status', before: 'submitted', after: 'approved' },
      { field: 'totals.voters', before: '10', after: '12' },
      { field: 'changes', before: null, after: 'added a; removed b' },
      { field: 'comment', before: null, after: '' },
    ]);
  });

  it('handles a row with only an after document, or none', () => {
    expect(fieldChanges(null, { active: false, checks: [{ code: 'age', outcome: 'passed' }] })).toEqual([
      { field: 'active', before: null, after: 'false' },
      { field: 'checks', before: null, after: '{"code":"age","outcome":"passed"}' },
    ]);
    expect(fieldChanges(undefined, undefined)).toEqual([]);
  });
});
