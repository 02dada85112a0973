import 'server-only';
import { desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { Queryable } from '@/db/client';
import { elections } from '@/db/schema';
import { nowInKazakhstan, todayInKazakhstan } from '@/lib/calendar';
import { DomainError } from '@/lib/commands';
import { electionPhase, nextDeadline, workRefusal, type Phase, type Work } from './phase';

export type Election = typeof elections.$inferSelect;
export type ElectionWithPhase = Election & { phase: Phase };

/**
 * Whether every constituency in force has official results (and there is at least one). Written
 * with its own alias: drizzle leaves columns unqualified in single-table selects, which would
 * bind "id" to the inner table.
 */
const resultsOfficial = sql<boolean>`coalesce((
  select bool_and(c.results_status = 'official') from constituencies c
  where c.election_id = "elections"."id" and c.status = 'in_force'), false)`;

type Row = { election: Election; resultsOfficial: boolean };
const withPhase = ({ election, resultsOfficial: official }: Row, now: string): ElectionWithPhase => ({
  ...election,
  phase: electionPhase({ ...election, announced: election.announcedAt !== null, archived: election.archivedAt !== null, resultsOfficial: official }, now),
});

/** Every election, drafts included (staff pages), newest voting day first, with its phase. */
export async function listElections(db: Queryable, options: { publicOnly?: boolean } = {}): Promise<ElectionWithPhase[]> {
  const now = nowInKazakhstan();
  const rows = await db
    .select({ election: elections, resultsOfficial })
    .from(elections)
    .where(options.publicOnly ? isNotNull(elections.announcedAt) : undefined)
    .orderBy(desc(elections.votingDay), desc(elections.id));
  return rows.map((row) => withPhase(row, now));
}

/** Elections the public may see: announced ones (drafts stay with the admins). */
export const listPublicElections = (db: Queryable) => listElections(db, { publicOnly: true });

/** The election a page asks for by id or slug, else the first one the first `prefer` accepts (then the next), else the newest. */
export function pickElection<E extends Election>(all: E[], wanted: string | undefined, ...prefer: ((election: E) => boolean)[]): E | undefined {
  return all.find((e) => String(e.id) === wanted || e.slug === wanted) ?? prefer.map((accepts) => all.find(accepts)).find(Boolean) ?? all[0];
}

export async function findElection(db: Queryable, id: number): Promise<ElectionWithPhase | null> {
  const [row] = await db.select({ election: elections, resultsOfficial }).from(elections).where(eq(elections.id, id));
  return row ? withPhase(row, nowInKazakhstan()) : null;
}

export const nextDeadlineOf = (election: Election) => nextDeadline(election, todayInKazakhstan());

/**
 * Refuses `work` unless the election's phase allows it, naming the phase and the date the work
 * opens (or that it has closed). Call inside the command's transaction.
 */
export async function requireWorkOpen(tx: Queryable, electionId: number, work: Work): Promise<ElectionWithPhase> {
  const election = await findElection(tx, electionId);
  if (!election) throw new DomainError('notFound');
  const refusal = workRefusal(work, election.phase, election);
  if (refusal) throw new DomainError('invalidState', { message: refusal.message, messageValues: refusal.values });
  return election;
}
