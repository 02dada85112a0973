import { describe, expect, it } from 'vitest';
import { jsonChunks } from '@/lib/json-chunks';

describe('JSON in pieces', () => {
  const document = {
    election: { id: 7, name: 'Әкім "сайлауы"\n2023', at: new Date('2023-11-05T15:00:00Z') },
    skipped: undefined,
    run: () => 1,
    empty: { list: [], object: {} },
    precincts: Array.from({ length: 300 }, (_, i) => ({
      id: i,
      reported: i % 3 !== 0,
      votes: i % 3 ? { 11: i, 12: i * 2 } : {},
      files: i % 50 === 0 ? [{ sha256: 'ab'.repeat(32), pages: [1, 2] }, null, undefined] : [],
      share: i / 7,
    })),
    nested: [[[1, [2, [3, { deep: [4] }]]]]],
  };

  it('joins into exactly what JSON.stringify writes', () => {
    for (const value of [document, [], {}, 'text', 42, null, [undefined, () => 1], { a: [{ b: { c: [] } }] }, new Date(0)]) {
      expect([...jsonChunks(value, 64)].join('')).toBe(JSON.stringify(value));
    }
  });

  it('writes a long document in pieces of about the asked length', () => {
    const pieces = [...jsonChunks(document, 1000)];
    expect(pieces.length).toBeGreaterThan(10);
    // A piece ends once it reaches the length, after at most one more value (here under 200 characters).
    expect(pieces.slice(0, -1).every((piece) => piece.length >= 1000 && piece.length < 1200)).toBe(true);
    expect(JSON.parse(pieces.join(''))).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
