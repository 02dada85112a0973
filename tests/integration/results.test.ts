import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { elections } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { ageOn } from '@/lib/candidates/eligibility';
import { constituencyResult, electionProgress, electionResults, precinctResults, type ElectionResults } from '@/lib/results/aggregate';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let testDb: TestDatabase;
let results: ElectionResults;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoData(testDb.db, { referenceDate: '2026-11-28' });
  const [pilot] = await testDb.db.select().from(elections).where(eq(elections.slug, 'akim-2023'));
  results = (await electionResults(testDb.db, pilot!.id))!;
});
afterAll(async () => {
  await testDb?.drop();
});

describe('the 2023 pilot elections, aggregated from approved protocols', () => {
  it('have every precinct reported and certified results', () => {
    expect(results.totals).toMatchObject({ constituencies: 45, precincts: 1491, precinctsReported: 1491, votersOnList: 1_062_327, official: 45 });
    expect(results.status).toBe('certified');
  });

  it('list candidates in ballot order and precincts by constituency and number', async () => {
    const ascending = (values: number[]) => values.every((value, index) => index === 0 || values[index - 1]! < value);
    for (const constituency of results.constituencies) expect(ascending(constituency.candidates.map((c) => c.ballotOrder))).toBe(true);
    const precincts = await precinctResults(testDb.db, results.election.id);
    expect(precincts).toHaveLength(1491);
    expect(ascending(precincts.map((p) => p.constituencyId * 100_000 + p.number))).toBe(true);
  });

  it('are the same constituency by constituency as aggregated for the whole election', async () => {
    for (const constituency of results.constituencies.slice(0, 5)) {
      expect(await constituencyResult(testDb.db, constituency.id)).toEqual({ result: constituency, election: results.election });
    }
  });

  it('say the same status and last change without the aggregation, for every demo election', async () => {
    for (const election of await testDb.db.select({ id: elections.id }).from(elections)) {
      const whole = await electionResults(testDb.db, election.id);
      expect(await electionProgress(testDb.db, election.id)).toEqual({
        status: whole!.status,
        lastChangedAt: whole!.lastChangedAt,
        precinctsReported: whole!.totals.precinctsReported,
      });
    }
    const statuses = await Promise.all(
      (await testDb.db.select({ id: elections.id }).from(elections)).map(async (e) => (await electionProgress(testDb.db, e.id)).status),
    );
    expect(new Set(statuses)).toEqual(new Set(['certified', 'unofficial-partial']));
  });

  it('have a turnout of 62.79%', () => {
    expect((results.totals.turnout! * 100).toFixed(2)).toBe('62.79');
  });

  it('elect one akim in each of the 45 constituencies, with an average age of 46.7 on voting day', () => {
    const elected = results.constituencies.map(({ outcome, candidates }) =>
      outcome.status === 'elected' ? candidates.find((k) => k.id === outcome.candidateId) : undefined,
    );
    expect(elected.every(Boolean)).toBe(true);
    const ages = elected.map((k) => ageOn(k!.birthDate, results.election.votingDay));
    expect((ages.reduce((a, b) => a + b, 0) / ages.length).toFixed(1)).toBe('46.7');
  });

  it('rank Aktobe, Turkistan, Almaty, Mangystau and Jetisu highest by turnout', () => {
    const top = [...results.regions]
      .sort((a, b) => b.turnout! - a.turnout!)
      .slice(0, 5)
      .map((r) => r.code);
    expect(top).toEqual(['aktobe', 'turkistan', 'almaty', 'mangystau', 'jetisu']);
  });

  it('add up: region and election totals equal the sum of their constituencies', () => {
    const sum = (pick: (c: (typeof results.constituencies)[number]) => number) => results.constituencies.reduce((total, c) => total + pick(c), 0);
    expect(results.totals.ballotsCast).toBe(sum((c) => c.ballotsCast));
    expect(results.regions.reduce((total, r) => total + r.ballotsCast, 0)).toBe(results.totals.ballotsCast);
    for (const c of results.constituencies) {
      expect(c.candidates.reduce((total, k) => total + k.votes, 0) + c.votesAgainstAll + c.ballotsInvalid).toBe(c.ballotsCast);
    }
  });
});
