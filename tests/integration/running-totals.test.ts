import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresError } from '@/db/errors';
import { constituencyTotals, precincts, protocols } from '@/db/schema';
import { electionSummaries, publicElectionSummaries } from '@/lib/overview/queries';
import { approveProtocol, correctProtocol, enterProtocol } from '@/lib/protocols/commands';
import { constituencyResult, electionProgress, electionResults, precinctResults } from '@/lib/results/aggregate';
import { runningTotalsDrift } from '@/lib/results/running-totals';
import { commandRunner, expectOk } from '../support/commands';
import { insertCountingConstituency } from '../support/elections';
import { balancedProtocol } from '../support/protocols';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertEntryTeam, insertRegion } from '../support/users';

/**
 * The running totals (decision 016) are kept by triggers in the transaction of each change; the
 * aggregation reads them. After every step here they must equal both the database's recount and
 * the sum of the precincts' approved figures read one by one.
 */
let testDb: TestDatabase;
let staff: Record<'operator' | 'operator2' | 'reviewer', { id: number }>;
let electionId: number;
let votingDay: string;
let constituencyId: number;
let precinctIds: number[];
let candidateIds: number[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.db;
  const region = (await insertRegion(db, 'totals')).id;
  staff = await insertEntryTeam(db, region);
  ({ electionId, votingDay, constituencyId, precinctIds, candidateIds } = await insertCountingConstituency(db, region, staff.operator.id, {
    precincts: 8,
    candidates: 3,
  }));
});
afterAll(async () => {
  await testDb?.drop();
});

const run = commandRunner(() => testDb.db);

/** A balanced protocol of a 1000-voter precinct; `shift` moves votes from the first candidate to the second. */
const figures = (shift = 0, votersAtClose = 1000) =>
  balancedProtocol(candidateIds, {
    votersAtClose,
    votingDay,
    overrides: { votes: { [candidateIds[0]!]: 400 - shift, [candidateIds[1]!]: 200 + shift, [candidateIds[2]!]: 80 } },
  });

/** Typed twice, equal copies, approved by a reviewer who typed neither. */
async function approve(precinctId: number, protocolFigures = figures()) {
  expectOk(await run(enterProtocol, staff.operator, { precinctId, lockVersion: 0, ...protocolFigures }));
  const second = expectOk(
    await run<{ lockVersion: number; protocolId: number }>(enterProtocol, staff.operator2, { precinctId, lockVersion: 1, ...protocolFigures }),
  );
  return { protocolId: second.protocolId, ...(await approveEntered(second)) };
}
const approveEntered = async ({ protocolId, lockVersion }: { protocolId: number; lockVersion: number }) =>
  expectOk(
    await run<{ lockVersion: number }>(approveProtocol, staff.reviewer, {
      protocolId,
      lockVersion,
      withoutImageReason: 'The signed paper is kept by the district commission',
    }),
  );

/** The constituency's result from the running totals, next to the same figures summed precinct by precinct. */
async function expectTotalsExact() {
  expect(await runningTotalsDrift(testDb.db, electionId)).toEqual([]);
  const { result } = (await constituencyResult(testDb.db, constituencyId))!;
  const rows = await precinctResults(testDb.db, electionId, constituencyId);
  const reported = rows.filter((p) => p.reported);
  const sum = (pick: (p: (typeof rows)[number]) => number, of = reported) => of.reduce((total, p) => total + pick(p), 0);
  expect(result).toMatchObject({
    precincts: rows.length,
    precinctsReported: reported.length,
    votersOnList: sum((p) => p.votersOnList, rows),
    votersInReported: sum((p) => p.votersAtClose),
    votersAddedOnDay: sum((p) => p.votersAtClose - p.votersOnList),
    ballotsCast: sum((p) => p.ballotsCast),
    ballotsFoundMobile: sum((p) => p.ballotsFoundMobile),
    ballotsInvalid: sum((p) => p.ballotsInvalid),
    votesAgainstAll: sum((p) => p.votesAgainstAll),
  });
  expect(Object.fromEntries(result.candidates.map((c) => [c.id, c.votes]))).toEqual(
    Object.fromEntries(candidateIds.map((id) => [id, sum((p) => p.votes[id] ?? 0)])),
  );
  const whole = await electionResults(testDb.db, electionId);
  expect(await electionProgress(testDb.db, electionId)).toEqual({
    status: whole!.status,
    lastChangedAt: whole!.lastChangedAt,
    precinctsReported: whole!.totals.precinctsReported,
  });
  // The home page's and the staff pages' sizes come from the same totals. (A protocol under correction
  // is reported with its earlier approved figures while its workflow state is no longer "approved".)
  const sizes = { constituencies: 1, precincts: rows.length, precinctsReported: reported.length, votersOnList: sum((p) => p.votersOnList, rows) };
  expect((await publicElectionSummaries(testDb.db)).find((e) => e.id === electionId)).toMatchObject(sizes);
  expect((await electionSummaries(testDb.db, null)).find((e) => e.id === electionId)).toMatchObject(sizes);
  return result;
}

describe('running totals of the approved protocols', () => {
  it('follow approvals and corrections exactly: a correction counts only once approved', async () => {
    expect((await expectTotalsExact()).precinctsReported).toBe(0);
    const first = await approve(precinctIds[0]!, figures(0, 1012));
    expect(await expectTotalsExact()).toMatchObject({ precinctsReported: 1, votersAddedOnDay: 12, ballotsCast: 698 });

    const corrected = expectOk(
      await run<{ lockVersion: number }>(correctProtocol, staff.operator, {
        protocolId: first.protocolId,
        lockVersion: first.lockVersion,
        reason: 'Typo found against the signed paper protocol',
        ...figures(50),
      }),
    );
    expect((await expectTotalsExact()).candidates[0]!.votes).toBe(400);
    const again = expectOk(
      await run<{ lockVersion: number }>(enterProtocol, staff.operator2, { precinctId: precinctIds[0]!, lockVersion: corrected.lockVersion, ...figures(50) }),
    );
    await approveEntered({ protocolId: first.protocolId, lockVersion: again.lockVersion });
    const result = await expectTotalsExact();
    expect(result.candidates.map((c) => c.votes)).toEqual([350, 250, 80]);
    expect(result.votersAddedOnDay).toBe(0);
  });

  it('follow changes to the approved lists: voters on a reported precinct, a precinct added or removed', async () => {
    await approve(precinctIds[1]!);
    const db = testDb.db;
    await db.update(precincts).set({ votersOnList: 990 }).where(eq(precincts.id, precinctIds[1]!));
    await db.update(precincts).set({ votersOnList: 1200 }).where(eq(precincts.id, precinctIds[7]!));
    const [added] = await db.insert(precincts).values({ constituencyId, number: 99, address: 'New school', votersOnList: 300 }).returning();
    expect(await expectTotalsExact()).toMatchObject({ precincts: 9, votersAddedOnDay: 10 });
    await db.delete(precincts).where(eq(precincts.id, added!.id));
    expect((await expectTotalsExact()).precincts).toBe(8);
  });

  it('stay exact when approvals in one constituency commit at the same time', async () => {
    const entered = [];
    for (const precinctId of precinctIds.slice(2, 7)) {
      expectOk(await run(enterProtocol, staff.operator, { precinctId, lockVersion: 0, ...figures(precinctId % 7) }));
      entered.push(
        expectOk(
          await run<{ lockVersion: number; protocolId: number }>(enterProtocol, staff.operator2, { precinctId, lockVersion: 1, ...figures(precinctId % 7) }),
        ),
      );
    }
    await Promise.all(entered.map(approveEntered));
    expect((await expectTotalsExact()).precinctsReported).toBe(7);
  });

  it('refuse any change to a typed copy, which the totals rely on', async () => {
    for (const statement of [sql`update protocol_entry_votes set votes = votes + 1`, sql`delete from protocol_entries`]) {
      const error = await testDb.db.execute(statement).then(
        () => null,
        (e: unknown) => e,
      );
      expect(postgresError(error)?.message).toMatch(/write-once/);
    }
    await expectTotalsExact();
  });

  it('are checked: a change made behind the triggers’ back is reported, constituency and candidates', async () => {
    const [protocol] = await testDb.db.select().from(protocols).where(eq(protocols.precinctId, precinctIds[1]!));
    await testDb.db.transaction(async (tx) => {
      // Replication mode skips ordinary triggers, as a partial restore or a manual edit would.
      await tx.execute(sql`set local session_replication_role = replica`);
      await tx.update(protocols).set({ approvedEntryId: null }).where(eq(protocols.id, protocol!.id));
    });
    const drift = await runningTotalsDrift(testDb.db, electionId);
    expect(drift.map((d) => [d.kind, d.id])).toEqual([['constituency', constituencyId], ...candidateIds.map((id) => ['candidate', id])]);
    const [kept] = await testDb.db.select().from(constituencyTotals).where(eq(constituencyTotals.constituencyId, constituencyId));
    expect(drift[0]!.recounted.precinctsReported).toBe(kept!.precinctsReported - 1);
  });
});
