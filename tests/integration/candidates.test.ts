import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { auditLog, candidateChecks, candidates, users } from '@/db/schema';
import { attestCheck, decide, nominate, updateDocuments, withdraw } from '@/lib/candidates/commands';
import { resultsVersionsOf } from '@/lib/results/version';
import { ATTESTED_CHECKS } from '@/lib/candidates/eligibility';
import { executeCommand } from '@/lib/commands';
import { todayInKazakhstan } from '@/lib/calendar';
import { insertConstituency, insertElection, insertParty } from '../support/elections';
import { freshIin } from '../support/iin';
import { commandRunner, expectOk } from '../support/commands';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertStaff } from '../support/users';

let testDb: TestDatabase;
let staff: Record<'operatorA' | 'operator2A' | 'reviewerA' | 'reviewer2A' | 'operatorB' | 'reviewerB' | 'observer', { id: number }>;
let electionId: number;
let closedElectionId: number;
let constituencyId: number;
let closedConstituencyId: number;
let partyId: number;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.db;
  const fixture = await insertStaff(db, 'cand');
  const regionA = fixture.regionA;
  staff = fixture.staff;
  electionId = (await insertElection(db, -5)).id;
  closedElectionId = (await insertElection(db, -30, 10)).id;
  constituencyId = (await insertConstituency(db, electionId, regionA, staff.operatorA.id, 12_345)).id;
  closedConstituencyId = (await insertConstituency(db, closedElectionId, regionA, staff.operatorA.id, 5_000)).id;
  partyId = (await insertParty(db, 'test-party')).id;
});
afterAll(async () => {
  await testDb?.drop();
});

/** The commission's decision as recorded: its number and today's date. */
const commission = { decisionNumber: '5/1', decisionDate: todayInKazakhstan() };

const person = (birthDate = '1980-03-14', sex: 'male' | 'female' = 'male') => ({ iin: freshIin(birthDate, sex), birthDate, sex });

const nomination = (overrides: Record<string, unknown> = {}) => ({
  electionId,
  constituencyId,
  fullName: 'Серік Болатұлы Оспанов',
  ...person(),
  education: 'Higher: law',
  currentPosition: 'Deputy akim',
  nominationRoute: 'self',
  partyId: '',
  applicationReceived: true,
  assetDeclarationsReceived: true,
  depositAmount: 350_000,
  depositPaidOn: '2023-01-01',
  supportingSignatures: 124,
  ...overrides,
});

const run = commandRunner(() => testDb.db);
const lockVersionOf = async (id: number) => (await testDb.db.select({ v: candidates.lockVersion }).from(candidates).where(eq(candidates.id, id)))[0]!.v;
const snapshot = async () =>
  (
    await selectRows<{ candidates: number; checks: number; audit: number; versions: number }>(
      testDb.db,
      sql`select (select count(*)::int from candidates) as candidates, (select count(*)::int from candidate_checks) as checks,
                 (select count(*)::int from audit_log) as audit, (select coalesce(sum(lock_version), 0)::int from candidates) as versions`,
    )
  )[0];

async function attestAll(candidateId: number, reviewer = staff.reviewerA) {
  for (const code of ATTESTED_CHECKS) {
    expectOk(
      await run(attestCheck, reviewer, { candidateId, lockVersion: await lockVersionOf(candidateId), code, outcome: 'passed', note: 'Certificate checked' }),
    );
  }
}

describe('nomination', () => {
  it('stores the nominee with automatic checks decided and attested checks pending, and audits it', async () => {
    const versionBefore = (await resultsVersionsOf(testDb.db, electionId)).version;
    const { id } = expectOk(await run<{ id: number }>(nominate, staff.operatorA, nomination()));
    // The open candidate list shows nominees: its cached copies are replaced.
    expect((await resultsVersionsOf(testDb.db, electionId)).listingVersion).toBe(versionBefore + 1);
    const checks = await testDb.db.select().from(candidateChecks).where(eq(candidateChecks.candidateId, id)).orderBy(candidateChecks.id);
    expect(checks.map((c) => [c.code, c.kind, c.outcome])).toEqual([
      ['age', 'automatic', 'passed'],
      ['iin', 'automatic', 'passed'],
      ['deposit', 'automatic', 'passed'],
      ['signatures', 'automatic', 'passed'],
      ['nomination_window', 'automatic', 'passed'],
      ['citizenship', 'attested', 'pending'],
      ['criminal_record', 'attested', 'pending'],
      ['civil_service', 'attested', 'pending'],
      ['declarations', 'attested', 'pending'],
    ]);
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'candidate'), eq(auditLog.entityId, String(id))));
    expect(audit).toMatchObject({ action: 'candidates.nominate', actorUserId: staff.operatorA.id });
  });

  it('fails the signature check one signature short of 1% of the voters, rounded up', async () => {
    const { id } = expectOk(await run<{ id: number }>(nominate, staff.operatorA, nomination({ ...person('1979-01-02'), supportingSignatures: 123 })));
    const [check] = await testDb.db
      .select()
      .from(candidateChecks)
      .where(and(eq(candidateChecks.candidateId, id), eq(candidateChecks.code, 'signatures')));
    expect(check?.outcome).toBe('failed');
    expect(JSON.parse(check!.detail)).toMatchObject({ values: { signatures: 123, required: 124 } });
  });

  it('refuses the same person twice in one election', async () => {
    const same = person('1975-05-05');
    expectOk(await run(nominate, staff.operatorA, nomination(same)));
    const before = await snapshot();
    const again = await run(nominate, staff.operator2A, nomination(same));
    // The reason, on the IIN field, and not the concurrent-edit message: nobody else was editing.
    expect(again).toEqual({ ok: false, error: 'invalid', fieldErrors: { iin: ['candidates.errors.duplicateIin'] } });
    expect(await snapshot()).toEqual(before);
  });

  it('refuses the same person entered by two clerks at the same moment with the same reason', async () => {
    const same = person('1976-06-06');
    const results = await Promise.all([staff.operatorA, staff.operator2A].map((clerk) => run(nominate, clerk, nomination(same))));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, error: 'invalid', fieldErrors: { iin: ['candidates.errors.duplicateIin'] } });
  });

  it('refuses a second nominee of the same party in one constituency', async () => {
    expectOk(await run(nominate, staff.operatorA, nomination({ ...person('1970-01-01'), nominationRoute: 'party', partyId, supportingSignatures: '' })));
    const before = await snapshot();
    const second = await run(nominate, staff.operatorA, nomination({ ...person('1971-01-01'), nominationRoute: 'party', partyId, supportingSignatures: '' }));
    expect(second).toEqual({ ok: false, error: 'invalid', fieldErrors: { partyId: ['candidates.errors.partyQuota'] } });
    expect(await snapshot()).toEqual(before);
  });

  it('accepts nominations only in the nomination phase, naming the phase it is in', async () => {
    const result = await run(
      nominate,
      staff.operatorA,
      nomination({ ...person('1972-02-02'), electionId: closedElectionId, constituencyId: closedConstituencyId }),
    );
    expect(result).toMatchObject({
      ok: false,
      error: 'invalidState',
      message: 'elections.errors.workClosed',
      messageValues: { work: 'nomination', phase: 'campaign' },
    });
  });

  it('refuses other regions, other roles and anonymous callers, changing nothing', async () => {
    const { id } = expectOk(await run<{ id: number }>(nominate, staff.operatorA, nomination(person('1981-04-04'))));
    const lockVersion = await lockVersionOf(id);
    const before = await snapshot();
    const attempts: [Parameters<typeof executeCommand>[1], { id: number } | null, unknown][] = [];
    for (const outsider of [null, staff.operatorB, staff.reviewerB, staff.observer]) {
      attempts.push(
        [nominate, outsider, nomination(person('1982-05-05'))],
        [updateDocuments, outsider, { candidateId: id, lockVersion, depositAmount: 1, depositPaidOn: '2023-01-01', supportingSignatures: 1 }],
        [attestCheck, outsider, { candidateId: id, lockVersion, code: 'citizenship', outcome: 'passed', note: 'Checked passport' }],
        [
          decide,
          outsider,
          { candidateId: id, lockVersion, decision: 'refuse', ...commission, refusalGround: 'other', explanation: 'Not from this region at all' },
        ],
        [withdraw, outsider, { candidateId: id, lockVersion, withdrawnBy: 'candidate', withdrawnOn: '2023-01-01' }],
      );
    }
    attempts.push(
      [nominate, staff.reviewerA, nomination(person('1983-06-06'))],
      [attestCheck, staff.operatorA, { candidateId: id, lockVersion, code: 'citizenship', outcome: 'passed', note: 'Checked passport' }],
      [decide, staff.operatorA, { candidateId: id, lockVersion, decision: 'register', ...commission }],
    );
    for (const [command, actor, input] of attempts) {
      const result = await run(command, actor, input);
      expect(result.ok, `${command.name} by ${actor?.id ?? 'anonymous'}`).toBe(false);
      expect(['unauthenticated', 'forbidden']).toContain(!result.ok && result.error);
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('registration decisions', () => {
  it('registers only when every check has passed, gives ballot numbers in order, and audits', async () => {
    const first = expectOk(await run<{ id: number }>(nominate, staff.operatorA, nomination(person('1960-06-06'))));
    const early = await run(decide, staff.reviewerA, {
      candidateId: first.id,
      lockVersion: await lockVersionOf(first.id),
      decision: 'register',
      ...commission,
    });
    expect(!early.ok && early.message).toBe('candidates.errors.checksNotPassed');
    await attestAll(first.id);
    const registered = expectOk(
      await run<{ ballotOrder: number }>(decide, staff.reviewerA, {
        candidateId: first.id,
        lockVersion: await lockVersionOf(first.id),
        decision: 'register',
        ...commission,
      }),
    );
    const second = expectOk(await run<{ id: number }>(nominate, staff.operatorA, nomination(person('1961-07-07'))));
    await attestAll(second.id, staff.reviewer2A);
    const next = expectOk(
      await run<{ ballotOrder: number }>(decide, staff.reviewer2A, {
        candidateId: second.id,
        lockVersion: await lockVersionOf(second.id),
        decision: 'register',
        ...commission,
      }),
    );
    expect(next.ballotOrder).toBe(registered.ballotOrder + 1);
    const actions = await testDb.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'candidate'), eq(auditLog.entityId, String(first.id))))
      .orderBy(auditLog.id);
    expect(actions.map((a) => a.action)).toEqual(['candidates.nominate', ...ATTESTED_CHECKS.map(() => 'candidates.attestCheck'), 'candidates.register']);
  });

  it('refuses with a legal ground and an explanation', async () => {
    const { id } = expectOk(await run<{ id: number }>(nominate, staff.operatorA, nomination({ ...person('1962-08-08'), supportingSignatures: 10 })));
    const missing = await run(decide, staff.reviewerA, {
      candidateId: id,
      lockVersion: await lockVersionOf(id),
      decision: 'refuse',
      ...commission,
      explanation: 'short',
    });
    expect(!missing.ok && Object.keys(missing.fieldErrors ?? {}).sort()).toEqual(['explanation', 'refusalGround']);
    expectOk(
      await run(decide, staff.reviewerA, {
        candidateId: id,
        lockVersion: await lockVersionOf(id),
        decision: 'refuse',
        ...commission,
        refusalGround: 'insufficient_signatures',
        explanation: '10 valid signatures of 124 required',
      }),
    );
    const [row] = await testDb.db.select().from(candidates).where(eq(candidates.id, id));
    expect(row).toMatchObject({ status: 'refused', refusalGround: 'insufficient_signatures', decidedBy: staff.reviewerA.id, ballotOrder: null });
  });

  it('does not let the person who entered a nomination decide it (four eyes)', async () => {
    const { id } = expectOk(await run<{ id: number }>(nominate, staff.operator2A, nomination(person('1963-09-09'))));
    await attestAll(id);
    await testDb.db.update(users).set({ role: 'reviewer' }).where(eq(users.id, staff.operator2A.id));
    const result = await run(decide, staff.operator2A, { candidateId: id, lockVersion: await lockVersionOf(id), decision: 'register', ...commission });
    await testDb.db.update(users).set({ role: 'operator' }).where(eq(users.id, staff.operator2A.id));
    expect(!result.ok && result.message).toBe('candidates.errors.ownNomination');
  });

  it('lets exactly one of two simultaneous decisions win', async () => {
    const { id } = expectOk(await run<{ id: number }>(nominate, staff.operatorA, nomination(person('1964-10-10'))));
    await attestAll(id);
    const lockVersion = await lockVersionOf(id);
    const results = await Promise.all([
      run(decide, staff.reviewerA, { candidateId: id, lockVersion, decision: 'register', ...commission }),
      run(decide, staff.reviewer2A, {
        candidateId: id,
        lockVersion,
        decision: 'refuse',
        ...commission,
        refusalGround: 'other',
        explanation: 'A refusal racing the registration',
      }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const audit = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, String(id)), sql`${auditLog.action} in ('candidates.register', 'candidates.refuse')`));
    expect(audit).toHaveLength(1);
  });

  it('re-checks when documents arrive later', async () => {
    const { id } = expectOk(await run<{ id: number }>(nominate, staff.operatorA, nomination({ ...person('1965-11-11'), depositAmount: 0, depositPaidOn: '' })));
    const pending = await testDb.db
      .select()
      .from(candidateChecks)
      .where(and(eq(candidateChecks.candidateId, id), eq(candidateChecks.code, 'deposit')));
    expect(pending[0]?.outcome).toBe('pending');
    expectOk(
      await run(updateDocuments, staff.operatorA, {
        candidateId: id,
        lockVersion: await lockVersionOf(id),
        applicationReceived: true,
        assetDeclarationsReceived: true,
        depositAmount: 350_000,
        depositPaidOn: '2023-01-02',
        supportingSignatures: 200,
      }),
    );
    const paid = await testDb.db
      .select()
      .from(candidateChecks)
      .where(and(eq(candidateChecks.candidateId, id), eq(candidateChecks.code, 'deposit')));
    expect(paid[0]?.outcome).toBe('passed');
  });
});

describe('withdrawal', () => {
  it('keeps a withdrawn candidate listed with the date and who withdrew', async () => {
    const { id } = expectOk(await run<{ id: number }>(nominate, staff.operatorA, nomination(person('1966-12-12'))));
    const today = new Date(Date.now() + 5 * 3600_000).toISOString().slice(0, 10);
    const byParty = await run(withdraw, staff.operatorA, { candidateId: id, lockVersion: await lockVersionOf(id), withdrawnBy: 'party', withdrawnOn: today });
    expect(!byParty.ok && byParty.fieldErrors).toEqual({ withdrawnBy: ['candidates.errors.partyWithdrawalForSelfNominee'] });
    expectOk(await run(withdraw, staff.reviewerA, { candidateId: id, lockVersion: await lockVersionOf(id), withdrawnBy: 'candidate', withdrawnOn: today }));
    const [row] = await testDb.db.select().from(candidates).where(eq(candidates.id, id));
    expect(row).toMatchObject({ status: 'withdrawn', withdrawnBy: 'candidate', withdrawnOn: today });
  });
});
