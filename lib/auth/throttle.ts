import { and, count, desc, eq, exists, gt, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { countWhere } from '@/db/selections';
import type { Queryable } from '@/db/client';
import { signInBlocks, signInFailures } from '@/db/schema';
import { writeAudit } from '@/lib/audit/write';

/**
 * Sign-in throttling as OWASP's authentication guidance has it: guessing is blocked per
 * (account, address) pair and per address; per account it is only slowed down, by a growing but
 * bounded delay, so no one can lock the owner out by failing on purpose from elsewhere. Failures
 * and blocks are kept in the database, so every portal instance sees the same counts. Accounts
 * are counted by the e-mail typed, whether or not such an account exists, so the answers reveal
 * nothing about which accounts exist.
 */
export const THROTTLE_POLICY = {
  windowMinutes: 15,
  blockMinutes: 15,
  /** Failures of one account from one address before that pair is blocked. */
  maxFailuresPerPair: 5,
  /** Failures from one address, whatever the accounts, before the address is blocked. */
  maxFailuresPerAddress: 30,
  /** Failures of an account (all addresses) before each attempt on it is delayed. */
  delayAfterAccountFailures: 5,
  firstDelayMs: 250,
  maxDelayMs: 2000,
  /** Failures are kept this long (the admin's view covers the last hour). */
  keepHours: 24,
} as const;

/** Stands for requests whose address is unknown (no server.ts in front: `next dev`). */
export const UNKNOWN_ADDRESS = 'unknown';

export const normalizeAccount = (email: string) => email.trim().toLowerCase();
const pairKey = (account: string, address: string) => `pair:${account} ${address}`;
const addressKey = (address: string) => `address:${address}`;
const window = () => sql`now() - ${`${THROTTLE_POLICY.windowMinutes} minutes`}::interval`;
/** Failures of a key count from the start of the window, or from its last fresh start if later. */
const countedFrom = (db: Queryable, key: string) =>
  sql`greatest(${window()}, coalesce(${db.select({ countsFrom: signInBlocks.countsFrom }).from(signInBlocks).where(eq(signInBlocks.key, key))}, '-infinity'))`;

/** Delay for an account with this many recent failures: doubling from the first, never above the bound. */
export function accountDelayMs(failures: number): number {
  const over = failures - THROTTLE_POLICY.delayAfterAccountFailures;
  if (over < 0) return 0;
  return Math.min(THROTTLE_POLICY.maxDelayMs, THROTTLE_POLICY.firstDelayMs * 2 ** Math.min(over, 16));
}

/** `pairFailures`: this pair's failures still counting, which a correct password then forgets. */
export type SignInVerdict = { blocked: boolean; delayMs: number; pairFailures: number };

/** Whether this attempt is refused unread (its pair or address is blocked), and how long to slow it. */
export async function checkSignIn(db: Queryable, email: string, address: string): Promise<SignInVerdict> {
  const account = normalizeAccount(email);
  // The pair's failures are some of the account's (their count starts at the window or later).
  const [row] = await db
    .select({
      blocked: sql<boolean>`${exists(
        db
          .select({ key: signInBlocks.key })
          .from(signInBlocks)
          .where(and(inArray(signInBlocks.key, [pairKey(account, address), addressKey(address)]), gt(signInBlocks.blockedUntil, sql`now()`))),
      )}`,
      accountFailures: count(),
      pairFailures: countWhere(and(eq(signInFailures.address, address), gt(signInFailures.at, countedFrom(db, pairKey(account, address))))),
    })
    .from(signInFailures)
    .where(and(eq(signInFailures.account, account), gt(signInFailures.at, window())));
  return { blocked: Boolean(row?.blocked), delayMs: accountDelayMs(row?.accountFailures ?? 0), pairFailures: row?.pairFailures ?? 0 };
}

/**
 * Upserts a block for `key` when its failures since `countsFrom` reached `limit` and it is not
 * blocked already; returns true only to the one caller that started the block.
 */
async function blockIfOver(db: Queryable, key: string, scope: 'pair' | 'address', account: string | null, address: string, failures: number, limit: number) {
  if (failures < limit) return false;
  const until = sql`now() + ${`${THROTTLE_POLICY.blockMinutes} minutes`}::interval`;
  const rows = await db
    .insert(signInBlocks)
    .values({ key, scope, account, address, blockedAt: sql`now()`, blockedUntil: until })
    .onConflictDoUpdate({
      target: signInBlocks.key,
      set: { blockedAt: sql`now()`, blockedUntil: until },
      setWhere: or(isNull(signInBlocks.blockedUntil), lte(signInBlocks.blockedUntil, sql`now()`)),
    })
    .returning({ key: signInBlocks.key });
  return rows.length > 0;
}

/** Records a failure; blocks the pair or the address when it reaches its limit, as a security event in the audit log. */
export async function recordFailedSignIn(db: Queryable, email: string, address: string): Promise<void> {
  const account = normalizeAccount(email);
  await db.insert(signInFailures).values({ account, address });
  // Both counts are of this address's failures (each starts at the window or later).
  const [counts] = await db
    .select({
      pair: countWhere(and(eq(signInFailures.account, account), gt(signInFailures.at, countedFrom(db, pairKey(account, address))))),
      address: countWhere(gt(signInFailures.at, countedFrom(db, addressKey(address)))),
    })
    .from(signInFailures)
    .where(and(eq(signInFailures.address, address), gt(signInFailures.at, window())));
  const blocks: { scope: 'pair' | 'address'; account: string | null }[] = [];
  if (await blockIfOver(db, pairKey(account, address), 'pair', account, address, counts!.pair, THROTTLE_POLICY.maxFailuresPerPair))
    blocks.push({ scope: 'pair', account });
  if (await blockIfOver(db, addressKey(address), 'address', null, address, counts!.address, THROTTLE_POLICY.maxFailuresPerAddress))
    blocks.push({ scope: 'address', account: null });
  for (const block of blocks) {
    await db.transaction(async (tx) => {
      await writeAudit(tx, null, {
        action: 'auth.signInBlocked',
        entityType: 'signInBlock',
        entityId: block.scope === 'pair' ? pairKey(account, address) : addressKey(address),
        after: { scope: block.scope, account: block.account, address, minutes: THROTTLE_POLICY.blockMinutes },
      });
    });
  }
  // Old failures go, a few at a time, so the table stays small without a scheduled job.
  await db.delete(signInFailures).where(
    inArray(
      signInFailures.id,
      db
        .select({ id: signInFailures.id })
        .from(signInFailures)
        .where(lt(signInFailures.at, sql`now() - ${`${THROTTLE_POLICY.keepHours} hours`}::interval`))
        .limit(100),
    ),
  );
}

/** After the right password: this pair's earlier failures no longer count (the owner's own typos). */
export async function recordSuccessfulSignIn(db: Queryable, email: string, address: string): Promise<void> {
  const account = normalizeAccount(email);
  await db
    .insert(signInBlocks)
    .values({ key: pairKey(account, address), scope: 'pair', account, address, countsFrom: sql`now()` })
    .onConflictDoUpdate({ target: signInBlocks.key, set: { countsFrom: sql`now()` } });
}

export type SignInAttack = { account: string; address: string; failures: number; lastAt: Date; blockedUntil: Date | null; blockKey: string | null };
export type AddressBlock = { key: string; address: string; blockedUntil: Date };

/** Failed sign-ins of the last hour by account and address, with any block in force, most failures first. */
export async function listSignInAttacks(db: Queryable): Promise<{ attacks: SignInAttack[]; addressBlocks: AddressBlock[] }> {
  const failures = await db
    .select({
      account: signInFailures.account,
      address: signInFailures.address,
      failures: sql<number>`count(*)::int`,
      lastAt: sql<Date>`max(${signInFailures.at})`.mapWith(signInFailures.at),
    })
    .from(signInFailures)
    .where(gt(signInFailures.at, sql`now() - interval '1 hour'`))
    .groupBy(signInFailures.account, signInFailures.address)
    .orderBy(desc(sql`count(*)`), signInFailures.account)
    .limit(200);
  const blocks = await db
    .select()
    .from(signInBlocks)
    .where(gt(signInBlocks.blockedUntil, sql`now()`));
  const pairBlocks = new Map(blocks.filter((b) => b.scope === 'pair').map((b) => [b.key, b]));
  return {
    attacks: failures.map((row) => {
      const block = pairBlocks.get(pairKey(row.account, row.address));
      return { ...row, blockedUntil: block?.blockedUntil ?? null, blockKey: block?.key ?? null };
    }),
    addressBlocks: blocks.filter((b) => b.scope === 'address').map((b) => ({ key: b.key, address: b.address, blockedUntil: b.blockedUntil! })),
  };
}

/** Lifts a block in force (an admin's decision); its earlier failures stop counting. Returns the block, or null if none was in force. */
export async function clearSignInBlock(db: Queryable, key: string) {
  const [cleared] = await db
    .update(signInBlocks)
    .set({ blockedUntil: sql`now()`, countsFrom: sql`now()` })
    .where(and(eq(signInBlocks.key, key), gt(signInBlocks.blockedUntil, sql`now()`)))
    .returning();
  return cleared ?? null;
}
