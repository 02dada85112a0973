import { eq, getTableColumns, getViewSelectedFields } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import { candidates, candidateTotals, candidateTotalsRecounted, constituencies, constituencyTotals, constituencyTotalsRecounted } from '@/db/schema';

/** A running total that differs from the recount of the approved protocols it should sum. */
export type TotalsDrift = { kind: 'constituency' | 'candidate'; id: number; kept: Record<string, number> | null; recounted: Record<string, number> };

const differs = (kept: Record<string, number> | undefined, recounted: Record<string, number>) =>
  Object.entries(recounted).some(([figure, value]) => (kept?.[figure] ?? 0) !== value);

/**
 * Recounts every constituency's and candidate's figures from the approved entries and compares them
 * with the running totals the triggers keep (decision 016). Empty unless something changed the
 * data behind the triggers' back (a restore of part of the tables, a manual edit).
 */
export async function runningTotalsDrift(db: Queryable, electionId?: number): Promise<TotalsDrift[]> {
  const inElection = (column: AnyPgColumn) => (electionId === undefined ? undefined : eq(column, electionId));
  const { constituencyId: keptId, ...keptFigures } = getTableColumns(constituencyTotals);
  const { constituencyId: recountedId, ...recountedFigures } = getViewSelectedFields(constituencyTotalsRecounted);
  const [keptAreas, recountedAreas, keptVotes, recountedVotes] = await Promise.all([
    db
      .select({ id: keptId, figures: keptFigures })
      .from(constituencyTotals)
      .innerJoin(constituencies, eq(constituencies.id, constituencyTotals.constituencyId))
      .where(inElection(constituencies.electionId)),
    db
      .select({ id: recountedId, figures: recountedFigures })
      .from(constituencyTotalsRecounted)
      .innerJoin(constituencies, eq(constituencies.id, constituencyTotalsRecounted.constituencyId))
      .where(inElection(constituencies.electionId)),
    db
      .select({ id: candidateTotals.candidateId, votes: candidateTotals.votes })
      .from(candidateTotals)
      .innerJoin(candidates, eq(candidates.id, candidateTotals.candidateId))
      .where(inElection(candidates.electionId)),
    db
      .select({ id: candidateTotalsRecounted.candidateId, votes: candidateTotalsRecounted.votes })
      .from(candidateTotalsRecounted)
      .innerJoin(candidates, eq(candidates.id, candidateTotalsRecounted.candidateId))
      .where(inElection(candidates.electionId)),
  ]);
  const keptArea = new Map(keptAreas.map((row) => [row.id, row.figures]));
  const keptVote = new Map(keptVotes.map((row) => [row.id, { votes: row.votes }]));
  const drift: TotalsDrift[] = [
    ...recountedAreas.flatMap(({ id, figures }) =>
      differs(keptArea.get(id), figures) ? [{ kind: 'constituency' as const, id, kept: keptArea.get(id) ?? null, recounted: figures }] : [],
    ),
    ...recountedVotes.flatMap(({ id, votes }) =>
      differs(keptVote.get(id), { votes }) ? [{ kind: 'candidate' as const, id, kept: keptVote.get(id) ?? null, recounted: { votes } }] : [],
    ),
  ];
  // Constituencies first, then candidates, each by id.
  return drift.sort((a, b) => (a.kind === b.kind ? a.id - b.id : a.kind === 'constituency' ? -1 : 1));
}
