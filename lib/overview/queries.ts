import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { selectRows, type Queryable } from '@/db/client';
import { regions } from '@/db/schema';
import { WAS_REGISTERED } from '@/lib/candidates/queries';
import { calendarOf, type ElectionCalendar } from '@/lib/elections/calendar';
import type { Phase } from '@/lib/elections/phase';
import { listElections } from '@/lib/elections/queries';

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
  /** `registered`: everyone the commission registered (withdrawn or cancelled since included); `onBallot`: still registered. */
  candidates: { nominated: number; registered: number; onBallot: number; refused: number; withdrawn: number; cancelled: number };
  protocols: { missing: number; enteredOnce: number; awaitingReview: number; mismatch: number; approved: number };
  listRevisions: { draft: number; submitted: number; returned: number };
};

type Counts = Record<string, number>;
const countsBy = (rows: { electionId: number; key: string; n: number }[], electionId: number): Counts =>
  Object.fromEntries(rows.filter((r) => r.electionId === electionId).map((r) => [r.key, Number(r.n)]));

/**
 * Counts per election for the home page (every region, announced elections only) and the staff
 * pages (the user's region when `regionId` is set). Pure counts of workflow state, not results:
 * results come from the results aggregation.
 */
export async function electionSummaries(db: Queryable, regionId: number | null, options: { publicOnly?: boolean } = {}): Promise<ElectionSummary[]> {
  const inRegion = regionId === null ? sql`true` : sql`c.region_id = ${regionId}`;
  const [electionRows, sizes, candidateRows, protocolRows, revisionRows] = await Promise.all([
    listElections(db, options),
    selectRows<{ electionId: number; constituencies: number; precincts: number; voters: number }>(
      db,
      sql`select c.election_id as "electionId", count(distinct c.id)::int as constituencies,
                 count(p.id)::int as precincts, coalesce(sum(p.voters_on_list), 0)::bigint as voters
          from constituencies c left join precincts p on p.constituency_id = c.id
          where c.status = 'in_force' and ${inRegion} group by c.election_id`,
    ),
    selectRows<{ electionId: number; key: string; n: number }>(
      db,
      sql`select k.election_id as "electionId", k.status::text as key, count(*)::int as n
          from candidates k join constituencies c on c.id = k.constituency_id
          where ${inRegion} group by k.election_id, k.status
          union all
          select k.election_id, 'everRegistered', count(*)::int
          from candidates k join constituencies c on c.id = k.constituency_id
          where ${inRegion} and ${WAS_REGISTERED}
          group by k.election_id`,
    ),
    selectRows<{ electionId: number; key: string; n: number }>(
      db,
      // A protocol returned to data entry awaits its first copy again: counted with the missing ones.
      sql`select c.election_id as "electionId", case when pr.status is null or pr.status = 'returned' then 'missing' else pr.status::text end as key, count(*)::int as n
          from precincts p join constituencies c on c.id = p.constituency_id
          left join protocols pr on pr.precinct_id = p.id
          where c.status = 'in_force' and ${inRegion} group by c.election_id, key`,
    ),
    selectRows<{ electionId: number; key: string; n: number }>(
      db,
      sql`select r.election_id as "electionId", r.status::text as key, count(*)::int as n
          from constituency_list_revisions r
          where r.status in ('draft', 'submitted', 'returned') and ${regionId === null ? sql`true` : sql`r.region_id = ${regionId}`}
          group by r.election_id, r.status`,
    ),
  ]);
  return electionRows.map((election) => {
    const size = sizes.find((s) => s.electionId === election.id);
    const candidates = countsBy(candidateRows, election.id);
    const protocols = countsBy(protocolRows, election.id);
    const revisions = countsBy(revisionRows, election.id);
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
      votersOnList: Number(size?.voters ?? 0),
      candidates: {
        nominated: candidates.nominated ?? 0,
        registered: candidates.everRegistered ?? 0,
        onBallot: candidates.registered ?? 0,
        refused: candidates.refused ?? 0,
        withdrawn: candidates.withdrawn ?? 0,
        cancelled: candidates.cancelled ?? 0,
      },
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
  const rows = await selectRows<RegionConstituency>(
    db,
    sql`select c.id, c.election_id as "electionId", c.code, c.kind::text as kind, c.name_kk as "nameKk", c.name_ru as "nameRu",
               c.name_en as "nameEn", c.results_status::text as "resultsStatus",
               (select count(*)::int from precincts p where p.constituency_id = c.id) as precincts,
               (select coalesce(sum(p.voters_on_list), 0)::int from precincts p where p.constituency_id = c.id) as "votersOnList",
               (select count(*)::int from candidates k where k.constituency_id = c.id and k.status = 'registered') as "registeredCandidates",
               (select count(*)::int from protocols pr join precincts p on p.id = pr.precinct_id
                 where p.constituency_id = c.id and pr.approved_entry_id is not null) as "approvedProtocols"
        from constituencies c
        where c.region_id = ${regionId} and c.status = 'in_force'
        order by c.election_id, c.kind, c.name_en`,
  );
  return rows.map((row) => ({ ...row, precincts: Number(row.precincts), votersOnList: Number(row.votersOnList) }));
}
