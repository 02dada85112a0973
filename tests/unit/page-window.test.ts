import { describe, expect, it } from 'vitest';
import { pageWindow } from '@/lib/page-window';

describe('a page of a list counted group by group', () => {
  const groups = [
    { id: 1, count: 3 },
    { id: 2, count: 0 },
    { id: 3, count: 4 },
    { id: 4, count: 2 },
    { id: 5, count: 5 },
  ];
  /** The same page cut from the whole list written out row by row. */
  const byHand = (offset: number, limit: number) => {
    const rows = groups.flatMap((g) => Array.from({ length: g.count }, (_, i) => ({ id: g.id, i })));
    const page = rows.slice(offset, offset + limit);
    return { ids: [...new Set(page.map((row) => row.id))], skip: page[0]?.i ?? 0 };
  };

  it('names the groups a page shows and the rows of the first to skip, for every offset and size', () => {
    for (let limit = 1; limit <= 15; limit++)
      for (let offset = 0; offset <= 15; offset++) expect(pageWindow(groups, offset, limit), `${offset}+${limit}`).toEqual(byHand(offset, limit));
  });

  it('shows nothing past the end or of an empty list', () => {
    expect(pageWindow(groups, 14, 10)).toEqual({ ids: [], skip: 0 });
    expect(pageWindow([], 0, 10)).toEqual({ ids: [], skip: 0 });
  });
});
