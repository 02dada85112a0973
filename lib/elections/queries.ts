import 'server-only';
import { desc, eq } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { elections } from '@/db/schema';

export type Election = typeof elections.$inferSelect;

export async function listElections(db: Queryable): Promise<Election[]> {
  return db.select().from(elections).orderBy(desc(elections.votingDay), desc(elections.id));
}

/** The election a page asks for by id or slug, else the first one `prefer` accepts, else the newest. */
export function pickElection(all: Election[], wanted: string | undefined, prefer?: (election: Election) => boolean): Election | undefined {
  return all.find((e) => String(e.id) === wanted || e.slug === wanted) ?? (prefer && all.find(prefer)) ?? all[0];
}

export async function findElection(db: Queryable, id: number): Promise<Election | null> {
  const [row] = await db.select().from(elections).where(eq(elections.id, id));
  return row ?? null;
}
