import { describe, expect, it } from 'vitest';
import { pageNumber, pageOf } from '@/components/pagination';

describe('paged lists', () => {
  it('read the page asked for as a positive whole number, else the first', () => {
    expect(pageNumber('3')).toBe(3);
    for (const value of [undefined, '', '0', '-2', '1.5', '2e3', 'abc', '01', '99999999']) expect(pageNumber(value)).toBe(1);
  });

  it('cut the rows of a page, the last one short', () => {
    const rows = Array.from({ length: 450 }, (_, i) => i);
    expect(pageOf(rows, 1, 200)).toEqual(rows.slice(0, 200));
    expect(pageOf(rows, 3, 200)).toEqual(rows.slice(400));
    expect(pageOf(rows, 4, 200)).toEqual([]);
  });
});
