import { CANCELLATION_GROUNDS, decodeDetail, REFUSAL_GROUNDS } from '@/lib/candidates/eligibility';
import { describe, expect, it } from 'vitest';
import { generateDemoData, type DemoCandidate, type DemoConstituency, type DemoProtocolEntry } from '@/db/demo';
import { foundIn } from '@/db/demo/protocol-figures';
import { checkControlRelations, LINE_KEYS, signedAtFromDate, signedAtWindow, type LineKey, type ProtocolFigures } from '@/lib/protocols/definition';
import { addDays, todayInKazakhstan } from '@/lib/calendar';
import { listContentSchema } from '@/lib/constituency-lists/schemas';
import { electionPhase } from '@/lib/elections/phase';
import { validateIin } from '@/lib/identity/iin';

const REFERENCE_DATE = '2025-06-01';
const demo = generateDemoData(REFERENCE_DATE);

const PILOT = 'akim-2023';
const UPCOMING = 'akim-2027';
const COUNTING = 'akim-counting';
const ofElection = <T extends { electionSlug: string }>(rows: T[], slug: string) => rows.filter((row) => row.electionSlug === slug);
const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
const roundTo = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;
const completedYears = (birthDate: string, onDate: string) =>
  Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (onDate.slice(5) < birthDate.slice(5) ? 1 : 0);

const pilotElection = demo.elections.find((election) => election.slug === PILOT)!;
const pilotConstituencies = ofElection(demo.constituencies, PILOT);
const pilotCandidates = ofElection(demo.candidates, PILOT);
/** Registered by the commission (161), and of them still on the ballots on voting day (125). */
const pilotRegistered = pilotCandidates.filter(
  (candidate) => candidate.status === 'registered' || candidate.status === 'cancelled' || (candidate.status === 'withdrawn' && candidate.decidedAt !== null),
);
const pilotOnBallot = pilotCandidates.filter((candidate) => candidate.status === 'registered');
const pilotProtocols = ofElection(demo.protocols, PILOT);
const approvedEntry = (protocol: (typeof demo.protocols)[number]) => protocol.entries.find((entry) => entry.kind === protocol.approvedEntryKind)!;

/** Votes per candidate IIN over the approved entries: what decides the winners. */
const votesByCandidate = new Map<string, number>();
for (const protocol of pilotProtocols) {
  for (const line of approvedEntry(protocol).votes) votesByCandidate.set(line.candidateIin, (votesByCandidate.get(line.candidateIin) ?? 0) + line.votes);
}
const winnerOf = (constituency: DemoConstituency): DemoCandidate => {
  const ranked = pilotOnBallot
    .filter((candidate) => candidate.constituencyCode === constituency.code)
    .map((candidate) => ({ candidate, votes: votesByCandidate.get(candidate.iin) ?? 0 }))
    .sort((a, b) => b.votes - a.votes);
  expect(ranked[0]!.votes, `tie in ${constituency.code}`).toBeGreaterThan(ranked[1]!.votes);
  return ranked[0]!.candidate;
};

describe('demo data generator', () => {
  it('is deterministic', () => {
    expect(generateDemoData(REFERENCE_DATE)).toEqual(demo);
  });

  it('moves only the current elections with the reference date', () => {
    const later = generateDemoData('2026-02-10');
    for (const key of ['constituencies', 'candidates', 'protocols', 'listRevisions'] as const) {
      expect(ofElection<{ electionSlug: string }>(later[key], PILOT)).toEqual(ofElection<{ electionSlug: string }>(demo[key], PILOT));
    }
    expect(later.elections.find((election) => election.slug === UPCOMING)?.votingDay).toBe('2026-04-06');
  });

  it('rejects a reference date that is not a date', () => {
    expect(() => generateDemoData('2025-02-30')).toThrow(/YYYY-MM-DD/);
  });
});

describe('2023 pilot elections: places', () => {
  it('has the 17 regions', () => {
    expect(demo.regions.map((region) => region.code).sort()).toEqual([
      'abai',
      'akmola',
      'aktobe',
      'almaty',
      'atyrau',
      'east-kazakhstan',
      'jambyl',
      'jetisu',
      'karaganda',
      'kostanay',
      'kyzylorda',
      'mangystau',
      'north-kazakhstan',
      'pavlodar',
      'turkistan',
      'ulytau',
      'west-kazakhstan',
    ]);
    expect(demo.regions.find((region) => region.code === 'aktobe')).toEqual({
      code: 'aktobe',
      nameKk: 'Ақтөбе облысы',
      nameRu: 'Актюбинская область',
      nameEn: 'Aktobe Region',
    });
  });

  it('has 45 constituencies: 42 districts and the cities Kurchatov, Priozersk and Rudny, at least 2 per region', () => {
    expect(pilotConstituencies).toHaveLength(45);
    expect(pilotConstituencies.filter((constituency) => constituency.kind === 'district')).toHaveLength(42);
    const cities = pilotConstituencies.filter((constituency) => constituency.kind === 'city');
    expect(cities.map(({ code, regionCode, nameEn }) => ({ code, regionCode, nameEn }))).toEqual([
      { code: 'abai-kurchatov', regionCode: 'abai', nameEn: 'Kurchatov City' },
      { code: 'karaganda-priozersk', regionCode: 'karaganda', nameEn: 'Priozersk City' },
      { code: 'kostanay-rudny', regionCode: 'kostanay', nameEn: 'Rudny City' },
    ]);
    for (const region of demo.regions) {
      expect(pilotConstituencies.filter((constituency) => constituency.regionCode === region.code).length, region.code).toBeGreaterThanOrEqual(2);
    }
  });

  it('has 1,491 precincts, numbered uniquely, with 1,062,327 voters on the lists', () => {
    const precincts = pilotConstituencies.flatMap((constituency) => constituency.precincts);
    expect(precincts).toHaveLength(1491);
    expect(total(precincts.map((precinct) => precinct.votersOnList))).toBe(1_062_327);
    for (const constituency of demo.constituencies) {
      const numbers = constituency.precincts.map((precinct) => precinct.number);
      expect(new Set(numbers).size, constituency.code).toBe(numbers.length);
    }
    expect(precincts.every((precinct) => Number.isInteger(precinct.votersOnList) && precinct.votersOnList > 0)).toBe(true);
  });
});

describe('2023 pilot elections: candidates', () => {
  it('registered 161 candidates, 89 self-nominated and 72 party nominees; 125 were on the ballots', () => {
    expect(pilotRegistered).toHaveLength(161);
    expect(pilotRegistered.filter((candidate) => candidate.nominationRoute === 'self')).toHaveLength(89);
    expect(pilotRegistered.filter((candidate) => candidate.partyCode !== null)).toHaveLength(72);
    expect(pilotOnBallot).toHaveLength(125);
  });

  it('has about 10% women among the registered', () => {
    const share = pilotRegistered.filter((candidate) => candidate.sex === 'female').length / pilotRegistered.length;
    expect(share).toBeGreaterThanOrEqual(0.08);
    expect(share).toBeLessThanOrEqual(0.12);
  });

  it('puts at least 2 candidates on every ballot, numbered 1..n as printed (struck lines keep their number)', () => {
    for (const constituency of pilotConstituencies) {
      const own = pilotCandidates.filter((candidate) => candidate.constituencyCode === constituency.code);
      expect(own.filter((candidate) => candidate.status === 'registered').length, constituency.code).toBeGreaterThanOrEqual(2);
      const orders = own.flatMap((candidate) => (candidate.ballotOrder === null ? [] : [candidate.ballotOrder])).sort((a, b) => a - b);
      expect(orders).toEqual(orders.map((_, index) => index + 1));
      expect(own.filter((candidate) => candidate.status === 'registered').every((candidate) => candidate.ballotOrder !== null)).toBe(true);
    }
  });

  it('registers only candidates aged 25 or more on voting day', () => {
    for (const candidate of pilotRegistered) expect(completedYears(candidate.birthDate, pilotElection.votingDay)).toBeGreaterThanOrEqual(25);
  });

  it('keeps refused and withdrawn nominees off the ballot, refusals on the ground of the check that failed', () => {
    const refused = pilotCandidates.filter((candidate) => candidate.status === 'refused');
    const withdrawnNominees = pilotCandidates.filter((candidate) => candidate.status === 'withdrawn' && candidate.decidedAt === null);
    expect(refused.length).toBeGreaterThan(0);
    expect(withdrawnNominees.length).toBeGreaterThan(0);
    for (const candidate of refused) {
      expect(candidate.refusalGround && candidate.decisionNote && candidate.decidedBy && candidate.decisionNumber).toBeTruthy();
      expect(REFUSAL_GROUNDS).toContain(candidate.refusalGround);
      expect(
        candidate.checks.some((check) => check.outcome === 'failed'),
        candidate.fullName,
      ).toBe(true);
    }
    for (const candidate of withdrawnNominees) {
      expect(candidate.withdrawnOn && candidate.withdrawnBy).toBeTruthy();
      expect(candidate.ballotOrder).toBeNull();
      if (candidate.withdrawnBy === 'party') expect(candidate.nominationRoute).toBe('party');
    }
  });

  it('lost 36 registered candidates before voting day: withdrawals until the cut-off, cancellations by another person on a legal ground', () => {
    const removed = pilotRegistered.filter((candidate) => candidate.status !== 'registered');
    expect(removed).toHaveLength(161 - 125);
    const cutOff = addDays(pilotElection.votingDay, -pilotElection.withdrawalCutoffDays);
    const cancellations = ofElection(demo.cancellations, PILOT);
    for (const candidate of removed) {
      if (candidate.status === 'withdrawn') {
        expect(candidate.withdrawnOn! > candidate.decisionDate!, candidate.fullName).toBe(true);
        expect(candidate.withdrawnOn! <= cutOff).toBe(true);
        if (candidate.withdrawnBy === 'party') expect(candidate.nominationRoute).toBe('party');
        continue;
      }
      expect(candidate.status).toBe('cancelled');
      const cancellation = cancellations.find((c) => c.candidateIin === candidate.iin)!;
      expect(CANCELLATION_GROUNDS).toContain(cancellation.ground);
      expect(cancellation.decidedBy).not.toBe(cancellation.proposedBy);
      expect(cancellation.decisionDate! > candidate.decisionDate! && cancellation.decisionDate! < pilotElection.votingDay).toBe(true);
      expect(cancellation.proposedAt.getTime()).toBeLessThan(cancellation.decidedAt!.getTime());
      expect(cancellation.decisionNumber).toMatch(/^\d+\/\d+$/);
    }
    expect(removed.filter((candidate) => candidate.status === 'cancelled').length).toBeGreaterThan(0);
    expect(removed.filter((candidate) => candidate.status === 'withdrawn').length).toBeGreaterThan(0);
  });

  it('keeps the printed number of a candidate removed after the ballots were printed, and only theirs', () => {
    const printedOn = new Map(pilotConstituencies.map((constituency) => [constituency.code, constituency.ballotsPrintedOn!]));
    const cancelledOn = new Map(ofElection(demo.cancellations, PILOT).map((c) => [c.candidateIin, c.decisionDate!]));
    const removed = pilotRegistered.filter((candidate) => candidate.status !== 'registered');
    const struck = removed.filter((candidate) => candidate.ballotOrder !== null);
    expect(struck.length).toBeGreaterThan(0);
    expect(struck.length).toBeLessThan(removed.length);
    for (const candidate of removed) {
      const removedOn = candidate.status === 'withdrawn' ? candidate.withdrawnOn! : cancelledOn.get(candidate.iin)!;
      expect(candidate.ballotOrder !== null, candidate.fullName).toBe(removedOn >= printedOn.get(candidate.constituencyCode)!);
    }
  });

  it('records the commission’s numbered decision for every registration and refusal, dated before registration closed', () => {
    for (const candidate of pilotCandidates.filter((c) => c.decidedAt !== null)) {
      expect(candidate.decisionNumber).toMatch(/^\d+\/\d+$/);
      expect(candidate.decisionDate).toBe(todayInKazakhstan(candidate.decidedAt!));
      expect(candidate.decisionDate! <= pilotElection.registrationDeadline).toBe(true);
      // Registration closes at 18:00 Kazakhstan time (13:00 UTC).
      expect(candidate.decidedAt!.toISOString() < `${pilotElection.registrationDeadline}T13:00`).toBe(true);
    }
  });
});

describe('2023 pilot elections: after the results', () => {
  it('registered every elected akim within the legal term, each decision numbered once in its constituency', () => {
    const registrations = ofElection(demo.akimRegistrations, PILOT);
    expect(registrations).toHaveLength(45);
    for (const constituency of pilotConstituencies) {
      const registration = registrations.find((r) => r.constituencyCode === constituency.code)!;
      expect(registration).toMatchObject({ outcome: 'registered', candidateIin: winnerOf(constituency).iin });
      expect(
        registration.decisionDate >= todayInKazakhstan(constituency.resultsOfficialAt!) && registration.decisionDate <= pilotElection.akimRegistrationDeadline,
      ).toBe(true);
      const numbers = [
        ...pilotCandidates.filter((c) => c.constituencyCode === constituency.code && c.decisionNumber).map((c) => c.decisionNumber),
        ...ofElection(demo.cancellations, PILOT)
          .filter((c) => pilotCandidates.find((k) => k.iin === c.candidateIin)!.constituencyCode === constituency.code)
          .map((c) => c.decisionNumber),
        registration.decisionNumber,
      ];
      expect(new Set(numbers).size).toBe(numbers.length);
    }
  });

  it('refunded the deposits of the elected and of candidates with at least 5% of the votes, and no others', () => {
    for (const constituency of pilotConstituencies) {
      const entries = pilotProtocols.filter((p) => p.constituencyCode === constituency.code).map(approvedEntry);
      const valid = total(entries.map((entry) => foundIn(entry) - entry.ballotsInvalid));
      const winner = winnerOf(constituency);
      for (const candidate of pilotCandidates.filter((c) => c.constituencyCode === constituency.code)) {
        const votes = votesByCandidate.get(candidate.iin) ?? 0;
        const due = candidate.depositPaidOn !== null && candidate.status === 'registered' && (candidate === winner || votes * 20 >= valid);
        expect(candidate.depositRefundedOn !== null, candidate.fullName).toBe(due);
        if (due) expect(candidate.depositRefundedOn! > todayInKazakhstan(constituency.resultsOfficialAt!)).toBe(true);
      }
    }
  });
});

describe('every candidate of the demo', () => {
  it('has a valid IIN matching birth date and sex, unique within the election', () => {
    for (const candidate of demo.candidates) {
      expect(validateIin(candidate.iin, { birthDate: candidate.birthDate, sex: candidate.sex }), candidate.iin).toMatchObject({ ok: true });
    }
    for (const election of demo.elections) {
      const iins = ofElection(demo.candidates, election.slug).map((candidate) => candidate.iin);
      expect(new Set(iins).size).toBe(iins.length);
    }
  });

  it('has the checklist of its nomination route; registered candidates passed every check', () => {
    for (const candidate of demo.candidates) {
      const expected = [
        'age',
        'iin',
        'deposit',
        ...(candidate.nominationRoute === 'self' ? ['signatures'] : []),
        'nomination_window',
        ...(candidate.nominationRoute === 'party' ? ['party_quota'] : []),
        'citizenship',
        'criminal_record',
        'civil_service',
        'declarations',
      ];
      expect(candidate.checks.map((check) => check.code)).toEqual(expected);
      if (candidate.status === 'registered' || candidate.status === 'cancelled' || (candidate.status === 'withdrawn' && candidate.decidedAt !== null))
        expect(candidate.checks.every((check) => check.outcome === 'passed' && check.detail !== '')).toBe(true);
    }
  });

  it('shows the working of the age check', () => {
    const candidate = pilotRegistered[0]!;
    const age = completedYears(candidate.birthDate, pilotElection.votingDay);
    const detail = decodeDetail(candidate.checks.find((check) => check.code === 'age')?.detail ?? '');
    expect(detail).toEqual({ key: 'candidates.checkDetails.age', values: { age, minimum: 25, votingDay: pilotElection.votingDay } });
  });

  it('has at most one nominee per party per constituency still standing', () => {
    const standing = demo.candidates.filter((candidate) => candidate.partyCode !== null && ['nominated', 'registered'].includes(candidate.status));
    const keys = standing.map((candidate) => `${candidate.electionSlug}/${candidate.constituencyCode}/${candidate.partyCode}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('2023 pilot elections: results', () => {
  it('has one approved protocol per precinct, entered twice identically by the region’s two operators', () => {
    expect(pilotProtocols).toHaveLength(1491);
    const byConstituency = new Map(pilotConstituencies.map((constituency) => [constituency.code, constituency]));
    const keys = new Set(pilotProtocols.map((protocol) => `${protocol.constituencyCode}/${protocol.precinctNumber}`));
    expect(keys.size).toBe(1491);
    for (const protocol of pilotProtocols) {
      const region = byConstituency.get(protocol.constituencyCode)!.regionCode;
      expect(protocol.status).toBe('approved');
      expect(protocol.version.approvedBy).toBe(`reviewer.${region}@demo.kz`);
      const [first, second] = protocol.entries;
      expect(protocol.entries.map((entry) => `${entry.kind}:${entry.enteredBy}`)).toEqual([
        `first:operator.${region}@demo.kz`,
        `second:operator2.${region}@demo.kz`,
      ]);
      const { kind: _firstKind, enteredBy: _firstBy, enteredAt: _firstAt, ...firstFigures } = first!;
      const { kind: _secondKind, enteredBy: _secondBy, enteredAt: _secondAt, ...secondFigures } = second!;
      expect(secondFigures).toEqual(firstFigures);
      expect(protocol.approvedEntryKind).toBe('first');
      const onBallot = pilotOnBallot.filter((candidate) => candidate.constituencyCode === protocol.constituencyCode).map((candidate) => candidate.iin);
      expect(first!.votes.map((line) => line.candidateIin).sort()).toEqual([...onBallot].sort());
    }
  });

  it('reaches a turnout of 62.79%', () => {
    // Ballots found in both kinds of boxes over the voters on the lists at the close of voting.
    const cast = total(pilotProtocols.map((protocol) => foundIn(approvedEntry(protocol))));
    const voters = total(pilotProtocols.map((protocol) => approvedEntry(protocol).votersAtClose));
    expect(roundTo((100 * cast) / voters, 2)).toBe(62.79);
  });

  it('has mobile-box voting in many precincts and lists that grew on the day in some', () => {
    const approved = pilotProtocols.map(approvedEntry);
    const mobile = approved.filter((entry) => entry.ballotsFoundMobile > 0).length;
    const grown = approved.filter((entry) => entry.votersAtClose > entry.votersOnList).length;
    expect(mobile).toBeGreaterThan(approved.length / 3);
    expect(mobile).toBeLessThan(approved.length);
    expect(grown).toBeGreaterThan(50);
    expect(grown).toBeLessThan(approved.length / 5);
    expect(approved.every((entry) => entry.votersAtClose >= entry.votersOnList)).toBe(true);
  });

  it('elects one winner per constituency, 46.7 years old on average, 41 of them already akims or deputies', () => {
    const winners = pilotConstituencies.map(winnerOf);
    const averageAge = total(winners.map((winner) => completedYears(winner.birthDate, pilotElection.votingDay))) / winners.length;
    expect(roundTo(averageAge, 1)).toBe(46.7);
    expect(winners.filter((winner) => /^(Akim|Deputy) /.test(winner.currentPosition))).toHaveLength(41);
  });

  it('has Aktobe, Turkistan, Almaty, Mangystau and Jetisu as the regions with the highest turnout', () => {
    const regionOf = new Map(pilotConstituencies.map((constituency) => [constituency.code, constituency.regionCode]));
    const byRegion = new Map<string, { cast: number; voters: number }>();
    for (const protocol of pilotProtocols) {
      const region = regionOf.get(protocol.constituencyCode)!;
      const sums = byRegion.get(region) ?? { cast: 0, voters: 0 };
      sums.cast += foundIn(approvedEntry(protocol));
      sums.voters += approvedEntry(protocol).votersAtClose;
      byRegion.set(region, sums);
    }
    const ranking = [...byRegion].sort(([, a], [, b]) => b.cast / b.voters - a.cast / a.voters).map(([region]) => region);
    expect(ranking.slice(0, 5)).toEqual(['aktobe', 'turkistan', 'almaty', 'mangystau', 'jetisu']);
  });
});

describe('every protocol entry of the demo', () => {
  const entries: DemoProtocolEntry[] = demo.protocols.flatMap((protocol) => protocol.entries);

  it('satisfies the control relations of the protocol definition, signatures included', () => {
    expect(entries.length).toBeGreaterThan(2 * 1491);
    for (const entry of entries) {
      const votes = entry.votes.map((line) => line.votes);
      const counts = [
        ...LINE_KEYS.map((key) => entry[key]),
        entry.votesAgainstAll ?? 0,
        ...votes,
        entry.membersTotal!,
        entry.membersPresent!,
        entry.membersSigning!,
      ];
      expect(counts.every((count) => Number.isInteger(count) && count >= 0)).toBe(true);
      const figures: ProtocolFigures = {
        ...(Object.fromEntries(LINE_KEYS.map((key) => [key, entry[key]])) as Record<LineKey, number>),
        votesAgainstAll: entry.votesAgainstAll,
        votes: Object.fromEntries(entry.votes.map((line, index) => [index + 1, line.votes])),
        signatures: {
          chairName: entry.chairName!,
          secretaryName: entry.secretaryName!,
          membersTotal: entry.membersTotal!,
          membersPresent: entry.membersPresent!,
          membersSigning: entry.membersSigning!,
          dissentAttached: entry.dissentAttached!,
          signedAt: signedAtFromDate(entry.signedAt!),
        },
      };
      expect(checkControlRelations(figures)).toEqual([]);
      // Explicitly, the relations of the paper form: 2 = 3+4+7+8; 5+6 <= 3+4 <= 1; 6 <= 4; 5+6 = 9+10+11.
      expect(entry.ballotsReceived).toBe(entry.ballotsIssuedPremises + entry.ballotsIssuedOutside + entry.ballotsSpoiled + entry.ballotsUnused);
      expect(foundIn(entry)).toBeLessThanOrEqual(entry.ballotsIssuedPremises + entry.ballotsIssuedOutside);
      expect(entry.ballotsIssuedPremises + entry.ballotsIssuedOutside).toBeLessThanOrEqual(entry.votersAtClose);
      expect(entry.ballotsFoundMobile).toBeLessThanOrEqual(entry.ballotsIssuedOutside);
      expect(foundIn(entry)).toBe(entry.ballotsInvalid + total(votes) + (entry.votesAgainstAll ?? 0));
    }
  });

  it('was signed after the polls closed on voting day and no later than the next day', () => {
    const votingDay = new Map(demo.elections.map((election) => [election.slug, election.votingDay]));
    for (const protocol of demo.protocols) {
      const window = signedAtWindow(votingDay.get(protocol.electionSlug)!);
      for (const entry of protocol.entries) {
        const signed = signedAtFromDate(entry.signedAt!);
        expect(signed >= window.from && signed <= window.to, `${protocol.constituencyCode}/${protocol.precinctNumber}: ${signed}`).toBe(true);
      }
    }
  });

  it('counts the voters its precinct has on the list', () => {
    const voters = new Map(
      demo.constituencies.flatMap((constituency) =>
        constituency.precincts.map((precinct) => [`${constituency.electionSlug}/${constituency.code}/${precinct.number}`, precinct.votersOnList]),
      ),
    );
    for (const protocol of demo.protocols) {
      for (const entry of protocol.entries)
        expect(entry.votersOnList).toBe(voters.get(`${protocol.electionSlug}/${protocol.constituencyCode}/${protocol.precinctNumber}`));
    }
  });
});

describe('constituency lists', () => {
  it('has, per election and region, an approved revision 1 equal to the constituencies in force', () => {
    for (const election of demo.elections) {
      const constituencies = ofElection(demo.constituencies, election.slug);
      for (const regionCode of new Set(constituencies.map((constituency) => constituency.regionCode))) {
        const approved = demo.listRevisions.filter(
          (revision) => revision.electionSlug === election.slug && revision.regionCode === regionCode && revision.status === 'approved',
        );
        expect(approved.map((revision) => revision.revisionNo)).toEqual([1]);
        expect(approved[0]!.content).toEqual({
          constituencies: constituencies
            .filter((constituency) => constituency.regionCode === regionCode)
            .map(({ code, kind, nameKk, nameRu, nameEn, precincts }) => ({ code, kind, nameKk, nameRu, nameEn, precincts })),
        });
      }
    }
  });

  it('holds content the list editor accepts', () => {
    for (const revision of demo.listRevisions) expect(listContentSchema.safeParse(revision.content).success).toBe(true);
  });

  it('has 2023 results official everywhere', () => {
    expect(
      pilotConstituencies.every(
        (constituency) => constituency.resultsStatus === 'official' && constituency.resultsOfficialAt && constituency.resultsOfficialBy,
      ),
    ).toBe(true);
  });
});

describe('upcoming election: work waiting in every queue', () => {
  const upcoming = demo.elections.find((election) => election.slug === UPCOMING)!;
  const constituencies = ofElection(demo.constituencies, UPCOMING);
  const regionOf = new Map(constituencies.map((constituency) => [constituency.code, constituency.regionCode]));
  const inRegion = <T extends { constituencyCode: string }>(rows: T[], region: string) => rows.filter((row) => regionOf.get(row.constituencyCode) === region);

  it('runs its calendar around the reference date', () => {
    expect(upcoming).toMatchObject({
      calledOn: '2025-05-12',
      nominationOpensOn: '2025-05-27',
      nominationClosesOn: '2025-06-21',
      registrationDeadline: '2025-06-26',
      votingDay: '2025-07-26',
      againstAllOnBallot: true,
      winnerRule: 'plurality',
    });
  });

  it('has lists in force in five regions and open revisions: a draft, a submitted one, a returned one', () => {
    expect(new Set(constituencies.map((constituency) => constituency.regionCode)).size).toBeGreaterThanOrEqual(5);
    const open = ofElection(demo.listRevisions, UPCOMING).filter((revision) => revision.status !== 'approved');
    expect(open.map(({ regionCode, revisionNo, status }) => ({ regionCode, revisionNo, status }))).toEqual([
      { regionCode: 'aktobe', revisionNo: 2, status: 'draft' },
      { regionCode: 'almaty', revisionNo: 2, status: 'submitted' },
      { regionCode: 'turkistan', revisionNo: 2, status: 'returned' },
    ]);
    expect(open.find((revision) => revision.status === 'returned')?.reviewComment).toMatch(/^Precinct \d+ /);
    const aktobeInForce = demo.listRevisions.find(
      (revision) => revision.electionSlug === UPCOMING && revision.regionCode === 'aktobe' && revision.status === 'approved',
    )!;
    const precinctCount = (revision: typeof aktobeInForce) => total(revision.content.constituencies.map((constituency) => constituency.precincts.length));
    expect(precinctCount(open[0]!)).toBe(precinctCount(aktobeInForce) + 1);
  });

  it.each(['aktobe', 'almaty'])('has nominations waiting for review in %s, with pending and failed checks', (region) => {
    const waiting = inRegion(ofElection(demo.candidates, UPCOMING), region).filter((candidate) => candidate.status === 'nominated');
    expect(waiting.length).toBeGreaterThan(0);
    const outcomes = waiting.flatMap((candidate) => candidate.checks.map((check) => check.outcome));
    expect(outcomes).toContain('pending');
    expect(outcomes).toContain('failed');
    expect(waiting.some((candidate) => candidate.checks.some((check) => check.code === 'signatures' && check.outcome === 'failed'))).toBe(true);
  });

  it('has registered candidates with a ballot order', () => {
    const registered = ofElection(demo.candidates, UPCOMING).filter((candidate) => candidate.status === 'registered');
    expect(registered.length).toBeGreaterThan(0);
    expect(registered.every((candidate) => candidate.ballotOrder !== null)).toBe(true);
  });
});

describe('election being counted: protocols at every stage', () => {
  const regionOf = new Map(ofElection(demo.constituencies, COUNTING).map((constituency) => [constituency.code, constituency.regionCode]));
  const inCountingRegion = <T extends { constituencyCode: string }>(rows: T[], region: string) =>
    rows.filter((row) => regionOf.get(row.constituencyCode) === region);

  it('voted the day before the reference date, with every candidate registered', () => {
    expect(demo.elections.find((election) => election.slug === COUNTING)?.votingDay).toBe(addDays(REFERENCE_DATE, -1));
    expect(ofElection(demo.candidates, COUNTING).every((candidate) => candidate.status === 'registered' && candidate.ballotOrder !== null)).toBe(true);
  });

  it.each(['aktobe', 'almaty'])('has protocols at every stage in %s', (region) => {
    const protocols = inCountingRegion(ofElection(demo.protocols, COUNTING), region);
    expect(new Set(protocols.map((protocol) => protocol.status))).toEqual(new Set(['entered_once', 'awaiting_review', 'mismatch', 'approved']));
    const precincts = ofElection(demo.constituencies, COUNTING)
      .filter((constituency) => constituency.regionCode === region)
      .flatMap((constituency) => constituency.precincts);
    expect(protocols.length).toBeLessThan(precincts.length);
    const figures = (entry: DemoProtocolEntry | undefined) => entry && { ...entry, kind: null, enteredBy: null, enteredAt: null };
    for (const protocol of protocols) {
      const [first, second] = protocol.entries;
      expect(protocol.entries.length).toBe(protocol.status === 'entered_once' ? 1 : 2);
      if (protocol.status === 'mismatch') expect(figures(second)).not.toEqual(figures(first));
      if (protocol.status === 'awaiting_review' || protocol.status === 'approved') expect(figures(second)).toEqual(figures(first));
      expect(protocol.version.approvedBy !== null).toBe(protocol.status === 'approved');
    }
  });
});

describe('demo elections: phases', () => {
  it('puts each election in the phase its queues need on the reference date', () => {
    const phases = Object.fromEntries(
      demo.elections.map((election) => {
        const own = ofElection(demo.constituencies, election.slug);
        const resultsOfficial = own.length > 0 && own.every((constituency) => constituency.resultsStatus === 'official');
        return [
          election.slug,
          electionPhase({ ...election, announced: election.announcedAt !== null, archived: election.archivedAt !== null, resultsOfficial }, REFERENCE_DATE),
        ];
      }),
    );
    expect(phases).toEqual({
      'akim-2023': 'results_official',
      'akim-counting': 'counting',
      'akim-2027': 'nomination',
      'akim-2027-early': 'constituency_lists',
    });
  });
});

describe('demo users', () => {
  it('has an admin, an observer and two operators and a reviewer per region', () => {
    expect(demo.users.filter((user) => user.regionCode === null).map(({ email, role }) => ({ email, role }))).toEqual([
      { email: 'admin@demo.kz', role: 'admin' },
      { email: 'observer@demo.kz', role: 'observer' },
    ]);
    for (const region of demo.regions) {
      expect(demo.users.filter((user) => user.regionCode === region.code).map(({ email, role }) => `${role}:${email}`)).toEqual([
        `operator:operator.${region.code}@demo.kz`,
        `operator:operator2.${region.code}@demo.kz`,
        `reviewer:reviewer.${region.code}@demo.kz`,
      ]);
    }
    expect(new Set(demo.users.map((user) => user.fullName)).size).toBe(demo.users.length);
  });
});
