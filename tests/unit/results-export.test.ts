import { describe, expect, it } from 'vitest';
import { csvChunks, csvDocument } from '@/lib/csv';
import { parseDelimited } from '@/lib/constituency-lists/precinct-file';
import type { ElectionResults, PrecinctResult } from '@/lib/results/aggregate';
import { candidatesCsvChunks, resultsCsvChunks } from '@/lib/results/export';
import { headlineFigures } from '@/lib/results/headline';

describe('CSV', () => {
  it('quotes commas, quotes and line breaks and reads back the same values', () => {
    const values = ['Оспанов, Серік', 'The "Ak Zhol" party', 'two\nlines', 'plain', 42];
    const text = csvDocument(['a', 'b', 'c', 'd', 'e'], [values]);
    expect(text).toBe('\uFEFFa,b,c,d,e\r\n"Оспанов, Серік","The ""Ak Zhol"" party","two\nlines",plain,42\r\n');
    expect(parseDelimited(text.slice(1), ',')[1]!.fields).toEqual(values.map(String));
  });

  it('neutralises text that a spreadsheet would run as a formula', () => {
    expect(csvDocument(['name'], [['=HYPERLINK("x")'], ['-1+1'], ['@SUM(A1)']])).toBe('\uFEFFname\r\n"\'=HYPERLINK(""x"")"\r\n\'-1+1\r\n\'@SUM(A1)\r\n');
  });

  it('writes a long document in pieces of whole rows that join into the same text', () => {
    const rows = Array.from({ length: 500 }, (_, i) => [i, `Учаске ${i}`, i % 7 === 0 ? null : i * 3]);
    const pieces = [...csvChunks(['n', 'name', 'votes'], rows, 1000)];
    expect(pieces.length).toBeGreaterThan(5);
    expect(pieces.slice(0, -1).every((piece) => piece.endsWith('\r\n') && piece.length >= 1000)).toBe(true);
    expect(pieces.join('')).toBe(csvDocument(['n', 'name', 'votes'], rows));
    expect(pieces.join('').split('\r\n')).toHaveLength(502);
  });

  it('writes the public candidate fields only', () => {
    const csv = [
      ...candidatesCsvChunks([
        {
          id: 1,
          fullName: 'Әлия, Серікқызы "Ақ"',
          age: 41,
          sex: 'female',
          nominationRoute: 'party',
          party: { nameKk: 'Ақ жол', nameRu: 'Ак жол', nameEn: 'Ak Zhol' },
          status: 'registered',
          wasRegistered: true,
          cancellationGround: null,
          ballotOrder: 2,
          nominatedOn: '2023-09-20',
          constituency: { code: 'aktobe-khromtau', nameKk: 'Хромтау', nameRu: 'Хромтау', nameEn: 'Khromtau District' },
          region: { code: 'aktobe', nameKk: 'Ақтөбе', nameRu: 'Актобе', nameEn: 'Aktobe' },
          election: { id: 1, registrationDeadline: '2023-10-11', nameKk: '', nameRu: '', nameEn: '' },
          checks: { passed: 9, failed: 0, pending: 0 },
        },
      ]),
    ].join('');
    // UTF-8 with a byte-order mark, names in English, Kazakh and Russian.
    expect(csv.startsWith('\uFEFFregion_code,constituency_code,constituency,constituency_kk,constituency_ru,')).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      'aktobe,aktobe-khromtau,Khromtau District,Хромтау,Хромтау,2,"Әлия, Серікқызы ""Ақ""",41,female,party,Ak Zhol,Ақ жол,Ак жол,registered,true,true,',
    );
  });
});

describe('headline figures of a small hand-computed election', () => {
  // Two constituencies: A (2 precincts, 1000 + 1000 voters, 1200 cast) elected a 40-year-old woman,
  // B (1 precinct, 500 voters, 200 cast) elected a 61-year-old man. Turnout 1400 / 2500 = 56%.
  const totals = (voters: number, cast: number, reported: number, precincts: number) => ({
    precincts,
    precinctsReported: reported,
    votersOnList: voters,
    votersInReported: voters,
    votersAddedOnDay: 0,
    ballotsCast: cast,
    ballotsFoundMobile: 0,
    ballotsInvalid: 0,
    votesAgainstAll: 0,
    validVotes: cast,
    turnout: cast / voters,
    mobileShare: 0,
  });
  const person = (id: number, birthDate: string, sex: 'male' | 'female', votes: number) => ({
    id,
    fullName: `P${id}`,
    ballotOrder: id,
    birthDate,
    sex,
    nominationRoute: 'self' as const,
    party: null,
    votes,
    share: 0,
  });
  const names = { nameKk: 'x', nameRu: 'x', nameEn: 'x' };
  const results: ElectionResults = {
    election: {
      id: 1,
      slug: 's',
      votingDay: '2023-11-05',
      winnerRule: 'plurality',
      turnoutThresholdBp: null,
      againstAllOnBallot: false,
      againstAllEffect: 'none',
      ...names,
    },
    totals: { ...totals(2500, 1400, 3, 3), constituencies: 2, official: 0 },
    regions: [
      { id: 1, code: 'north', constituencies: 1, official: 0, ...names, ...totals(2000, 1200, 2, 2) },
      { id: 2, code: 'south', constituencies: 1, official: 0, ...names, ...totals(500, 200, 1, 1) },
    ],
    constituencies: [
      {
        id: 10,
        code: 'a',
        kind: 'district',
        regionId: 1,
        regionCode: 'north',
        resultsStatus: 'counting',
        ...names,
        ...totals(2000, 1200, 2, 2),
        candidates: [person(1, '1983-11-05', 'female', 700), person(2, '1990-01-01', 'male', 500)],
        outcome: { status: 'elected', candidateId: 1 },
      },
      {
        id: 11,
        code: 'b',
        kind: 'district',
        regionId: 2,
        regionCode: 'south',
        resultsStatus: 'counting',
        ...names,
        ...totals(500, 200, 1, 1),
        candidates: [person(3, '1962-11-06', 'male', 150), person(4, '1999-05-05', 'female', 50)],
        outcome: { status: 'elected', candidateId: 3 },
      },
    ],
    status: 'unofficial-complete',
    lastChangedAt: null,
  };
  // Six registered: four still on the ballot, one withdrawn and one cancelled since; two never registered.
  const list = [
    { status: 'registered' as const, wasRegistered: true, nominationRoute: 'self' as const, sex: 'female' as const, age: 40 },
    { status: 'registered' as const, wasRegistered: true, nominationRoute: 'party' as const, sex: 'male' as const, age: 33 },
    { status: 'registered' as const, wasRegistered: true, nominationRoute: 'self' as const, sex: 'male' as const, age: 60 },
    { status: 'registered' as const, wasRegistered: true, nominationRoute: 'self' as const, sex: 'female' as const, age: 24 + 1 },
    { status: 'withdrawn' as const, wasRegistered: true, nominationRoute: 'self' as const, sex: 'male' as const, age: 50 },
    { status: 'cancelled' as const, wasRegistered: true, nominationRoute: 'party' as const, sex: 'female' as const, age: 30 },
    { status: 'withdrawn' as const, wasRegistered: false, nominationRoute: 'self' as const, sex: 'male' as const, age: 45 },
    { status: 'refused' as const, wasRegistered: false, nominationRoute: 'self' as const, sex: 'male' as const, age: 23 },
  ];

  it('computes every figure as by hand', () => {
    const headline = headlineFigures(results, list);
    expect(headline.turnout).toBeCloseTo(0.56, 10);
    expect(headline.precinctsReportedShare).toBe(1);
    expect(headline).toMatchObject({
      registered: 6,
      onBallot: 4,
      selfNominated: 4,
      womenShareAmongCandidates: 0.5,
      under35ShareAmongCandidates: 0.5,
      elected: 2,
      womenShareAmongElected: 0.5,
    });
    expect(headline.selfNominatedShare).toBeCloseTo(4 / 6, 10);
    // 40 (born 5 Nov 1983, birthday on voting day) and 60 (born 6 Nov 1962, one day short of 61).
    expect(headline.averageAgeOfElected).toBe(50);
    expect(headline.topRegionsByTurnout.map((r) => r.code)).toEqual(['north', 'south']);
  });

  it('writes results.csv as UTF-8 with a byte-order mark, each unit named in English, Kazakh and Russian', () => {
    const named = {
      ...results,
      regions: results.regions.map((region) => ({ ...region, nameEn: 'North Region', nameKk: 'Солтүстік облысы', nameRu: 'Северная область' })),
    };
    const lines = [...resultsCsvChunks(named, [])].join('').split('\r\n');
    expect(lines[0]).toMatch(/^\uFEFFlevel,region_code,constituency_code,precinct_number,name,name_kk,name_ru,/);
    expect(lines.find((line) => line.startsWith('region,north,'))).toMatch(/^region,north,,,North Region,Солтүстік облысы,Северная область,2,2,2000,/);
  });

  it('gives each precinct its voters at the close, both kinds of boxes, turnout and shares of the ballots found', () => {
    const precinct: PrecinctResult = {
      id: 1,
      number: 7,
      address: 'School 7',
      constituencyId: 11,
      votersOnList: 480,
      reported: true,
      votersAtClose: 500,
      ballotsIssuedOutside: 20,
      ballotsFoundStationary: 180,
      ballotsFoundMobile: 20,
      ballotsCast: 200,
      ballotsInvalid: 0,
      votesAgainstAll: 0,
      votes: { 3: 150, 4: 50 },
    };
    const lines = [...resultsCsvChunks(results, [precinct])].join('').split('\r\n');
    const header = lines[0]!.replace('\uFEFF', '').split(',');
    expect(header.slice(9, 14)).toEqual(['voters_on_list', 'voters_at_close', 'ballots_cast', 'ballots_found_mobile', 'ballots_invalid']);
    const row = lines.find((line) => line.startsWith('precinct,') && line.endsWith(',,,'))!.split(',');
    // 480 on the list, 500 at the close, 200 found (20 in mobile boxes): turnout 200 / 500 = 40%.
    expect(row.slice(9, 16)).toEqual(['480', '500', '200', '20', '0', '0', '40']);
    const leader = lines.find((line) => line.startsWith('precinct,') && line.includes(',P3,'))!.split(',');
    expect(leader.slice(-2)).toEqual(['150', '75']);
  });
});
