import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchmarkMarkdown, docSection, measureScreening, type BenchmarkResult, type Rate } from '@/lib/screening/benchmark';
import { DEFAULT_SCREENING_SETTINGS } from '@/lib/screening/settings';

/**
 * The targets for screening, on the seeded synthetic elections of lib/screening/synthetic
 * (a benchmark: it measures rates, it does not time anything), and docs/screening.md reporting
 * exactly these measurements.
 */
let result: BenchmarkResult;
beforeAll(async () => {
  result = await measureScreening(DEFAULT_SCREENING_SETTINGS);
}, 600_000);
const share = ({ hits, of }: Rate) => hits / of;
const precinctRow = (test: string) => result.precinctRows.find((row) => row.test === test)!;
const areaRow = (test: string, level: string) => result.areaRows.find((row) => row.test === test && row.level === level)!;

describe('screening on synthetic elections', () => {
  it('measures enough elections and precincts to mean something', () => {
    expect(result.elections).toBe(20);
    expect(result.precincts).toBeGreaterThan(20_000);
    expect(precinctRow('any').stuffed.of).toBeGreaterThan(500);
  });

  it('flags at most 2 % of the precincts of clean elections', () => {
    expect(share(precinctRow('any').clean)).toBeLessThanOrEqual(0.02);
  });

  it('flags at least 80 % of the precincts stuffed to 90–100 % turnout', () => {
    expect(share(precinctRow('any').stuffed)).toBeGreaterThanOrEqual(0.8);
  });

  it('detects rounding injected into 5 % of precincts with the round-number test, and never in a clean election', () => {
    expect(areaRow('roundTurnouts', 'election').manipulated).toEqual({ hits: 20, of: 20 });
    expect(areaRow('roundTurnouts', 'election').clean.hits).toBe(0);
    expect(share(precinctRow('roundTurnout').rounded)).toBeGreaterThanOrEqual(0.9);
    expect(precinctRow('roundTurnout').clean.hits).toBe(0);
  });

  it('detects counts rounded to tens with the last-digit test, and piles of stuffed precincts with the fingerprint', () => {
    expect(areaRow('lastDigits', 'election').manipulated).toEqual({ hits: 20, of: 20 });
    expect(areaRow('fingerprint', 'election').manipulated).toEqual({ hits: 20, of: 20 });
    expect(areaRow('lastDigits', 'election').clean.hits + areaRow('fingerprint', 'election').clean.hits).toBe(0);
  });

  it('is what docs/screening.md reports (regenerate with `npm run screening:benchmark`)', () => {
    const document = readFileSync(path.join(process.cwd(), 'docs/screening.md'), 'utf8');
    expect(docSection(document, 'benchmark')).toBe(benchmarkMarkdown(result));
  });
});
