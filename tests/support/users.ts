import type { Database } from '@/db/client';
import { regions, users } from '@/db/schema';
import type { Role } from '@/lib/auth/permissions';

let regionCounter = 0;

export async function insertRegion(db: Database, code = `region-${++regionCounter}`) {
  const [region] = await db.insert(regions).values({ code, nameKk: code, nameRu: code, nameEn: code }).returning();
  return region!;
}

/** A user row for command tests; the password hash is never checked there. */
export async function insertUser(db: Database, role: Role, regionId: number | null, overrides: { active?: boolean; email?: string } = {}) {
  const [user] = await db
    .insert(users)
    .values({
      email: overrides.email ?? `${role}.${Math.random().toString(36).slice(2)}@test.kz`,
      fullName: `Test ${role}`,
      passwordHash: 'not-used',
      role,
      regionId,
      active: overrides.active ?? true,
    })
    .returning();
  return user!;
}

/**
 * The staff most command tests need: two regions (A, the one under test, and B, another), two
 * operators and two reviewers in A for double entry and four-eyes checks, one of each in B, and an
 * observer and an administrator who see every region.
 */
export async function insertStaff(db: Database, prefix: string) {
  const regionA = (await insertRegion(db, `${prefix}-a`)).id;
  const regionB = (await insertRegion(db, `${prefix}-b`)).id;
  const staff = {
    operatorA: await insertUser(db, 'operator', regionA),
    operator2A: await insertUser(db, 'operator', regionA),
    reviewerA: await insertUser(db, 'reviewer', regionA),
    reviewer2A: await insertUser(db, 'reviewer', regionA),
    operatorB: await insertUser(db, 'operator', regionB),
    reviewerB: await insertUser(db, 'reviewer', regionB),
    observer: await insertUser(db, 'observer', null),
    admin: await insertUser(db, 'admin', null),
  };
  return { regionA, regionB, staff };
}

/** Everyone an administrators-only command must refuse: no one signed in, each other role, and a deactivated administrator. */
export async function insertNonAdmins(db: Database, regionId: number) {
  return [
    null,
    await insertUser(db, 'operator', regionId),
    await insertUser(db, 'reviewer', regionId),
    await insertUser(db, 'observer', null),
    await insertUser(db, 'admin', null, { active: false }),
  ];
}

/** Two operators for blind double entry and a reviewer who typed neither copy, in one region. */
export async function insertEntryTeam(db: Database, regionId: number) {
  return {
    operator: await insertUser(db, 'operator', regionId),
    operator2: await insertUser(db, 'operator', regionId),
    reviewer: await insertUser(db, 'reviewer', regionId),
  };
}
