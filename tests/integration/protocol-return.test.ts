import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { auditLog, protocols, protocolVersions } from '@/db/schema';
import { approveProtocol, correctProtocol, enterProtocol, markResultsOfficial, returnProtocol } from '@/lib/protocols/commands';
import { nextPrecinctFor, returnedProtocols } from '@/lib/protocols/queries';
import { electionResults } from '@/lib/results/aggregate';
import { insertCountingConstituency } from '../support/elections';
import { commandRunner, expectOk } from '../support/commands';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertRegion, insertStaff } from '../support/users';
import { addDays, todayInKazakhstan } from '@/lib/calendar';
import { balancedProtocol } from '../support/protocols';

/** A reviewer returns a protocol to data entry with a comment (issue #18). */
let testDb: TestDatabase;
let staff: Record<'operatorA' | 'operator2A' | 'reviewerA' | 'reviewer2A' | 'operatorB' | 'reviewerB' | 'observer' | 'admin', { id: number }>;
let regionA: number;
let electionId: number;
let precinctIds: number[];
let constituencyId: number;
let candidateIds: number[];

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.db;
  ({ regionA, staff } = await insertStaff(db, 'ret'));
  // Voted yesterday: protocol entry is open.
  ({ electionId, constituencyId, precinctIds, candidateIds } = await insertCountingConstituency(db, regionA, staff.operatorA.id, {
    precincts: 6,
    candidates: 2,
  }));
});
afterAll(async () => {
  await testDb?.drop();
});

const run = commandRunner(() => testDb.db);
const noImage = { withoutImageReason: 'The signed paper is kept by the district commission' };
const comment = 'Page 2 of the paper protocol is missing from the copy typed';
const figures = (first = 400, second = 280) =>
  balancedProtocol(candidateIds, { first, second, votersAtClose: 1000, votingDay: addDays(todayInKazakhstan(), -1) });
type Saved = { protocolId: number; status: string; lockVersion: number };

async function enterTwice(precinctId: number, second = figures()) {
  const first = expectOk(await run<Saved>(enterProtocol, staff.operatorA, { precinctId, lockVersion: 0, ...figures() }));
  return expectOk(await run<Saved>(enterProtocol, staff.operator2A, { precinctId, lockVersion: first.lockVersion, ...second }));
}
const protocolOf = async (precinctId: number) => (await testDb.db.select().from(protocols).where(eq(protocols.precinctId, precinctId)))[0]!;
const versionsOf = (protocolId: number) =>
  testDb.db.select().from(protocolVersions).where(eq(protocolVersions.protocolId, protocolId)).orderBy(asc(protocolVersions.versionNo));
const snapshot = async () =>
  (
    await selectRows<Record<string, number>>(
      testDb.db,
      sql`select (select count(*)::int from protocol_versions) as versions, (select count(*)::int from protocol_entries) as entries,
                 (select count(*)::int from audit_log) as audit, (select coalesce(sum(lock_version), 0)::int from protocols) as locks,
                 (select count(*)::int from protocols where status = 'returned') as returned`,
    )
  )[0];

describe('returning a protocol to data entry', () => {
  it('sets the copies aside with the comment, shows it to the operators, and the protocol is typed twice again', async () => {
    const precinctId = precinctIds[0]!;
    const entered = await enterTwice(precinctId);
    expect(entered.status).toBe('awaiting_review');
    const returned = expectOk(
      await run<{ lockVersion: number }>(returnProtocol, staff.reviewerA, { protocolId: entered.protocolId, lockVersion: entered.lockVersion, comment }),
    );
    expect(returned.lockVersion).toBe(entered.lockVersion + 1);

    const protocol = await protocolOf(precinctId);
    expect(protocol).toMatchObject({ status: 'returned', currentVersionNo: 2, approvedEntryId: null });
    const versions = await versionsOf(protocol.id);
    expect(versions.map((v) => [v.versionNo, v.returnComment, v.createdBy])).toEqual([
      [1, null, staff.operatorA.id],
      [2, comment, staff.reviewerA.id],
    ]);
    // The set-aside copies stay in the history.
    const entries = await selectRows<{ versionNo: number; kind: string }>(
      testDb.db,
      sql`select v.version_no as "versionNo", e.kind::text as kind from protocol_entries e join protocol_versions v on v.id = e.version_id where v.protocol_id = ${protocol.id} order by e.id`,
    );
    expect(entries).toEqual([
      { versionNo: 1, kind: 'first' },
      { versionNo: 1, kind: 'second' },
    ]);
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'protocols.return'), eq(auditLog.entityId, String(protocol.id))));
    expect(audit).toMatchObject({
      actorUserId: staff.reviewerA.id,
      regionId: regionA,
      before: { status: 'awaiting_review', version: 1 },
      after: { status: 'returned', version: 2, comment },
    });

    // The operators' queue: the returned protocol comes first, with the reviewer's comment.
    expect(await nextPrecinctFor(testDb.db, { id: staff.operatorA.id, role: 'operator', regionId: regionA }, electionId)).toBe(precinctId);
    expect(await returnedProtocols(testDb.db, electionId, regionA)).toEqual([expect.objectContaining({ precinctId, comment, returnedAt: expect.any(Date) })]);
    expect(await returnedProtocols(testDb.db, electionId, (await insertRegion(testDb.db, 'ret-c')).id)).toEqual([]);

    // Whoever typed a copy before may type the new version; blind double entry holds again.
    const first = expectOk(await run<Saved>(enterProtocol, staff.operatorA, { precinctId, lockVersion: returned.lockVersion, ...figures(390, 290) }));
    expect(first.status).toBe('entered_once');
    const same = await run(enterProtocol, staff.operatorA, { precinctId, lockVersion: first.lockVersion, ...figures(390, 290) });
    expect(!same.ok && same.message).toBe('protocols.errors.bothCopies');
    const second = expectOk(await run<Saved>(enterProtocol, staff.operator2A, { precinctId, lockVersion: first.lockVersion, ...figures(390, 290) }));
    expect(second.status).toBe('awaiting_review');
    expectOk(await run(approveProtocol, staff.reviewerA, { protocolId: protocol.id, lockVersion: second.lockVersion, ...noImage }));
    const counted = (await electionResults(testDb.db, electionId))!.constituencies[0]!.candidates.find((c) => c.id === candidateIds[0])!.votes;
    expect(counted).toBe(390);
    expect(await returnedProtocols(testDb.db, electionId, regionA)).toEqual([]);
  });

  it('returns differing copies too; a returned correction keeps its reason and the approved figures keep counting', async () => {
    const mismatch = await enterTwice(precinctIds[1]!, figures(401, 279));
    expect(mismatch.status).toBe('mismatch');
    expectOk(await run(returnProtocol, staff.reviewerA, { protocolId: mismatch.protocolId, lockVersion: mismatch.lockVersion, comment }));
    expect((await protocolOf(precinctIds[1]!)).status).toBe('returned');

    const precinctId = precinctIds[2]!;
    const entered = await enterTwice(precinctId);
    const approved = expectOk(
      await run<{ lockVersion: number }>(approveProtocol, staff.reviewerA, { protocolId: entered.protocolId, lockVersion: entered.lockVersion, ...noImage }),
    );
    const reported = async () => (await electionResults(testDb.db, electionId))!.totals.ballotsCast;
    const before = await reported();
    const reason = 'Typo found against the signed paper protocol';
    const corrected = expectOk(
      await run<{ lockVersion: number }>(correctProtocol, staff.operatorA, {
        protocolId: entered.protocolId,
        lockVersion: approved.lockVersion,
        reason,
        ...figures(390, 290),
      }),
    );
    const again = expectOk(await run<Saved>(enterProtocol, staff.operator2A, { precinctId, lockVersion: corrected.lockVersion, ...figures(390, 290) }));
    expectOk(await run(returnProtocol, staff.reviewer2A, { protocolId: entered.protocolId, lockVersion: again.lockVersion, comment }));
    const protocol = await protocolOf(precinctId);
    expect(protocol.status).toBe('returned');
    expect(protocol.approvedEntryId).not.toBeNull();
    expect(await reported()).toBe(before);
    expect((await versionsOf(protocol.id)).map((v) => [v.versionNo, v.correctionReason, v.returnComment])).toEqual([
      [1, null, null],
      [2, reason, null],
      [3, reason, comment],
    ]);
  });

  it('refuses without a comment, on a stale version, and outside review; nothing changes', async () => {
    const precinctId = precinctIds[3]!;
    const first = expectOk(await run<Saved>(enterProtocol, staff.operatorA, { precinctId, lockVersion: 0, ...figures() }));
    const before = await snapshot();
    const onceEntered = await run(returnProtocol, staff.reviewerA, { protocolId: first.protocolId, lockVersion: first.lockVersion, comment });
    expect(onceEntered).toMatchObject({ ok: false, error: 'invalidState', message: 'protocols.errors.notUnderReview' });
    const second = expectOk(await run<Saved>(enterProtocol, staff.operator2A, { precinctId, lockVersion: first.lockVersion, ...figures() }));
    const afterSecond = await snapshot();
    expect(await run(returnProtocol, staff.reviewerA, { protocolId: second.protocolId, lockVersion: second.lockVersion, comment: '' })).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { comment: expect.any(Array) },
    });
    expect(await run(returnProtocol, staff.reviewerA, { protocolId: second.protocolId, lockVersion: second.lockVersion, comment: 'too short' })).toMatchObject({
      ok: false,
      error: 'invalid',
      fieldErrors: { comment: expect.any(Array) },
    });
    // Someone else moved the protocol on since the page was opened.
    expect(await run(returnProtocol, staff.reviewerA, { protocolId: second.protocolId, lockVersion: first.lockVersion, comment })).toMatchObject({
      ok: false,
      error: 'conflict',
      message: 'errors.staleEdit',
    });
    expect(await snapshot()).toEqual(afterSecond);
    expect(afterSecond!.entries).toBe(Number(before!.entries) + 1);

    const approved = expectOk(
      await run<{ lockVersion: number }>(approveProtocol, staff.reviewerA, { protocolId: second.protocolId, lockVersion: second.lockVersion, ...noImage }),
    );
    const afterApproval = await snapshot();
    expect(await run(returnProtocol, staff.reviewerA, { protocolId: second.protocolId, lockVersion: approved.lockVersion, comment })).toMatchObject({
      ok: false,
      message: 'protocols.errors.notUnderReview',
    });
    expect(await snapshot()).toEqual(afterApproval);
  });

  it('refuses operators, other regions, observers, administrators and anonymous callers', async () => {
    const entered = await enterTwice(precinctIds[4]!);
    const before = await snapshot();
    for (const outsider of [null, staff.operatorA, staff.operatorB, staff.reviewerB, staff.observer, staff.admin]) {
      const result = await run(returnProtocol, outsider, { protocolId: entered.protocolId, lockVersion: entered.lockVersion, comment });
      expect(result.ok).toBe(false);
      expect(['unauthenticated', 'forbidden']).toContain(!result.ok && result.error);
    }
    expect(await snapshot()).toEqual(before);
    expect((await protocolOf(precinctIds[4]!)).status).toBe('awaiting_review');
  });

  it('keeps declaring the results official refused while a protocol is returned, saying how many precincts still need approval', async () => {
    const [row] = await selectRows<{ approved: number }>(
      testDb.db,
      sql`select count(*)::int as approved from protocols pr join precincts p on p.id = pr.precinct_id where p.constituency_id = ${constituencyId} and pr.status = 'approved'`,
    );
    const approved = row!.approved;
    expect(approved).toBeGreaterThan(0);
    expect(await run(markResultsOfficial, staff.reviewerA, { constituencyId })).toEqual({
      ok: false,
      error: 'invalidState',
      message: 'protocols.errors.notAllApproved',
      messageValues: { remaining: String(precinctIds.length - approved), total: String(precinctIds.length) },
    });
  });
});
