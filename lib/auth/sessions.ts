import { randomBytes } from 'node:crypto';
import { and, desc, eq, gt, lt, ne, or, sql } from 'drizzle-orm';
import type { Database, Queryable } from '@/db/client';
import { writeAudit, type AuditActor } from '@/lib/audit/write';
import { staffSessions } from '@/db/schema';

/**
 * Server-side sessions behind the Auth.js cookie (decision 008). The cookie names a row here;
 * a request whose row is gone (signed out, ended by the user or an admin, expired) is signed out.
 */
export const SESSION_MAX_AGE_S = 8 * 60 * 60;
/** "Last seen" is written at most this often per session, so reading pages stays read-only. */
const LAST_SEEN_PRECISION_S = 60;

export async function startSession(db: Queryable, userId: number, device: { userAgent: string; address: string }): Promise<string> {
  const id = randomBytes(32).toString('base64url');
  await db.insert(staffSessions).values({
    id,
    userId,
    userAgent: device.userAgent.slice(0, 300),
    address: device.address,
    expiresAt: sql`now() + ${`${SESSION_MAX_AGE_S} seconds`}::interval`,
  });
  return id;
}

/** Notes that the session is in use (at most once a minute). */
export async function touchSession(db: Queryable, id: string): Promise<void> {
  await db
    .update(staffSessions)
    .set({ lastSeenAt: sql`now()` })
    .where(and(eq(staffSessions.id, id), lt(staffSessions.lastSeenAt, sql`now() - ${`${LAST_SEEN_PRECISION_S} seconds`}::interval`)));
}

export const lastSeenIsStale = (lastSeenAt: Date) => Date.now() - lastSeenAt.getTime() > LAST_SEEN_PRECISION_S * 1000;

/** Ends a session; with the user's id, their expired sessions go too (nothing else needs them). */
export async function endSession(db: Queryable, id: string, userId?: number): Promise<void> {
  const expired = userId ? and(eq(staffSessions.userId, userId), lt(staffSessions.expiresAt, sql`now()`)) : undefined;
  await db.delete(staffSessions).where(or(eq(staffSessions.id, id), expired));
}

/** Ends the user's sessions except `keep` (if given); returns how many ended. */
export async function endSessionsOf(db: Queryable, userId: number, keep?: string): Promise<number> {
  const ended = await db
    .delete(staffSessions)
    .where(and(eq(staffSessions.userId, userId), keep ? ne(staffSessions.id, keep) : undefined))
    .returning({ id: staffSessions.id });
  return ended.length;
}

/** The user ends their sessions on other devices, keeping the one they use. */
export async function endOtherSessions(db: Database, user: AuditActor, keep: string): Promise<number> {
  return db.transaction(async (tx) => {
    const ended = await endSessionsOf(tx, user.id, keep);
    await writeAudit(tx, user, { action: 'sessions.endOthers', entityType: 'user', entityId: user.id, after: { sessions: ended } });
    return ended;
  });
}

export type ActiveSession = { id: string; current: boolean; device: string; address: string; createdAt: Date; lastSeenAt: Date };

/** The user's sessions still in force, most recently used first; `current` marks the caller's own. */
export async function listActiveSessions(db: Queryable, userId: number, currentId?: string): Promise<ActiveSession[]> {
  const rows = await db
    .select()
    .from(staffSessions)
    .where(and(eq(staffSessions.userId, userId), gt(staffSessions.expiresAt, sql`now()`)))
    .orderBy(desc(staffSessions.lastSeenAt));
  return rows.map((row) => ({
    id: row.id,
    current: row.id === currentId,
    device: describeDevice(row.userAgent),
    address: row.address,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
  }));
}

/** "Firefox on Windows" from a User-Agent header: enough to recognise one's own devices. */
export function describeDevice(userAgent: string): string {
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} · ${system}`;
  return browser ?? system ?? (userAgent.slice(0, 60) || '?');
}
