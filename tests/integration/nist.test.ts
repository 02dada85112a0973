import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elections } from '@/db/schema';
import { seedDemoData } from '@/db/seed';
import { listCandidates } from '@/lib/candidates/queries';
import { electionResults, precinctResults, type ElectionResults } from '@/lib/results/aggregate';
import { nistIds, toNistElectionReport, type NistElectionReport } from '@/lib/results/nist';
import { nistValidator } from '../support/nist-schema';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let testDb: TestDatabase;

async function reportFor(slug: string): Promise<{ results: ElectionResults; report: NistElectionReport }> {
  const [election] = await testDb.db.select().from(elections).where(eq(elections.slug, slug));
  const [results, precincts] = await Promise.all([electionResults(testDb.db, election!.id), precinctResults(testDb.db, election!.id)]);
  return { results: results!, report: toNistElectionReport({ results: results!, precincts, generatedAt: new Date() }) };
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await seedDemoData(testDb.db, { referenceDate: '2026-11-28' });
});
afterAll(async () => {
  await testDb?.drop();
});

describe('the NIST report of the seeded 2023 pilot elections', () => {
  let results: ElectionResults;
  let report: NistElectionReport;
  beforeAll(async () => {
    ({ results, report } = await reportFor('akim-2023'));
  });

  it('is valid against the official NIST SP 1500-100 v2 schema, every reference resolved', () => {
    expect(nistValidator()(report)).toEqual({ schemaErrors: [], danglingReferences: [] });
    expect(report.Status).toBe('certified');
    expect(report.GpUnit.filter((unit) => unit.Type === 'precinct')).toHaveLength(1491);
  });

  it('adds up per precinct to the aggregation: ballots per constituency and overall (mobile boxes too), votes per candidate and against all', () => {
    const [election] = report.Election;
    const totalCounts = election.BallotCounts.flatMap((counts) => (counts.Type === 'total' ? [counts] : []));
    const mobileCounts = election.BallotCounts.flatMap((counts) => (counts.Type === 'other' ? [counts] : []));
    const ballotsIn = new Map(totalCounts.map((counts) => [counts.GpUnitId, counts]));
    const mobileIn = new Map(mobileCounts.map((counts) => [counts.GpUnitId, counts]));
    const precinctsOf = (constituencyId: number) => report.GpUnit.find((unit) => unit['@id'] === nistIds.constituency(constituencyId))!.ComposingGpUnitIds!;
    const selectionCount = (id: string) =>
      election.Contest.flatMap((contest) => contest.ContestSelection)
        .find((selection) => selection['@id'] === id)!
        .VoteCounts.reduce((total, count) => total + count.Count, 0);

    for (const constituency of results.constituencies) {
      const ballots = precinctsOf(constituency.id).map((id) => ballotsIn.get(id)!);
      expect(ballots.reduce((total, counts) => total + counts.BallotsCast, 0)).toBe(constituency.ballotsCast);
      expect(ballots.reduce((total, counts) => total + counts.BallotsRejected, 0)).toBe(constituency.ballotsInvalid);
      expect(precinctsOf(constituency.id).reduce((total, id) => total + mobileIn.get(id)!.BallotsCast, 0)).toBe(constituency.ballotsFoundMobile);
      for (const candidate of constituency.candidates) expect(selectionCount(nistIds.selection(candidate.id))).toBe(candidate.votes);
      if (results.election.againstAllOnBallot) expect(selectionCount(nistIds.againstAll(constituency.id))).toBe(constituency.votesAgainstAll);
    }
    expect(totalCounts.reduce((total, counts) => total + counts.BallotsCast, 0)).toBe(results.totals.ballotsCast);
    expect(mobileCounts.every((counts) => counts.OtherType === 'mobile-box')).toBe(true);
    expect(results.totals.ballotsFoundMobile).toBeGreaterThan(0);
    // Every precinct reported: the registered voters are the voters at the close of voting (lists plus voters added on the day).
    expect(report.GpUnit.find((unit) => unit['@id'] === nistIds.country)).toMatchObject({
      VotersRegistered: results.totals.votersInReported,
      VotersParticipated: results.totals.ballotsCast,
      SubUnitsReported: 1491,
      TotalSubUnits: 1491,
    });
  });
});

describe('the NIST report of elections still counting', () => {
  it.each(['akim-counting', 'akim-2027', 'akim-2027-early'])('is valid and unofficial-partial for %s', async (slug) => {
    const { report } = await reportFor(slug);
    expect(nistValidator()(report)).toEqual({ schemaErrors: [], danglingReferences: [] });
    expect(report.Status).toBe('unofficial-partial');
  });

  it('counts only the precincts reported so far in akim-counting: 3 of 17 in Aktobe and Almaty, all of official Karabalyk', async () => {
    const { results, report } = await reportFor('akim-counting');
    const [election] = report.Election;
    const countedUnits = [
      ...election.Contest.flatMap((contest) => contest.ContestSelection.flatMap((selection) => selection.VoteCounts)),
      ...election.BallotCounts,
    ].map((counts) => counts.GpUnitId);
    const karabalyk = results.constituencies.find((c) => c.code === 'kostanay-karabalyk')!;
    expect(karabalyk).toMatchObject({ resultsStatus: 'official', precinctsReported: karabalyk.precincts });
    const precincts = report.GpUnit.filter((unit) => unit.Type === 'precinct');
    expect(precincts).toHaveLength(17 + karabalyk.precincts);
    expect(new Set(countedUnits)).toEqual(new Set(precincts.filter((unit) => unit.VotersParticipated !== undefined).map((unit) => unit['@id'])));
    expect(new Set(countedUnits).size).toBe(3 + karabalyk.precincts);
  });
});

describe('registered candidates no longer on the ballot in the NIST report', () => {
  it('lists the 36 of 2023 as withdrawn candidates (cancellations marked), outside every contest, and stays valid', async () => {
    const [pilot] = await testDb.db.select().from(elections).where(eq(elections.slug, 'akim-2023'));
    const [results, precincts, list] = await Promise.all([
      electionResults(testDb.db, pilot!.id),
      precinctResults(testDb.db, pilot!.id),
      listCandidates(testDb.db, { electionId: pilot!.id }),
    ]);
    const removed = list.flatMap((c) => (c.wasRegistered && (c.status === 'withdrawn' || c.status === 'cancelled') ? [{ ...c, status: c.status }] : []));
    const report = toNistElectionReport({ results: results!, precincts, generatedAt: new Date(), removed });
    expect(nistValidator()(report)).toEqual({ schemaErrors: [], danglingReferences: [] });
    const [election] = report.Election;
    expect(election.Candidate.filter((c) => c.PreElectionStatus === 'qualified')).toHaveLength(125);
    const withdrawn = election.Candidate.filter((c) => c.PreElectionStatus === 'withdrawn');
    expect(withdrawn).toHaveLength(36);
    expect(withdrawn.filter((c) => c.ExternalIdentifier?.some((id) => id.Value === 'cancelled'))).toHaveLength(
      removed.filter((c) => c.status === 'cancelled').length,
    );
    const onContests = new Set(election.Contest.flatMap((contest) => contest.ContestSelection.flatMap((selection) => selection.CandidateIds ?? [])));
    for (const candidate of withdrawn) expect(onContests.has(candidate['@id'])).toBe(false);
  });
});
