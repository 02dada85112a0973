import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { parties } from '@/db/schema';

export type Party = typeof parties.$inferSelect;

/** The whole registry, active parties first. */
export async function listParties(db: Queryable): Promise<Party[]> {
  return db.select().from(parties).orderBy(desc(parties.active), asc(parties.nameEn));
}

export async function findParty(db: Queryable, id: number): Promise<Party | null> {
  const [row] = await db.select().from(parties).where(eq(parties.id, id));
  return row ?? null;
}
