import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { selectRows } from '@/db/client';
import { auditLog, constituencies, constituencyListRevisions, precincts, users } from '@/db/schema';
import { executeCommand } from '@/lib/commands';
import { approveRevision, importPrecinctFile, returnRevision, saveDraft, startRevision, submitRevision } from '@/lib/constituency-lists/commands';
import { PRECINCT_FILE_COLUMNS } from '@/lib/constituency-lists/precinct-import';
import type { ListContent } from '@/lib/constituency-lists/schemas';
import { insertElection } from '../support/elections';
import { commandRunner, expectOk } from '../support/commands';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertStaff } from '../support/users';

const bytes = (text: string) => new TextEncoder().encode(text);

let testDb: TestDatabase;
let regionA: number;
let staff: Record<'operatorA' | 'operator2A' | 'reviewerA' | 'operatorB' | 'reviewerB' | 'admin' | 'observer', { id: number }>;

beforeAll(async () => {
  testDb = await createTestDatabase();
  const db = testDb.db;
  ({ regionA, staff } = await insertStaff(db, 'list'));
});
afterAll(async () => {
  await testDb?.drop();
});

const run = commandRunner(() => testDb.db);

const content = (voters = 1000): ListContent => ({
  constituencies: [
    {
      code: 'list-a-north',
      kind: 'district',
      nameKk: 'Солтүстік ауданы',
      nameRu: 'Северный район',
      nameEn: 'North District',
      precincts: [
        { number: 1, address: 'School 1, Abay street 1', votersOnList: voters },
        { number: 2, address: 'Club, Dostyk street 5', votersOnList: 500 },
      ],
    },
    { code: 'list-a-city', kind: 'city', nameKk: 'Қала', nameRu: 'Город', nameEn: 'Town', precincts: [{ number: 1, address: 'Lyceum 3', votersOnList: 2500 }] },
  ],
});

const snapshot = async () =>
  (
    await selectRows<{ revisions: number; audit: number; constituencies: number; precincts: number; versions: number }>(
      testDb.db,
      sql`select (select count(*)::int from constituency_list_revisions) as revisions, (select count(*)::int from audit_log) as audit,
                 (select count(*)::int from constituencies) as constituencies, (select count(*)::int from precincts) as precincts,
                 (select coalesce(sum(lock_version), 0)::int from constituency_list_revisions) as versions`,
    )
  )[0];

async function openDraft(nominationInDays = 30) {
  const election = await insertElection(testDb.db, nominationInDays);
  const { id } = expectOk(await run<{ id: number }>(startRevision, staff.operatorA, { electionId: election.id, regionId: regionA }));
  const saved = expectOk(await run<{ lockVersion: number }>(saveDraft, staff.operatorA, { revisionId: id, lockVersion: 1, content: content() }));
  return { election, revisionId: id, lockVersion: saved.lockVersion };
}

describe('the list workflow', () => {
  it('drafts, submits, is returned, is fixed and resubmitted, then approved and put in force, auditing every step', async () => {
    const { election, revisionId, lockVersion } = await openDraft();
    let version = expectOk(await run<{ lockVersion: number }>(submitRevision, staff.operatorA, { revisionId, lockVersion })).lockVersion;
    version = expectOk(
      await run<{ lockVersion: number }>(returnRevision, staff.reviewerA, {
        revisionId,
        lockVersion: version,
        comment: 'Precinct 2 voters do not match the register',
      }),
    ).lockVersion;
    version = expectOk(
      await run<{ lockVersion: number }>(saveDraft, staff.operatorA, { revisionId, lockVersion: version, content: content(1100) }),
    ).lockVersion;
    version = expectOk(await run<{ lockVersion: number }>(submitRevision, staff.operatorA, { revisionId, lockVersion: version })).lockVersion;
    expectOk(await run(approveRevision, staff.reviewerA, { revisionId, lockVersion: version }));

    const inForce = await testDb.db.select().from(constituencies).where(eq(constituencies.electionId, election.id));
    expect(inForce.map((c) => [c.code, c.status, c.listRevisionId]).sort()).toEqual([
      ['list-a-city', 'in_force', revisionId],
      ['list-a-north', 'in_force', revisionId],
    ]);
    const [voters] = await selectRows<{ total: number }>(
      testDb.db,
      sql`select sum(p.voters_on_list)::int as total from precincts p join constituencies c on c.id = p.constituency_id where c.election_id = ${election.id}`,
    );
    expect(voters?.total).toBe(1100 + 500 + 2500);
    const actions = await testDb.db
      .select({ action: auditLog.action, actor: auditLog.actorUserId })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, 'constituencyListRevision'), eq(auditLog.entityId, String(revisionId))))
      .orderBy(auditLog.id);
    expect(actions).toEqual([
      { action: 'constituencyLists.start', actor: staff.operatorA.id },
      { action: 'constituencyLists.saveDraft', actor: staff.operatorA.id },
      { action: 'constituencyLists.submit', actor: staff.operatorA.id },
      { action: 'constituencyLists.return', actor: staff.reviewerA.id },
      { action: 'constituencyLists.saveDraft', actor: staff.operatorA.id },
      { action: 'constituencyLists.submit', actor: staff.operatorA.id },
      { action: 'constituencyLists.approve', actor: staff.reviewerA.id },
    ]);
  });

  it('keeps the approved revision in force until an amendment is approved', async () => {
    const { election, revisionId, lockVersion } = await openDraft();
    const submitted = expectOk(await run<{ lockVersion: number }>(submitRevision, staff.operatorA, { revisionId, lockVersion }));
    expectOk(await run(approveRevision, staff.reviewerA, { revisionId, lockVersion: submitted.lockVersion }));
    const amendment = expectOk(await run<{ id: number; revisionNo: number }>(startRevision, staff.operatorA, { electionId: election.id, regionId: regionA }));
    expect(amendment.revisionNo).toBe(2);
    const [draft] = await testDb.db.select().from(constituencyListRevisions).where(eq(constituencyListRevisions.id, amendment.id));
    expect(draft?.content).toEqual(content());
    const changed = content(4000);
    changed.constituencies[0]!.precincts.push({ number: 3, address: 'New school', votersOnList: 700 });
    const saved = expectOk(await run<{ lockVersion: number }>(saveDraft, staff.operatorA, { revisionId: amendment.id, lockVersion: 1, content: changed }));
    const votersInForce = async () =>
      (
        await selectRows<{ total: number }>(
          testDb.db,
          sql`select sum(p.voters_on_list)::int as total from precincts p join constituencies c on c.id = p.constituency_id where c.election_id = ${election.id}`,
        )
      )[0]?.total;
    expect(await votersInForce()).toBe(4000);
    const resubmitted = expectOk(
      await run<{ lockVersion: number }>(submitRevision, staff.operator2A, { revisionId: amendment.id, lockVersion: saved.lockVersion }),
    );
    expectOk(await run(approveRevision, staff.reviewerA, { revisionId: amendment.id, lockVersion: resubmitted.lockVersion }));
    expect(await votersInForce()).toBe(4000 + 500 + 700 + 2500);
    const statuses = await testDb.db
      .select({ no: constituencyListRevisions.revisionNo, status: constituencyListRevisions.status })
      .from(constituencyListRevisions)
      .where(eq(constituencyListRevisions.electionId, election.id))
      .orderBy(constituencyListRevisions.revisionNo);
    expect(statuses).toEqual([
      { no: 1, status: 'superseded' },
      { no: 2, status: 'approved' },
    ]);
  });
});

describe('denials change nothing', () => {
  it('refuses another region, the wrong role and anonymous callers for every command', async () => {
    const { election, revisionId, lockVersion } = await openDraft();
    const before = await snapshot();
    const attempts: [Parameters<typeof executeCommand>[1], { id: number } | null, unknown][] = [];
    for (const outsider of [null, staff.operatorB, staff.reviewerB, staff.observer]) {
      attempts.push(
        [startRevision, outsider, { electionId: election.id, regionId: regionA }],
        [saveDraft, outsider, { revisionId, lockVersion, content: content(9) }],
        [importPrecinctFile, outsider, { revisionId, lockVersion, file: bytes('list-a-north,9,Somewhere,10') }],
        [submitRevision, outsider, { revisionId, lockVersion }],
        [returnRevision, outsider, { revisionId, lockVersion, comment: 'not mine to return' }],
        [approveRevision, outsider, { revisionId, lockVersion }],
      );
    }
    // Right region, wrong role: reviewers do not draft, operators do not decide.
    attempts.push(
      [saveDraft, staff.reviewerA, { revisionId, lockVersion, content: content(9) }],
      [approveRevision, staff.operatorA, { revisionId, lockVersion }],
    );
    for (const [command, actor, input] of attempts) {
      const result = await run(command, actor, input);
      expect(result.ok, `${command.name} by ${actor?.id ?? 'anonymous'}`).toBe(false);
      expect(['unauthenticated', 'forbidden']).toContain(!result.ok && result.error);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('does not let a user approve a revision they submitted, even after becoming a reviewer', async () => {
    const { revisionId, lockVersion } = await openDraft();
    const submitted = expectOk(await run<{ lockVersion: number }>(submitRevision, staff.operator2A, { revisionId, lockVersion }));
    await testDb.db.update(users).set({ role: 'reviewer' }).where(eq(users.id, staff.operator2A.id));
    const result = await run(approveRevision, staff.operator2A, { revisionId, lockVersion: submitted.lockVersion });
    await testDb.db.update(users).set({ role: 'operator' }).where(eq(users.id, staff.operator2A.id));
    expect(!result.ok && result.message).toBe('lists.errors.ownSubmission');
  });

  it('rejects edits to a submitted or approved list', async () => {
    const { revisionId, lockVersion } = await openDraft();
    const submitted = expectOk(await run<{ lockVersion: number }>(submitRevision, staff.operatorA, { revisionId, lockVersion }));
    const whileSubmitted = await run(saveDraft, staff.operatorA, { revisionId, lockVersion: submitted.lockVersion, content: content(1) });
    expect(!whileSubmitted.ok && whileSubmitted.message).toBe('lists.errors.locked');
    const approved = expectOk(await run<{ lockVersion: number }>(approveRevision, staff.reviewerA, { revisionId, lockVersion: submitted.lockVersion }));
    for (const command of [saveDraft, importPrecinctFile]) {
      const result = await run(command, staff.operatorA, {
        revisionId,
        lockVersion: approved.lockVersion,
        content: content(1),
        file: bytes('list-a-north,1,School,1'),
      });
      expect(!result.ok && result.message).toBe('lists.errors.locked');
    }
  });
});

describe('concurrent editing', () => {
  it('tells the second of two operators starting a list at once that a revision is open, not to reload', async () => {
    const election = await insertElection(testDb.db, 30);
    const results = await Promise.all(
      [staff.operatorA, staff.operator2A].map((operator) => run(startRevision, operator, { electionId: election.id, regionId: regionA })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toEqual({ ok: false, error: 'invalidState', message: 'lists.errors.openRevisionExists' });
  });

  it('lets exactly one of two saves of the same version win; the other is told to reload', async () => {
    const { revisionId, lockVersion } = await openDraft();
    const results = await Promise.all(
      [1111, 2222, 3333].map((voters) => run(saveDraft, staff.operatorA, { revisionId, lockVersion, content: content(voters) })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const loser of results.filter((r) => !r.ok)) expect(loser).toMatchObject({ error: 'conflict', message: 'errors.staleEdit' });
    const winner = [1111, 2222, 3333][results.findIndex((r) => r.ok)];
    const [stored] = await testDb.db.select().from(constituencyListRevisions).where(eq(constituencyListRevisions.id, revisionId));
    expect(stored?.content.constituencies[0]?.precincts[0]?.votersOnList).toBe(winner);
    expect(stored?.lockVersion).toBe(lockVersion + 1);
  });
});

describe('the calendar guard', () => {
  it('lets only an admin with a written reason approve after nomination opened, and audits the reason', async () => {
    const { revisionId, lockVersion } = await openDraft(-1);
    const submitted = expectOk(await run<{ lockVersion: number }>(submitRevision, staff.operatorA, { revisionId, lockVersion }));
    const byReviewer = await run(approveRevision, staff.reviewerA, { revisionId, lockVersion: submitted.lockVersion });
    expect(!byReviewer.ok && byReviewer.message).toBe('lists.errors.nominationOpened');
    const withoutReason = await run(approveRevision, staff.admin, { revisionId, lockVersion: submitted.lockVersion });
    expect(!withoutReason.ok && withoutReason.message).toBe('lists.errors.overrideReasonRequired');
    expectOk(
      await run(approveRevision, staff.admin, { revisionId, lockVersion: submitted.lockVersion, overrideReason: 'Territorial commission decision No. 7' }),
    );
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, String(revisionId)), eq(auditLog.action, 'constituencyLists.approveWithCalendarOverride')));
    expect(audit?.after).toMatchObject({ calendarOverrideReason: 'Territorial commission decision No. 7' });
  });
});

describe('precinct file import', () => {
  it('writes nothing when any row is bad and reports the lines', async () => {
    const { revisionId, lockVersion } = await openDraft();
    const before = await snapshot();
    const result = await run(importPrecinctFile, staff.operatorA, {
      revisionId,
      lockVersion,
      file: bytes('list-a-north,1,School,100\nlist-a-north,2,Club,-4\nlist-zz,3,Nowhere,5'),
    });
    expect(result).toMatchObject({ ok: false, error: 'invalid', message: 'lists.errors.fileInvalid' });
    expect(!result.ok && result.rowErrors?.map((e) => e.line)).toEqual([2, 3]);
    expect(await snapshot()).toEqual(before);
  });

  it('replaces the named constituencies’ precincts when the whole file is valid', async () => {
    const { revisionId, lockVersion } = await openDraft();
    const result = expectOk(
      await run<{ rows: number; totals: { precincts: number; voters: number } }>(importPrecinctFile, staff.operatorA, {
        revisionId,
        lockVersion,
        file: bytes('constituency_code,precinct_number,address,voters_on_list\nlist-a-north,10,"Hall, 2nd floor",300\nlist-a-north,11,Gym,200\n'),
      }),
    );
    expect(result).toMatchObject({ rows: 2, totals: { constituencies: 2, precincts: 3, voters: 3000 } });
    const stale = await run(importPrecinctFile, staff.operatorA, { revisionId, lockVersion, file: bytes('list-a-north,12,Gym,200') });
    expect(stale).toMatchObject({ ok: false, error: 'conflict' });
    expect(await testDb.db.select().from(precincts).where(eq(precincts.number, 10))).toHaveLength(0);
  });

  it('reads the files clerks have: Windows-1251 CSV with semicolons and an Excel workbook, and records how it read them', async () => {
    const { revisionId, lockVersion } = await openDraft();
    // Node has no Windows-1251 encoder: map the Cyrillic letters by hand (А..я = 0xC0..0xFF, № = 0xB9).
    const encode1251 = (text: string) =>
      new Uint8Array(Array.from(text, (c) => (c === '№' ? 0xb9 : c >= 'А' && c <= 'я' ? c.charCodeAt(0) - 0x410 + 0xc0 : c.charCodeAt(0))));
    const csv = expectOk(
      await run<{ rows: number; lockVersion: number; source: unknown }>(importPrecinctFile, staff.operatorA, {
        revisionId,
        lockVersion,
        file: encode1251('list-a-north;10;"г. Абай, школа №1";300\r\nlist-a-north;11;ул. Абая, 5;200\r\n'),
      }),
    );
    expect(csv).toMatchObject({ rows: 2, source: { format: 'csv', encoding: 'windows-1251', delimiter: ';' } });
    const [stored] = await testDb.db.select().from(constituencyListRevisions).where(eq(constituencyListRevisions.id, revisionId));
    expect(stored?.content.constituencies[0]?.precincts.map((p) => p.address)).toEqual(['г. Абай, школа №1', 'ул. Абая, 5']);
    const workbook = await writeExcelFile([[...PRECINCT_FILE_COLUMNS], ['list-a-north', 12, 'Абай көшесі, 7', 150]]).toBuffer();
    const xlsx = expectOk(
      await run<{ rows: number }>(importPrecinctFile, staff.operatorA, { revisionId, lockVersion: csv.lockVersion, file: new Uint8Array(workbook) }),
    );
    expect(xlsx).toMatchObject({ rows: 1, source: { format: 'xlsx' } });
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, String(revisionId)), eq(auditLog.action, 'constituencyLists.importFile')))
      .orderBy(auditLog.id)
      .limit(1);
    expect(audit?.after).toMatchObject({ rows: 2, source: { encoding: 'windows-1251' } });
  });
});
