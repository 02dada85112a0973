import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { auditLog, elections, protocols, screeningChecks } from '@/db/schema';
import { approveProtocol, correctProtocol, enterProtocol } from '@/lib/protocols/commands';
import { resultsVersionsOf } from '@/lib/results/version';
import { recordPaperCheck } from '@/lib/screening/commands';
import { electionScreening, protocolScreening } from '@/lib/screening/queries';
import { insertConstituency, insertElection, insertRegisteredCandidates } from '../support/elections';
import { commandRunner, expectOk } from '../support/commands';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertRegion, insertUser } from '../support/users';
import { addDays, todayInKazakhstan } from '@/lib/calendar';
import { protocolInput } from '../support/protocols';

/** These protocols have no image of their paper: approval then needs a reason (lib/protocol-images). */
const NO_IMAGE = 'The signed paper is kept by the district commission';

let testDb: TestDatabase;
let staff: Record<
  'operatorA' | 'operator2A' | 'operator3A' | 'reviewerA' | 'reviewer2A' | 'reviewerB' | 'observer' | 'admin',
  { id: number; role: 'operator' | 'reviewer' | 'observer' | 'admin' }
>;
let electionId: number;
let precinctIds: number[];
let candidateIds: number[];

const run = commandRunner(() => testDb.db);

const VOTERS = 1000;
/** A balanced protocol of a 1,000-voter precinct with `cast` ballots, `leader` of them for candidate 1. */
const figures = (cast: number, leader: number) =>
  protocolInput(
    {
      ballotsReceived: VOTERS,
      ballotsIssued: cast,
      ballotsCast: cast,
      ballotsSpoiled: 0,
      ballotsUnused: VOTERS - cast,
      ballotsInvalid: 10,
      votesAgainstAll: 10,
      votes: { [candidateIds[0]!]: leader, [candidateIds[1]!]: cast - 20 - leader },
    },
    { votersAtClose: VOTERS, votingDay: addDays(todayInKazakhstan(), -1) },
  );

/** Two operators type the same figures; the protocol then awaits review. */
async function enterTwice(precinctId: number, cast: number, leader: number) {
  expectOk(await run(enterProtocol, staff.operatorA, { precinctId, lockVersion: 0, ...figures(cast, leader) }));
  return expectOk(
    await run<{ protocolId: number; lockVersion: number }>(enterProtocol, staff.operator2A, { precinctId, lockVersion: 1, ...figures(cast, leader) }),
  );
}

const protocolOf = async (precinctId: number) => (await testDb.db.select().from(protocols).where(eq(protocols.precinctId, precinctId)))[0]!;
const checkCount = async () => (await selectRows<{ count: number }>(testDb.db, sql`select count(*)::int as count from screening_checks`))[0]!.count;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.db;
  const regionA = (await insertRegion(db, 'screen-a')).id;
  const regionB = (await insertRegion(db, 'screen-b')).id;
  const user = async (role: 'operator' | 'reviewer' | 'observer' | 'admin', regionId: number | null) => ({
    id: (await insertUser(db, role, regionId)).id,
    role,
  });
  staff = {
    operatorA: await user('operator', regionA),
    operator2A: await user('operator', regionA),
    operator3A: await user('operator', regionA),
    reviewerA: await user('reviewer', regionA),
    reviewer2A: await user('reviewer', regionA),
    reviewerB: await user('reviewer', regionB),
    observer: await user('observer', null),
    admin: await user('admin', null),
  };
  electionId = (await insertElection(db, -41, 10)).id; // voted yesterday: protocols are open (from 20:00 on voting day)
  const constituency = await insertConstituency(db, electionId, regionA, staff.operatorA.id, VOTERS, 12);
  precinctIds = constituency.precincts.map((p) => p.id);
  candidateIds = (await insertRegisteredCandidates(db, electionId, constituency.id, staff.operatorA.id, 2)).map((c) => c.id);
  // Ten approved precincts with turnout 60–69 % and the leader near 55 %.
  for (let i = 0; i < 10; i += 1) {
    const cast = 600 + 10 * i;
    const awaiting = await enterTwice(precinctIds[i]!, cast, Math.round((cast - 20) * (0.52 + (i % 5) / 100)));
    expectOk(await run(approveProtocol, staff.reviewerA, { ...awaiting, withoutImageReason: NO_IMAGE }));
  }
  // One protocol awaiting review with 99 % turnout, nearly all for the leader.
  await enterTwice(precinctIds[10]!, 990, 900);
});
afterAll(async () => {
  await testDb?.drop();
});

describe('screening a protocol on the reviewer screen', () => {
  it('shows the flags of the figures awaiting approval, against the approved precincts', async () => {
    const screening = (await protocolScreening(testDb.db, precinctIds[10]!, staff.reviewerA))!;
    expect(screening.figures).toBe('underReview');
    expect(screening.screening.turnout).toBeCloseTo(0.99, 5);
    const tests = screening.screening.flags.map((flag) => flag.test);
    expect(tests).toEqual(expect.arrayContaining(['nearFullTurnout', 'turnout', 'leaderShare', 'fingerprint']));
    expect(screening.screening.flags.find((flag) => flag.test === 'turnout')).toMatchObject({ median: expect.closeTo(0.65, 1), threshold: 3.5 });
    expect(screening.reference).toMatchObject({ leaderId: candidateIds[0], comparable: 11 });
    // The protocol has a mobile-box line now (line 6): that test runs too, and finds nothing here.
    expect(screening.screening.skipped).toEqual([]);
    expect(tests).not.toContain('mobileShare');
  });

  it('shows the approved figures of an approved protocol, and nothing stands out in an ordinary one', async () => {
    const screening = (await protocolScreening(testDb.db, precinctIds[3]!, staff.observer))!;
    expect(screening.figures).toBe('approved');
    expect(screening.entryId).toBe((await protocolOf(precinctIds[3]!)).approvedEntryId);
    expect(screening.screening.flags).toEqual([]);
  });

  it('shows nothing to an operator who may not see the copies (blind entry), nor for a precinct without a protocol', async () => {
    expect(await protocolScreening(testDb.db, precinctIds[10]!, staff.operator3A)).toBeNull();
    expect(await protocolScreening(testDb.db, precinctIds[11]!, staff.reviewerA)).toBeNull();
  });
});

describe('checked against the paper: correct', () => {
  it('is recorded with its comment, audited in the same transaction, published (results version) and never blocks approval', async () => {
    const precinctId = precinctIds[10]!;
    const { entryId } = (await protocolScreening(testDb.db, precinctId, staff.reviewerA))!;
    const { version: versionBefore } = await resultsVersionsOf(testDb.db, electionId);
    const { id } = expectOk(
      await run<{ id: number }>(recordPaperCheck, staff.reviewerA, { precinctId, entryId, comment: '  A hospital precinct: the paper says 990.  ' }),
    );
    const [check] = await testDb.db.select().from(screeningChecks).where(eq(screeningChecks.id, id));
    expect(check).toMatchObject({ precinctId, entryId, comment: 'A hospital precinct: the paper says 990.', checkedBy: staff.reviewerA.id });
    const [audit] = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'screening.recordPaperCheck'));
    expect(audit).toMatchObject({
      actorUserId: staff.reviewerA.id,
      entityType: 'protocol',
      after: { precinctId, entryId, comment: 'A hospital precinct: the paper says 990.' },
    });
    expect((await resultsVersionsOf(testDb.db, electionId)).version).toBe(versionBefore + 1);

    const protocol = await protocolOf(precinctId);
    expectOk(await run(approveProtocol, staff.reviewer2A, { protocolId: protocol.id, lockVersion: protocol.lockVersion, withoutImageReason: NO_IMAGE }));
    const published = (await electionScreening(testDb.db, electionId, 'approved'))!;
    expect(published.checks.get(precinctId)?.map((c) => c.comment)).toEqual(['A hospital precinct: the paper says 990.']);
    expect(published.report.precincts.find((s) => s.precinct.id === precinctId)!.flags.length).toBeGreaterThan(0);
  });

  it('is refused a second time for the same figures; two reviewers at once: exactly one is recorded', async () => {
    const precinctId = precinctIds[1]!;
    const entryId = (await protocolOf(precinctId)).approvedEntryId;
    const results = await Promise.all(
      [staff.reviewerA, staff.reviewer2A].map((reviewer) => run(recordPaperCheck, reviewer, { precinctId, entryId, comment: '' })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // The second answer finds the flag answered (the unique key maps to this reason, not to "reload").
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, error: 'invalidState', message: 'screening.errors.alreadyChecked' });
    expect(await run(recordPaperCheck, staff.reviewerA, { precinctId, entryId, comment: '' })).toMatchObject({
      ok: false,
      error: 'invalidState',
      message: 'screening.errors.alreadyChecked',
    });
    expect((await testDb.db.select().from(screeningChecks).where(eq(screeningChecks.precinctId, precinctId))).length).toBe(1);
  });

  it('is refused to operators, observers, admins and reviewers of other regions, changing nothing', async () => {
    const precinctId = precinctIds[2]!;
    const entryId = (await protocolOf(precinctId)).approvedEntryId;
    const before = await checkCount();
    for (const actor of [staff.operatorA, staff.observer, staff.admin, staff.reviewerB]) {
      expect(await run(recordPaperCheck, actor, { precinctId, entryId, comment: '' })).toMatchObject({ ok: false, error: 'forbidden' });
    }
    expect(await run(recordPaperCheck, null, { precinctId, entryId })).toMatchObject({ ok: false, error: 'unauthenticated' });
    expect(await checkCount()).toBe(before);
  });

  it('names bad fields, and refuses figures that are not the ones under review or approved', async () => {
    expect(await run(recordPaperCheck, staff.reviewerA, { precinctId: 'x', entryId: -1, comment: 'a'.repeat(1001) })).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { precinctId: ['errors.required'], entryId: ['errors.required'], comment: ['errors.maxLength.n1000'] },
    });
    // The second copy of an approved version is not what counts.
    const [second] = await selectRows<{ id: number }>(
      testDb.db,
      sql`select e.id from protocol_entries e join protocol_versions v on v.id = e.version_id join protocols p on p.id = v.protocol_id
          where p.precinct_id = ${precinctIds[4]!} and e.kind = 'second'`,
    );
    expect(await run(recordPaperCheck, staff.reviewerA, { precinctId: precinctIds[4]!, entryId: second!.id })).toMatchObject({
      ok: false,
      error: 'conflict',
      message: 'screening.errors.figuresChanged',
    });
  });

  it('binds a check to its figures: once a correction is approved, the old figures can no longer be checked and the old check is marked as earlier', async () => {
    const precinctId = precinctIds[5]!;
    const oldEntry = (await protocolOf(precinctId)).approvedEntryId!;
    expectOk(await run(recordPaperCheck, staff.reviewerA, { precinctId, entryId: oldEntry, comment: 'Matches the paper' }));
    const protocol = await protocolOf(precinctId);
    const corrected = { ...figures(650, 340), reason: 'Recount ordered by the commission' };
    const { lockVersion } = expectOk(
      await run<{ lockVersion: number }>(correctProtocol, staff.operatorA, { protocolId: protocol.id, lockVersion: protocol.lockVersion, ...corrected }),
    );
    const second = expectOk(await run<{ lockVersion: number }>(enterProtocol, staff.operator2A, { precinctId, lockVersion, ...figures(650, 340) }));
    // While the correction awaits review, the reviewer screens the new figures; the old check is about earlier figures.
    const pending = (await protocolScreening(testDb.db, precinctId, staff.reviewerA))!;
    expect(pending.figures).toBe('underReview');
    expect(pending.checks.map((c) => c.current)).toEqual([false]);
    expectOk(await run(approveProtocol, staff.reviewer2A, { protocolId: protocol.id, lockVersion: second.lockVersion, withoutImageReason: NO_IMAGE }));
    expect(await run(recordPaperCheck, staff.reviewerA, { precinctId, entryId: oldEntry })).toMatchObject({
      ok: false,
      error: 'conflict',
      message: 'screening.errors.figuresChanged',
    });
    expect((await electionScreening(testDb.db, electionId, 'approved'))!.checks.get(precinctId)).toBeUndefined();
  });
});

describe('the public screening', () => {
  it('covers only constituencies whose results are official', async () => {
    const official = (await electionScreening(testDb.db, electionId, 'official'))!;
    expect(official.screenedConstituencies.size).toBe(0);
    expect(official.report.precincts).toEqual([]);
    const staffView = (await electionScreening(testDb.db, electionId, 'approved'))!;
    expect(staffView.report.precincts).toHaveLength(11);
  });
});

describe('the phase', () => {
  it('refuses checks once the election is archived', async () => {
    const precinctId = precinctIds[6]!;
    const entryId = (await protocolOf(precinctId)).approvedEntryId;
    await testDb.db.update(elections).set({ archivedAt: new Date() }).where(eq(elections.id, electionId));
    const before = await checkCount();
    expect(await run(recordPaperCheck, staff.reviewerA, { precinctId, entryId })).toMatchObject({
      ok: false,
      error: 'invalidState',
      message: 'elections.errors.workClosed',
    });
    expect(await checkCount()).toBe(before);
  });
});
