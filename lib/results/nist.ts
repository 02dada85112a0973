import { precinctsByConstituency, type CandidateResult, type ConstituencyResult, type ElectionResults, type PrecinctResult } from './aggregate';

/**
 * The results as a NIST SP 1500-100 v2 Election Results Reporting report (JSON, precinct level):
 * the open format election-night sites and researchers read. Pure: it only re-shapes what the one
 * aggregation (./aggregate) computed, so the export can never disagree with the portal's screens.
 * Vote and ballot counts are given per reported precinct; consumers add them up through
 * ComposingGpUnitIds, and the aggregate units carry their own registered/participated figures.
 */

type LanguageString = { '@type': 'ElectionResults.LanguageString'; Language: string; Content: string };
type InternationalizedText = { '@type': 'ElectionResults.InternationalizedText'; Text: LanguageString[] };
type ExternalIdentifier = { '@type': 'ElectionResults.ExternalIdentifier'; Type: 'ocd-id' | 'other'; OtherType?: string; Value: string };

export type NistReportingUnit = {
  '@type': 'ElectionResults.ReportingUnit';
  '@id': string;
  Type: 'country' | 'city' | 'precinct' | 'other';
  OtherType?: 'oblast' | 'district';
  Name?: InternationalizedText;
  Number?: string;
  ExternalIdentifier: ExternalIdentifier[];
  ComposingGpUnitIds?: string[];
  VotersRegistered: number;
  VotersParticipated?: number;
  SubUnitsReported?: number;
  TotalSubUnits?: number;
};

export type NistVoteCounts = { '@type': 'ElectionResults.VoteCounts'; GpUnitId: string; Type: 'total'; Count: number };

export type NistCandidateSelection = {
  '@type': 'ElectionResults.CandidateSelection';
  '@id': string;
  CandidateIds?: string[];
  IsWriteIn?: false;
  SequenceOrder: number;
  VoteCounts: NistVoteCounts[];
};

export type NistCandidateContest = {
  '@type': 'ElectionResults.CandidateContest';
  '@id': string;
  Name: string;
  BallotTitle: InternationalizedText;
  ElectionDistrictId: string;
  VoteVariation: 'plurality' | 'majority';
  NumberElected: 1;
  VotesAllowed: 1;
  SubUnitsReported: number;
  TotalSubUnits: number;
  ContestSelection: NistCandidateSelection[];
};

export type NistCandidate = {
  '@type': 'ElectionResults.Candidate';
  '@id': string;
  BallotName: InternationalizedText;
  PersonId?: string;
  PartyId?: string;
  ExternalIdentifier?: ExternalIdentifier[];
  /** qualified: registered and on the ballot; withdrawn: registered, then withdrawn or cancelled. */
  PreElectionStatus: 'qualified' | 'withdrawn';
  PostElectionStatus?: 'winner' | 'projected-winner';
};

/** A registered candidate no longer on the ballot: withdrawn, or the registration cancelled. */
export type RemovedCandidate = { id: number; fullName: string; status: 'withdrawn' | 'cancelled'; nominationRoute: 'party' | 'self'; party: Names | null };

/** Per reported precinct: the total of both kinds of boxes, and the part found in mobile boxes (Type other, OtherType mobile-box). */
export type NistBallotCounts =
  | { '@type': 'ElectionResults.BallotCounts'; GpUnitId: string; Type: 'total'; BallotsCast: number; BallotsRejected: number }
  | { '@type': 'ElectionResults.BallotCounts'; GpUnitId: string; Type: 'other'; OtherType: 'mobile-box'; BallotsCast: number };

export type NistElection = {
  '@type': 'ElectionResults.Election';
  Type: 'general';
  Name: InternationalizedText;
  StartDate: string;
  EndDate: string;
  ElectionScopeId: string;
  ExternalIdentifier: ExternalIdentifier[];
  Candidate: NistCandidate[];
  Contest: NistCandidateContest[];
  BallotCounts: NistBallotCounts[];
};

export type NistPerson = {
  '@type': 'ElectionResults.Person';
  '@id': string;
  FullName: InternationalizedText;
  Gender: 'male' | 'female';
  DateOfBirth: string;
};

export type NistParty = { '@type': 'ElectionResults.Party'; '@id': string; Name: InternationalizedText };

export type NistElectionReport = {
  '@type': 'ElectionResults.ElectionReport';
  Format: 'precinct-level';
  Status: ElectionResults['status'];
  GeneratedDate: string;
  Issuer: string;
  IssuerAbbreviation: string;
  VendorApplicationId: string;
  SequenceStart: 1;
  SequenceEnd: 1;
  Notes: string;
  GpUnit: NistReportingUnit[];
  Election: [NistElection];
  Party: NistParty[];
  Person: NistPerson[];
};

type Names = { nameKk: string; nameRu: string; nameEn: string };

const text = (byLanguage: [language: string, content: string][]): InternationalizedText => ({
  '@type': 'ElectionResults.InternationalizedText',
  Text: byLanguage.map(([Language, Content]) => ({ '@type': 'ElectionResults.LanguageString', Language, Content })),
});
const namesText = (names: Names) =>
  text([
    ['kk', names.nameKk],
    ['ru', names.nameRu],
    ['en', names.nameEn],
  ]);
const ocdId = (path: string): ExternalIdentifier => ({ '@type': 'ElectionResults.ExternalIdentifier', Type: 'ocd-id', Value: `ocd-division/${path}` });
/** OCD-ID segments allow only lower-case letters, digits and . _ ~ - */
const ocdSegment = (value: string) => value.toLowerCase().replace(/[^a-z0-9._~-]+/g, '-');

/** Parties reach us by name only; the English name, reduced to a slug, is stable across exports. */
const partyIdOf = (party: Names) =>
  `party-${party.nameEn
    .normalize('NFKD')
    .replace(/[\u0300-\u036f'’]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;

export const nistIds = {
  country: 'gpu-country-kz',
  region: (regionId: number) => `gpu-region-${regionId}`,
  constituency: (constituencyId: number) => `gpu-constituency-${constituencyId}`,
  precinct: (precinctId: number) => `gpu-precinct-${precinctId}`,
  contest: (constituencyId: number) => `contest-${constituencyId}`,
  candidate: (candidateId: number) => `cand-${candidateId}`,
  person: (candidateId: number) => `person-${candidateId}`,
  selection: (candidateId: number) => `sel-${candidateId}`,
  againstAll: (constituencyId: number) => `sel-against-all-${constituencyId}`,
};

const KAZAKHSTAN = { nameKk: 'Қазақстан Республикасы', nameRu: 'Республика Казахстан', nameEn: 'Republic of Kazakhstan' };

/** The schema's date-time pattern admits no fractional seconds. */
const dateTimeWithZone = (moment: Date) => moment.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** The region code prefixes constituency codes (`aktobe-khromtau`); the OCD path already names the region. */
const constituencyOcdPath = (constituency: ConstituencyResult) => {
  const prefix = `${constituency.regionCode}-`;
  const local = constituency.code.startsWith(prefix) ? constituency.code.slice(prefix.length) : constituency.code;
  return `country:kz/region:${ocdSegment(constituency.regionCode)}/district:${ocdSegment(local)}`;
};

function postElectionStatus(constituency: ConstituencyResult, candidate: CandidateResult): NistCandidate['PostElectionStatus'] {
  const { outcome } = constituency;
  if (outcome.status !== 'elected' || outcome.candidateId !== candidate.id) return undefined;
  // Every precinct approved yet not declared official: the winner is only projected.
  return constituency.resultsStatus === 'official' ? 'winner' : 'projected-winner';
}

/**
 * The standard has no place for a document's image on a reporting unit; ExternalIdentifier (Type
 * "other") is where it lets a precinct carry the SHA-256 of its signed protocol's published image,
 * which identifies that document (served at /protocol-images/{sha256}; decision 011).
 */
const protocolImageId = (sha256: string): ExternalIdentifier => ({
  '@type': 'ElectionResults.ExternalIdentifier',
  Type: 'other',
  OtherType: 'protocol-image-sha256',
  Value: sha256,
});

/**
 * `removed`: registered candidates who withdrew or whose registration was cancelled; they are
 * listed as candidates with PreElectionStatus "withdrawn" (a cancellation says so in an
 * identifier: the format has no status of its own for it) and take part in no contest.
 * `protocolImages`: per precinct, the SHA-256 of each file of its published protocol image.
 */
export function toNistElectionReport(input: {
  results: ElectionResults;
  precincts: PrecinctResult[];
  generatedAt: Date;
  removed?: RemovedCandidate[];
  protocolImages?: Map<number, string[]>;
}): NistElectionReport {
  const { results, generatedAt } = input;
  const { election, totals } = results;
  const precinctsOf = precinctsByConstituency(input.precincts);
  const reportedPrecinctsOf = (constituency: ConstituencyResult) => (precinctsOf.get(constituency.id) ?? []).filter((precinct) => precinct.reported);

  const countryUnit: NistReportingUnit = {
    '@type': 'ElectionResults.ReportingUnit',
    '@id': nistIds.country,
    Type: 'country',
    Name: namesText(KAZAKHSTAN),
    ExternalIdentifier: [ocdId('country:kz')],
    ComposingGpUnitIds: results.regions.map((region) => nistIds.region(region.id)),
    VotersRegistered: totals.votersOnList + totals.votersAddedOnDay,
    VotersParticipated: totals.ballotsCast,
    SubUnitsReported: totals.precinctsReported,
    TotalSubUnits: totals.precincts,
  };
  // Oblasts are first-level divisions, but the schema's 'state' means a US state.
  const regionUnits = results.regions.map((region): NistReportingUnit => ({
    '@type': 'ElectionResults.ReportingUnit',
    '@id': nistIds.region(region.id),
    Type: 'other',
    OtherType: 'oblast',
    Name: namesText(region),
    ExternalIdentifier: [ocdId(`country:kz/region:${ocdSegment(region.code)}`)],
    ComposingGpUnitIds: results.constituencies.filter((c) => c.regionId === region.id).map((c) => nistIds.constituency(c.id)),
    VotersRegistered: region.votersOnList + region.votersAddedOnDay,
    VotersParticipated: region.ballotsCast,
    SubUnitsReported: region.precinctsReported,
    TotalSubUnits: region.precincts,
  }));
  const constituencyUnits = results.constituencies.map((constituency): NistReportingUnit => ({
    '@type': 'ElectionResults.ReportingUnit',
    '@id': nistIds.constituency(constituency.id),
    ...(constituency.kind === 'city' ? { Type: 'city' } : { Type: 'other', OtherType: 'district' }),
    Name: namesText(constituency),
    ExternalIdentifier: [ocdId(constituencyOcdPath(constituency))],
    ComposingGpUnitIds: (precinctsOf.get(constituency.id) ?? []).map((precinct) => nistIds.precinct(precinct.id)),
    VotersRegistered: constituency.votersOnList + constituency.votersAddedOnDay,
    VotersParticipated: constituency.ballotsCast,
    SubUnitsReported: constituency.precinctsReported,
    TotalSubUnits: constituency.precincts,
  }));
  const precinctUnits = results.constituencies.flatMap((constituency) =>
    (precinctsOf.get(constituency.id) ?? []).map((precinct): NistReportingUnit => ({
      '@type': 'ElectionResults.ReportingUnit',
      '@id': nistIds.precinct(precinct.id),
      Type: 'precinct',
      Number: String(precinct.number),
      ExternalIdentifier: [
        ocdId(`${constituencyOcdPath(constituency)}/precinct:${precinct.number}`),
        ...(input.protocolImages?.get(precinct.id) ?? []).map(protocolImageId),
      ],
      // Reported: protocol line 1, the voters on the list at the close of voting; else the approved list (decision 006).
      VotersRegistered: precinct.reported ? precinct.votersAtClose : precinct.votersOnList,
      ...(precinct.reported ? { VotersParticipated: precinct.ballotsCast } : {}),
    })),
  );

  const voteCounts = (constituency: ConstituencyResult, votesIn: (precinct: PrecinctResult) => number): NistVoteCounts[] =>
    reportedPrecinctsOf(constituency).map((precinct) => ({
      '@type': 'ElectionResults.VoteCounts',
      GpUnitId: nistIds.precinct(precinct.id),
      Type: 'total',
      Count: votesIn(precinct),
    }));

  const contests = results.constituencies.map((constituency): NistCandidateContest => {
    const candidateSelections = constituency.candidates.map((candidate): NistCandidateSelection => ({
      '@type': 'ElectionResults.CandidateSelection',
      '@id': nistIds.selection(candidate.id),
      CandidateIds: [nistIds.candidate(candidate.id)],
      SequenceOrder: candidate.ballotOrder,
      VoteCounts: voteCounts(constituency, (precinct) => precinct.votes[candidate.id] ?? 0),
    }));
    // "Against all" is the last line of the ballot, below every candidate.
    const againstAllSelection: NistCandidateSelection = {
      '@type': 'ElectionResults.CandidateSelection',
      '@id': nistIds.againstAll(constituency.id),
      IsWriteIn: false,
      SequenceOrder: Math.max(0, ...constituency.candidates.map((candidate) => candidate.ballotOrder)) + 1,
      VoteCounts: voteCounts(constituency, (precinct) => precinct.votesAgainstAll),
    };
    return {
      '@type': 'ElectionResults.CandidateContest',
      '@id': nistIds.contest(constituency.id),
      Name: constituency.nameEn,
      BallotTitle: namesText(constituency),
      ElectionDistrictId: nistIds.constituency(constituency.id),
      VoteVariation: election.winnerRule === 'absolute_majority' ? 'majority' : 'plurality',
      NumberElected: 1,
      VotesAllowed: 1,
      SubUnitsReported: constituency.precinctsReported,
      TotalSubUnits: constituency.precincts,
      ContestSelection: election.againstAllOnBallot ? [...candidateSelections, againstAllSelection] : candidateSelections,
    };
  });

  const candidates = results.constituencies.flatMap((constituency) =>
    constituency.candidates.map((candidate): NistCandidate => {
      const status = postElectionStatus(constituency, candidate);
      return {
        '@type': 'ElectionResults.Candidate',
        '@id': nistIds.candidate(candidate.id),
        // Ballots are printed in Kazakh and Russian; the name is written the same on both.
        BallotName: text([
          ['kk', candidate.fullName],
          ['ru', candidate.fullName],
        ]),
        PersonId: nistIds.person(candidate.id),
        ...(candidate.nominationRoute === 'party' && candidate.party ? { PartyId: partyIdOf(candidate.party) } : {}),
        PreElectionStatus: 'qualified',
        ...(status ? { PostElectionStatus: status } : {}),
      };
    }),
  );
  const removedCandidates = (input.removed ?? []).map((candidate): NistCandidate => ({
    '@type': 'ElectionResults.Candidate',
    '@id': nistIds.candidate(candidate.id),
    BallotName: text([
      ['kk', candidate.fullName],
      ['ru', candidate.fullName],
    ]),
    ...(candidate.nominationRoute === 'party' && candidate.party ? { PartyId: partyIdOf(candidate.party) } : {}),
    PreElectionStatus: 'withdrawn',
    ...(candidate.status === 'cancelled'
      ? { ExternalIdentifier: [{ '@type': 'ElectionResults.ExternalIdentifier', Type: 'other', OtherType: 'registration-status', Value: 'cancelled' }] }
      : {}),
  }));
  const people = results.constituencies.flatMap((constituency) =>
    constituency.candidates.map((candidate): NistPerson => ({
      '@type': 'ElectionResults.Person',
      '@id': nistIds.person(candidate.id),
      FullName: text([
        ['kk', candidate.fullName],
        ['ru', candidate.fullName],
      ]),
      Gender: candidate.sex,
      DateOfBirth: candidate.birthDate,
    })),
  );
  const parties = new Map<string, NistParty>();
  for (const candidate of [...results.constituencies.flatMap((constituency) => constituency.candidates), ...(input.removed ?? [])]) {
    if (candidate.nominationRoute !== 'party' || !candidate.party) continue;
    const id = partyIdOf(candidate.party);
    parties.set(id, { '@type': 'ElectionResults.Party', '@id': id, Name: namesText(candidate.party) });
  }

  const ballotCounts = results.constituencies.flatMap((constituency) =>
    reportedPrecinctsOf(constituency).flatMap((precinct): NistBallotCounts[] => [
      {
        '@type': 'ElectionResults.BallotCounts',
        GpUnitId: nistIds.precinct(precinct.id),
        Type: 'total',
        BallotsCast: precinct.ballotsCast,
        BallotsRejected: precinct.ballotsInvalid,
      },
      {
        '@type': 'ElectionResults.BallotCounts',
        GpUnitId: nistIds.precinct(precinct.id),
        Type: 'other',
        OtherType: 'mobile-box',
        BallotsCast: precinct.ballotsFoundMobile,
      },
    ]),
  );

  return {
    '@type': 'ElectionResults.ElectionReport',
    Format: 'precinct-level',
    Status: results.status,
    GeneratedDate: dateTimeWithZone(generatedAt),
    Issuer: 'Central Election Commission of the Republic of Kazakhstan (demo portal)',
    IssuerAbbreviation: 'CEC KZ',
    VendorApplicationId: 'akim-elections-portal',
    SequenceStart: 1,
    SequenceEnd: 1,
    Notes: [
      'Counts are given per reported precinct only; BallotsRejected are the invalid ballots.',
      'BallotCounts of Type total count the ballots found in stationary and mobile boxes together; those of OtherType mobile-box count the ballots found in mobile boxes (voting outside the premises).',
      "VotersRegistered of a reported precinct is the protocol's voters on the list at the close of voting (voters added on the day included); of an unreported precinct, the approved list.",
      ...(election.againstAllOnBallot ? ['A CandidateSelection without CandidateIds (sel-against-all-*) is the "against all" line of the ballot.'] : []),
    ].join(' '),
    GpUnit: [countryUnit, ...regionUnits, ...constituencyUnits, ...precinctUnits],
    Election: [
      {
        '@type': 'ElectionResults.Election',
        Type: 'general',
        Name: namesText(election),
        StartDate: election.votingDay,
        EndDate: election.votingDay,
        ElectionScopeId: nistIds.country,
        ExternalIdentifier: [{ '@type': 'ElectionResults.ExternalIdentifier', Type: 'other', OtherType: 'portal-slug', Value: election.slug }],
        Candidate: [...candidates, ...removedCandidates],
        Contest: contests,
        BallotCounts: ballotCounts,
      },
    ],
    Party: [...parties.values()],
    Person: people,
  };
}
