import 'server-only';
import { and, asc, count, desc, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { alias } from 'drizzle-orm/pg-core';
import { constituenciesInForce, countWhere, namesOf, orZero } from '@/db/selections';
import type { Queryable } from '@/db/client';
import {
  akimRegistrations,
  candidateChecks,
  candidates,
  constituencies,
  constituencyTotals,
  elections,
  parties,
  regions,
  registrationCancellations,
  users,
} from '@/db/schema';
import { todayInKazakhstan } from '@/lib/calendar';
import { DomainError } from '@/lib/commands';
import { findElection, type Election, type ElectionWithPhase } from '@/lib/elections/queries';
import { constituencyResult, type ConstituencyResult } from '@/lib/results/aggregate';
import { depositSettlement, type DepositSettlement } from './deposit';
import { ageOn, decodeDetail, type CancellationGround, type CheckDetail, type CheckOutcome, type RefusalGround } from './eligibility';
import type { AkimState } from './elected';
import type { CandidateState, CandidateStatus } from './transitions';

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

export type CancellationView = {
  status: 'proposed' | 'cancelled' | 'dismissed';
  ground: CancellationGround;
  explanation: string;
  proposedBy: string;
  proposedAt: Date;
  decisionNumber: string | null;
  decisionDate: string | null;
  dismissalReason: string | null;
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
  status: CandidateStatus;
  ballotOrder: number | null;
  nominatedOn: string;
  applicationReceived: boolean;
  assetDeclarationsReceived: boolean;
  depositAmount: number;
  depositPaidOn: string | null;
  supportingSignatures: number | null;
  refusalGround: RefusalGround | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNumber: string | null;
  decisionDate: string | null;
  withdrawnOn: string | null;
  withdrawnBy: 'candidate' | 'party' | null;
  depositRefundedOn: string | null;
  enteredById: number;
  enteredBy: string;
  election: Names & { id: number; votingDay: string; registrationDeadline: string };
  constituency: Names & {
    id: number;
    code: string;
    regionId: number;
    regionCode: string;
    ballotsPrintedOn: string | null;
    resultsStatus: 'counting' | 'official';
  };
  checks: CheckView[];
  /** Cancellation proposals and the commission's decisions on them, oldest first. */
  cancellations: CancellationView[];
};

const enteredBy = alias(users, 'entered_by_user');
const decidedBy = alias(users, 'decided_by_user');
const checkDecider = alias(users, 'check_decider');
const proposer = alias(users, 'proposer');
const canceller = alias(users, 'canceller');

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
  const [checks, cancellations] = await Promise.all([
    db
      .select({ check: candidateChecks, decidedBy: checkDecider.fullName })
      .from(candidateChecks)
      .leftJoin(checkDecider, eq(checkDecider.id, candidateChecks.decidedBy))
      .where(eq(candidateChecks.candidateId, candidateId))
      .orderBy(asc(candidateChecks.kind), asc(candidateChecks.id)),
    db
      .select({ cancellation: registrationCancellations, proposedBy: proposer.fullName, decidedBy: canceller.fullName })
      .from(registrationCancellations)
      .innerJoin(proposer, eq(proposer.id, registrationCancellations.proposedBy))
      .leftJoin(canceller, eq(canceller.id, registrationCancellations.decidedBy))
      .where(eq(registrationCancellations.candidateId, candidateId))
      .orderBy(asc(registrationCancellations.id)),
  ]);
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
    decisionNumber: c.decisionNumber,
    decisionDate: c.decisionDate,
    withdrawnOn: c.withdrawnOn,
    withdrawnBy: c.withdrawnBy,
    depositRefundedOn: c.depositRefundedOn,
    enteredById: c.enteredBy,
    enteredBy: row.enteredBy,
    election: { id: row.election.id, votingDay: row.election.votingDay, registrationDeadline: row.election.registrationDeadline, ...names(row.election) },
    constituency: {
      id: row.constituency.id,
      code: row.constituency.code,
      regionId: row.constituency.regionId,
      regionCode: row.regionCode,
      ballotsPrintedOn: row.constituency.ballotsPrintedOn,
      resultsStatus: row.constituency.resultsStatus,
      ...names(row.constituency),
    },
    cancellations: cancellations.map(({ cancellation: x, proposedBy, decidedBy: by }) => ({
      status: x.status,
      ground: x.ground,
      explanation: x.explanation,
      proposedBy,
      proposedAt: x.proposedAt,
      decisionNumber: x.decisionNumber,
      decisionDate: x.decisionDate,
      dismissalReason: x.dismissalReason,
      decidedBy: by,
      decidedAt: x.decidedAt,
    })),
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
  status: CandidateStatus;
  /** Registered by the commission at some point (on the ballot now, or withdrawn or cancelled since). */
  wasRegistered: boolean;
  /** The ground of a cancelled registration. */
  cancellationGround: CancellationGround | null;
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

function filterConditions(filter: CandidateFilter): SQL | undefined {
  return and(
    filter.electionId === undefined ? undefined : eq(candidates.electionId, filter.electionId),
    filter.regionId == null ? undefined : eq(constituencies.regionId, filter.regionId),
    filter.constituencyCode ? eq(constituencies.code, filter.constituencyCode) : undefined,
    filter.status ? eq(candidates.status, filter.status) : undefined,
    filter.sex ? eq(candidates.sex, filter.sex) : undefined,
    filter.route ? eq(candidates.nominationRoute, filter.route) : undefined,
  );
}

/**
 * Registered by the commission at some point, in a query on `candidates`: still registered,
 * cancelled since, or withdrawn after the registration decision.
 */
export const WAS_REGISTERED = or(
  inArray(candidates.status, ['registered', 'cancelled']),
  and(eq(candidates.status, 'withdrawn'), isNotNull(candidates.decidedAt)),
)!;

/** A page of a list: `limit` rows after the first `offset`. */
export type ListPage = { offset: number; limit: number };

/**
 * The ids of one page of candidates, in list order. The page is cut before the per-row subqueries
 * run: PostgreSQL evaluates them for every row that reaches the sort (12,000 at ten times national
 * scale: 50 ms), not for the page's rows only.
 */
const pageIds = (db: Queryable, filter: CandidateFilter, orderBy: (SQL | AnyPgColumn)[], page: ListPage) =>
  db
    .select({ id: candidates.id })
    .from(candidates)
    .innerJoin(elections, eq(elections.id, candidates.electionId))
    .innerJoin(constituencies, eq(constituencies.id, candidates.constituencyId))
    .innerJoin(regions, eq(regions.id, constituencies.regionId))
    .where(filterConditions(filter))
    .orderBy(...orderBy, candidates.id)
    .limit(page.limit)
    .offset(page.offset);

/** Candidates with what lists show (no IIN or birth date: age only), in one query. */
export async function listCandidates(
  db: Queryable,
  filter: CandidateFilter,
  order: 'ballot' | 'queue' = 'ballot',
  page?: ListPage,
): Promise<CandidateListItem[]> {
  const orderBy =
    order === 'queue'
      ? [elections.registrationDeadline, candidates.nominatedOn, candidates.id]
      : [regions.nameEn, constituencies.nameEn, desc(eq(candidates.status, 'registered')), sql`${candidates.ballotOrder} nulls last`, candidates.fullName];
  const query = db
    .select({
      id: candidates.id,
      fullName: candidates.fullName,
      birthDate: candidates.birthDate,
      votingDay: elections.votingDay,
      sex: candidates.sex,
      nominationRoute: candidates.nominationRoute,
      party: namesOf(parties),
      status: candidates.status,
      ballotOrder: candidates.ballotOrder,
      nominatedOn: candidates.nominatedOn,
      wasRegistered: sql<boolean>`${WAS_REGISTERED}`,
      cancellationGround: sql<CancellationGround | null>`${db
        .select({ ground: registrationCancellations.ground })
        .from(registrationCancellations)
        .where(and(eq(registrationCancellations.candidateId, candidates.id), eq(registrationCancellations.status, 'cancelled')))}`,
      constituency: { code: constituencies.code, ...namesOf(constituencies) },
      region: { code: regions.code, ...namesOf(regions) },
      election: { id: elections.id, registrationDeadline: elections.registrationDeadline, ...namesOf(elections) },
      // A subquery, not a grouped join, run for the page's rows only (see the page's ids below).
      checks: sql<CandidateListItem['checks']>`(${db
        .select({
          tally: sql`json_build_object('passed', ${countWhere(eq(candidateChecks.outcome, 'passed'))}, 'failed', ${countWhere(eq(candidateChecks.outcome, 'failed'))}, 'pending', ${countWhere(eq(candidateChecks.outcome, 'pending'))})`,
        })
        .from(candidateChecks)
        .where(eq(candidateChecks.candidateId, candidates.id))})`,
    })
    .from(candidates)
    .innerJoin(elections, eq(elections.id, candidates.electionId))
    .innerJoin(constituencies, eq(constituencies.id, candidates.constituencyId))
    .innerJoin(regions, eq(regions.id, constituencies.regionId))
    .leftJoin(parties, eq(parties.id, candidates.partyId))
    .where(page ? inArray(candidates.id, pageIds(db, filter, orderBy, page)) : filterConditions(filter))
    // The id last: pages of a list cut at the same place every time.
    .orderBy(...orderBy, candidates.id);
  const rows = await query;
  return rows.map(({ birthDate, votingDay, ...row }) => ({ ...row, age: ageOn(birthDate, votingDay) }));
}

export type CandidateStatistics = {
  nominated: number;
  /** Registered by the commission, including those withdrawn or cancelled since (the CEC's "registered"). */
  registered: number;
  /** Still registered: on the ballot (on voting day, once it has passed). */
  onBallot: number;
  refused: number;
  withdrawn: number;
  cancelled: number;
  awaitingDecision: number;
  selfNominated: number;
  selfNominatedShare: number | null;
  womenShare: number | null;
  under35Share: number | null;
  averageAge: number | null;
};

/** What the statistics read of candidates alike in all of it, with how many they are (`count`, 1 when absent). */
export type StatisticsInput = Pick<CandidateListItem, 'status' | 'wasRegistered' | 'nominationRoute' | 'sex' | 'age'> & { count?: number };

/** `ageOn` (lib/candidates/eligibility.ts) in SQL, word for word: full years, a birthday on the day counting. */
const AGE_ON_VOTING_DAY = sql<number>`(extract(year from ${elections.votingDay}) - extract(year from ${candidates.birthDate}))::int
  - (to_char(${elections.votingDay}, 'MM-DD') < to_char(${candidates.birthDate}, 'MM-DD'))::int`;

/**
 * Only what the statistics read, for every candidate the filter selects, grouped in PostgreSQL
 * (the overview's headline and the list's figures: at 12,000 candidates, a few hundred groups).
 */
export async function candidateFacts(db: Queryable, filter: CandidateFilter): Promise<StatisticsInput[]> {
  return (
    db
      .select({
        status: candidates.status,
        wasRegistered: sql<boolean>`${WAS_REGISTERED}`,
        nominationRoute: candidates.nominationRoute,
        sex: candidates.sex,
        age: AGE_ON_VOTING_DAY,
        count: count(),
      })
      .from(candidates)
      .innerJoin(elections, eq(elections.id, candidates.electionId))
      .innerJoin(constituencies, eq(constituencies.id, candidates.constituencyId))
      .where(filterConditions(filter))
      // By the five selected columns, by position: the computed ones are grouped as selected.
      .groupBy(sql`1, 2, 3, 4, 5`)
  );
}

/** Statistics over a candidate list: counts by status; shares and average age among the registered. */
export function candidateStatistics(list: StatisticsInput[]): CandidateStatistics {
  const total = (rows: StatisticsInput[]) => rows.reduce((sum, c) => sum + (c.count ?? 1), 0);
  const registered = list.filter((c) => c.wasRegistered);
  const registeredCount = total(registered);
  const share = (rows: StatisticsInput[]) => (registeredCount ? total(rows) / registeredCount : null);
  const withStatus = (status: CandidateStatus) => total(list.filter((c) => c.status === status));
  const selfNominated = total(registered.filter((c) => c.nominationRoute === 'self'));
  return {
    nominated: total(list),
    registered: registeredCount,
    onBallot: withStatus('registered'),
    refused: withStatus('refused'),
    withdrawn: withStatus('withdrawn'),
    cancelled: withStatus('cancelled'),
    awaitingDecision: withStatus('nominated'),
    selfNominated,
    selfNominatedShare: registeredCount ? selfNominated / registeredCount : null,
    womenShare: share(registered.filter((c) => c.sex === 'female')),
    under35Share: share(registered.filter((c) => c.age < 35)),
    averageAge: registeredCount ? registered.reduce((sum, c) => sum + c.age * (c.count ?? 1), 0) / registeredCount : null,
  };
}

/** How many constituencies an election has in force. */
export async function constituencyCount(db: Queryable, electionId: number): Promise<number> {
  const [row] = await db.select({ n: count() }).from(constituencies).where(constituenciesInForce(electionId));
  return row?.n ?? 0;
}

/** Constituencies in force of an election (optionally one region), for pickers and filters. */
export async function constituencyOptions(db: Queryable, electionId: number, regionId: number | null) {
  return db
    .select({
      id: constituencies.id,
      code: constituencies.code,
      regionId: constituencies.regionId,
      nameKk: constituencies.nameKk,
      nameRu: constituencies.nameRu,
      nameEn: constituencies.nameEn,
      // The running totals (decision 016): no pass over the precincts.
      voters: orZero(constituencyTotals.votersOnList),
    })
    .from(constituencies)
    .leftJoin(constituencyTotals, eq(constituencyTotals.constituencyId, constituencies.id))
    .where(and(constituenciesInForce(electionId), regionId === null ? undefined : eq(constituencies.regionId, regionId)))
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

type CandidateRow = typeof candidates.$inferSelect;
type DepositRulesOf = Pick<Election, 'depositRefundThresholdBp' | 'depositRuleWhenRemoved'>;

/** What the deposit rules do with each candidate's deposit, once the constituency's results are official. */
function settlementOf(
  result: ConstituencyResult,
  election: DepositRulesOf,
  candidate: Pick<CandidateRow, 'id' | 'status' | 'depositPaidOn' | 'depositAmount'>,
) {
  const line = result.candidates.find((c) => c.id === candidate.id);
  return depositSettlement(
    {
      paid: candidate.depositPaidOn !== null && candidate.depositAmount > 0,
      onBallot: candidate.status === 'registered',
      elected: result.outcome.status === 'elected' && result.outcome.candidateId === candidate.id,
      votes: line?.votes ?? 0,
      constituencyVotes: result.validVotes,
    },
    election,
  );
}

/** The open cancellation proposal of each candidate: who proposed it. */
async function pendingCancellations(db: Queryable, candidateIds: number[]) {
  if (candidateIds.length === 0) return new Map<number, { proposedBy: number }>();
  const rows = await db
    .select({ candidateId: registrationCancellations.candidateId, proposedBy: registrationCancellations.proposedBy })
    .from(registrationCancellations)
    .where(and(inArray(registrationCancellations.candidateId, candidateIds), eq(registrationCancellations.status, 'proposed')));
  return new Map(rows.map((row) => [row.candidateId, { proposedBy: row.proposedBy }]));
}

async function checksOf(db: Queryable, candidateIds: number[]) {
  const byCandidate = new Map<number, { code: string; outcome: CheckOutcome }[]>();
  if (candidateIds.length === 0) return byCandidate;
  const rows = await db
    .select({ candidateId: candidateChecks.candidateId, code: candidateChecks.code, outcome: candidateChecks.outcome })
    .from(candidateChecks)
    .where(inArray(candidateChecks.candidateId, candidateIds));
  for (const { candidateId, ...check } of rows) byCandidate.set(candidateId, [...(byCandidate.get(candidateId) ?? []), check]);
  return byCandidate;
}

type StateContext = { election: CandidateState['election'] & DepositRulesOf; regionId: number; result?: ConstituencyResult | null };

function stateOf(
  candidate: CandidateRow,
  context: StateContext,
  checks: CandidateState['checks'],
  pending: { proposedBy: number } | undefined,
): CandidateState {
  const official = context.result?.resultsStatus === 'official';
  return {
    regionId: context.regionId,
    status: candidate.status,
    enteredBy: candidate.enteredBy,
    checks,
    pendingCancellation: pending ?? null,
    depositRefundedOn: candidate.depositRefundedOn,
    depositSettlement: official ? settlementOf(context.result!, context.election, candidate) : null,
    election: context.election,
    today: todayInKazakhstan(),
  };
}

/**
 * A candidate as the transition rules (lib/candidates/transitions) see it: read by the candidate
 * page and, inside their transaction, by the commands. `withSettlement` also works out the
 * deposit's fate, which needs the constituency's results.
 */
export async function candidateState(db: Queryable, candidate: CandidateRow, options: { withSettlement?: boolean } = {}): Promise<CandidateState> {
  const [election, [constituency], checks, pending] = await Promise.all([
    findElection(db, candidate.electionId),
    db
      .select({ regionId: constituencies.regionId, resultsStatus: constituencies.resultsStatus })
      .from(constituencies)
      .where(eq(constituencies.id, candidate.constituencyId)),
    checksOf(db, [candidate.id]),
    pendingCancellations(db, [candidate.id]),
  ]);
  if (!election || !constituency) throw new DomainError('notFound');
  const result = options.withSettlement && constituency.resultsStatus === 'official' ? (await constituencyResult(db, candidate.constituencyId))?.result : null;
  return stateOf(candidate, { election, regionId: constituency.regionId, result }, checks.get(candidate.id) ?? [], pending.get(candidate.id));
}

export async function loadCandidateState(db: Queryable, candidateId: number, options: { withSettlement?: boolean } = {}) {
  const [candidate] = await db.select().from(candidates).where(eq(candidates.id, candidateId));
  return candidate ? candidateState(db, candidate, options) : null;
}

export type QueueItem = {
  id: number;
  fullName: string;
  party: Names | null;
  constituency: Names;
  election: Names & { id: number; registrationDeadline: string };
  checks: { passed: number; failed: number; pending: number };
  state: CandidateState;
  /** The open cancellation proposal, for registered candidates. */
  proposal: { ground: CancellationGround; proposedBy: string; proposedAt: Date } | null;
};

/**
 * The reviewer's queue in a region: nominations awaiting the commission's decision (by
 * registration deadline, then nomination date) and proposals to cancel a registration (oldest
 * first). Each item carries its state, so the page asks the transition rules what the viewer may do.
 */
export async function reviewQueue(db: Queryable, regionId: number | null): Promise<{ nominations: QueueItem[]; cancellations: QueueItem[] }> {
  const proposals = await db
    .select({
      candidateId: registrationCancellations.candidateId,
      ground: registrationCancellations.ground,
      proposedAt: registrationCancellations.proposedAt,
      proposedBy: proposer.fullName,
    })
    .from(registrationCancellations)
    .innerJoin(proposer, eq(proposer.id, registrationCancellations.proposedBy))
    .where(eq(registrationCancellations.status, 'proposed'))
    .orderBy(asc(registrationCancellations.proposedAt));
  const proposalOf = new Map(proposals.map(({ candidateId, ...proposal }) => [candidateId, proposal]));
  const rows = await db
    .select({ candidate: candidates, party: parties, constituency: constituencies, electionId: elections.id })
    .from(candidates)
    .innerJoin(constituencies, eq(constituencies.id, candidates.constituencyId))
    .innerJoin(elections, eq(elections.id, candidates.electionId))
    .leftJoin(parties, eq(parties.id, candidates.partyId))
    .where(
      and(
        regionId === null ? undefined : eq(constituencies.regionId, regionId),
        or(
          eq(candidates.status, 'nominated'),
          inArray(
            candidates.id,
            db.select({ id: registrationCancellations.candidateId }).from(registrationCancellations).where(eq(registrationCancellations.status, 'proposed')),
          ),
        ),
      ),
    )
    .orderBy(asc(elections.registrationDeadline), asc(candidates.nominatedOn), asc(candidates.id));
  const ids = rows.map((row) => row.candidate.id);
  const [checks, pending, electionRows] = await Promise.all([
    checksOf(db, ids),
    pendingCancellations(db, ids),
    Promise.all([...new Set(rows.map((row) => row.electionId))].map((id) => findElection(db, id))),
  ]);
  const electionOf = new Map(electionRows.flatMap((election) => (election ? [[election.id, election] as const] : [])));
  const items = rows.map(({ candidate, party, constituency }): QueueItem => {
    const election = electionOf.get(candidate.electionId)!;
    const own = checks.get(candidate.id) ?? [];
    const tally = (outcome: CheckOutcome) => own.filter((check) => check.outcome === outcome).length;
    return {
      id: candidate.id,
      fullName: candidate.fullName,
      party: party ? names(party) : null,
      constituency: names(constituency),
      election: { id: election.id, registrationDeadline: election.registrationDeadline, ...names(election) },
      checks: { passed: tally('passed'), failed: tally('failed'), pending: tally('pending') },
      state: stateOf(candidate, { election, regionId: constituency.regionId }, own, pending.get(candidate.id)),
      proposal: proposalOf.get(candidate.id) ?? null,
    };
  });
  return {
    nominations: items.filter((item) => item.state.status === 'nominated'),
    cancellations: items.filter((item) => item.proposal !== null).sort((a, b) => a.proposal!.proposedAt.getTime() - b.proposal!.proposedAt.getTime()),
  };
}

export type AkimRecord = {
  constituencyId: number;
  outcome: 'registered' | 'repeat_election';
  candidateId: number | null;
  decisionNumber: string;
  decisionDate: string;
  reason: string | null;
  recordedBy: string;
};

const recorder = alias(users, 'recorder');

/** The elected akims registered (or repeat elections recorded) in an election, by constituency. */
export async function akimRecords(db: Queryable, electionId: number, constituencyId?: number): Promise<AkimRecord[]> {
  return db
    .select({
      constituencyId: akimRegistrations.constituencyId,
      outcome: akimRegistrations.outcome,
      candidateId: akimRegistrations.candidateId,
      decisionNumber: akimRegistrations.decisionNumber,
      decisionDate: akimRegistrations.decisionDate,
      reason: akimRegistrations.reason,
      recordedBy: recorder.fullName,
    })
    .from(akimRegistrations)
    .innerJoin(constituencies, eq(constituencies.id, akimRegistrations.constituencyId))
    .innerJoin(recorder, eq(recorder.id, akimRegistrations.recordedBy))
    .where(and(eq(constituencies.electionId, electionId), constituencyId === undefined ? undefined : eq(constituencies.id, constituencyId)));
}

type ConstituencyRow = typeof constituencies.$inferSelect;

const akimStateOf = (constituency: ConstituencyRow, election: ElectionWithPhase, result: ConstituencyResult, recorded: boolean): AkimState => ({
  regionId: constituency.regionId,
  resultsStatus: constituency.resultsStatus,
  resultsOfficialOn: constituency.resultsOfficialAt ? todayInKazakhstan(constituency.resultsOfficialAt) : null,
  outcome: result.outcome,
  recorded,
  election,
});

/** The constituency's last step as lib/candidates/elected sees it (read by the page and the command). */
export async function loadAkimState(db: Queryable, constituency: ConstituencyRow): Promise<AkimState> {
  const [election, found, records] = await Promise.all([
    findElection(db, constituency.electionId),
    constituencyResult(db, constituency.id),
    akimRecords(db, constituency.electionId, constituency.id),
  ]);
  if (!election || !found) throw new DomainError('notFound');
  return akimStateOf(constituency, election, found.result, records.length > 0);
}

export type BallotLine = { id: number; ballotOrder: number; fullName: string; party: Names | null; status: CandidateStatus; struck: boolean };

export type DepositLine = {
  id: number;
  fullName: string;
  status: CandidateStatus;
  depositAmount: number;
  depositPaidOn: string | null;
  votes: number | null;
  share: number | null;
  /** What the rules do with the deposit; null until the results are official. */
  settlement: DepositSettlement | null;
  refundedOn: string | null;
};

export type ConstituencySheet = {
  constituency: Names & { id: number; code: string; regionId: number; ballotsPrintedOn: string | null; resultsStatus: 'counting' | 'official' };
  election: ElectionWithPhase;
  /** The ballot as printed: candidates on it and, once printed, the struck lines of those removed later. */
  ballot: BallotLine[];
  result: ConstituencyResult;
  akim: AkimRecord | null;
  akimState: AkimState;
  deposits: DepositLine[];
};

/** A constituency's candidates from the ballot to the end: ballot lines, the elected akim, the deposits. */
export async function constituencySheet(db: Queryable, constituencyId: number): Promise<ConstituencySheet | null> {
  const [constituency] = await db.select().from(constituencies).where(eq(constituencies.id, constituencyId));
  if (!constituency) return null;
  const [election, found, records, rows] = await Promise.all([
    findElection(db, constituency.electionId),
    constituencyResult(db, constituencyId),
    akimRecords(db, constituency.electionId, constituencyId),
    db
      .select({ candidate: candidates, party: parties })
      .from(candidates)
      .leftJoin(parties, eq(parties.id, candidates.partyId))
      .where(eq(candidates.constituencyId, constituencyId))
      .orderBy(sql`${candidates.ballotOrder} nulls last`, asc(candidates.fullName)),
  ]);
  if (!election || !found) return null;
  const { result } = found;
  const official = constituency.resultsStatus === 'official';
  return {
    constituency: {
      id: constituency.id,
      code: constituency.code,
      regionId: constituency.regionId,
      ballotsPrintedOn: constituency.ballotsPrintedOn,
      resultsStatus: constituency.resultsStatus,
      ...names(constituency),
    },
    election,
    ballot: rows.flatMap(({ candidate, party }) =>
      candidate.ballotOrder === null
        ? []
        : [
            {
              id: candidate.id,
              ballotOrder: candidate.ballotOrder,
              fullName: candidate.fullName,
              party: party ? names(party) : null,
              status: candidate.status,
              struck: candidate.status !== 'registered',
            },
          ],
    ),
    result,
    akim: records[0] ?? null,
    akimState: akimStateOf(constituency, election, result, records.length > 0),
    deposits: rows.map(({ candidate }) => {
      const line = result.candidates.find((c) => c.id === candidate.id);
      return {
        id: candidate.id,
        fullName: candidate.fullName,
        status: candidate.status,
        depositAmount: candidate.depositAmount,
        depositPaidOn: candidate.depositPaidOn,
        votes: line?.votes ?? null,
        share: line?.share ?? null,
        settlement: official ? settlementOf(result, election, candidate) : null,
        refundedOn: candidate.depositRefundedOn,
      };
    }),
  };
}
