import 'server-only';
import { and, asc, count, eq, inArray, isNotNull } from 'drizzle-orm';
import { countWhere, namesOf, numberOf, sumOf } from '@/db/selections';
import type { Queryable } from '@/db/client';
import { candidates, constituencies, constituencyListRevisions, constituencyTotals, precincts, protocols, regions } from '@/db/schema';
import { WAS_REGISTERED } from '@/lib/candidates/queries';
import { calendarOf, type ElectionCalendar } from '@/lib/elections/calendar';
import type { Phase } from '@/lib/elections/phase';
import { listElections } from '@/lib/elections/queries';

/**
 * Above this many constituencies (ten times Kazakhstan's 45…), public pages list regions first and
 * a region's page or filter its constituencies, so no page grows with the election (decisions 017, 018).
 */
export const CONSTITUENCIES_LISTED = 100;

export type ElectionSummary = {
  id: number;
  slug: string;
  nameKk: string;
  nameRu: string;
  nameEn: string;
  votingDay: string;
  phase: Phase;
  nominationOpensOn: string;
  nominationClosesOn: string;
  /** The whole calendar with the withdrawal cut-off, for the legal deadlines (lib/elections/deadlines). */
  calendar: ElectionCalendar & { withdrawalCutoffDays: number };
  constituencies: number;
  precincts: number;
  votersOnList: number;
  /** Precincts whose protocol is approved. */
  precinctsReported: number;
  /** `registered`: everyone the commission registered (withdrawn or cancelled since included); `onBallot`: still registered. */
  candidates: { nominated: number; registered: number; onBallot: number; refused: number; withdrawn: number; cancelled: number };
};

/** What staff see besides: where the protocols and the constituency lists stand in the workflow. */
export type StaffElectionSummary = ElectionSummary & {
  protocols: { missing: number; enteredOnce: number; awaitingReview: number; mismatch: number; approved: number };
  listRevisions: { draft: number; submitted: number; returned: number };
};

type Counts = Record<string, number>;
const countsBy = (rows: { electionId: number; key: string; n: number }[], electionId: number): Counts => {
  const counts: Counts = {};
  for (const row of rows.filter((r) => r.electionId === electionId)) counts[row.key] = (counts[row.key] ?? 0) + row.n;
  return counts;
};

const inRegionOf = (regionId: number | null) => (regionId === null ? undefined : eq(constituencies.regionId, regionId));
const inForce = eq(constituencies.status, 'in_force');

/**
 * Counts per election (of the user's region when `regionId` is set): sizes and progress from the
 * running totals (decision 016), candidates by status. Pure counts of workflow state, not results:
 * results come from the results aggregation.
 */
async function summaries(db: Queryable, regionId: number | null, options: { publicOnly?: boolean }): Promise<ElectionSummary[]> {
  const inRegion = inRegionOf(regionId);
  const [electionRows, sizes, candidateRows] = await Promise.all([
    listElections(db, options),
    db
      .select({
        electionId: constituencies.electionId,
        constituencies: count(),
        precincts: sumOf(constituencyTotals.precincts),
        voters: sumOf(constituencyTotals.votersOnList),
        reported: sumOf(constituencyTotals.precinctsReported),
      })
      .from(constituencies)
      .leftJoin(constituencyTotals, eq(constituencyTotals.constituencyId, constituencies.id))
      .where(and(inForce, inRegion))
      .groupBy(constituencies.electionId),
    db
      .select({ electionId: candidates.electionId, key: candidates.status, n: count(), everRegistered: countWhere(WAS_REGISTERED) })
      .from(candidates)
      .innerJoin(constituencies, eq(constituencies.id, candidates.constituencyId))
      .where(inRegion)
      .groupBy(candidates.electionId, candidates.status),
  ]);
  const everRegistered = candidateRows.map((row) => ({ electionId: row.electionId, key: 'everRegistered', n: row.everRegistered }));
  return electionRows.map((election) => {
    const size = sizes.find((s) => s.electionId === election.id);
    const candidates = countsBy([...candidateRows, ...everRegistered], election.id);
    return {
      id: election.id,
      slug: election.slug,
      nameKk: election.nameKk,
      nameRu: election.nameRu,
      nameEn: election.nameEn,
      votingDay: election.votingDay,
      phase: election.phase,
      nominationOpensOn: election.nominationOpensOn,
      nominationClosesOn: election.nominationClosesOn,
      calendar: { ...calendarOf(election), withdrawalCutoffDays: election.withdrawalCutoffDays },
      constituencies: size?.constituencies ?? 0,
      precincts: size?.precincts ?? 0,
      votersOnList: size?.voters ?? 0,
      precinctsReported: size?.reported ?? 0,
      candidates: {
        nominated: candidates.nominated ?? 0,
        registered: candidates.everRegistered ?? 0,
        onBallot: candidates.registered ?? 0,
        refused: candidates.refused ?? 0,
        withdrawn: candidates.withdrawn ?? 0,
        cancelled: candidates.cancelled ?? 0,
      },
    };
  });
}

/** The home page's summaries: announced elections, every region. */
export const publicElectionSummaries = (db: Queryable) => summaries(db, null, { publicOnly: true });

/** The staff pages' summaries: with the protocols by workflow state and the list revisions under way. */
export async function electionSummaries(db: Queryable, regionId: number | null): Promise<StaffElectionSummary[]> {
  const inRegion = inRegionOf(regionId);
  const [base, protocolRows, revisionRows] = await Promise.all([
    summaries(db, regionId, {}),
    db
      .select({ electionId: constituencies.electionId, status: protocols.status, n: count() })
      .from(precincts)
      .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
      .leftJoin(protocols, eq(protocols.precinctId, precincts.id))
      .where(and(inForce, inRegion))
      .groupBy(constituencies.electionId, protocols.status),
    db
      .select({ electionId: constituencyListRevisions.electionId, key: constituencyListRevisions.status, n: count() })
      .from(constituencyListRevisions)
      .where(
        and(
          inArray(constituencyListRevisions.status, ['draft', 'submitted', 'returned']),
          regionId === null ? undefined : eq(constituencyListRevisions.regionId, regionId),
        ),
      )
      .groupBy(constituencyListRevisions.electionId, constituencyListRevisions.status),
  ]);
  // A protocol returned to data entry awaits its first copy again: counted with the missing ones.
  const protocolCounts = protocolRows.map((row) => ({ ...row, key: row.status === null || row.status === 'returned' ? 'missing' : row.status }));
  return base.map((election) => {
    const protocols = countsBy(protocolCounts, election.id);
    const revisions = countsBy(revisionRows, election.id);
    return {
      ...election,
      protocols: {
        missing: protocols.missing ?? 0,
        enteredOnce: protocols.entered_once ?? 0,
        awaitingReview: protocols.awaiting_review ?? 0,
        mismatch: protocols.mismatch ?? 0,
        approved: protocols.approved ?? 0,
      },
      listRevisions: { draft: revisions.draft ?? 0, submitted: revisions.submitted ?? 0, returned: revisions.returned ?? 0 },
    };
  });
}

export type RegionListItem = { id: number; code: string; nameKk: string; nameRu: string; nameEn: string };

export async function listRegions(db: Queryable): Promise<RegionListItem[]> {
  return db
    .select({ id: regions.id, code: regions.code, nameKk: regions.nameKk, nameRu: regions.nameRu, nameEn: regions.nameEn })
    .from(regions)
    .orderBy(asc(regions.nameEn));
}

export async function findRegionByCode(db: Queryable, code: string): Promise<RegionListItem | null> {
  const [row] = await db
    .select({ id: regions.id, code: regions.code, nameKk: regions.nameKk, nameRu: regions.nameRu, nameEn: regions.nameEn })
    .from(regions)
    .where(eq(regions.code, code))
    .limit(1);
  return row ?? null;
}

export type RegionConstituency = {
  id: number;
  electionId: number;
  code: string;
  kind: 'district' | 'city';
  nameKk: string;
  nameRu: string;
  nameEn: string;
  precincts: number;
  votersOnList: number;
  registeredCandidates: number;
  approvedProtocols: number;
  resultsStatus: 'counting' | 'official';
};

/** A region's in-force constituencies in every election, with sizes and progress. */
export async function regionConstituencies(db: Queryable, regionId: number): Promise<RegionConstituency[]> {
  return db
    .select({
      id: constituencies.id,
      electionId: constituencies.electionId,
      code: constituencies.code,
      kind: constituencies.kind,
      ...namesOf(constituencies),
      resultsStatus: constituencies.resultsStatus,
      precincts: numberOf(db.select({ n: count() }).from(precincts).where(eq(precincts.constituencyId, constituencies.id))),
      votersOnList: numberOf(
        db
          .select({ n: sumOf(precincts.votersOnList) })
          .from(precincts)
          .where(eq(precincts.constituencyId, constituencies.id)),
      ),
      registeredCandidates: numberOf(
        db
          .select({ n: count() })
          .from(candidates)
          .where(and(eq(candidates.constituencyId, constituencies.id), eq(candidates.status, 'registered'))),
      ),
      approvedProtocols: numberOf(
        db
          .select({ n: count() })
          .from(protocols)
          .innerJoin(precincts, eq(precincts.id, protocols.precinctId))
          .where(and(eq(precincts.constituencyId, constituencies.id), isNotNull(protocols.approvedEntryId))),
      ),
    })
    .from(constituencies)
    .where(and(eq(constituencies.regionId, regionId), eq(constituencies.status, 'in_force')))
    .orderBy(constituencies.electionId, constituencies.kind, constituencies.nameEn);
}
