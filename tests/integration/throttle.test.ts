import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clearAccountFailures, isSignInLocked, recordFailedSignIn, THROTTLE_POLICY } from '@/lib/auth/throttle';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.drop();
});

describe('sign-in throttling', () => {
  it('locks an account after repeated failures, whether or not it exists', async () => {
    for (const email of ['someone@demo.kz', 'nobody-at-all@demo.kz']) {
      for (let i = 1; i < THROTTLE_POLICY.maxFailuresPerAccount; i++) await recordFailedSignIn(testDb.db, email, null);
      expect(await isSignInLocked(testDb.db, email, null)).toBe(false);
      await recordFailedSignIn(testDb.db, email, null);
      expect(await isSignInLocked(testDb.db, email.toUpperCase(), null)).toBe(true);
    }
  });

  it('locks an address that tries many accounts', async () => {
    for (let i = 0; i < THROTTLE_POLICY.maxFailuresPerAddress; i++) await recordFailedSignIn(testDb.db, `user${i}@demo.kz`, '203.0.113.7');
    expect(await isSignInLocked(testDb.db, 'fresh@demo.kz', '203.0.113.7')).toBe(true);
    expect(await isSignInLocked(testDb.db, 'fresh@demo.kz', '203.0.113.8')).toBe(false);
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    await recordFailedSignIn(testDb.db, 'forgetful@demo.kz', null);
    await clearAccountFailures(testDb.db, 'forgetful@demo.kz');
    for (let i = 1; i < THROTTLE_POLICY.maxFailuresPerAccount; i++) await recordFailedSignIn(testDb.db, 'forgetful@demo.kz', null);
    expect(await isSignInLocked(testDb.db, 'forgetful@demo.kz', null)).toBe(false);
  });

  it('counts concurrent failures without losing any', async () => {
    await Promise.all(Array.from({ length: THROTTLE_POLICY.maxFailuresPerAccount }, () => recordFailedSignIn(testDb.db, 'burst@demo.kz', null)));
    expect(await isSignInLocked(testDb.db, 'burst@demo.kz', null)).toBe(true);
  });
});
