import { describe, expect, it } from 'vitest';
import { pageNumber } from '@/components/pagination';

describe('paged lists', () => {
  it('read the page asked for as a positive whole number, else the first', () => {
    expect(pageNumber('3')).toBe(3);
    for (const value of [undefined, '', '0', '-2', '1.5', '2e3', 'abc', '01', '99999999']) expect(pageNumber(value)).toBe(1);
  });
});
