import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { auditLog, protocols, protocolVersions, users } from '@/db/schema';
import { approveProtocol, correctProtocol, enterProtocol, markResultsOfficial, reopenResults, resolveMismatch } from '@/lib/protocols/commands';
import { electionResults } from '@/lib/results/aggregate';
import { insertCountingConstituency } from '../support/elections';
import { commandRunner, expectOk } from '../support/commands';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { balancedProtocol } from '../support/protocols';
import { insertStaff, insertUser } from '../support/users';

let testDb: TestDatabase;
let staff: Record<'operatorA' | 'operator2A' | 'operator3A' | 'reviewerA' | 'reviewer2A' | 'operatorB' | 'reviewerB' | 'observer' | 'admin', { id: number }>;
let electionId: number;
let precinctIds: number[];
let constituencyId: number;
let candidateIds: number[];
let votingDay: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.db;
  const { regionA, staff: standard } = await insertStaff(db, 'prot');
  staff = {
    ...standard,
    operator3A: await insertUser(db, 'operator', regionA),
  };
  ({ electionId, votingDay, constituencyId, precinctIds, candidateIds } = await insertCountingConstituency(db, regionA, staff.operatorA.id, {
    precincts: 12,
    candidates: 2,
  }));
});
afterAll(async () => {
  await testDb?.drop();
});

const run = commandRunner(() => testDb.db);

/** These protocols have no image of their paper: approval then needs a reason (lib/protocol-images). */
const noImage = { withoutImageReason: 'The signed paper is kept by the district commission' };

/** A balanced protocol: 700 issued of 1000 voters, 698 cast. */
const figures = (first = 400, second = 280, overrides: Record<string, unknown> = {}) =>
  balancedProtocol(candidateIds, { first, second, overrides, votersAtClose: 1000, votingDay });

const protocolOf = async (precinctId: number) => (await testDb.db.select().from(protocols).where(eq(protocols.precinctId, precinctId)))[0]!;
const snapshot = async () =>
  (
    await selectRows<Record<string, number>>(
      testDb.db,
      sql`select (select count(*)::int from protocols) as protocols, (select count(*)::int from protocol_versions) as versions,
                 (select count(*)::int from protocol_entries) as entries, (select count(*)::int from protocol_entry_votes) as votes,
                 (select count(*)::int from audit_log) as audit, (select coalesce(sum(lock_version), 0)::int from protocols) as locks,
                 (select count(*)::int from constituencies where results_status = 'official') as official`,
    )
  )[0];

async function enterTwice(precinctId: number, second = figures()) {
  expectOk(await run(enterProtocol, staff.operatorA, { precinctId, lockVersion: 0, ...figures() }));
  return expectOk(
    await run<{ status: string; lockVersion: number; protocolId: number }>(enterProtocol, staff.operator2A, { precinctId, lockVersion: 1, ...second }),
  );
}

describe('blind double entry and approval', () => {
  it('moves equal copies to review; a reviewer who typed neither approves; only then it counts', async () => {
    const precinctId = precinctIds[0]!;
    const second = await enterTwice(precinctId);
    expect(second.status).toBe('awaiting_review');
    const before = await electionResults(testDb.db, electionId);
    expect(before!.totals.precinctsReported).toBe(0);
    expectOk(await run(approveProtocol, staff.reviewerA, { protocolId: second.protocolId, lockVersion: second.lockVersion, ...noImage }));
    const after = await electionResults(testDb.db, electionId);
    expect(after!.totals).toMatchObject({ precinctsReported: 1, ballotsCast: 698, votesAgainstAll: 10 });
    const actions = await testDb.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'protocol'), eq(auditLog.entityId, String(second.protocolId))))
      .orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual(['protocols.enterFirst', 'protocols.enterSecond', 'protocols.approve']);
  });

  it('does not let one operator enter both copies', async () => {
    const precinctId = precinctIds[1]!;
    expectOk(await run(enterProtocol, staff.operatorA, { precinctId, lockVersion: 0, ...figures() }));
    const again = await run(enterProtocol, staff.operatorA, { precinctId, lockVersion: 1, ...figures() });
    expect(!again.ok && again.message).toBe('protocols.errors.bothCopies');
  });

  it('sends different copies to a reviewer, who resolves only the disputed fields, then another approval', async () => {
    const precinctId = precinctIds[2]!;
    const second = await enterTwice(precinctId, figures(401, 280, { votesAgainstAll: 9 }));
    expect(second.status).toBe('mismatch');
    const changingAgreed = await run(resolveMismatch, staff.reviewerA, {
      protocolId: second.protocolId,
      lockVersion: second.lockVersion,
      ...figures(400, 280, { ballotsInvalid: 7, votesAgainstAll: 11 }),
    });
    expect(!changingAgreed.ok && changingAgreed.message).toBe('protocols.errors.agreedFieldChanged');
    const resolved = expectOk(
      await run<{ lockVersion: number }>(resolveMismatch, staff.reviewerA, { protocolId: second.protocolId, lockVersion: second.lockVersion, ...figures() }),
    );
    expectOk(await run(approveProtocol, staff.reviewer2A, { protocolId: second.protocolId, lockVersion: resolved.lockVersion, ...noImage }));
    const protocol = await protocolOf(precinctId);
    const entries = await selectRows<{ kind: string }>(
      testDb.db,
      sql`select e.kind::text as kind from protocol_entries e join protocol_versions v on v.id = e.version_id where v.protocol_id = ${protocol.id} order by e.id`,
    );
    expect(entries.map((e) => e.kind)).toEqual(['first', 'second', 'resolution']);
    const [approved] = await selectRows<{ kind: string }>(
      testDb.db,
      sql`select kind::text as kind from protocol_entries where id = ${protocol.approvedEntryId}`,
    );
    expect(approved?.kind).toBe('resolution');
  });

  it('does not let a reviewer approve a protocol they typed a copy of', async () => {
    const precinctId = precinctIds[3]!;
    expectOk(await run(enterProtocol, staff.operatorA, { precinctId, lockVersion: 0, ...figures() }));
    const second = expectOk(
      await run<{ protocolId: number; lockVersion: number }>(enterProtocol, staff.operator3A, { precinctId, lockVersion: 1, ...figures() }),
    );
    await testDb.db.update(users).set({ role: 'reviewer' }).where(eq(users.id, staff.operator3A.id));
    const result = await run(approveProtocol, staff.operator3A, { protocolId: second.protocolId, lockVersion: second.lockVersion, ...noImage });
    await testDb.db.update(users).set({ role: 'operator' }).where(eq(users.id, staff.operator3A.id));
    expect(!result.ok && result.message).toBe('protocols.errors.ownEntry');
  });

  it('refuses a protocol that breaks a control relation, naming it, and stores nothing', async () => {
    const before = await snapshot();
    const result = await run(enterProtocol, staff.operatorA, { precinctId: precinctIds[4]!, lockVersion: 0, ...figures(400, 280, { ballotsUnused: 300 }) });
    expect(result).toMatchObject({
      ok: false,
      error: 'invalid',
      message: 'protocols.errors.relations',
      relationErrors: [{ relation: 'ballotBalance', values: { received: 1010, sum: 1003 } }],
    });
    const wrongCandidates = await run(enterProtocol, staff.operatorA, {
      precinctId: precinctIds[4]!,
      lockVersion: 0,
      ...figures(),
      votes: { [candidateIds[0]!]: 680 },
    });
    expect(!wrongCandidates.ok && wrongCandidates.message).toBe('protocols.errors.candidatesChanged');
    expect(await snapshot()).toEqual(before);
  });
});

describe('concurrent saves', () => {
  it('lets exactly one of many simultaneous first entries win', async () => {
    const precinctId = precinctIds[5]!;
    const operators = [staff.operatorA, staff.operator2A, staff.operator3A, staff.operatorA, staff.operator2A, staff.operator3A];
    const results = await Promise.all(operators.map((operator) => run(enterProtocol, operator, { precinctId, lockVersion: 0, ...figures() })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const loser of results.filter((r) => !r.ok)) expect(loser).toMatchObject({ error: 'conflict' });
    const entries = await selectRows<{ n: number }>(
      testDb.db,
      sql`select count(*)::int as n from protocol_entries e join protocol_versions v on v.id = e.version_id join protocols p on p.id = v.protocol_id where p.precinct_id = ${precinctId}`,
    );
    expect(entries[0]?.n).toBe(1);
  });

  it('lets exactly one of simultaneous second entries win', async () => {
    const precinctId = precinctIds[6]!;
    expectOk(await run(enterProtocol, staff.operatorA, { precinctId, lockVersion: 0, ...figures() }));
    const results = await Promise.all(
      [staff.operator2A, staff.operator3A, staff.operator2A].map((operator) => run(enterProtocol, operator, { precinctId, lockVersion: 1, ...figures() })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await protocolOf(precinctId)).lockVersion).toBe(2);
  });
});

describe('corrections and official results', () => {
  it('keeps the approved figures in results until a correction is approved, and keeps every version', async () => {
    const precinctId = precinctIds[7]!;
    const second = await enterTwice(precinctId);
    const approved = expectOk(
      await run<{ lockVersion: number }>(approveProtocol, staff.reviewerA, { protocolId: second.protocolId, lockVersion: second.lockVersion, ...noImage }),
    );
    const withoutReason = await run(correctProtocol, staff.operatorA, {
      protocolId: second.protocolId,
      lockVersion: approved.lockVersion,
      reason: '',
      ...figures(390, 290),
    });
    expect(!withoutReason.ok && withoutReason.fieldErrors).toHaveProperty('reason');
    const reported = async () => (await electionResults(testDb.db, electionId))!.constituencies[0]!.candidates.find((c) => c.id === candidateIds[0])!.votes;
    const votesBefore = await reported();
    const corrected = expectOk(
      await run<{ lockVersion: number }>(correctProtocol, staff.operatorA, {
        protocolId: second.protocolId,
        lockVersion: approved.lockVersion,
        reason: 'Typo found against the signed paper protocol',
        ...figures(390, 290),
      }),
    );
    expect(await reported()).toBe(votesBefore);
    const again = expectOk(
      await run<{ lockVersion: number }>(enterProtocol, staff.operator2A, { precinctId, lockVersion: corrected.lockVersion, ...figures(390, 290) }),
    );
    expectOk(await run(approveProtocol, staff.reviewerA, { protocolId: second.protocolId, lockVersion: again.lockVersion, ...noImage }));
    expect(await reported()).toBe(votesBefore - 10);
    const versions = await testDb.db
      .select()
      .from(protocolVersions)
      .where(eq(protocolVersions.protocolId, second.protocolId))
      .orderBy(protocolVersions.versionNo);
    expect(versions.map((v) => [v.versionNo, v.correctionReason, v.approvedBy !== null])).toEqual([
      [1, null, true],
      [2, 'Typo found against the signed paper protocol', true],
    ]);
  });

  it('declares results official only when every precinct is approved, then refuses every change; only an admin reopens', async () => {
    const notYet = await run(markResultsOfficial, staff.reviewerA, { constituencyId });
    expect(!notYet.ok && notYet.message).toBe('protocols.errors.notAllApproved');
    for (const precinctId of precinctIds) {
      let protocol = (await testDb.db.select().from(protocols).where(eq(protocols.precinctId, precinctId)))[0];
      if (!protocol) {
        await enterTwice(precinctId);
        protocol = await protocolOf(precinctId);
      } else if (protocol.status === 'entered_once') {
        const [first] = await selectRows<{ enteredBy: number }>(
          testDb.db,
          sql`select e.entered_by as "enteredBy" from protocol_entries e join protocol_versions v on v.id = e.version_id where v.protocol_id = ${protocol.id} and e.kind = 'first' and v.version_no = ${protocol.currentVersionNo}`,
        );
        const operator = [staff.operatorA, staff.operator2A, staff.operator3A].find((o) => o.id !== first!.enteredBy)!;
        expectOk(await run(enterProtocol, operator, { precinctId, lockVersion: protocol.lockVersion, ...figures() }));
        protocol = await protocolOf(precinctId);
      }
      if (protocol.status === 'mismatch') throw new Error('unexpected mismatch');
      if (protocol.status === 'awaiting_review') {
        const reviewer = (await run(approveProtocol, staff.reviewerA, { protocolId: protocol.id, lockVersion: protocol.lockVersion, ...noImage })).ok
          ? null
          : staff.reviewer2A;
        if (reviewer) expectOk(await run(approveProtocol, reviewer, { protocolId: protocol.id, lockVersion: protocol.lockVersion, ...noImage }));
      }
    }
    expectOk(await run(markResultsOfficial, staff.reviewerA, { constituencyId }));
    const resultsAtCertification = JSON.stringify((await electionResults(testDb.db, electionId))!.constituencies);
    const before = await snapshot();
    const protocol = await protocolOf(precinctIds[0]!);
    const attempts = [
      run(correctProtocol, staff.operatorA, {
        protocolId: protocol.id,
        lockVersion: protocol.lockVersion,
        reason: 'Late change after certification',
        ...figures(300, 380),
      }),
      run(correctProtocol, staff.reviewerA, {
        protocolId: protocol.id,
        lockVersion: protocol.lockVersion,
        reason: 'Late change after certification',
        ...figures(300, 380),
      }),
      run(markResultsOfficial, staff.reviewerA, { constituencyId }),
      run(reopenResults, staff.reviewerA, { constituencyId, reason: 'A reviewer may not reopen' }),
      run(reopenResults, staff.admin, { constituencyId, reason: 'short' }),
    ];
    for (const result of await Promise.all(attempts)) expect(result.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
    expect(JSON.stringify((await electionResults(testDb.db, electionId))!.constituencies)).toBe(resultsAtCertification);
    expectOk(await run(reopenResults, staff.admin, { constituencyId, reason: 'Court ruling No. 4 orders a recount of precinct 1' }));
    const [audit] = await testDb.db.select().from(auditLog).where(eq(auditLog.action, 'results.reopen'));
    expect(audit?.after).toMatchObject({ reason: 'Court ruling No. 4 orders a recount of precinct 1' });
  });
});

describe('denials change nothing', () => {
  it('refuses other regions, observers and anonymous callers for every protocol command', async () => {
    const protocol = await protocolOf(precinctIds[0]!);
    const before = await snapshot();
    for (const outsider of [null, staff.operatorB, staff.reviewerB, staff.observer]) {
      const attempts = await Promise.all([
        run(enterProtocol, outsider, { precinctId: precinctIds[8]!, lockVersion: 0, ...figures() }),
        run(resolveMismatch, outsider, { protocolId: protocol.id, lockVersion: protocol.lockVersion, ...figures() }),
        run(approveProtocol, outsider, { protocolId: protocol.id, lockVersion: protocol.lockVersion }),
        run(correctProtocol, outsider, { protocolId: protocol.id, lockVersion: protocol.lockVersion, reason: 'Not my region at all', ...figures() }),
        run(markResultsOfficial, outsider, { constituencyId }),
        run(reopenResults, outsider, { constituencyId, reason: 'Not my region at all' }),
      ]);
      for (const result of attempts) {
        expect(result.ok).toBe(false);
        expect(['unauthenticated', 'forbidden']).toContain(!result.ok && result.error);
      }
    }
    expect(await snapshot()).toEqual(before);
  });
});
