import { and, asc, count, eq, gt, inArray, sql } from 'drizzle-orm';
import { constituenciesInForce, countWhere, sumOf } from '@/db/selections';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Queryable } from '@/db/client';
import {
  candidates,
  candidateTotals,
  constituencies,
  constituencyTotals,
  elections,
  parties,
  precincts,
  protocolEntries,
  protocolEntryVotes,
  protocols,
  regions,
  resultsVersions,
} from '@/db/schema';
import { decideWinner, type AgainstAllEffect, type Outcome, type WinnerRule } from './winner';

/**
 * The one aggregation of results: staff screens, public pages and exports all call these
 * functions, so they can never disagree. Only approved protocols count (protocols.approved_entry_id).
 * Bases (every page says which it uses): turnout is the ballots found in both kinds of boxes over
 * the voters on the lists at the close of voting (protocol line 1) of the precincts reported; a
 * candidate's share is taken of the ballots found in the boxes (the voters who took part, as the
 * law words the winner rule); the mobile-voting share is the ballots found in mobile boxes over
 * all ballots found.
 */
type Names = { nameKk: string; nameRu: string; nameEn: string };

export type CandidateResult = {
  id: number;
  fullName: string;
  ballotOrder: number;
  birthDate: string;
  sex: 'male' | 'female';
  nominationRoute: 'party' | 'self';
  party: Names | null;
  votes: number;
  /** Share of the ballots found in the boxes (the voters who took part), 0..1. */
  share: number;
};

export type Totals = {
  precincts: number;
  precinctsReported: number;
  /** The approved lists of every precinct (before voting day). */
  votersOnList: number;
  /** Voters on the lists at the close of voting in the reported precincts (protocol line 1). */
  votersInReported: number;
  /** Of those, voters added to the lists on voting day (line 1 minus the approved list). */
  votersAddedOnDay: number;
  /** Ballots found in both kinds of boxes (lines 5 + 6). */
  ballotsCast: number;
  /** Of those, ballots found in the mobile boxes (line 6). */
  ballotsFoundMobile: number;
  ballotsInvalid: number;
  votesAgainstAll: number;
  validVotes: number;
  turnout: number | null;
  /** Ballots found in mobile boxes over all ballots found, 0..1. */
  mobileShare: number | null;
};

export type ConstituencyResult = Names &
  Totals & {
    id: number;
    code: string;
    kind: 'district' | 'city';
    regionId: number;
    regionCode: string;
    resultsStatus: 'counting' | 'official';
    candidates: CandidateResult[];
    outcome: Outcome;
  };

export type RegionResult = Names & Totals & { id: number; code: string; constituencies: number; official: number };

export type ElectionResults = {
  election: Names & {
    id: number;
    slug: string;
    votingDay: string;
    winnerRule: WinnerRule;
    turnoutThresholdBp: number | null;
    againstAllOnBallot: boolean;
    againstAllEffect: AgainstAllEffect;
  };
  totals: Totals & { constituencies: number; official: number };
  regions: RegionResult[];
  constituencies: ConstituencyResult[];
  /** unofficial-partial until every precinct is approved, unofficial-complete, certified when every constituency is official. */
  status: 'unofficial-partial' | 'unofficial-complete' | 'certified';
  /** The most recent approval or certification that changed these results. */
  lastChangedAt: Date | null;
};

const turnoutOf = (cast: number, voters: number) => (voters > 0 ? cast / voters : null);

type Counts = Omit<Totals, 'turnout' | 'validVotes' | 'mobileShare'>;

function totalsOf(rows: Counts[]): Totals {
  const sum = (pick: (row: Counts) => number) => rows.reduce((total, row) => total + pick(row), 0);
  const ballotsCast = sum((r) => r.ballotsCast);
  const ballotsFoundMobile = sum((r) => r.ballotsFoundMobile);
  const votersInReported = sum((r) => r.votersInReported);
  const ballotsInvalid = sum((r) => r.ballotsInvalid);
  return {
    precincts: sum((r) => r.precincts),
    precinctsReported: sum((r) => r.precinctsReported),
    votersOnList: sum((r) => r.votersOnList),
    votersInReported,
    votersAddedOnDay: sum((r) => r.votersAddedOnDay),
    ballotsCast,
    ballotsFoundMobile,
    ballotsInvalid,
    votesAgainstAll: sum((r) => r.votesAgainstAll),
    validVotes: ballotsCast - ballotsInvalid,
    turnout: turnoutOf(ballotsCast, votersInReported),
    mobileShare: ballotsCast > 0 ? ballotsFoundMobile / ballotsCast : null,
  };
}

/**
 * Aggregation scope: the whole election, or one constituency of it (its figures are the same either
 * way), or the constituencies whose running totals changed after a results version.
 */
type Scope = { electionId: number; constituencyId?: number; changedAfter?: number };

/** The constituencies in force of a scope (`changedAfter` needs constituency_totals joined). */
const inScope = ({ electionId, constituencyId, changedAfter }: Scope) =>
  and(
    constituenciesInForce(electionId),
    constituencyId === undefined ? undefined : eq(constituencies.id, constituencyId),
    changedAfter === undefined ? undefined : gt(constituencyTotals.changedVersion, changedAfter),
  );

/** Per constituency: its names, region and the running totals of its approved protocols (decision 016). */
const constituencyRows = (db: Queryable, scope: Scope) =>
  db
    .select({
      id: constituencies.id,
      code: constituencies.code,
      kind: constituencies.kind,
      nameKk: constituencies.nameKk,
      nameRu: constituencies.nameRu,
      nameEn: constituencies.nameEn,
      resultsStatus: constituencies.resultsStatus,
      regionId: regions.id,
      regionCode: regions.code,
      regionKk: regions.nameKk,
      regionRu: regions.nameRu,
      regionEn: regions.nameEn,
      precincts: constituencyTotals.precincts,
      precinctsReported: constituencyTotals.precinctsReported,
      votersOnList: constituencyTotals.votersOnList,
      votersInReported: constituencyTotals.votersAtClose,
      votersAddedOnDay: sql<number>`${constituencyTotals.votersAtClose} - ${constituencyTotals.votersOnListReported}`.mapWith(Number),
      ballotsCast: constituencyTotals.ballotsCast,
      ballotsFoundMobile: constituencyTotals.ballotsFoundMobile,
      ballotsInvalid: constituencyTotals.ballotsInvalid,
      votesAgainstAll: constituencyTotals.votesAgainstAll,
    })
    .from(constituencies)
    .innerJoin(regions, eq(regions.id, constituencies.regionId))
    .innerJoin(constituencyTotals, eq(constituencyTotals.constituencyId, constituencies.id))
    // A constituency counts once it has precincts.
    .where(and(inScope(scope), gt(constituencyTotals.precincts, 0)))
    .orderBy(asc(regions.nameEn), asc(constituencies.nameEn));

/** A registered candidate with their votes, as the database lists them: id, full name, ballot order, birth date, sex, route, party names (kk, ru, en), votes. */
type CandidateVotes = [
  id: number,
  fullName: string,
  ballotOrder: number,
  birthDate: string,
  sex: CandidateResult['sex'],
  nominationRoute: CandidateResult['nominationRoute'],
  partyKk: string | null,
  partyRu: string | null,
  partyEn: string | null,
  votes: number,
];

const byBallotOrder = ([, , first]: CandidateVotes, [, , second]: CandidateVotes) => first - second;

/**
 * The registered candidates of each constituency with their votes in the approved protocols
 * (running totals), one JSON list of tuples per constituency: at 12,000 candidates, building
 * them in PostgreSQL and parsing one text per constituency costs a fraction of mapping 12,000 rows
 * field by field, and tuples a fraction of objects with their keys. The lists are put in ballot
 * order here: PostgreSQL 15 sorts an ordered aggregate group by group, which cost more than the rest
 * of the query.
 */
const candidateLists = (db: Queryable, scope: Scope) =>
  db
    .select({
      constituencyId: candidates.constituencyId,
      candidates: sql<CandidateVotes[]>`json_agg(json_build_array(
        ${candidates.id}, ${candidates.fullName}, ${candidates.ballotOrder}, ${candidates.birthDate}, ${candidates.sex}, ${candidates.nominationRoute},
        ${parties.nameKk}, ${parties.nameRu}, ${parties.nameEn}, coalesce(${candidateTotals.votes}, 0)))`,
    })
    .from(candidates)
    .leftJoin(parties, eq(parties.id, candidates.partyId))
    .leftJoin(candidateTotals, eq(candidateTotals.candidateId, candidates.id))
    .where(
      and(
        eq(candidates.electionId, scope.electionId),
        eq(candidates.status, 'registered'),
        scope.constituencyId !== undefined
          ? eq(candidates.constituencyId, scope.constituencyId)
          : scope.changedAfter !== undefined
            ? inArray(
                candidates.constituencyId,
                db
                  .select({ id: constituencies.id })
                  .from(constituencies)
                  .innerJoin(constituencyTotals, eq(constituencyTotals.constituencyId, constituencies.id))
                  .where(inScope(scope)),
              )
            : undefined,
      ),
    )
    .groupBy(candidates.constituencyId);

export async function electionResults(db: Queryable, electionId: number): Promise<ElectionResults | null> {
  return aggregate(db, { electionId });
}

/** The election's names and rules, and its last change. */
const electionOf = (db: Queryable, electionId: number) =>
  db
    .select({
      id: elections.id,
      slug: elections.slug,
      nameKk: elections.nameKk,
      nameRu: elections.nameRu,
      nameEn: elections.nameEn,
      votingDay: elections.votingDay,
      winnerRule: elections.winnerRule,
      turnoutThresholdBp: elections.turnoutThresholdBp,
      againstAllOnBallot: elections.againstAllOnBallot,
      againstAllEffect: elections.againstAllEffect,
      lastChangedAt: resultsVersions.changedAt,
    })
    .from(elections)
    .leftJoin(resultsVersions, eq(resultsVersions.electionId, elections.id))
    .where(eq(elections.id, electionId))
    .then(([row]) => row);

type Region = Names & { id: number; code: string };

async function aggregate(db: Queryable, scope: Scope): Promise<ElectionResults | null> {
  const found = await electionOf(db, scope.electionId);
  if (!found) return null;
  const { lastChangedAt, ...election } = found;
  const { results, regions } = await constituencyResults(db, scope, election);
  return assemble(election, lastChangedAt, regions, results);
}

/** The constituencies of a scope with their candidates, outcomes, and the regions they lie in. */
async function constituencyResults(db: Queryable, scope: Scope, election: ElectionResults['election']) {
  const [constituencyList, candidateList] = await Promise.all([constituencyRows(db, scope), candidateLists(db, scope)]);
  const candidatesBy = new Map(candidateList.map((row) => [row.constituencyId, row.candidates.sort(byBallotOrder)]));
  const regions = new Map<number, Region>();
  for (const row of constituencyList) {
    if (!regions.has(row.regionId))
      regions.set(row.regionId, { id: row.regionId, code: row.regionCode, nameKk: row.regionKk, nameRu: row.regionRu, nameEn: row.regionEn });
  }

  const results: ConstituencyResult[] = constituencyList.map((row) => {
    const totals = totalsOf([row]);
    // Plain objects built field by field: at 2,500 constituencies and 12,000 candidates, rest spreads cost more than the queries.
    const candidates = (candidatesBy.get(row.id) ?? []).map(
      ([id, fullName, ballotOrder, birthDate, sex, nominationRoute, partyKk, partyRu, partyEn, votes]): CandidateResult => ({
        id,
        fullName,
        ballotOrder,
        birthDate,
        sex,
        nominationRoute,
        party: partyKk !== null && partyRu !== null && partyEn !== null ? { nameKk: partyKk, nameRu: partyRu, nameEn: partyEn } : null,
        votes,
        share: totals.ballotsCast > 0 ? votes / totals.ballotsCast : 0,
      }),
    );
    return {
      id: row.id,
      code: row.code,
      kind: row.kind,
      nameKk: row.nameKk,
      nameRu: row.nameRu,
      nameEn: row.nameEn,
      regionId: row.regionId,
      regionCode: row.regionCode,
      resultsStatus: row.resultsStatus,
      ...totals,
      candidates,
      outcome: decideWinner({
        votes: candidates.map((c) => ({ candidateId: c.id, votes: c.votes })),
        againstAll: totals.votesAgainstAll,
        votersOnList: totals.votersInReported,
        ballotsCast: totals.ballotsCast,
        complete: totals.precincts > 0 && totals.precinctsReported === totals.precincts,
        rule: election.winnerRule,
        turnoutThresholdBp: election.turnoutThresholdBp,
        againstAllEffect: election.againstAllEffect,
      }),
    };
  });
  return { results, regions };
}

/** Regions and the election's totals from its constituencies' results (in their order: region, then constituency name). */
function assemble(
  election: ElectionResults['election'],
  lastChangedAt: Date | null,
  regions: ReadonlyMap<number, Region>,
  constituencyResults: ConstituencyResult[],
): ElectionResults {
  const byRegion = new Map<number, ConstituencyResult[]>();
  for (const result of constituencyResults) {
    const list = byRegion.get(result.regionId);
    if (list) list.push(result);
    else byRegion.set(result.regionId, [result]);
  }
  const regionResults: RegionResult[] = [...byRegion].map(([regionId, inRegion]) => ({
    ...regions.get(regionId)!,
    constituencies: inRegion.length,
    official: inRegion.filter((c) => c.resultsStatus === 'official').length,
    ...totalsOf(inRegion),
  }));
  const totals = {
    ...totalsOf(constituencyResults),
    constituencies: constituencyResults.length,
    official: constituencyResults.filter((c) => c.resultsStatus === 'official').length,
  };
  return { election, totals, regions: regionResults, constituencies: constituencyResults, status: resultsStatusOf(totals), lastChangedAt };
}

/** A national aggregation and the results version it was computed at (read before any of its figures). */
export type VersionedResults = { results: ElectionResults | null; version: number };

/**
 * The national aggregation at the current results version, from the one computed at an earlier
 * version (decision 019). When only approved figures changed since, only the constituencies whose
 * running totals were stamped after it are read again (one or a few per approval, not 2,500); any
 * other change, or none before, computes it anew. Either way the answer equals `electionResults`.
 */
export async function refreshedElectionResults(db: Queryable, electionId: number, previous?: VersionedResults): Promise<VersionedResults> {
  const [current] = await db
    .select({ version: resultsVersions.version, listingVersion: resultsVersions.listingVersion, changedAt: resultsVersions.changedAt })
    .from(resultsVersions)
    .where(eq(resultsVersions.electionId, electionId));
  const version = current?.version ?? 0;
  if (previous?.results && current && current.listingVersion <= previous.version) {
    if (version === previous.version) return previous;
    const { results: earlier } = previous;
    const { results: changed } = await constituencyResults(db, { electionId, changedAfter: previous.version }, earlier.election);
    const known = new Set(earlier.constituencies.map((c) => c.id));
    // Figures alone cannot add a constituency; if one appeared anyway (an edit outside the portal's commands), start anew.
    if (changed.every((c) => known.has(c.id))) {
      const replaced = new Map(changed.map((c) => [c.id, c]));
      const regions = new Map(earlier.regions.map(({ id, code, nameKk, nameRu, nameEn }) => [id, { id, code, nameKk, nameRu, nameEn }]));
      const constituencies = earlier.constituencies.map((c) => replaced.get(c.id) ?? c);
      return { results: assemble(earlier.election, current.changedAt, regions, constituencies), version };
    }
  }
  return { results: await electionResults(db, electionId), version };
}

type Progress = { constituencies: number; official: number; precincts: number; precinctsReported: number };

/** unofficial-partial until every precinct is approved, unofficial-complete, certified when every constituency is official. */
function resultsStatusOf(progress: Progress): ElectionResults['status'] {
  if (progress.constituencies > 0 && progress.official === progress.constituencies) return 'certified';
  return progress.precincts > 0 && progress.precinctsReported === progress.precincts ? 'unofficial-complete' : 'unofficial-partial';
}

/**
 * The election's results status and last change without the aggregation: what a page about one
 * constituency or precinct shows of the election. Summed from the running totals of the same
 * constituencies the aggregation counts (in force, with precincts).
 */
export async function electionProgress(
  db: Queryable,
  electionId: number,
): Promise<Pick<ElectionResults, 'status' | 'lastChangedAt'> & { precinctsReported: number }> {
  const [[progress], [version]] = await Promise.all([
    db
      .select({
        constituencies: count(),
        official: countWhere(eq(constituencies.resultsStatus, 'official')),
        precincts: sumOf(constituencyTotals.precincts),
        precinctsReported: sumOf(constituencyTotals.precinctsReported),
      })
      .from(constituencies)
      .innerJoin(constituencyTotals, eq(constituencyTotals.constituencyId, constituencies.id))
      .where(and(inScope({ electionId }), gt(constituencyTotals.precincts, 0))),
    db.select({ changedAt: resultsVersions.changedAt }).from(resultsVersions).where(eq(resultsVersions.electionId, electionId)),
  ]);
  const counts = progress ?? { constituencies: 0, official: 0, precincts: 0, precinctsReported: 0 };
  return { status: resultsStatusOf(counts), lastChangedAt: version?.changedAt ?? null, precinctsReported: counts.precinctsReported };
}

/** One constituency's result, computed by the same aggregation as its election's. */
export async function constituencyResult(
  db: Queryable,
  constituencyId: number,
): Promise<{ result: ConstituencyResult; election: ElectionResults['election'] } | null> {
  const [row] = await db.select({ electionId: constituencies.electionId }).from(constituencies).where(eq(constituencies.id, constituencyId));
  const results = row ? await aggregate(db, { electionId: row.electionId, constituencyId }) : null;
  const [result] = results?.constituencies ?? [];
  return results && result ? { result, election: results.election } : null;
}

export type PrecinctResult = {
  id: number;
  number: number;
  address: string;
  constituencyId: number;
  votersOnList: number;
  /** False until the precinct's protocol is approved; then the figures below are the approved ones. */
  reported: boolean;
  /** Protocol line 1: voters on the list at the close of voting. */
  votersAtClose: number;
  ballotsIssuedOutside: number;
  ballotsFoundStationary: number;
  ballotsFoundMobile: number;
  /** Ballots found in both kinds of boxes. */
  ballotsCast: number;
  ballotsInvalid: number;
  votesAgainstAll: number;
  votes: Record<number, number>;
};

/**
 * Every precinct's approved figures (published so observers can check each against the paper),
 * in constituency and precinct-number order. Each constituency's precincts come as one JSON list
 * built by PostgreSQL, votes as an object by candidate id: at 100,000 precincts and 450,000 vote
 * lines, reading and mapping rows field by field took seconds and most of an instance's memory.
 * The keys are written here; the values are the schema's columns.
 */
export async function precinctResults(db: Queryable, electionId: number, constituencyId?: number): Promise<PrecinctResult[]> {
  const votes = db
    .select({ byCandidate: sql`coalesce(json_object_agg(${protocolEntryVotes.candidateId}, ${protocolEntryVotes.votes}), '{}')` })
    .from(protocolEntryVotes)
    .where(eq(protocolEntryVotes.entryId, protocolEntries.id));
  const figure = (column: AnyPgColumn) => sql`coalesce(${column}, 0)`;
  const lists = await db
    .select({
      precincts: sql<PrecinctResult[]>`json_agg(json_build_object(
        'id', ${precincts.id}, 'number', ${precincts.number}, 'address', ${precincts.address}, 'constituencyId', ${precincts.constituencyId},
        'votersOnList', ${precincts.votersOnList}, 'reported', ${protocolEntries.id} is not null,
        'votersAtClose', ${figure(protocolEntries.votersAtClose)}, 'ballotsIssuedOutside', ${figure(protocolEntries.ballotsIssuedOutside)},
        'ballotsFoundStationary', ${figure(protocolEntries.ballotsFoundStationary)}, 'ballotsFoundMobile', ${figure(protocolEntries.ballotsFoundMobile)},
        'ballotsCast', ${figure(protocolEntries.ballotsCast)}, 'ballotsInvalid', ${figure(protocolEntries.ballotsInvalid)},
        'votesAgainstAll', ${figure(protocolEntries.votesAgainstAll)},
        'votes', case when ${protocolEntries.id} is null then '{}'::json else (${votes}) end
      ))`,
    })
    .from(precincts)
    .innerJoin(constituencies, eq(constituencies.id, precincts.constituencyId))
    .leftJoin(protocols, eq(protocols.precinctId, precincts.id))
    .leftJoin(protocolEntries, eq(protocolEntries.id, protocols.approvedEntryId))
    .where(inScope({ electionId, constituencyId }))
    .groupBy(constituencies.id)
    .orderBy(asc(constituencies.id));
  // In precinct-number order, put here for the same reason as the candidates' ballot order.
  return lists.flatMap((list) => list.precincts.sort((a, b) => a.number - b.number));
}

/** Precincts grouped by constituency, in their order: documents walk them constituency by constituency. */
export function precinctsByConstituency(precincts: readonly PrecinctResult[]): Map<number, PrecinctResult[]> {
  const grouped = new Map<number, PrecinctResult[]>();
  for (const precinct of precincts) {
    const list = grouped.get(precinct.constituencyId);
    if (list) list.push(precinct);
    else grouped.set(precinct.constituencyId, [precinct]);
  }
  return grouped;
}
