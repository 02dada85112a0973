import { and, eq, gt, ilike, or, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { regions, staffSessions, users } from '@/db/schema';
import { lastSeenIsStale, touchSession } from '@/lib/auth/sessions';
import type { Role } from '@/lib/auth/permissions';
import { containsPattern } from '@/lib/search';

/** What the portal knows about a signed-in staff member: never the password hash. */
export type StaffUser = {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  regionId: number | null;
  regionCode: string | null;
  sessionVersion: number;
};

const staffUserColumns = {
  id: users.id,
  email: users.email,
  fullName: users.fullName,
  role: users.role,
  regionId: users.regionId,
  regionCode: regions.code,
  sessionVersion: users.sessionVersion,
};

/**
 * The user as the database has them now; null when unknown, deactivated or the session is outdated.
 * With `sessionId`, also null unless that server-side session of theirs is still in force; its
 * "last seen" is brought up to date.
 */
export async function loadActiveUser(db: Queryable, id: number, sessionVersion?: number, sessionId?: string): Promise<StaffUser | null> {
  const [row] = await db
    .select({ ...staffUserColumns, lastSeenAt: staffSessions.lastSeenAt })
    .from(users)
    .leftJoin(regions, eq(regions.id, users.regionId))
    .leftJoin(staffSessions, and(eq(staffSessions.id, sessionId ?? ''), eq(staffSessions.userId, users.id), gt(staffSessions.expiresAt, sql`now()`)))
    .where(and(eq(users.id, id), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  if (sessionVersion !== undefined && row.sessionVersion !== sessionVersion) return null;
  const { lastSeenAt, ...user } = row;
  if (sessionId !== undefined) {
    if (!lastSeenAt) return null;
    if (lastSeenIsStale(lastSeenAt)) await touchSession(db, sessionId);
  }
  return user;
}

export async function findUserForSignIn(db: Queryable, email: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      regionId: users.regionId,
      passwordHash: users.passwordHash,
      active: users.active,
      sessionVersion: users.sessionVersion,
    })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.trim().toLowerCase()))
    .limit(1);
  return row ?? null;
}

export type UserListItem = {
  id: number;
  email: string;
  fullName: string;
  role: Role;
  regionId: number | null;
  regionCode: string | null;
  active: boolean;
  lastLoginAt: Date | null;
};

/** Staff accounts; `search` narrows to names and e-mails containing it (case-insensitive, literal). */
export async function listUsers(db: Queryable, search?: string): Promise<UserListItem[]> {
  const pattern = search?.trim() ? containsPattern(search.trim()) : null;
  return db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      regionId: users.regionId,
      regionCode: regions.code,
      active: users.active,
      lastLoginAt: users.lastLoginAt,
    })
    .from(users)
    .leftJoin(regions, eq(regions.id, users.regionId))
    .where(pattern ? or(ilike(users.fullName, pattern), ilike(users.email, pattern)) : undefined)
    .orderBy(users.role, regions.code, users.email);
}

/** A user as the edit form shows them; `version` is what a save must name (the session version). */
export async function findUserForEdit(db: Queryable, id: number) {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      fullName: users.fullName,
      role: users.role,
      regionId: users.regionId,
      active: users.active,
      version: users.sessionVersion,
    })
    .from(users)
    .where(eq(users.id, id));
  return user ?? null;
}
