import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elections } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { docSection } from '@/lib/screening/benchmark';
import { demoScreeningMarkdown } from '@/lib/screening/demo-report';
import { electionScreening } from '@/lib/screening/queries';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** The 2023 demo election screened as the public page screens it, and what docs/screening.md says about it. */
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoData(testDb.db, { referenceDate: '2025-06-01' });
});
afterAll(async () => {
  await testDb?.drop();
});

describe('screening the 2023 demo election', () => {
  it('screens every official precinct and flags little (under 1 %)', async () => {
    const [pilot] = await testDb.db.select({ id: elections.id }).from(elections).where(eq(elections.slug, 'akim-2023'));
    const { report, screenedConstituencies } = (await electionScreening(testDb.db, pilot!.id, 'official'))!;
    expect(screenedConstituencies.size).toBe(45);
    expect(report.precincts).toHaveLength(1491);
    expect(report.precincts.filter((s) => s.flags.length > 0).length / report.precincts.length).toBeLessThan(0.01);
  });

  it('is what docs/screening.md reports (regenerate with `npm run screening:benchmark`)', async () => {
    const document = readFileSync(path.join(process.cwd(), 'docs/screening.md'), 'utf8');
    expect(docSection(document, 'demo')).toBe(await demoScreeningMarkdown(testDb.db));
  });
});
