import type { CandidateListItem } from '@/lib/candidates/queries';
import { csvChunks } from '@/lib/csv';
import { precinctsByConstituency, type ElectionResults, type PrecinctResult } from './aggregate';

/**
 * The open-data documents: results at every level and the candidate list, as JSON and CSV, all
 * built from the shared aggregation. Names are given in kk/ru/en in JSON and in CSV (name, name_kk,
 * name_ru); CSV files are UTF-8 with a byte-order mark.
 */
const percent = (share: number | null) => (share === null ? null : Math.round(share * 10_000) / 100);
/** English first (the `name` column kept for existing readers), then Kazakh and Russian. */
const names = (unit: { nameKk: string; nameRu: string; nameEn: string }) => [unit.nameEn, unit.nameKk, unit.nameRu];

export function resultsJson(results: ElectionResults, precincts: PrecinctResult[], generatedAt: Date) {
  return {
    election: results.election,
    status: results.status,
    generatedAt: generatedAt.toISOString(),
    lastChangedAt: results.lastChangedAt?.toISOString() ?? null,
    /** What each share is taken of (lib/results/aggregate.ts). */
    bases: {
      turnout: 'ballotsCast (ballots found in stationary and mobile boxes) / votersInReported (voters on the lists at the close of voting, protocol line 1)',
      share: 'votes / ballotsCast (ballots found in the boxes: the voters who took part)',
      mobileShare: 'ballotsFoundMobile / ballotsCast',
    },
    totals: results.totals,
    regions: results.regions,
    constituencies: results.constituencies.map(({ candidates, ...constituency }) => ({
      ...constituency,
      candidates: candidates.map(({ birthDate: _birthDate, ...candidate }) => candidate),
    })),
    precincts,
  };
}

const RESULT_COLUMNS = [
  'level',
  'region_code',
  'constituency_code',
  'precinct_number',
  'name',
  'name_kk',
  'name_ru',
  'precincts_reported',
  'precincts_total',
  'voters_on_list',
  'voters_at_close',
  'ballots_cast',
  'ballots_found_mobile',
  'ballots_invalid',
  'votes_against_all',
  'turnout_percent',
  'choice',
  'votes',
  'share_percent',
] as const;

/**
 * One row per unit (choice empty), each followed by one row per candidate and "against all".
 * voters_on_list: the approved lists; voters_at_close: protocol line 1 in the reported precincts;
 * ballots_cast: found in both kinds of boxes; turnout = ballots_cast / voters_at_close;
 * share = votes / ballots_cast.
 */
function* resultRows(results: ElectionResults, precincts: PrecinctResult[]): Generator<(string | number | null)[]> {
  const t = results.totals;
  yield [
    'election',
    null,
    null,
    null,
    ...names(results.election),
    t.precinctsReported,
    t.precincts,
    t.votersOnList,
    t.votersInReported,
    t.ballotsCast,
    t.ballotsFoundMobile,
    t.ballotsInvalid,
    t.votesAgainstAll,
    percent(t.turnout),
    null,
    null,
    null,
  ];
  for (const r of results.regions) {
    yield [
      'region',
      r.code,
      null,
      null,
      ...names(r),
      r.precinctsReported,
      r.precincts,
      r.votersOnList,
      r.votersInReported,
      r.ballotsCast,
      r.ballotsFoundMobile,
      r.ballotsInvalid,
      r.votesAgainstAll,
      percent(r.turnout),
      null,
      null,
      null,
    ];
  }
  // Grouped once: at 100,000 precincts a scan per constituency took minutes.
  const precinctsOf = precinctsByConstituency(precincts);
  for (const c of results.constituencies) {
    const unit = [
      'constituency',
      c.regionCode,
      c.code,
      null,
      ...names(c),
      c.precinctsReported,
      c.precincts,
      c.votersOnList,
      c.votersInReported,
      c.ballotsCast,
      c.ballotsFoundMobile,
      c.ballotsInvalid,
      c.votesAgainstAll,
      percent(c.turnout),
    ];
    yield [...unit, null, null, null];
    for (const k of c.candidates) yield [...unit, k.fullName, k.votes, percent(k.share)];
    yield [...unit, 'Against all', c.votesAgainstAll, percent(c.ballotsCast ? c.votesAgainstAll / c.ballotsCast : null)];
    for (const p of precinctsOf.get(c.id) ?? []) {
      const reported = p.reported;
      // A precinct is named by its address, written once (in the language the list gives it).
      const precinctUnit = [
        'precinct',
        c.regionCode,
        c.code,
        p.number,
        p.address,
        null,
        null,
        reported ? 1 : 0,
        1,
        p.votersOnList,
        reported ? p.votersAtClose : null,
        reported ? p.ballotsCast : null,
        reported ? p.ballotsFoundMobile : null,
        reported ? p.ballotsInvalid : null,
        reported ? p.votesAgainstAll : null,
        reported ? percent(p.votersAtClose ? p.ballotsCast / p.votersAtClose : null) : null,
      ];
      yield [...precinctUnit, null, null, null];
      if (!reported) continue;
      const found = p.ballotsCast;
      for (const k of c.candidates) yield [...precinctUnit, k.fullName, p.votes[k.id] ?? 0, percent(found ? (p.votes[k.id] ?? 0) / found : null)];
      yield [...precinctUnit, 'Against all', p.votesAgainstAll, percent(found ? p.votesAgainstAll / found : null)];
    }
  }
}

/** The rows above as a CSV document, in pieces. */
export const resultsCsvChunks = (results: ElectionResults, precincts: PrecinctResult[]) => csvChunks(RESULT_COLUMNS, resultRows(results, precincts));

/**
 * The public candidate fields: never IIN or date of birth. `registered` counts everyone the
 * commission registered (withdrawn and cancelled since included), `onBallot` those still standing.
 */
export function candidatesJson(list: CandidateListItem[]) {
  return list.map(({ checks: _checks, wasRegistered, ...candidate }) => ({
    ...candidate,
    registered: wasRegistered,
    onBallot: candidate.status === 'registered',
  }));
}

export function candidatesCsvChunks(list: CandidateListItem[]): Generator<string> {
  return csvChunks(
    [
      'region_code',
      'constituency_code',
      'constituency',
      'constituency_kk',
      'constituency_ru',
      'ballot_order',
      'full_name',
      'age_on_voting_day',
      'sex',
      'nomination_route',
      'party',
      'party_kk',
      'party_ru',
      'status',
      'registered',
      'on_ballot',
      'cancellation_ground',
    ],
    list.map((c) => [
      c.region.code,
      c.constituency.code,
      ...names(c.constituency),
      c.ballotOrder,
      c.fullName,
      c.age,
      c.sex,
      c.nominationRoute,
      ...(c.party ? names(c.party) : [null, null, null]),
      c.status,
      String(c.wasRegistered),
      String(c.status === 'registered'),
      c.cancellationGround,
    ]),
  );
}
