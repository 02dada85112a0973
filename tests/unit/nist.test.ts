import { describe, expect, it } from 'vitest';
import type { CandidateResult, ConstituencyResult, ElectionResults, PrecinctResult, Totals } from '@/lib/results/aggregate';
import { nistIds, toNistElectionReport, type NistCandidateSelection, type NistElectionReport } from '@/lib/results/nist';
import { identifiedObjects, nistValidator } from '../support/nist-schema';

const validateNist = nistValidator();

const AMANAT = { nameKk: '«AMANAT» партиясы', nameRu: 'Партия «AMANAT»', nameEn: 'AMANAT Party' };
const AUYL = { nameKk: '«Ауыл» партиясы', nameRu: 'Партия «Ауыл»', nameEn: 'Auyl People’s Democratic Patriotic Party' };

type Approved = Pick<PrecinctResult, 'ballotsCast' | 'ballotsInvalid' | 'votesAgainstAll' | 'votes'> & {
  votersAddedOnDay?: number;
  ballotsFoundMobile?: number;
};
const precinct = (id: number, constituencyId: number, number: number, votersOnList: number, approved?: Approved): PrecinctResult => {
  const mobile = approved?.ballotsFoundMobile ?? 0;
  return {
    id,
    number,
    address: `Street ${number}`,
    constituencyId,
    votersOnList,
    reported: approved !== undefined,
    votersAtClose: approved ? votersOnList + (approved.votersAddedOnDay ?? 0) : 0,
    ballotsIssuedOutside: mobile,
    ballotsFoundStationary: approved ? approved.ballotsCast - mobile : 0,
    ballotsFoundMobile: mobile,
    ballotsCast: approved?.ballotsCast ?? 0,
    ballotsInvalid: approved?.ballotsInvalid ?? 0,
    votesAgainstAll: approved?.votesAgainstAll ?? 0,
    votes: approved?.votes ?? {},
  };
};

// Khromtau: precinct 1 voted partly in mobile boxes and its list grew by 30 on the day; precinct 2 not yet reported.
// Rudny: its only precinct reported and declared official.
const PRECINCTS: PrecinctResult[] = [
  precinct(101, 1, 1, 1000, {
    ballotsCast: 600,
    ballotsInvalid: 10,
    votesAgainstAll: 20,
    votes: { 11: 400, 12: 170 },
    votersAddedOnDay: 30,
    ballotsFoundMobile: 25,
  }),
  precinct(102, 1, 2, 800),
  precinct(201, 2, 1, 1500, { ballotsCast: 900, ballotsInvalid: 15, votesAgainstAll: 35, votes: { 21: 500, 22: 350 } }),
];

function totalsOf(precincts: PrecinctResult[]): Totals {
  const reported = precincts.filter((p) => p.reported);
  const sum = (rows: PrecinctResult[], pick: (p: PrecinctResult) => number) => rows.reduce((total, p) => total + pick(p), 0);
  const ballotsCast = sum(reported, (p) => p.ballotsCast);
  const votersInReported = sum(reported, (p) => p.votersAtClose);
  const ballotsFoundMobile = sum(reported, (p) => p.ballotsFoundMobile);
  return {
    precincts: precincts.length,
    precinctsReported: reported.length,
    votersOnList: sum(precincts, (p) => p.votersOnList),
    votersInReported,
    votersAddedOnDay: sum(reported, (p) => p.votersAtClose - p.votersOnList),
    ballotsCast,
    ballotsFoundMobile,
    ballotsInvalid: sum(reported, (p) => p.ballotsInvalid),
    votesAgainstAll: sum(reported, (p) => p.votesAgainstAll),
    validVotes: ballotsCast - sum(reported, (p) => p.ballotsInvalid),
    turnout: votersInReported > 0 ? ballotsCast / votersInReported : null,
    mobileShare: ballotsCast > 0 ? ballotsFoundMobile / ballotsCast : null,
  };
}

const candidate = (id: number, ballotOrder: number, party: CandidateResult['party']): CandidateResult => ({
  id,
  fullName: `Candidate ${id}`,
  ballotOrder,
  birthDate: '1980-02-29',
  sex: id % 2 ? 'male' : 'female',
  nominationRoute: party ? 'party' : 'self',
  party,
  votes: PRECINCTS.reduce((total, p) => total + (p.votes[id] ?? 0), 0),
  share: 0,
});

const constituency = (
  id: number,
  fields: Pick<ConstituencyResult, 'code' | 'kind' | 'nameEn' | 'regionId' | 'regionCode' | 'resultsStatus' | 'candidates' | 'outcome'>,
): ConstituencyResult => ({
  id,
  nameKk: `${fields.nameEn} (kk)`,
  nameRu: `${fields.nameEn} (ru)`,
  ...fields,
  ...totalsOf(PRECINCTS.filter((p) => p.constituencyId === id)),
});

const CONSTITUENCIES: ConstituencyResult[] = [
  constituency(1, {
    code: 'aktobe-khromtau',
    kind: 'district',
    nameEn: 'Khromtau District',
    regionId: 3,
    regionCode: 'aktobe',
    resultsStatus: 'counting',
    candidates: [candidate(11, 1, AMANAT), candidate(12, 2, null)],
    outcome: { status: 'leading', candidateId: 11 },
  }),
  constituency(2, {
    code: 'kostanay-rudny',
    kind: 'city',
    nameEn: 'Rudny City',
    regionId: 10,
    regionCode: 'kostanay',
    resultsStatus: 'official',
    candidates: [candidate(21, 1, AUYL), candidate(22, 2, AMANAT)],
    outcome: { status: 'elected', candidateId: 21 },
  }),
];

function results(overrides: { status?: ElectionResults['status']; againstAllOnBallot?: boolean } = {}): ElectionResults {
  return {
    election: {
      id: 7,
      slug: 'akim-2023',
      nameKk: 'Аудандық әкімдер сайлауы 2023',
      nameRu: 'Выборы акимов районов 2023',
      nameEn: 'District akim elections 2023',
      votingDay: '2023-11-05',
      winnerRule: 'plurality',
      turnoutThresholdBp: null,
      againstAllOnBallot: overrides.againstAllOnBallot ?? true,
      againstAllEffect: 'none',
    },
    totals: { ...totalsOf(PRECINCTS), constituencies: 2, official: 1 },
    regions: CONSTITUENCIES.map((c) => ({
      id: c.regionId,
      code: c.regionCode,
      nameKk: `${c.regionCode} (kk)`,
      nameRu: `${c.regionCode} (ru)`,
      nameEn: `${c.regionCode} (en)`,
      constituencies: 1,
      official: c.resultsStatus === 'official' ? 1 : 0,
      ...totalsOf(PRECINCTS.filter((p) => p.constituencyId === c.id)),
    })),
    constituencies: CONSTITUENCIES,
    status: overrides.status ?? 'unofficial-partial',
    lastChangedAt: null,
  };
}

const GENERATED_AT = new Date('2023-11-06T03:04:05.678Z');
const reportOf = (overrides?: Parameters<typeof results>[0]) =>
  toNistElectionReport({ results: results(overrides), precincts: PRECINCTS, generatedAt: GENERATED_AT });
const selectionsOf = (report: NistElectionReport) => report.Election[0].Contest.flatMap((contest) => contest.ContestSelection);
const selection = (report: NistElectionReport, id: string) => selectionsOf(report).find((s) => s['@id'] === id)!;
const unit = (report: NistElectionReport, id: string) => report.GpUnit.find((u) => u['@id'] === id)!;
const sumCounts = (s: NistCandidateSelection) => s.VoteCounts.reduce((total, count) => total + count.Count, 0);

describe('NIST SP 1500-100 v2 election report', () => {
  it.each(['unofficial-partial', 'unofficial-complete', 'certified'] as const)(
    'is valid against the official schema, references resolved, with Status %s',
    (status) => {
      const report = reportOf({ status });
      expect(validateNist(report)).toEqual({ schemaErrors: [], danglingReferences: [] });
      expect(report.Status).toBe(status);
    },
  );

  it('catches a report that breaks the schema or leaves a reference dangling (the check is not vacuous)', () => {
    const report = reportOf();
    const { schemaErrors, danglingReferences } = validateNist({ ...report, Status: 'final', Person: report.Person.slice(1) });
    expect(schemaErrors).toEqual(['/Status must be equal to one of the allowed values']);
    expect(danglingReferences).toEqual([nistIds.person(11)]);
  });

  it('is valid without an "against all" line, which then has no selection', () => {
    const report = reportOf({ againstAllOnBallot: false });
    expect(validateNist(report)).toEqual({ schemaErrors: [], danglingReferences: [] });
    expect(selectionsOf(report).map((s) => s['@id'])).toEqual(['sel-11', 'sel-12', 'sel-21', 'sel-22']);
  });

  it('gives every object a unique @id', () => {
    const ids = identifiedObjects(reportOf()).map(({ id }) => id);
    expect(ids.length).toBeGreaterThan(20);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('dates the report to the second, in UTC, as the schema pattern requires', () => {
    expect(reportOf().GeneratedDate).toBe('2023-11-06T03:04:05Z');
  });

  it('adds each selection’s precinct counts up to the aggregation’s votes', () => {
    const report = reportOf();
    for (const c of CONSTITUENCIES) {
      for (const k of c.candidates) expect(sumCounts(selection(report, nistIds.selection(k.id)))).toBe(k.votes);
      expect(sumCounts(selection(report, nistIds.againstAll(c.id)))).toBe(c.votesAgainstAll);
    }
    const againstAll = selection(report, nistIds.againstAll(1));
    expect(againstAll).toMatchObject({ IsWriteIn: false, SequenceOrder: 3 });
    expect(againstAll.CandidateIds).toBeUndefined();
  });

  it('counts votes and ballots only in reported precincts', () => {
    const report = reportOf();
    const unreported = nistIds.precinct(102);
    const countedUnits = [...selectionsOf(report).flatMap((s) => s.VoteCounts), ...report.Election[0].BallotCounts].map((count) => count.GpUnitId);
    expect(new Set(countedUnits)).toEqual(new Set([nistIds.precinct(101), nistIds.precinct(201)]));
    expect(unit(report, unreported)).not.toHaveProperty('VotersParticipated');
    expect(report.Election[0].BallotCounts.find((b) => b.GpUnitId === nistIds.precinct(101))).toMatchObject({
      Type: 'total',
      BallotsCast: 600,
      BallotsRejected: 10,
    });
  });

  it('gives the ballots found in mobile boxes as their own count and the voters at the close as the registered voters', () => {
    const report = reportOf();
    const countsOf = (id: number) => report.Election[0].BallotCounts.filter((b) => b.GpUnitId === nistIds.precinct(id));
    expect(countsOf(101)).toEqual([
      { '@type': 'ElectionResults.BallotCounts', GpUnitId: nistIds.precinct(101), Type: 'total', BallotsCast: 600, BallotsRejected: 10 },
      { '@type': 'ElectionResults.BallotCounts', GpUnitId: nistIds.precinct(101), Type: 'other', OtherType: 'mobile-box', BallotsCast: 25 },
    ]);
    expect(countsOf(201).find((b) => b.Type === 'other')).toMatchObject({ BallotsCast: 0 });
    expect(unit(report, nistIds.precinct(101))).toMatchObject({ VotersRegistered: 1030, VotersParticipated: 600 });
    expect(unit(report, nistIds.constituency(1))).toMatchObject({ VotersRegistered: 1830 });
  });

  it('nests precincts in constituencies, regions and the country, with minted OCD ids and reporting progress', () => {
    const report = reportOf();
    expect(unit(report, nistIds.country)).toMatchObject({
      Type: 'country',
      ComposingGpUnitIds: [nistIds.region(3), nistIds.region(10)],
      VotersRegistered: 3330,
      VotersParticipated: 1500,
      SubUnitsReported: 2,
      TotalSubUnits: 3,
    });
    expect(unit(report, nistIds.region(3))).toMatchObject({ Type: 'other', OtherType: 'oblast', ComposingGpUnitIds: [nistIds.constituency(1)] });
    expect(unit(report, nistIds.constituency(1))).toMatchObject({
      Type: 'other',
      OtherType: 'district',
      ComposingGpUnitIds: [nistIds.precinct(101), nistIds.precinct(102)],
      SubUnitsReported: 1,
      TotalSubUnits: 2,
    });
    expect(unit(report, nistIds.constituency(2))).toMatchObject({ Type: 'city' });
    expect(unit(report, nistIds.constituency(2))).not.toHaveProperty('OtherType');
    expect(unit(report, nistIds.precinct(102))).toMatchObject({
      Type: 'precinct',
      Number: '2',
      VotersRegistered: 800,
      ExternalIdentifier: [{ Type: 'ocd-id', Value: 'ocd-division/country:kz/region:aktobe/district:khromtau/precinct:2' }],
    });
  });

  it('describes one plurality contest per constituency in an election scoped to the country', () => {
    const [election] = reportOf().Election;
    expect(election).toMatchObject({ Type: 'general', StartDate: '2023-11-05', EndDate: '2023-11-05', ElectionScopeId: nistIds.country });
    expect(election.Name.Text.map((t) => t.Language)).toEqual(['kk', 'ru', 'en']);
    expect(election.Contest[1]).toMatchObject({
      '@id': nistIds.contest(2),
      ElectionDistrictId: nistIds.constituency(2),
      VoteVariation: 'plurality',
      NumberElected: 1,
      VotesAllowed: 1,
    });
  });

  it('links candidates to people and to one Party per party, minting its id from its name', () => {
    const report = reportOf();
    expect(report.Party.map((p) => p['@id'])).toEqual(['party-amanat-party', 'party-auyl-peoples-democratic-patriotic-party']);
    const candidates = report.Election[0].Candidate;
    expect(candidates.map((k) => k.PartyId)).toEqual(['party-amanat-party', undefined, 'party-auyl-peoples-democratic-patriotic-party', 'party-amanat-party']);
    expect(report.Person.find((p) => p['@id'] === nistIds.person(12))).toMatchObject({ Gender: 'female', DateOfBirth: '1980-02-29' });
  });

  it('marks the winner of an official constituency only', () => {
    const statuses = reportOf().Election[0].Candidate.map((k) => [k['@id'], k.PostElectionStatus]);
    expect(statuses).toEqual([
      ['cand-11', undefined],
      ['cand-12', undefined],
      ['cand-21', 'winner'],
      ['cand-22', undefined],
    ]);
  });

  it('references each precinct’s published protocol image by its SHA-256, still valid against the schema', () => {
    const sha = (digit: string) => digit.repeat(64);
    const report = toNistElectionReport({
      results: results(),
      precincts: PRECINCTS,
      generatedAt: GENERATED_AT,
      protocolImages: new Map([[101, [sha('a'), sha('b')]]]),
    });
    expect(validateNist(report)).toEqual({ schemaErrors: [], danglingReferences: [] });
    expect(unit(report, nistIds.precinct(101)).ExternalIdentifier.filter((id) => id.Type === 'other')).toEqual([
      { '@type': 'ElectionResults.ExternalIdentifier', Type: 'other', OtherType: 'protocol-image-sha256', Value: sha('a') },
      { '@type': 'ElectionResults.ExternalIdentifier', Type: 'other', OtherType: 'protocol-image-sha256', Value: sha('b') },
    ]);
    expect(unit(report, nistIds.precinct(102)).ExternalIdentifier.map((id) => id.Type)).toEqual(['ocd-id']);
  });
});
