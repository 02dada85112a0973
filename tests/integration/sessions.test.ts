import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { staffSessions } from '@/db/schema';
import { endUserSessions } from '@/lib/auth/commands';
import { describeDevice, endOtherSessions, endSession, listActiveSessions, startSession } from '@/lib/auth/sessions';
import { executeCommand } from '@/lib/commands';
import { updateUser } from '@/lib/users/commands';
import { loadActiveUser } from '@/lib/users/queries';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertRegion, insertUser } from '../support/users';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

const FIREFOX = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0';
const device = { userAgent: FIREFOX, address: '198.51.100.4' };

describe('server-side sessions', () => {
  it('lets a session in until it is ended, and never another user’s session', async () => {
    const user = await insertUser(testDb.db, 'observer', null);
    const other = await insertUser(testDb.db, 'observer', null);
    const id = await startSession(testDb.db, user.id, device);
    expect(await loadActiveUser(testDb.db, user.id, user.sessionVersion, id)).toMatchObject({ id: user.id });
    expect(await loadActiveUser(testDb.db, other.id, other.sessionVersion, id)).toBeNull();
    expect(await loadActiveUser(testDb.db, user.id, user.sessionVersion, 'made-up')).toBeNull();
    expect(await loadActiveUser(testDb.db, user.id, user.sessionVersion, '')).toBeNull();
    await endSession(testDb.db, id);
    expect(await loadActiveUser(testDb.db, user.id, user.sessionVersion, id)).toBeNull();
  });

  it('refuses an expired session', async () => {
    const user = await insertUser(testDb.db, 'observer', null);
    const id = await startSession(testDb.db, user.id, device);
    await testDb.db
      .update(staffSessions)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(staffSessions.id, id));
    expect(await loadActiveUser(testDb.db, user.id, user.sessionVersion, id)).toBeNull();
  });

  it('shows the user their sessions with device, address and last seen, and brings last seen up to date', async () => {
    const user = await insertUser(testDb.db, 'observer', null);
    const mine = await startSession(testDb.db, user.id, device);
    await startSession(testDb.db, user.id, {
      userAgent: 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36',
      address: '203.0.113.20',
    });
    await testDb.db
      .update(staffSessions)
      .set({ lastSeenAt: sql`now() - interval '1 hour'` })
      .where(eq(staffSessions.id, mine));
    await loadActiveUser(testDb.db, user.id, user.sessionVersion, mine);
    const sessions = await listActiveSessions(testDb.db, user.id, mine);
    expect(sessions.map(({ device, address, current }) => ({ device, address, current }))).toEqual([
      { device: 'Firefox · Windows', address: '198.51.100.4', current: true },
      { device: 'Chrome · Android', address: '203.0.113.20', current: false },
    ]);
    expect(Date.now() - sessions[0]!.lastSeenAt.getTime()).toBeLessThan(60_000);
    expect(describeDevice('')).toBe('?');
  });

  it('ends a user’s other sessions and keeps theirs, audited', async () => {
    const user = await insertUser(testDb.db, 'operator', (await insertRegion(testDb.db)).id);
    const kept = await startSession(testDb.db, user.id, device);
    const others = [await startSession(testDb.db, user.id, device), await startSession(testDb.db, user.id, device)];
    expect(await endOtherSessions(testDb.db, { id: user.id, email: user.email, role: user.role, regionId: user.regionId }, kept)).toBe(2);
    expect(await loadActiveUser(testDb.db, user.id, user.sessionVersion, kept)).not.toBeNull();
    for (const id of others) expect(await loadActiveUser(testDb.db, user.id, user.sessionVersion, id)).toBeNull();
    const [event] = await selectRows<{ actor_user_id: number; after: unknown }>(
      testDb.db,
      sql`select actor_user_id, after from audit_log where action = 'sessions.endOthers'`,
    );
    expect(event).toEqual({ actor_user_id: user.id, after: { sessions: 2 } });
  });

  it('lets an admin end all of a user’s sessions; no one else may', async () => {
    const admin = await insertUser(testDb.db, 'admin', null);
    const observer = await insertUser(testDb.db, 'observer', null);
    const target = await insertUser(testDb.db, 'observer', null);
    const sessions = [await startSession(testDb.db, target.id, device), await startSession(testDb.db, target.id, device)];
    expect(await executeCommand(testDb.db, endUserSessions, { id: observer.id }, { userId: target.id })).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await loadActiveUser(testDb.db, target.id, target.sessionVersion, sessions[0])).not.toBeNull();
    expect(await executeCommand(testDb.db, endUserSessions, { id: admin.id }, { userId: target.id })).toEqual({ ok: true, data: { ended: 2 } });
    for (const id of sessions) expect(await loadActiveUser(testDb.db, target.id, target.sessionVersion, id)).toBeNull();
    expect(await executeCommand(testDb.db, endUserSessions, { id: admin.id }, { userId: 2_000_000_000 })).toMatchObject({ ok: false, error: 'notFound' });
  });

  it('refuses a command from an ended session', async () => {
    const admin = await insertUser(testDb.db, 'admin', null);
    const target = await insertUser(testDb.db, 'observer', null);
    const id = await startSession(testDb.db, admin.id, device);
    const rename = { userId: target.id, lockVersion: target.sessionVersion, fullName: 'Renamed', role: 'observer', regionId: '', active: true };
    await endSession(testDb.db, id);
    expect(await executeCommand(testDb.db, updateUser, { id: admin.id, sessionVersion: admin.sessionVersion, sessionId: id }, rename)).toMatchObject({
      ok: false,
      error: 'unauthenticated',
    });
    const live = await startSession(testDb.db, admin.id, device);
    expect(await executeCommand(testDb.db, updateUser, { id: admin.id, sessionVersion: admin.sessionVersion, sessionId: live }, rename)).toMatchObject({
      ok: true,
    });
  });
});
