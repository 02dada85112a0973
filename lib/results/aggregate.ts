import { eq, sql } from 'drizzle-orm';
import { selectRows, type Queryable } from '@/db/client';
import { constituencies } from '@/db/schema';
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

type ConstituencyRow = Names & {
  id: number;
  code: string;
  kind: 'district' | 'city';
  regionId: number;
  regionCode: string;
  regionKk: string;
  regionRu: string;
  regionEn: string;
  resultsStatus: 'counting' | 'official';
  precincts: number;
  precinctsReported: number;
  votersOnList: number;
  votersInReported: number;
  votersAddedOnDay: number;
  ballotsCast: number;
  ballotsFoundMobile: number;
  ballotsInvalid: number;
  votesAgainstAll: number;
};

type CandidateRow = {
  id: number;
  constituencyId: number;
  fullName: string;
  ballotOrder: number;
  birthDate: string;
  sex: 'male' | 'female';
  nominationRoute: 'party' | 'self';
  partyKk: string | null;
  partyRu: string | null;
  partyEn: string | null;
  votes: number;
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

export async function electionResults(db: Queryable, electionId: number): Promise<ElectionResults | null> {
  const [election] = await selectRows<ElectionResults['election'] & { lastChangedAt: Date | null }>(
    db,
    sql`select e.id, e.slug, e.name_kk as "nameKk", e.name_ru as "nameRu", e.name_en as "nameEn", e.voting_day::text as "votingDay",
               e.winner_rule::text as "winnerRule", e.turnout_threshold_bp as "turnoutThresholdBp", e.against_all_on_ballot as "againstAllOnBallot", e.against_all_effect::text as "againstAllEffect",
               (select rv.changed_at from results_versions rv where rv.election_id = e.id) as "lastChangedAt"
        from elections e where e.id = ${electionId}`,
  );
  if (!election) return null;
  const [constituencyRows, candidateRows] = await Promise.all([
    selectRows<ConstituencyRow>(
      db,
      sql`select c.id, c.code, c.kind::text as kind, c.name_kk as "nameKk", c.name_ru as "nameRu", c.name_en as "nameEn",
                 c.results_status::text as "resultsStatus", r.id as "regionId", r.code as "regionCode",
                 r.name_kk as "regionKk", r.name_ru as "regionRu", r.name_en as "regionEn",
                 count(p.id)::int as precincts, count(pr.approved_entry_id)::int as "precinctsReported",
                 coalesce(sum(p.voters_on_list), 0)::bigint as "votersOnList",
                 coalesce(sum(e.voters_at_close), 0)::bigint as "votersInReported",
                 coalesce(sum(e.voters_at_close - p.voters_on_list), 0)::bigint as "votersAddedOnDay",
                 coalesce(sum(e.ballots_cast), 0)::bigint as "ballotsCast",
                 coalesce(sum(e.ballots_found_mobile), 0)::bigint as "ballotsFoundMobile",
                 coalesce(sum(e.ballots_invalid), 0)::bigint as "ballotsInvalid",
                 coalesce(sum(e.votes_against_all), 0)::bigint as "votesAgainstAll"
          from constituencies c
          join regions r on r.id = c.region_id
          join precincts p on p.constituency_id = c.id
          left join protocols pr on pr.precinct_id = p.id
          left join protocol_entries e on e.id = pr.approved_entry_id
          where c.election_id = ${electionId} and c.status = 'in_force'
          group by c.id, r.id
          order by r.name_en, c.name_en`,
    ),
    selectRows<CandidateRow>(
      db,
      sql`select k.id, k.constituency_id as "constituencyId", k.full_name as "fullName", k.ballot_order as "ballotOrder",
                 k.birth_date::text as "birthDate", k.sex::text as sex, k.nomination_route::text as "nominationRoute",
                 pa.name_kk as "partyKk", pa.name_ru as "partyRu", pa.name_en as "partyEn",
                 coalesce(v.votes, 0)::bigint as votes
          from candidates k
          left join parties pa on pa.id = k.party_id
          left join (
            -- Votes in the approved entries only, and only for this election's candidates.
            select ev.candidate_id, sum(ev.votes) as votes
            from candidates ek
            join protocol_entry_votes ev on ev.candidate_id = ek.id
            join protocols pr on pr.approved_entry_id = ev.entry_id
            where ek.election_id = ${electionId}
            group by ev.candidate_id
          ) v on v.candidate_id = k.id
          where k.election_id = ${electionId} and k.status = 'registered'
          order by k.constituency_id, k.ballot_order`,
    ),
  ]);
  const candidatesBy = new Map<number, CandidateRow[]>();
  for (const row of candidateRows) candidatesBy.set(row.constituencyId, [...(candidatesBy.get(row.constituencyId) ?? []), row]);

  const constituencies: ConstituencyResult[] = constituencyRows.map((row) => {
    const counts = {
      precincts: Number(row.precincts),
      precinctsReported: Number(row.precinctsReported),
      votersOnList: Number(row.votersOnList),
      votersInReported: Number(row.votersInReported),
      votersAddedOnDay: Number(row.votersAddedOnDay),
      ballotsCast: Number(row.ballotsCast),
      ballotsFoundMobile: Number(row.ballotsFoundMobile),
      ballotsInvalid: Number(row.ballotsInvalid),
      votesAgainstAll: Number(row.votesAgainstAll),
    };
    const totals = totalsOf([counts]);
    const candidates = (candidatesBy.get(row.id) ?? []).map((c) => ({
      id: c.id,
      fullName: c.fullName,
      ballotOrder: c.ballotOrder,
      birthDate: c.birthDate,
      sex: c.sex,
      nominationRoute: c.nominationRoute,
      party: c.partyEn ? { nameKk: c.partyKk!, nameRu: c.partyRu!, nameEn: c.partyEn } : null,
      votes: Number(c.votes),
      share: totals.ballotsCast > 0 ? Number(c.votes) / totals.ballotsCast : 0,
    }));
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

  const regionIds = [...new Set(constituencyRows.map((row) => row.regionId))];
  const regions: RegionResult[] = regionIds.map((regionId) => {
    const inRegion = constituencies.filter((c) => c.regionId === regionId);
    const row = constituencyRows.find((r) => r.regionId === regionId)!;
    return {
      id: regionId,
      code: row.regionCode,
      nameKk: row.regionKk,
      nameRu: row.regionRu,
      nameEn: row.regionEn,
      constituencies: inRegion.length,
      official: inRegion.filter((c) => c.resultsStatus === 'official').length,
      ...totalsOf(inRegion),
    };
  });
  const totals = {
    ...totalsOf(constituencies),
    constituencies: constituencies.length,
    official: constituencies.filter((c) => c.resultsStatus === 'official').length,
  };
  const status =
    totals.constituencies > 0 && totals.official === totals.constituencies
      ? 'certified'
      : totals.precincts > 0 && totals.precinctsReported === totals.precincts
        ? 'unofficial-complete'
        : 'unofficial-partial';
  const { lastChangedAt, ...electionInfo } = election;
  return { election: electionInfo, totals, regions, constituencies, status, lastChangedAt: lastChangedAt ? new Date(lastChangedAt) : null };
}

/** One constituency's result, computed by the same aggregation as its election's. */
export async function constituencyResult(
  db: Queryable,
  constituencyId: number,
): Promise<{ result: ConstituencyResult; election: ElectionResults['election'] } | null> {
  const [row] = await db.select({ electionId: constituencies.electionId }).from(constituencies).where(eq(constituencies.id, constituencyId));
  const results = row ? await electionResults(db, row.electionId) : null;
  const result = results?.constituencies.find((c) => c.id === constituencyId);
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

/** Every precinct's approved figures (published so observers can check each against the paper). */
export async function precinctResults(db: Queryable, electionId: number, constituencyId?: number): Promise<PrecinctResult[]> {
  const scope = constituencyId === undefined ? sql`true` : sql`c.id = ${constituencyId}`;
  const [rows, votes] = await Promise.all([
    selectRows<Omit<PrecinctResult, 'votes' | 'reported'> & { entryId: number | null }>(
      db,
      sql`select p.id, p.number, p.address, c.id as "constituencyId", p.voters_on_list as "votersOnList", e.id as "entryId",
                 coalesce(e.voters_at_close, 0) as "votersAtClose", coalesce(e.ballots_issued_outside, 0) as "ballotsIssuedOutside",
                 coalesce(e.ballots_found_stationary, 0) as "ballotsFoundStationary", coalesce(e.ballots_found_mobile, 0) as "ballotsFoundMobile",
                 coalesce(e.ballots_cast, 0) as "ballotsCast", coalesce(e.ballots_invalid, 0) as "ballotsInvalid",
                 coalesce(e.votes_against_all, 0) as "votesAgainstAll"
          from precincts p join constituencies c on c.id = p.constituency_id
          left join protocols pr on pr.precinct_id = p.id left join protocol_entries e on e.id = pr.approved_entry_id
          where c.election_id = ${electionId} and c.status = 'in_force' and ${scope}
          order by c.id, p.number`,
    ),
    selectRows<{ precinctId: number; candidateId: number; votes: number }>(
      db,
      sql`select pr.precinct_id as "precinctId", v.candidate_id as "candidateId", v.votes
          from protocols pr join protocol_entry_votes v on v.entry_id = pr.approved_entry_id
          join precincts p on p.id = pr.precinct_id join constituencies c on c.id = p.constituency_id
          where c.election_id = ${electionId} and c.status = 'in_force' and ${scope}`,
    ),
  ]);
  const byPrecinct = new Map<number, Record<number, number>>();
  for (const vote of votes) byPrecinct.set(vote.precinctId, { ...byPrecinct.get(vote.precinctId), [vote.candidateId]: Number(vote.votes) });
  return rows.map(({ entryId, ...row }) => ({ ...row, reported: entryId !== null, votes: byPrecinct.get(row.id) ?? {} }));
}
