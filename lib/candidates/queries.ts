import 'server-only';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { selectRows, type Queryable } from '@/db/client';
import { candidateChecks, candidates, constituencies, elections, parties, precincts, regions, users } from '@/db/schema';
import { ageOn, decodeDetail, type CheckDetail, type CheckOutcome } from './eligibility';

type Names = { nameKk: string; nameRu: string; nameEn: string };
const names = (row: Names): Names => ({ nameKk: row.nameKk, nameRu: row.nameRu, nameEn: row.nameEn });

export type CheckView = {
  code: string;
  kind: 'automatic' | 'attested';
  outcome: CheckOutcome;
  detail: CheckDetail | { text: string };
  decidedBy: string | null;
  decidedAt: Date | null;
};

export type CandidateDetail = {
  id: number;
  lockVersion: number;
  fullName: string;
  iin: string;
  birthDate: string;
  age: number;
  sex: 'male' | 'female';
  education: string;
  currentPosition: string;
  nominationRoute: 'party' | 'self';
  party: Names | null;
  status: 'nominated' | 'registered' | 'refused' | 'withdrawn';
  ballotOrder: number | null;
  nominatedOn: string;
  applicationReceived: boolean;
  assetDeclarationsReceived: boolean;
  depositAmount: number;
  depositPaidOn: string | null;
  supportingSignatures: number | null;
  refusalGround: string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  withdrawnOn: string | null;
  withdrawnBy: 'candidate' | 'party' | null;
  enteredById: number;
  enteredBy: string;
  election: Names & { id: number; votingDay: string; registrationDeadline: string };
  constituency: Names & { id: number; code: string; regionId: number; regionCode: string };
  checks: CheckView[];
};

const enteredBy = alias(users, 'entered_by_user');
const decidedBy = alias(users, 'decided_by_user');
const checkDecider = alias(users, 'check_decider');

/** A nominee's file for staff: person, documents, decision and the whole checklist. */
export async function candidateDetail(db: Queryable, candidateId: number): Promise<CandidateDetail | null> {
  const [row] = await db
    .select({
      candidate: candidates,
      party: parties,
      election: elections,
      constituency: constituencies,
      regionCode: regions.code,
      enteredBy: enteredBy.fullName,
      decidedBy: decidedBy.fullName,
    })
    .from(candidates)
    .innerJoin(elections, eq(elections.id, candidates.electionId))
    .innerJoin(constituencies, eq(constituencies.id, candidates.constituencyId))
    .innerJoin(regions, eq(regions.id, constituencies.regionId))
    .innerJoin(enteredBy, eq(enteredBy.id, candidates.enteredBy))
    .leftJoin(decidedBy, eq(decidedBy.id, candidates.decidedBy))
    .leftJoin(parties, eq(parties.id, candidates.partyId))
    .where(eq(candidates.id, candidateId));
  if (!row) return null;
  const checks = await db
    .select({ check: candidateChecks, decidedBy: checkDecider.fullName })
    .from(candidateChecks)
    .leftJoin(checkDecider, eq(checkDecider.id, candidateChecks.decidedBy))
    .where(eq(candidateChecks.candidateId, candidateId))
    .orderBy(asc(candidateChecks.kind), asc(candidateChecks.id));
  const c = row.candidate;
  return {
    id: c.id,
    lockVersion: c.lockVersion,
    fullName: c.fullName,
    iin: c.iin,
    birthDate: c.birthDate,
    age: ageOn(c.birthDate, row.election.votingDay),
    sex: c.sex,
    education: c.education,
    currentPosition: c.currentPosition,
    nominationRoute: c.nominationRoute,
    party: row.party ? names(row.party) : null,
    status: c.status,
    ballotOrder: c.ballotOrder,
    nominatedOn: c.nominatedOn,
    applicationReceived: c.applicationReceived,
    assetDeclarationsReceived: c.assetDeclarationsReceived,
    depositAmount: c.depositAmount,
    depositPaidOn: c.depositPaidOn,
    supportingSignatures: c.supportingSignatures,
    refusalGround: c.refusalGround,
    decisionNote: c.decisionNote,
    decidedBy: row.decidedBy,
    decidedAt: c.decidedAt,
    withdrawnOn: c.withdrawnOn,
    withdrawnBy: c.withdrawnBy,
    enteredById: c.enteredBy,
    enteredBy: row.enteredBy,
    election: { id: row.election.id, votingDay: row.election.votingDay, registrationDeadline: row.election.registrationDeadline, ...names(row.election) },
    constituency: { id: row.constituency.id, code: row.constituency.code, regionId: row.constituency.regionId, regionCode: row.regionCode, ...names(row.constituency) },
    checks: checks.map(({ check, decidedBy: by }) => ({
      code: check.code,
      kind: check.kind,
      outcome: check.outcome,
      detail: decodeDetail(check.detail),
      decidedBy: by,
      decidedAt: check.decidedAt,
    })),
  };
}

export type CandidateListItem = {
  id: number;
  fullName: string;
  age: number;
  sex: 'male' | 'female';
  nominationRoute: 'party' | 'self';
  party: Names | null;
  status: 'nominated' | 'registered' | 'refused' | 'withdrawn';
  ballotOrder: number | null;
  nominatedOn: string;
  constituency: Names & { code: string };
  region: Names & { code: string };
  election: Names & { id: number; registrationDeadline: string };
  checks: { passed: number; failed: number; pending: number };
};

export type CandidateFilter = {
  electionId?: number;
  regionId?: number | null;
  constituencyCode?: string;
  status?: CandidateListItem['status'];
  sex?: 'male' | 'female';
  route?: 'party' | 'self';
};

type ListRow = {
  id: number;
  fullName: string;
  birthDate: string;
  votingDay: string;
  sex: 'male' | 'female';
  nominationRoute: 'party' | 'self';
  partyKk: string | null;
  partyRu: string | null;
  partyEn: string | null;
  status: CandidateListItem['status'];
  ballotOrder: number | null;
  nominatedOn: string;
  constituencyCode: string;
  constituencyKk: string;
  constituencyRu: string;
  constituencyEn: string;
  regionCode: string;
  regionKk: string;
  regionRu: string;
  regionEn: string;
  electionId: number;
  electionKk: string;
  electionRu: string;
  electionEn: string;
  registrationDeadline: string;
  passed: number;
  failed: number;
  pending: number;
};

function filterConditions(filter: CandidateFilter): SQL {
  const conditions: SQL[] = [sql`true`];
  if (filter.electionId !== undefined) conditions.push(sql`k.election_id = ${filter.electionId}`);
  if (filter.regionId != null) conditions.push(sql`c.region_id = ${filter.regionId}`);
  if (filter.constituencyCode) conditions.push(sql`c.code = ${filter.constituencyCode}`);
  if (filter.status) conditions.push(sql`k.status = ${filter.status}`);
  if (filter.sex) conditions.push(sql`k.sex = ${filter.sex}`);
  if (filter.route) conditions.push(sql`k.nomination_route = ${filter.route}`);
  return sql.join(conditions, sql` and `);
}

/** Candidates with what lists show (no IIN or birth date: age only), in one query. */
export async function listCandidates(db: Queryable, filter: CandidateFilter, order: 'ballot' | 'queue' = 'ballot'): Promise<CandidateListItem[]> {
  const orderBy =
    order === 'queue'
      ? sql`e.registration_deadline, k.nominated_on, k.id`
      : sql`r.name_en, c.name_en, k.status = 'registered' desc, k.ballot_order nulls last, k.full_name`;
  const rows = await selectRows<ListRow>(
    db,
    sql`select k.id, k.full_name as "fullName", k.birth_date::text as "birthDate", e.voting_day::text as "votingDay", k.sex::text as sex,
               k.nomination_route::text as "nominationRoute", p.name_kk as "partyKk", p.name_ru as "partyRu", p.name_en as "partyEn",
               k.status::text as status, k.ballot_order as "ballotOrder", k.nominated_on::text as "nominatedOn",
               c.code as "constituencyCode", c.name_kk as "constituencyKk", c.name_ru as "constituencyRu", c.name_en as "constituencyEn",
               r.code as "regionCode", r.name_kk as "regionKk", r.name_ru as "regionRu", r.name_en as "regionEn",
               e.id as "electionId", e.name_kk as "electionKk", e.name_ru as "electionRu", e.name_en as "electionEn",
               e.registration_deadline::text as "registrationDeadline",
               count(ch.id) filter (where ch.outcome = 'passed')::int as passed,
               count(ch.id) filter (where ch.outcome = 'failed')::int as failed,
               count(ch.id) filter (where ch.outcome = 'pending')::int as pending
        from candidates k
        join elections e on e.id = k.election_id
        join constituencies c on c.id = k.constituency_id
        join regions r on r.id = c.region_id
        left join parties p on p.id = k.party_id
        left join candidate_checks ch on ch.candidate_id = k.id
        where ${filterConditions(filter)}
        group by k.id, e.id, c.id, r.id, p.id
        order by ${orderBy}`,
  );
  return rows.map((row) => ({
    id: row.id,
    fullName: row.fullName,
    age: ageOn(row.birthDate, row.votingDay),
    sex: row.sex,
    nominationRoute: row.nominationRoute,
    party: row.partyEn ? { nameKk: row.partyKk!, nameRu: row.partyRu!, nameEn: row.partyEn } : null,
    status: row.status,
    ballotOrder: row.ballotOrder,
    nominatedOn: row.nominatedOn,
    constituency: { code: row.constituencyCode, nameKk: row.constituencyKk, nameRu: row.constituencyRu, nameEn: row.constituencyEn },
    region: { code: row.regionCode, nameKk: row.regionKk, nameRu: row.regionRu, nameEn: row.regionEn },
    election: { id: row.electionId, registrationDeadline: row.registrationDeadline, nameKk: row.electionKk, nameRu: row.electionRu, nameEn: row.electionEn },
    checks: { passed: row.passed, failed: row.failed, pending: row.pending },
  }));
}

export type CandidateStatistics = {
  nominated: number;
  registered: number;
  refused: number;
  withdrawn: number;
  awaitingDecision: number;
  selfNominatedShare: number | null;
  womenShare: number | null;
  under35Share: number | null;
  averageAge: number | null;
};

/** Statistics over a candidate list: counts by status; shares and average age among the registered. */
export function candidateStatistics(list: Pick<CandidateListItem, 'status' | 'nominationRoute' | 'sex' | 'age'>[]): CandidateStatistics {
  const registered = list.filter((c) => c.status === 'registered');
  const share = (count: number) => (registered.length ? count / registered.length : null);
  return {
    nominated: list.length,
    registered: registered.length,
    refused: list.filter((c) => c.status === 'refused').length,
    withdrawn: list.filter((c) => c.status === 'withdrawn').length,
    awaitingDecision: list.filter((c) => c.status === 'nominated').length,
    selfNominatedShare: share(registered.filter((c) => c.nominationRoute === 'self').length),
    womenShare: share(registered.filter((c) => c.sex === 'female').length),
    under35Share: share(registered.filter((c) => c.age < 35).length),
    averageAge: registered.length ? registered.reduce((sum, c) => sum + c.age, 0) / registered.length : null,
  };
}

/** Constituencies in force of an election (optionally one region), for pickers and filters. */
export async function constituencyOptions(db: Queryable, electionId: number, regionId: number | null) {
  return db
    .select({ id: constituencies.id, code: constituencies.code, regionId: constituencies.regionId, nameKk: constituencies.nameKk, nameRu: constituencies.nameRu, nameEn: constituencies.nameEn, voters: sql<number>`coalesce(sum(${precincts.votersOnList}), 0)::int` })
    .from(constituencies)
    .leftJoin(precincts, eq(precincts.constituencyId, constituencies.id))
    .where(and(eq(constituencies.electionId, electionId), eq(constituencies.status, 'in_force'), regionId === null ? undefined : eq(constituencies.regionId, regionId)))
    .groupBy(constituencies.id)
    .orderBy(asc(constituencies.nameEn));
}

/** Parties that may nominate now: the registry's active ones. */
export async function partyOptions(db: Queryable) {
  return db
    .select({ id: parties.id, code: parties.code, nameKk: parties.nameKk, nameRu: parties.nameRu, nameEn: parties.nameEn })
    .from(parties)
    .where(eq(parties.active, true))
    .orderBy(asc(parties.nameEn));
}

