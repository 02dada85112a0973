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
