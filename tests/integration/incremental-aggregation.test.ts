import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { constituencies, constituencyTotals, resultsVersions } from '@/db/schema';
import { approveProtocol, correctProtocol, enterProtocol, markResultsOfficial, reopenResults } from '@/lib/protocols/commands';
import { electionResults, refreshedElectionResults, type VersionedResults } from '@/lib/results/aggregate';
import { bumpResultsVersion } from '@/lib/results/version';
import { commandRunner, expectOk } from '../support/commands';
import { insertConstituency, insertElection, insertRegisteredCandidates } from '../support/elections';
import { balancedProtocol } from '../support/protocols';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertEntryTeam, insertRegion, insertUser } from '../support/users';

/**
 * The national aggregation refreshed from an earlier one (decision 019) must equal the one computed
 * anew after every kind of change, and re-read only the constituencies an approval changed.
 */
let testDb: TestDatabase;
let electionId: number;
let votingDay: string;
type Place = { constituencyId: number; precinctIds: number[]; candidateIds: number[]; team: Awaited<ReturnType<typeof insertEntryTeam>> };
const places: Place[] = [];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.db;
  const election = await insertElection(db, -41, 10);
  ({ id: electionId, votingDay } = election);
  const [north, south] = [await insertRegion(db), await insertRegion(db)];
  // Two constituencies in one region, one in another.
  for (const region of [north, north, south]) {
    const team = await insertEntryTeam(db, region.id);
    const constituency = await insertConstituency(db, electionId, region.id, team.operator.id, 1000, 4);
    const candidates = await insertRegisteredCandidates(db, electionId, constituency.id, team.operator.id, 3);
    places.push({ constituencyId: constituency.id, precinctIds: constituency.precincts.map((p) => p.id), candidateIds: candidates.map((c) => c.id), team });
  }
});
afterAll(async () => {
  await testDb?.drop();
});

const run = commandRunner(() => testDb.db);
const figures = (place: Place, shift = 0) =>
  balancedProtocol(place.candidateIds, {
    votersAtClose: 1000,
    votingDay,
    overrides: { votes: { [place.candidateIds[0]!]: 400 - shift, [place.candidateIds[1]!]: 200 + shift, [place.candidateIds[2]!]: 80 } },
  });

/** Typed twice (equal copies); returns what its approval needs. */
async function enter(place: Place, precinctId: number, shift = 0) {
  expectOk(await run(enterProtocol, place.team.operator, { precinctId, lockVersion: 0, ...figures(place, shift) }));
  return expectOk(
    await run<{ lockVersion: number; protocolId: number }>(enterProtocol, place.team.operator2, { precinctId, lockVersion: 1, ...figures(place, shift) }),
  );
}
const approve = async (place: Place, entered: { protocolId: number; lockVersion: number }) =>
  expectOk(
    await run<{ lockVersion: number }>(approveProtocol, place.team.reviewer, {
      ...entered,
      withoutImageReason: 'The signed paper is kept by the district commission',
    }),
  );

/** Refreshes `earlier` and checks the answer against the aggregation computed anew. */
async function refreshedAndExact(earlier?: VersionedResults) {
  const refreshed = await refreshedElectionResults(testDb.db, electionId, earlier);
  expect(refreshed.results).toEqual(await electionResults(testDb.db, electionId));
  return refreshed;
}
const constituencyOf = (results: VersionedResults, place: Place) => results.results!.constituencies.find((c) => c.id === place.constituencyId);

describe('the national aggregation refreshed from an earlier one', () => {
  it('re-reads only the constituency an approval changed, stamped with the version it made', async () => {
    const [first, second, third] = places as [Place, Place, Place];
    const start = await refreshedAndExact();
    expect(await refreshedElectionResults(testDb.db, electionId, start)).toBe(start);

    const entered = await enter(first, first.precinctIds[0]!);
    // Typing a copy changes nothing published: the same answer, not re-read.
    expect(await refreshedAndExact(start)).toBe(start);
    await approve(first, entered);
    const afterApproval = await refreshedAndExact(start);
    expect(afterApproval.version).toBeGreaterThan(start.version);
    expect(constituencyOf(afterApproval, first)).toMatchObject({ precinctsReported: 1, ballotsCast: 698 });
    expect(constituencyOf(afterApproval, second)).toBe(constituencyOf(start, second));
    expect(constituencyOf(afterApproval, third)).toBe(constituencyOf(start, third));

    const [stamp] = await testDb.db.select().from(constituencyTotals).where(eq(constituencyTotals.constituencyId, first.constituencyId));
    const [version] = await testDb.db.select().from(resultsVersions).where(eq(resultsVersions.electionId, electionId));
    expect(stamp!.changedVersion).toBe(version!.version);
    expect(version!.listingVersion).toBeLessThan(version!.version);
  });

  it('follows a correction, counted once approved', async () => {
    const [first] = places as [Place];
    const before = await refreshedAndExact();
    const [protocolId, lockVersion] = await (async () => {
      const entered = await enter(first, first.precinctIds[1]!);
      const approved = await approve(first, entered);
      return [entered.protocolId, approved.lockVersion] as const;
    })();
    const approved = await refreshedAndExact(before);
    const corrected = expectOk(
      await run<{ lockVersion: number }>(correctProtocol, first.team.operator, {
        protocolId,
        lockVersion,
        reason: 'Typo found against the signed paper protocol',
        ...figures(first, 50),
      }),
    );
    const underCorrection = await refreshedAndExact(approved);
    const again = expectOk(
      await run<{ lockVersion: number }>(enterProtocol, first.team.operator2, {
        precinctId: first.precinctIds[1]!,
        lockVersion: corrected.lockVersion,
        ...figures(first, 50),
      }),
    );
    await approve(first, { protocolId, lockVersion: again.lockVersion });
    const after = await refreshedAndExact(underCorrection);
    expect(constituencyOf(after, first)!.candidates.map((c) => c.votes)).toEqual([750, 450, 160]);
  });

  it('computes anew after a change to what it lists', async () => {
    const [, second, third] = places as [Place, Place, Place];
    const before = await refreshedAndExact();
    await testDb.db.transaction(async (tx) => {
      await tx.update(constituencies).set({ nameEn: 'Renamed District' }).where(eq(constituencies.id, second.constituencyId));
      await bumpResultsVersion(tx, electionId);
    });
    const after = await refreshedAndExact(before);
    expect(constituencyOf(after, second)!.nameEn).toBe('Renamed District');
    // Every constituency read again, not only the renamed one.
    expect(constituencyOf(after, third)).not.toBe(constituencyOf(before, third));
    expect(constituencyOf(after, third)).toEqual(constituencyOf(before, third));
  });

  it('misses nothing when approvals commit while it refreshes', async () => {
    const entered = [];
    for (const place of places)
      for (const precinctId of place.precinctIds.slice(2)) entered.push({ place, entered: await enter(place, precinctId, precinctId % 5) });
    let results = await refreshedAndExact();
    const refreshing = (async () => {
      for (let i = 0; i < 10; i++) results = await refreshedElectionResults(testDb.db, electionId, results);
    })();
    await Promise.all([...entered.map(({ place, entered }) => approve(place, entered)), refreshing]);
    const final = await refreshedAndExact(results);
    expect(final.results!.totals.precinctsReported).toBe(places.length * 2 + 2);
  });

  it('re-reads only the constituency whose results are declared official or reopened', async () => {
    const [first, second] = places as [Place, Place];
    const before = await refreshedAndExact();
    expectOk(await run(markResultsOfficial, first.team.reviewer, { constituencyId: first.constituencyId }));
    const official = await refreshedAndExact(before);
    expect(constituencyOf(official, first)!.resultsStatus).toBe('official');
    expect(official.results!.totals.official).toBe(1);
    expect(constituencyOf(official, second)).toBe(constituencyOf(before, second));
    const admin = await insertUser(testDb.db, 'admin', null);
    expectOk(await run(reopenResults, admin, { constituencyId: first.constituencyId, reason: 'Recount ordered by the commission' }));
    const reopened = await refreshedAndExact(official);
    expect(constituencyOf(reopened, first)!.resultsStatus).toBe('counting');
    expect(constituencyOf(reopened, second)).toBe(constituencyOf(before, second));
  });
});
