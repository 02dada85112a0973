import { sql } from 'drizzle-orm';
import { selectRows, type Queryable } from '@/db/client';
import { loginThrottle } from '@/db/schema';
import { inArray } from 'drizzle-orm';

/**
 * Failed sign-ins are counted per account and per client address in the database, so every
 * portal instance sees the same counters. Counting by the e-mail typed (whether or not such an
 * account exists) keeps the lock-out from revealing which accounts exist.
 */
export const THROTTLE_POLICY = {
  windowMinutes: 15,
  lockMinutes: 15,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 30,
} as const;

export const throttleKeys = (email: string, address: string | null) => ({
  account: `account:${email.trim().toLowerCase()}`,
  address: address ? `address:${address}` : null,
});

export async function isSignInLocked(db: Queryable, email: string, address: string | null): Promise<boolean> {
  const keys = throttleKeys(email, address);
  const rows = await db
    .select({ key: loginThrottle.key })
    .from(loginThrottle)
    .where(sql`${inArray(loginThrottle.key, [keys.account, ...(keys.address ? [keys.address] : [])])} and ${loginThrottle.lockedUntil} > now()`);
  return rows.length > 0;
}

async function countFailure(db: Queryable, key: string, limit: number): Promise<void> {
  const window = `${THROTTLE_POLICY.windowMinutes} minutes`;
  const lock = `${THROTTLE_POLICY.lockMinutes} minutes`;
  // One atomic upsert: a stale window restarts at 1, reaching the limit sets the lock.
  await selectRows(
    db,
    sql`insert into login_throttle (key, failures, window_started_at) values (${key}, 1, now())
        on conflict (key) do update set
          failures = case when login_throttle.window_started_at < now() - ${window}::interval then 1 else login_throttle.failures + 1 end,
          window_started_at = case when login_throttle.window_started_at < now() - ${window}::interval then now() else login_throttle.window_started_at end,
          locked_until = case
            when login_throttle.window_started_at >= now() - ${window}::interval and login_throttle.failures + 1 >= ${limit}
            then now() + ${lock}::interval else login_throttle.locked_until end
        returning key`,
  );
}

export async function recordFailedSignIn(db: Queryable, email: string, address: string | null): Promise<void> {
  const keys = throttleKeys(email, address);
  await countFailure(db, keys.account, THROTTLE_POLICY.maxFailuresPerAccount);
  if (keys.address) await countFailure(db, keys.address, THROTTLE_POLICY.maxFailuresPerAddress);
}

export async function clearAccountFailures(db: Queryable, email: string): Promise<void> {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [throttleKeys(email, null).account]));
}
