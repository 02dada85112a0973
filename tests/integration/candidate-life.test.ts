import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { auditLog, candidates, elections, users } from '@/db/schema';
import { addDays, todayInKazakhstan } from '@/lib/calendar';
import {
  attestCheck,
  decide,
  decideCancellation,
  nominate,
  proposeCancellation,
  recordBallotsPrinted,
  recordDepositRefund,
  recordElectedAkim,
  withdraw,
} from '@/lib/candidates/commands';
import { ATTESTED_CHECKS } from '@/lib/candidates/eligibility';
import { candidateDetail, candidateFacts, listCandidates, candidateStatistics } from '@/lib/candidates/queries';
import { approveProtocol, enterProtocol, markResultsOfficial } from '@/lib/protocols/commands';
import { protocolSheet } from '@/lib/protocols/queries';
import { insertConstituency, insertElection, insertRegisteredCandidates } from '../support/elections';
import { protocolInput } from '../support/protocols';
import { commandRunner, expectOk } from '../support/commands';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertStaff } from '../support/users';
import { nominationForm } from '../support/candidates';

let testDb: TestDatabase;
let regionA: number;
type Staff = 'operatorA' | 'operator2A' | 'reviewerA' | 'reviewer2A' | 'operatorB' | 'reviewerB' | 'observer' | 'admin';
let staff: Record<Staff, { id: number }>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.db;
  ({ regionA, staff } = await insertStaff(db, 'life'));
});
afterAll(async () => {
  await testDb?.drop();
});

const run = commandRunner(() => testDb.db);
const today = () => todayInKazakhstan();
const commission = (decisionDate = today()) => ({ decisionNumber: '12/3', decisionDate });
const lockVersionOf = async (id: number) => (await testDb.db.select({ v: candidates.lockVersion }).from(candidates).where(eq(candidates.id, id)))[0]!.v;
const rowOf = async (id: number) => (await testDb.db.select().from(candidates).where(eq(candidates.id, id)))[0]!;
const auditActions = async (entityType: string, id: number) =>
  (
    await testDb.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, entityType), eq(auditLog.entityId, String(id))))
      .orderBy(auditLog.id)
  ).map((row) => row.action);
/** Rows and versions that any of these commands could change: a refused command must leave them all as they were. */
const snapshot = async () =>
  (
    await selectRows<Record<string, number>>(
      testDb.db,
      sql`select (select count(*)::int from audit_log) as audit, (select coalesce(sum(lock_version), 0)::int from candidates) as versions,
                 (select count(*)::int from registration_cancellations) as cancellations, (select count(*)::int from akim_registrations) as akims,
                 (select count(*)::int from candidates where deposit_refunded_on is not null) as refunds,
                 (select count(*)::int from constituencies where ballots_printed_on is not null) as printed,
                 (select string_agg(id || ':' || status || ':' || coalesce(ballot_order, 0), ',' order by id) from candidates) as ballot`,
    )
  )[0];

/** An election in its nomination phase with a constituency of `count` registered candidates (ballot lines 1..n). */
async function registeredInNomination(count = 3) {
  const election = await insertElection(testDb.db, -5);
  const constituency = await insertConstituency(testDb.db, election.id, regionA, staff.operatorA.id, 1000, 2);
  const rows = await insertRegisteredCandidates(testDb.db, election.id, constituency.id, staff.operatorA.id, count);
  return { election, constituency, ids: rows.map((row) => row.id) };
}

/** What the nomination form sends for a self-nominee with every document in. */
const nomineeIn = (electionId: number, constituencyId: number, birthDate: string) =>
  nominationForm(electionId, constituencyId, { fullName: 'Айдар Серікұлы Мұратов', birthDate, depositPaidOn: today(), supportingSignatures: 50 });

async function cancel(candidateId: number, decisionDate = today()) {
  expectOk(
    await run(proposeCancellation, staff.operatorA, {
      candidateId,
      lockVersion: await lockVersionOf(candidateId),
      ground: 'voter_bribery',
      explanation: 'Food parcels handed out at a meeting',
    }),
  );
  return run(decideCancellation, staff.reviewerA, {
    candidateId,
    lockVersion: await lockVersionOf(candidateId),
    decision: 'cancel',
    ...commission(decisionDate),
  });
}

/** Moves an election's calendar so that it votes `votingIn` days from today, keeping the dates in order. */
async function voteIn(electionId: number, votingIn: number) {
  const d = (days: number) => addDays(today(), days);
  await testDb.db
    .update(elections)
    .set({
      calledOn: d(-60),
      nominationOpensOn: d(-50),
      nominationClosesOn: d(-31),
      registrationDeadline: d(-26),
      votingDay: d(votingIn),
      resultsDeadline: d(votingIn + 3),
      akimRegistrationDeadline: d(votingIn + 10),
    })
    .where(eq(elections.id, electionId));
}
/** The election voted yesterday: it is counting. */
const votedYesterday = (electionId: number) => voteIn(electionId, -1);

/** An operator proposes to cancel a freshly registered candidate on another candidate's complaint. */
const complaintProposed = async (candidateId: number) =>
  expectOk(await run(proposeCancellation, staff.operatorA, { candidateId, lockVersion: 1, ground: 'other', explanation: 'A complaint by another candidate' }));

describe('cancellation of a registration', () => {
  it('needs a proposal by one person and the commission’s decision recorded by another; audited; the candidate stays listed', async () => {
    const { election, ids } = await registeredInNomination();
    const [first, second, third] = ids as [number, number, number];
    expectOk(
      await run(proposeCancellation, staff.reviewerA, {
        candidateId: second,
        lockVersion: 1,
        ground: 'false_information',
        explanation: 'Income left out of the declaration',
      }),
    );
    const before = await snapshot();
    const own = await run(decideCancellation, staff.reviewerA, { candidateId: second, lockVersion: 2, decision: 'cancel', ...commission() });
    expect(own).toMatchObject({ ok: false, error: 'invalidState', message: 'candidates.errors.ownCancellationProposal' });
    expect(await snapshot()).toEqual(before);
    expectOk(await run(decideCancellation, staff.reviewer2A, { candidateId: second, lockVersion: 2, decision: 'cancel', ...commission() }));
    // Ballots not printed: the line is gone and the numbers below close up.
    expect((await rowOf(second)).status).toBe('cancelled');
    expect([(await rowOf(first)).ballotOrder, (await rowOf(second)).ballotOrder, (await rowOf(third)).ballotOrder]).toEqual([1, null, 2]);
    expect(await auditActions('candidate', second)).toEqual(['candidates.proposeCancellation', 'candidates.cancelRegistration']);
    const listed = (await listCandidates(testDb.db, { electionId: election.id })).find((c) => c.id === second)!;
    expect(listed).toMatchObject({ status: 'cancelled', wasRegistered: true, cancellationGround: 'false_information' });
    const statistics = candidateStatistics(await listCandidates(testDb.db, { electionId: election.id }));
    expect(statistics).toMatchObject({ registered: 3, onBallot: 2, cancelled: 1 });
    // The overview's headline reads the slim facts: the same statistics; the public list reads a page at a time, cut the same way.
    expect(candidateStatistics(await candidateFacts(testDb.db, { electionId: election.id }))).toEqual(statistics);
    const all = await listCandidates(testDb.db, { electionId: election.id });
    expect(await listCandidates(testDb.db, { electionId: election.id }, 'ballot', { offset: 1, limit: 2 })).toEqual(all.slice(1, 3));
    const detail = await candidateDetail(testDb.db, second);
    expect(detail?.cancellations).toMatchObject([{ status: 'cancelled', ground: 'false_information', decisionNumber: '12/3', decidedBy: expect.any(String) }]);
  });

  it('refuses without a ground, for a candidate not registered, after the commission’s date range, and for other roles or regions', async () => {
    const { ids } = await registeredInNomination(2);
    const candidateId = ids[0]!;
    const before = await snapshot();
    const noGround = await run(proposeCancellation, staff.operatorA, { candidateId, lockVersion: 1, explanation: 'No ground given at all' });
    expect(noGround).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { ground: ['candidates.errors.groundRequired'] } });
    for (const actor of [null, staff.operatorB, staff.reviewerB, staff.observer, staff.admin]) {
      const result = await run(proposeCancellation, actor, { candidateId, lockVersion: 1, ground: 'other', explanation: 'Not allowed to propose' });
      expect(['unauthenticated', 'forbidden']).toContain(!result.ok && result.error);
    }
    expect(await snapshot()).toEqual(before);
    const { electionId, constituencyId } = await rowOf(candidateId);
    const nominee = expectOk(await run<{ id: number }>(nominate, staff.operatorA, nomineeIn(electionId, constituencyId, '1979-05-05')));
    expect(
      await run(proposeCancellation, staff.operatorA, { candidateId: nominee.id, lockVersion: 1, ground: 'other', explanation: 'Not registered yet' }),
    ).toMatchObject({
      ok: false,
      message: 'candidates.errors.notRegistered',
    });
    const future = await cancel(candidateId, addDays(today(), 1));
    expect(future).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { decisionDate: ['candidates.errors.cancellationDecisionDate'] } });
    expect(
      await run(decideCancellation, staff.operatorA, { candidateId, lockVersion: await lockVersionOf(candidateId), decision: 'cancel', ...commission() }),
    ).toMatchObject({ ok: false, error: 'forbidden' });
    expect((await rowOf(candidateId)).status).toBe('registered');
  });

  it('is refused once voting day has come (the polls are open)', async () => {
    const { election, ids } = await registeredInNomination(2);
    expectOk(
      await run(proposeCancellation, staff.operatorA, {
        candidateId: ids[0],
        lockVersion: 1,
        ground: 'court_decision',
        explanation: 'Annulled by the district court',
      }),
    );
    await votedYesterday(election.id);
    const late = await run(decideCancellation, staff.reviewerA, { candidateId: ids[0], lockVersion: 2, decision: 'cancel', ...commission() });
    expect(late).toMatchObject({
      ok: false,
      error: 'invalidState',
      message: 'elections.errors.workClosed',
      messageValues: { work: 'cancellation', phase: 'counting' },
    });
  });

  it('keeps the printed numbers once the ballots are printed: the removed line is struck on the protocol, excluded from new protocols, kept in the history', async () => {
    const { election, constituency, ids } = await registeredInNomination(3);
    const [first, second, third] = ids as [number, number, number];
    expectOk(await run(recordBallotsPrinted, staff.reviewerA, { constituencyId: constituency.id, printedOn: today() }));
    expect(await auditActions('constituency', constituency.id)).toEqual(['candidates.recordBallotsPrinted']);
    expect(await run(recordBallotsPrinted, staff.reviewer2A, { constituencyId: constituency.id, printedOn: today() })).toMatchObject({
      ok: false,
      message: 'candidates.errors.ballotsAlreadyPrinted',
    });
    expectOk(await cancel(second));
    expectOk(await run(withdraw, staff.operatorA, { candidateId: third, lockVersion: 1, withdrawnBy: 'candidate', withdrawnOn: today() }));
    expect([(await rowOf(first)).ballotOrder, (await rowOf(second)).ballotOrder, (await rowOf(third)).ballotOrder]).toEqual([1, 2, 3]);

    await votedYesterday(election.id);
    const precinctId = constituency.precincts[0]!.id;
    const sheet = await protocolSheet(testDb.db, precinctId, { id: staff.operatorA.id, role: 'operator' });
    expect(sheet!.candidates.map((c) => [c.ballotOrder, c.struck])).toEqual([
      [1, false],
      [2, true],
      [3, true],
    ]);
    const protocol = protocolInput(
      {
        ballotsReceived: 1000,
        ballotsIssued: 600,
        ballotsCast: 600,
        ballotsSpoiled: 0,
        ballotsUnused: 400,
        ballotsInvalid: 10,
        votesAgainstAll: 90,
        votes: {},
      },
      { votersAtClose: 1000, votingDay: addDays(todayInKazakhstan(), -1) },
    );
    const withRemoved = await run(enterProtocol, staff.operatorA, { precinctId, lockVersion: 0, ...protocol, votes: { [first]: 400, [second]: 100 } });
    expect(withRemoved).toMatchObject({ ok: false, message: 'protocols.errors.candidatesChanged' });
    expectOk(await run(enterProtocol, staff.operatorA, { precinctId, lockVersion: 0, ...protocol, votes: { [first]: 500 } }));
    // Still in the record: the candidate page shows the cancellation, the audit log the decision.
    expect((await candidateDetail(testDb.db, second))!.status).toBe('cancelled');
    expect(await auditActions('candidate', second)).toContain('candidates.cancelRegistration');
  });

  it('can be dismissed by the commission: the candidate stays registered', async () => {
    const { ids } = await registeredInNomination(2);
    await complaintProposed(ids[0]!);
    const short = await run(decideCancellation, staff.reviewerA, { candidateId: ids[0], lockVersion: 2, decision: 'dismiss', dismissalReason: 'no' });
    expect(short).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { dismissalReason: ['errors.minLength.n10'] } });
    expectOk(
      await run(decideCancellation, staff.reviewerA, {
        candidateId: ids[0],
        lockVersion: 2,
        decision: 'dismiss',
        dismissalReason: 'The complaint was not substantiated.',
      }),
    );
    expect((await rowOf(ids[0]!)).status).toBe('registered');
    expect(await auditActions('candidate', ids[0]!)).toEqual(['candidates.proposeCancellation', 'candidates.dismissCancellation']);
  });
});

describe('withdrawal cut-off', () => {
  it('refuses a withdrawal after the cut-off, naming the last day, and a date beyond it', async () => {
    const { election, ids } = await registeredInNomination(2);
    // Voting in two days: with the default cut-off (2 days) today is the last day.
    const d = (days: number) => addDays(today(), days);
    await voteIn(election.id, 2);
    expect(await run(withdraw, staff.operatorA, { candidateId: ids[0], lockVersion: 1, withdrawnBy: 'candidate', withdrawnOn: d(1) })).toMatchObject({
      ok: false,
      fieldErrors: { withdrawnOn: ['candidates.errors.withdrawalDate'] },
    });
    expectOk(await run(withdraw, staff.operatorA, { candidateId: ids[0], lockVersion: 1, withdrawnBy: 'candidate', withdrawnOn: today() }));
    await testDb.db.update(elections).set({ withdrawalCutoffDays: 3 }).where(eq(elections.id, election.id));
    const before = await snapshot();
    const late = await run(withdraw, staff.operatorA, { candidateId: ids[1], lockVersion: 1, withdrawnBy: 'candidate', withdrawnOn: today() });
    expect(late).toMatchObject({ ok: false, error: 'invalidState', message: 'candidates.errors.withdrawalClosed', messageValues: { date: d(-1) } });
    expect(await snapshot()).toEqual(before);
  });
});

describe('refusal grounds tied to a check', () => {
  it('refuses a ground whose check has not failed; allows it once marked failed; other grounds stay free', async () => {
    const election = await insertElection(testDb.db, -5);
    const constituency = await insertConstituency(testDb.db, election.id, regionA, staff.operatorA.id, 1000);
    const nominee = (birthDate: string) => nomineeIn(election.id, constituency.id, birthDate);
    const { id } = expectOk(await run<{ id: number }>(nominate, staff.operatorA, nominee('1977-07-07')));
    const refuse = async (refusalGround: string) =>
      run(decide, staff.reviewerA, {
        candidateId: id,
        lockVersion: await lockVersionOf(id),
        decision: 'refuse',
        refusalGround,
        explanation: 'The certificate shows a conviction',
        ...commission(),
      });
    expect(await refuse('criminal_record')).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { refusalGround: ['candidates.errors.groundNeedsFailedCheck'] },
    });
    expectOk(
      await run(attestCheck, staff.reviewerA, {
        candidateId: id,
        lockVersion: await lockVersionOf(id),
        code: 'criminal_record',
        outcome: 'failed',
        note: 'Unexpunged conviction',
      }),
    );
    expectOk(await refuse('criminal_record'));
    const other = expectOk(await run<{ id: number }>(nominate, staff.operatorA, nominee('1976-06-06')));
    expectOk(
      await run(decide, staff.reviewerA, {
        candidateId: other.id,
        lockVersion: 1,
        decision: 'refuse',
        refusalGround: 'documents_incomplete',
        explanation: 'Application form missing',
        ...commission(),
      }),
    );
  });

  it('refuses a registration decision dated outside the election’s calendar', async () => {
    const election = await insertElection(testDb.db, -5);
    const constituency = await insertConstituency(testDb.db, election.id, regionA, staff.operatorA.id, 1000);
    const [candidate] = await insertRegisteredCandidates(testDb.db, election.id, constituency.id, staff.operatorA.id, 1);
    await testDb.db.update(candidates).set({ status: 'nominated', ballotOrder: null, nominatedOn: today() }).where(eq(candidates.id, candidate!.id));
    for (const code of ATTESTED_CHECKS)
      await testDb.db.execute(sql`insert into candidate_checks (candidate_id, code, kind, outcome) values (${candidate!.id}, ${code}, 'attested', 'passed')`);
    const before = await snapshot();
    for (const decisionDate of [addDays(today(), -1), addDays(today(), 1), election.votingDay]) {
      const result = await run(decide, staff.reviewerA, { candidateId: candidate!.id, lockVersion: 1, decision: 'register', ...commission(decisionDate) });
      expect(result).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { decisionDate: ['candidates.errors.registrationDecisionDate'] } });
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('after the results: the elected akim and the deposits', () => {
  /** One precinct, three candidates; the winner gets 400 votes, the runner-up 240 (35.8%), the third 30 (4.48%) of 670 valid. */
  async function counted() {
    const election = await insertElection(testDb.db, -41, 10);
    const constituency = await insertConstituency(testDb.db, election.id, regionA, staff.operatorA.id, 1000);
    const ids = (await insertRegisteredCandidates(testDb.db, election.id, constituency.id, staff.operatorA.id, 3)).map((c) => c.id);
    const precinctId = constituency.precincts[0]!.id;
    const protocol = protocolInput(
      {
        ballotsReceived: 1000,
        ballotsIssued: 690,
        ballotsCast: 690,
        ballotsSpoiled: 0,
        ballotsUnused: 310,
        ballotsInvalid: 20,
        votesAgainstAll: 0,
        votes: { [ids[0]!]: 400, [ids[1]!]: 240, [ids[2]!]: 30 },
      },
      { votersAtClose: 1000, votingDay: election.votingDay },
    );
    expectOk(await run(enterProtocol, staff.operatorA, { precinctId, lockVersion: 0, ...protocol }));
    const second = expectOk(
      await run<{ protocolId: number; lockVersion: number }>(enterProtocol, staff.operator2A, { precinctId, lockVersion: 1, ...protocol }),
    );
    return { election, constituency, ids, approval: second };
  }
  const official = async (scene: Awaited<ReturnType<typeof counted>>) => {
    expectOk(await run(approveProtocol, staff.reviewerA, { ...scene.approval, withoutImageReason: 'The signed paper is kept by the district commission' }));
    expectOk(await run(markResultsOfficial, staff.reviewerA, { constituencyId: scene.constituency.id }));
  };

  it('refuses refunds and registration before the results are official, changing nothing', async () => {
    const scene = await counted();
    const before = await snapshot();
    expect(await run(recordDepositRefund, staff.reviewerA, { candidateId: scene.ids[0], lockVersion: 1, refundedOn: today() })).toMatchObject({
      ok: false,
      message: 'candidates.errors.resultsNotOfficial',
    });
    expect(
      await run(recordElectedAkim, staff.reviewerA, {
        constituencyId: scene.constituency.id,
        decision: 'register',
        candidateId: scene.ids[0],
        ...commission(),
      }),
    ).toMatchObject({
      ok: false,
      message: 'candidates.errors.resultsNotOfficial',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('refunds the winner and candidates from 5%, not below; registers only the winner; audited', async () => {
    const scene = await counted();
    await official(scene);
    const [winner, runnerUp, third] = scene.ids as [number, number, number];
    expectOk(await run(recordDepositRefund, staff.reviewerA, { candidateId: winner, lockVersion: 1, refundedOn: today() }));
    expectOk(await run(recordDepositRefund, staff.reviewerA, { candidateId: runnerUp, lockVersion: 1, refundedOn: today() }));
    expect(await run(recordDepositRefund, staff.reviewerA, { candidateId: third, lockVersion: 1, refundedOn: today() })).toMatchObject({
      ok: false,
      message: 'candidates.errors.depositNotRefundable',
    });
    expect(await run(recordDepositRefund, staff.reviewerA, { candidateId: winner, lockVersion: 2, refundedOn: today() })).toMatchObject({
      ok: false,
      message: 'candidates.errors.depositAlreadyRefunded',
    });
    expect(await run(recordDepositRefund, staff.reviewerA, { candidateId: runnerUp, lockVersion: 1, refundedOn: today() })).toMatchObject({
      ok: false,
      error: 'conflict',
    });
    expect((await rowOf(winner)).depositRefundedOn).toBe(today());
    expect(await auditActions('candidate', winner)).toEqual(['candidates.recordDepositRefund']);

    const notWinner = await run(recordElectedAkim, staff.reviewerA, {
      constituencyId: scene.constituency.id,
      decision: 'register',
      candidateId: runnerUp,
      ...commission(),
    });
    expect(notWinner).toMatchObject({ ok: false, error: 'invalid', fieldErrors: { candidateId: ['candidates.errors.notTheWinner'] } });
    const noRepeat = await run(recordElectedAkim, staff.reviewerA, {
      constituencyId: scene.constituency.id,
      decision: 'repeatElection',
      reason: 'Against all won the vote',
      ...commission(),
    });
    expect(noRepeat).toMatchObject({ ok: false, message: 'candidates.errors.noRepeatNeeded' });
    for (const actor of [null, staff.operatorA, staff.reviewerB, staff.observer, staff.admin]) {
      const result = await run(recordElectedAkim, actor, { constituencyId: scene.constituency.id, decision: 'register', candidateId: winner, ...commission() });
      expect(['unauthenticated', 'forbidden']).toContain(!result.ok && result.error);
    }
    const registered = await Promise.all([
      run(recordElectedAkim, staff.reviewerA, { constituencyId: scene.constituency.id, decision: 'register', candidateId: winner, ...commission() }),
      run(recordElectedAkim, staff.reviewer2A, { constituencyId: scene.constituency.id, decision: 'register', candidateId: winner, ...commission() }),
    ]);
    expect(registered.filter((result) => result.ok)).toHaveLength(1);
    expect(await auditActions('constituency', scene.constituency.id)).toContain('candidates.registerElectedAkim');
    expect(
      await selectRows(
        testDb.db,
        sql`select outcome::text, candidate_id as "candidateId" from akim_registrations where constituency_id = ${scene.constituency.id}`,
      ),
    ).toEqual([{ outcome: 'registered', candidateId: winner }]);
  });

  it('registers late only with a reason', async () => {
    const scene = await counted();
    await official(scene);
    // The legal term ended yesterday.
    await testDb.db
      .update(elections)
      .set({ resultsDeadline: addDays(today(), -1), akimRegistrationDeadline: addDays(today(), -1) })
      .where(eq(elections.id, scene.election.id));
    const input = { constituencyId: scene.constituency.id, decision: 'register', candidateId: scene.ids[0], ...commission() };
    expect(await run(recordElectedAkim, staff.reviewerA, input)).toMatchObject({
      ok: false,
      fieldErrors: { lateReason: ['candidates.errors.lateReasonRequired'] },
    });
    expect(
      expectOk(await run<{ late: boolean }>(recordElectedAkim, staff.reviewerA, { ...input, lateReason: 'The commission lacked a quorum until today.' })),
    ).toMatchObject({ late: true });
  });
});

describe('four eyes on the data model', () => {
  it('the database itself refuses a cancellation decided by its proposer', async () => {
    const { ids } = await registeredInNomination(2);
    await complaintProposed(ids[0]!);
    await expect(
      testDb.db.execute(
        sql`update registration_cancellations set status = 'cancelled', decided_by = proposed_by, decision_number = '1', decision_date = current_date where candidate_id = ${ids[0]!}`,
      ),
    ).rejects.toThrow();
    expect((await testDb.db.select({ role: users.role }).from(users).where(eq(users.id, staff.operatorA.id)))[0]?.role).toBe('operator');
  });
});
