import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { executeCommand } from '@/lib/commands';
import { createUser, updateUser } from '@/lib/users/commands';
import { listUsers, loadActiveUser } from '@/lib/users/queries';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertNonAdmins, insertRegion, insertUser } from '../support/users';

let testDb: TestDatabase;
let regionId: number;
let admin: { id: number; sessionVersion: number };

beforeAll(async () => {
  testDb = await createTestDatabase();
  regionId = (await insertRegion(testDb.db)).id;
  admin = await insertUser(testDb.db, 'admin', null);
});
afterAll(async () => {
  await testDb?.drop();
});

const auditCount = async () => (await selectRows<{ n: number }>(testDb.db, sql`select count(*)::int as n from audit_log`))[0]!.n;
const userCount = async () => (await selectRows<{ n: number }>(testDb.db, sql`select count(*)::int as n from users`))[0]!.n;

const newUserInput = (email: string) => ({
  email,
  fullName: 'Aigerim Sadykova',
  role: 'operator',
  regionId: String(regionId),
  password: 'correct-horse-battery',
});

describe('creating users', () => {
  it('stores an argon2id hash and audits the creation in the same transaction', async () => {
    const result = await executeCommand(testDb.db, createUser, { id: admin.id }, newUserInput('New.Operator@Test.kz'));
    expect(result.ok).toBe(true);
    const [stored] = await testDb.db.select().from(users).where(eq(users.email, 'new.operator@test.kz'));
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored!.passwordHash, 'correct-horse-battery')).toBe(true);
    const [audit] = await testDb.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, String(stored!.id)));
    expect(audit).toMatchObject({ action: 'users.create', actorUserId: admin.id, actorRole: 'admin' });
    expect(JSON.stringify(audit?.after)).not.toContain('argon2');
  });

  it('refuses every non-admin and anonymous caller and changes nothing', async () => {
    const callers = await insertNonAdmins(testDb.db, regionId);
    const [usersBefore, auditBefore] = [await userCount(), await auditCount()];
    for (const caller of callers) {
      const result = await executeCommand(testDb.db, createUser, caller && { id: caller.id }, newUserInput(`x${Math.random()}@test.kz`));
      expect(result.ok).toBe(false);
      expect(['unauthenticated', 'forbidden']).toContain(!result.ok && result.error);
    }
    expect(await userCount()).toBe(usersBefore);
    expect(await auditCount()).toBe(auditBefore);
  });

  it('returns every field error at once for bad input', async () => {
    const result = await executeCommand(
      testDb.db,
      createUser,
      { id: admin.id },
      { email: 'bad', fullName: '', role: 'operator', regionId: '', password: 'short' },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe('invalid');
    expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(['email', 'fullName', 'password', 'regionId']);
  });

  it('needs a region for operators and refuses passwords containing the e-mail name', async () => {
    const result = await executeCommand(
      testDb.db,
      createUser,
      { id: admin.id },
      { ...newUserInput('dana.k@test.kz'), regionId: '', password: 'my-dana.k-password' },
    );
    expect(!result.ok && result.fieldErrors).toMatchObject({ regionId: ['errors.regionRequired'], password: ['errors.passwordContainsEmail'] });
  });

  it('refuses a duplicate e-mail whatever its case', async () => {
    await executeCommand(testDb.db, createUser, { id: admin.id }, newUserInput('twin@test.kz'));
    const result = await executeCommand(testDb.db, createUser, { id: admin.id }, newUserInput('TWIN@test.kz'));
    expect(result).toEqual({ ok: false, error: 'invalid', fieldErrors: { email: ['errors.emailTaken'] } });
  });
});

describe('finding users', () => {
  it('narrows the list to names and e-mails containing the search, literally', async () => {
    await executeCommand(testDb.db, createUser, { id: admin.id }, { ...newUserInput('gulnar.search@test.kz'), fullName: 'Гүлнар Іздеуова' });
    await executeCommand(testDb.db, createUser, { id: admin.id }, newUserInput('percent_search@test.kz'));
    expect((await listUsers(testDb.db, 'ІЗДЕУ')).map((user) => user.email)).toEqual(['gulnar.search@test.kz']);
    expect((await listUsers(testDb.db, 'gulnar.SEARCH')).map((user) => user.email)).toEqual(['gulnar.search@test.kz']);
    // "_" is a letter here, not a wildcard.
    expect((await listUsers(testDb.db, 't_search')).map((user) => user.email)).toEqual(['percent_search@test.kz']);
    expect((await listUsers(testDb.db)).length).toBeGreaterThan(2);
  });
});

/** The administrator saves a user's edit form, read at the user's current version unless the test says otherwise. */
const editUser = (target: { id: number; sessionVersion: number; fullName?: string }, changes: Record<string, unknown>) =>
  executeCommand(testDb.db, updateUser, { id: admin.id }, { userId: target.id, lockVersion: target.sessionVersion, fullName: target.fullName, ...changes });

describe('updating users', () => {
  it('ends the user’s sessions on deactivation and role change', async () => {
    const target = await insertUser(testDb.db, 'operator', regionId);
    expect(await loadActiveUser(testDb.db, target.id, target.sessionVersion)).not.toBeNull();
    const result = await editUser(target, { role: 'reviewer', regionId: String(regionId), active: true });
    expect(result.ok).toBe(true);
    // The old session version no longer loads: the next request is treated as signed out.
    expect(await loadActiveUser(testDb.db, target.id, target.sessionVersion)).toBeNull();
    const deactivate = await editUser(target, { lockVersion: target.sessionVersion + 1, role: 'reviewer', regionId: String(regionId), active: false });
    expect(deactivate.ok).toBe(true);
    expect(await loadActiveUser(testDb.db, target.id)).toBeNull();
    // A deactivated user's commands are refused even with a current session version.
    const attempt = await executeCommand(testDb.db, createUser, { id: target.id, sessionVersion: target.sessionVersion + 2 }, newUserInput('z@test.kz'));
    expect(!attempt.ok && attempt.error).toBe('unauthenticated');
  });

  it('refuses a save based on an outdated version instead of overwriting', async () => {
    const target = await insertUser(testDb.db, 'operator', regionId);
    const edit = (fullName: string) => editUser(target, { fullName, role: 'operator', regionId: String(regionId), active: true });
    const [first, second] = await Promise.all([edit('First Editor'), edit('Second Editor')]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    const loser = first.ok ? second : first;
    expect(!loser.ok && loser.error).toBe('conflict');
    const [stored] = await testDb.db.select().from(users).where(eq(users.id, target.id));
    expect(stored?.fullName).toBe(first.ok ? 'First Editor' : 'Second Editor');
  });

  it('does not let an admin demote or deactivate themselves', async () => {
    const result = await editUser(admin, { fullName: 'Admin', role: 'admin', regionId: '', active: false });
    expect(!result.ok && result.message).toBe('errors.cannotDemoteSelf');
  });
});
