import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectRows } from '@/db/client';
import { executeCommand } from '@/lib/commands';
import { clearSignInBlockCommand } from '@/lib/auth/commands';
import { accountDelayMs, checkSignIn, listSignInAttacks, recordFailedSignIn, recordSuccessfulSignIn, THROTTLE_POLICY } from '@/lib/auth/throttle';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { insertUser } from '../support/users';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

const fail = async (email: string, address: string, times: number) => {
  for (let i = 0; i < times; i++) await recordFailedSignIn(testDb.db, email, address);
};
const blockEvents = async () =>
  selectRows<{ entity_id: string; after: { scope: string; account: string | null; address: string } }>(
    testDb.db,
    sql`select entity_id, after from audit_log where action = 'auth.signInBlocked' order by id`,
  );

describe('sign-in throttling', () => {
  it('blocks an account from the address that keeps failing, whether or not the account exists', async () => {
    for (const email of ['someone@demo.kz', 'nobody-at-all@demo.kz']) {
      await fail(email, '198.51.100.1', THROTTLE_POLICY.maxFailuresPerPair - 1);
      expect(await checkSignIn(testDb.db, email, '198.51.100.1')).toMatchObject({ blocked: false });
      await fail(email, '198.51.100.1', 1);
      expect(await checkSignIn(testDb.db, email.toUpperCase(), '198.51.100.1')).toMatchObject({ blocked: true });
    }
  });

  it('never refuses the owner from an address that has not been failing, however many addresses attack the account', async () => {
    // Six attackers, each failing to the limit of its pair: every pair is blocked, the account is not.
    for (let i = 1; i <= 6; i++) await fail('owner@demo.kz', `203.0.113.${i}`, THROTTLE_POLICY.maxFailuresPerPair + 2);
    const owner = await checkSignIn(testDb.db, 'owner@demo.kz', '192.0.2.50');
    expect(owner.blocked).toBe(false);
    // Only slowed down, and never by more than the bound.
    expect(owner.delayMs).toBe(THROTTLE_POLICY.maxDelayMs);
    expect(await checkSignIn(testDb.db, 'owner@demo.kz', '203.0.113.1')).toMatchObject({ blocked: true });
  });

  it('slows an account under attack down by a growing delay with a bound', () => {
    const delays = Array.from({ length: 40 }, (_, failures) => accountDelayMs(failures));
    expect(delays.slice(0, THROTTLE_POLICY.delayAfterAccountFailures).every((delay) => delay === 0)).toBe(true);
    expect(delays[THROTTLE_POLICY.delayAfterAccountFailures]).toBe(THROTTLE_POLICY.firstDelayMs);
    for (let i = 1; i < delays.length; i++) expect(delays[i]!).toBeGreaterThanOrEqual(delays[i - 1]!);
    expect(Math.max(...delays)).toBe(THROTTLE_POLICY.maxDelayMs);
  });

  it('blocks an address that tries many accounts, for every account', async () => {
    for (let i = 0; i < THROTTLE_POLICY.maxFailuresPerAddress; i++) await recordFailedSignIn(testDb.db, `user${i}@demo.kz`, '203.0.113.77');
    expect(await checkSignIn(testDb.db, 'fresh@demo.kz', '203.0.113.77')).toMatchObject({ blocked: true });
    expect(await checkSignIn(testDb.db, 'fresh@demo.kz', '203.0.113.78')).toMatchObject({ blocked: false, delayMs: 0 });
  });

  it('records each block once as a security event in the audit log, also when failures arrive together', async () => {
    const before = (await blockEvents()).length;
    await Promise.all(Array.from({ length: THROTTLE_POLICY.maxFailuresPerPair + 3 }, () => recordFailedSignIn(testDb.db, 'burst@demo.kz', '198.51.100.9')));
    expect(await checkSignIn(testDb.db, 'burst@demo.kz', '198.51.100.9')).toMatchObject({ blocked: true });
    const events = (await blockEvents()).slice(before);
    expect(events).toEqual([
      { entity_id: 'pair:burst@demo.kz 198.51.100.9', after: expect.objectContaining({ scope: 'pair', account: 'burst@demo.kz', address: '198.51.100.9' }) },
    ]);
  });

  it('forgets a pair’s failures after the right password from it', async () => {
    await fail('forgetful@demo.kz', '198.51.100.2', THROTTLE_POLICY.maxFailuresPerPair - 1);
    await recordSuccessfulSignIn(testDb.db, 'forgetful@demo.kz', '198.51.100.2');
    await fail('forgetful@demo.kz', '198.51.100.2', THROTTLE_POLICY.maxFailuresPerPair - 1);
    expect(await checkSignIn(testDb.db, 'forgetful@demo.kz', '198.51.100.2')).toMatchObject({ blocked: false });
  });

  it('shows an admin the failures of the last hour by account and address, and lets them lift a block (audited)', async () => {
    const admin = await insertUser(testDb.db, 'admin', null);
    await fail('target@demo.kz', '198.51.100.3', THROTTLE_POLICY.maxFailuresPerPair);
    const { attacks } = await listSignInAttacks(testDb.db);
    const row = attacks.find((a) => a.account === 'target@demo.kz');
    expect(row).toMatchObject({ address: '198.51.100.3', failures: THROTTLE_POLICY.maxFailuresPerPair, blockKey: 'pair:target@demo.kz 198.51.100.3' });
    expect(row!.blockedUntil!.getTime()).toBeGreaterThan(Date.now());

    const cleared = await executeCommand(testDb.db, clearSignInBlockCommand, { id: admin.id }, { key: row!.blockKey });
    expect(cleared.ok).toBe(true);
    expect(await checkSignIn(testDb.db, 'target@demo.kz', '198.51.100.3')).toMatchObject({ blocked: false });
    // Its earlier failures no longer count: one more failure does not block again at once.
    await fail('target@demo.kz', '198.51.100.3', 1);
    expect(await checkSignIn(testDb.db, 'target@demo.kz', '198.51.100.3')).toMatchObject({ blocked: false });
    const [event] = await selectRows<{ actor_user_id: number; entity_id: string }>(
      testDb.db,
      sql`select actor_user_id, entity_id from audit_log where action = 'auth.signInBlockCleared'`,
    );
    expect(event).toEqual({ actor_user_id: admin.id, entity_id: 'pair:target@demo.kz 198.51.100.3' });
    // Nothing to lift twice.
    expect(await executeCommand(testDb.db, clearSignInBlockCommand, { id: admin.id }, { key: row!.blockKey })).toMatchObject({ ok: false, error: 'notFound' });
  });
});
