import { apportion, sum } from './arithmetic';
import { addDays } from '@/lib/calendar';
import type { CancellationGround, RefusalGround } from '@/lib/candidates/eligibility';
import { addMinutes, at, daysBetween } from './calendar';
import { requiredSignatures, type AttestedCheckCode } from './candidate-checks';
import {
  cancelledRegistration,
  nomination,
  newPerson,
  numberDecisions,
  withBallotOrder,
  withdrawnAfterRegistration,
  type Decision,
  type IinIssuer,
} from './candidates';
import { approvedListRevisions } from './list-revisions';
import { PLACES_2023, REGIONS, regionOf, type RegionCode } from './geography';
import { higherEducation, otherPosition, SECONDARY_EDUCATION, servingPosition } from './people';
import { PARTIES } from './parties';
import { layOutPrecincts, voterListWeight } from './precincts';
import { countPrecinct } from './protocol-figures';
import { createRandom, type Random } from './random';
import { akimElectionRules } from './rules';
import { settleOfficialConstituencies } from './settlement';
import type { DemoCancellation, DemoCandidate, DemoConstituency, DemoElection, DemoProtocol, ElectionDemo } from './types';
import { staffEmail } from './users';

const VOTING_DAY = '2023-11-05';

const PILOT_ELECTION: DemoElection = {
  slug: 'akim-2023',
  nameKk: '2023 жылғы 5 қарашадағы аудандар мен қалалар әкімдерінің пилоттық сайлауы',
  nameRu: 'Пилотные выборы акимов районов и городов 5 ноября 2023 года',
  nameEn: 'Pilot elections of district and city akims, 5 November 2023',
  votingDay: VOTING_DAY,
  // As reported: called on 15 September, nomination from the next day, registration closed on 10 October at 18:00.
  calledOn: '2023-09-15',
  nominationOpensOn: '2023-09-16',
  nominationClosesOn: '2023-10-05',
  registrationDeadline: '2023-10-10',
  resultsDeadline: '2023-11-08',
  akimRegistrationDeadline: '2023-11-15',
  ...akimElectionRules(350_000),
  createdAt: at('2023-09-15', '03:00'),
  announcedAt: at('2023-09-15', '03:30'),
  archivedAt: null,
};

/**
 * What was reported for 5 November 2023 (see the domain brief). The generator builds data that add
 * up to these figures; the tests recompute them from the generated rows.
 */
const REPORTED = {
  precincts: 1491,
  /** The CEC's count of candidates on the ballots on voting day; the other registered ones withdrew or were cancelled. */
  onBallot: 125,
  votersOnList: 1_062_327,
  turnoutBp: 6279,
  selfNominated: 89,
  womenRegistered: 16,
  winnersAverageAgeTenths: 467,
  winnersAlreadyServing: 41,
};

/** AMANAT nominated in every constituency; with these, 72 party nominees were registered. */
const OTHER_PARTY_NOMINEES: [partyCode: string, constituencies: number][] = [
  ['auyl', 8],
  ['peoples-party', 6],
  ['ak-zhol', 5],
  ['respublica', 3],
  ['baytaq', 3],
  ['nsdp', 2],
];

/** Reported as the most active regions, in this order. */
const MOST_ACTIVE_REGIONS: RegionCode[] = ['aktobe', 'turkistan', 'almaty', 'mangystau', 'jetisu'];

/**
 * Turnout per region: exact for the most active regions; for the others only their relative
 * level, as their ballots are scaled together so that the national turnout comes out as reported.
 */
const REGION_TURNOUT: Record<RegionCode, number> = {
  aktobe: 0.792,
  turkistan: 0.771,
  almaty: 0.748,
  mangystau: 0.727,
  jetisu: 0.706,
  kyzylorda: 0.662,
  jambyl: 0.651,
  atyrau: 0.638,
  'west-kazakhstan': 0.621,
  ulytau: 0.612,
  abai: 0.6,
  pavlodar: 0.583,
  akmola: 0.572,
  kostanay: 0.561,
  'north-kazakhstan': 0.548,
  'east-kazakhstan': 0.539,
  karaganda: 0.521,
};

/** A refusal on the legal ground of the check that failed (grounds tied to a check need it failed). */
type Refusal = { failing: 'age' | 'signatures' | AttestedCheckCode; ground: RefusalGround; note: string };

const REFUSALS: Refusal[] = [
  { failing: 'age', ground: 'age_below_minimum', note: 'The nominee turns 25 only after voting day.' },
  ...Array.from({ length: 3 }, (): Refusal => ({
    failing: 'signatures',
    ground: 'insufficient_signatures',
    note: 'The signature verification protocol found too many invalid signatures to reach 1% of the constituency’s voters.',
  })),
  ...Array.from({ length: 3 }, (): Refusal => ({
    failing: 'civil_service',
    ground: 'qualification_not_met',
    note: 'No higher education: the qualification requirements for the post of akim are not met.',
  })),
  {
    failing: 'criminal_record',
    ground: 'criminal_record',
    note: 'The certificate of the Committee on Legal Statistics and Special Records shows an unexpunged conviction.',
  },
  ...Array.from({ length: 2 }, (): Refusal => ({
    failing: 'declarations',
    ground: 'declarations_not_filed',
    note: 'The spouse’s declaration and the tax-authority certificate were not submitted by the deadline.',
  })),
];

/** Why registrations were cancelled before voting day, as the commissions' decisions put it. */
const CANCELLATIONS: { ground: CancellationGround; explanation: string }[] = [
  { ground: 'false_information', explanation: 'The State Revenue Committee’s check found income left out of the candidate’s asset declaration.' },
  {
    ground: 'official_position_abuse',
    explanation: 'The working group found the akimat’s vehicles and staff used for campaign meetings during working hours.',
  },
  { ground: 'voter_bribery', explanation: 'Food parcels handed out to voters at a campaign meeting (police report and statements of three witnesses).' },
  { ground: 'campaign_fund_violation', explanation: 'Campaign leaflets paid from outside the candidate’s election fund, over 10% of the fund’s limit.' },
  { ground: 'eligibility_lost', explanation: 'A court sentence for an intentional crime entered into force after the registration.' },
  { ground: 'court_decision', explanation: 'The registration was annulled by the district court on another candidate’s complaint.' },
];

const WITHDRAWALS: ('candidate' | 'party')[] = ['candidate', 'candidate', 'candidate', 'candidate', 'party', 'party'];

/** `count` ages in [min, max], nudged a year at a time until they add up to exactly `total`. */
function agesAddingUpTo(random: Random, count: number, total: number, min: number, max: number): number[] {
  if (total < count * min || total > count * max) throw new RangeError(`${count} ages in [${min}, ${max}] cannot add up to ${total}`);
  const ages = Array.from({ length: count }, () => random.int(min, max));
  for (let index = 0; sum(ages) !== total; index = (index + 1) % count) {
    const nudged = (ages[index] ?? min) + Math.sign(total - sum(ages));
    if (nudged >= min && nudged <= max) ages[index] = nudged;
  }
  return ages;
}

/** Constituencies with their precincts: exactly the reported number of precincts and voters. */
function pilotConstituencies(): DemoConstituency[] {
  const random = createRandom(2023_11_05);
  const precinctCounts = apportion(
    REPORTED.precincts,
    PLACES_2023.map((place) => place.size * random.float(0.7, 1.3)),
  );
  const nextNumber = new Map<string, number>();
  const laidOut = PLACES_2023.map((place, index) => {
    const firstNumber = nextNumber.get(place.regionCode) ?? 1;
    const precincts = layOutPrecincts(random, place, precinctCounts[index] ?? 0, firstNumber);
    nextNumber.set(place.regionCode, firstNumber + precincts.length);
    return { place, precincts };
  });
  const voters = apportion(
    REPORTED.votersOnList,
    laidOut.flatMap(({ precincts }) => precincts.map((precinct) => voterListWeight(random, precinct))),
  );
  let precinctIndex = 0;
  // Ballots were printed in the two weeks after registration closed.
  const printing = createRandom(0x2023_1017);
  return laidOut.map(({ place, precincts }) => ({
    electionSlug: PILOT_ELECTION.slug,
    regionCode: place.regionCode,
    code: place.code,
    kind: place.kind,
    nameKk: place.nameKk,
    nameRu: place.nameRu,
    nameEn: place.nameEn,
    listRevisionNo: 1,
    resultsStatus: 'official',
    resultsOfficialAt: addMinutes(at('2023-11-07', '05:00'), random.int(0, 300)),
    resultsOfficialBy: staffEmail('reviewer', place.regionCode),
    ballotsPrintedOn: addDays('2023-10-17', printing.int(0, 6)),
    precincts: precincts.map(({ number, address }) => ({ number, address, votersOnList: voters[precinctIndex++] ?? 0 })),
  }));
}

const votersIn = (constituency: DemoConstituency) => sum(constituency.precincts.map((precinct) => precinct.votersOnList));

type Slot = { constituency: DemoConstituency; partyCode: string | null };

/** Who stood where: AMANAT and one self-nominee everywhere, the other parties and self-nominees spread around. */
function nominationSlots(random: Random, constituencies: DemoConstituency[]): Slot[][] {
  const slots = constituencies.map((constituency): Slot[] => [
    { constituency, partyCode: 'amanat' },
    { constituency, partyCode: null },
  ]);
  for (const [partyCode, count] of OTHER_PARTY_NOMINEES) {
    for (const placeSlots of random.shuffle(slots).slice(0, count)) placeSlots.push({ ...(placeSlots[0] as Slot), partyCode });
  }
  let selfNominees = slots.length;
  while (selfNominees < REPORTED.selfNominated) {
    const placeSlots = random.pick(slots);
    if (placeSlots.length < 7) {
      placeSlots.push({ ...(placeSlots[0] as Slot), partyCode: null });
      selfNominees += 1;
    }
  }
  return slots;
}

/** Nominated on a day of the window, deposit paid within three days, decided before the deadline. */
function nominationDates(random: Random, election: DemoElection) {
  const nominatedOn = addDays(election.nominationOpensOn, random.int(0, 19));
  const depositPaidOn = [addDays(nominatedOn, random.int(0, 3)), election.nominationClosesOn].sort()[0] as string;
  const decidedOn = [addDays(nominatedOn, random.int(4, 10)), election.registrationDeadline].sort()[0] as string;
  return {
    nominatedOn,
    depositPaidOn,
    createdAt: addMinutes(at(nominatedOn, '04:00'), random.int(0, 480)),
    decidedAt: addMinutes(at(decidedOn, '05:00'), random.int(0, 420)),
  };
}

function registeredCandidates(random: Random, issueIin: IinIssuer, slotsByPlace: Slot[][]) {
  const winners = slotsByPlace.map((slots) => (random.chance(0.7) ? (slots[0] as Slot) : random.pick(slots.slice(1))));
  const winnerAges = agesAddingUpTo(random, winners.length, Math.round((REPORTED.winnersAverageAgeTenths * winners.length) / 10), 33, 60);
  const women = new Set(random.shuffle(slotsByPlace.flat()).slice(0, REPORTED.womenRegistered));
  const serving = new Set(random.shuffle(winners).slice(0, REPORTED.winnersAlreadyServing));
  // Relative support on the ballot, by IIN: the winner leads clearly; now and then a runner-up comes close.
  const support = new Map<string, number>();
  const winnerIins = new Set<string>();
  const candidates = slotsByPlace.flatMap((slots, placeIndex) =>
    slots.map((slot) => {
      const { constituency } = slot;
      const isWinner = winners[placeIndex] === slot;
      const dates = nominationDates(random, PILOT_ELECTION);
      const candidate = nomination({
        election: PILOT_ELECTION,
        constituency,
        person: newPerson(random, issueIin, {
          sex: women.has(slot) ? 'female' : 'male',
          age: isWinner ? (winnerAges[placeIndex] as number) : random.int(26, 66),
          votingDay: VOTING_DAY,
          education: higherEducation(random),
          currentPosition:
            serving.has(slot) || (!isWinner && random.chance(0.25))
              ? servingPosition(random, constituency.nameEn, regionOf(constituency.regionCode).nameEn)
              : otherPosition(random),
        }),
        partyCode: slot.partyCode,
        nominatedOn: dates.nominatedOn,
        createdAt: dates.createdAt,
        depositPaidOn: dates.depositPaidOn,
        supportingSignatures: slot.partyCode === null ? Math.ceil(requiredSignatures(PILOT_ELECTION, votersIn(constituency)) * random.float(1.05, 2.2)) : null,
        enteredBy: staffEmail('operator', constituency.regionCode),
        decision: { status: 'registered', reviewer: staffEmail('reviewer', constituency.regionCode), at: dates.decidedAt },
      });
      support.set(candidate.iin, isWinner ? 1 : random.chance(0.15) ? random.float(0.8, 0.9) : random.float(0.1, 0.65));
      if (isWinner) winnerIins.add(candidate.iin);
      return candidate;
    }),
  );
  return { candidates, support, winners: winnerIins };
}

/**
 * Registered candidates who were not on the ballots on voting day: some withdrew (by a statement,
 * or recalled by their party) until the cut-off two days before voting day, the registrations of
 * others were cancelled by the commission on a proposal. Never a winner, and every ballot keeps
 * at least two names.
 */
function removedBeforeVotingDay(registered: DemoCandidate[], winners: Set<string>): { candidates: DemoCandidate[]; cancellations: DemoCancellation[] } {
  const random = createRandom(0x2023_1104);
  const removals = registered.length - REPORTED.onBallot;
  const cancelledCount = 12;
  const standing = new Map<string, number>();
  for (const candidate of registered) standing.set(candidate.constituencyCode, (standing.get(candidate.constituencyCode) ?? 0) + 1);
  const removed: DemoCandidate[] = [];
  for (const candidate of random.shuffle(registered.filter((c) => !winners.has(c.iin)))) {
    if (removed.length === removals) break;
    if ((standing.get(candidate.constituencyCode) ?? 0) <= 2) continue;
    standing.set(candidate.constituencyCode, standing.get(candidate.constituencyCode)! - 1);
    removed.push(candidate);
  }
  if (removed.length !== removals) throw new Error(`Only ${removed.length} of ${removals} registered candidates could leave the ballots`);
  const lastWithdrawal = addDays(VOTING_DAY, -PILOT_ELECTION.withdrawalCutoffDays);
  const dayBetween = (from: string, to: string) => addDays(from, random.int(0, daysBetween(from, to)));
  const cancellations: DemoCancellation[] = [];
  const changed = new Map<string, DemoCandidate>();
  removed.forEach((candidate, index) => {
    const registeredOn = candidate.decisionDate!;
    const reviewer = staffEmail('reviewer', regionOfConstituency(candidate.constituencyCode));
    if (index >= cancelledCount) {
      const by = candidate.partyCode !== null && random.chance(0.4) ? 'party' : 'candidate';
      changed.set(
        candidate.iin,
        withdrawnAfterRegistration(candidate, {
          on: dayBetween(addDays(registeredOn, 1), lastWithdrawal),
          by,
          note: by === 'party' ? 'Recalled by decision of the party’s regional branch' : 'Withdrew by a written statement to the territorial commission',
        }),
      );
      return;
    }
    const proposedOn = dayBetween(addDays(registeredOn, 2), addDays(VOTING_DAY, -4));
    const decisionDate = addDays(proposedOn, random.int(1, 3));
    const reason = CANCELLATIONS[index % CANCELLATIONS.length]!;
    const result = cancelledRegistration(candidate, {
      ground: reason.ground,
      explanation: reason.explanation,
      proposedBy: staffEmail('operator', regionOfConstituency(candidate.constituencyCode)),
      proposedAt: addMinutes(at(proposedOn, '04:00'), random.int(0, 360)),
      decisionDate,
      decidedBy: reviewer,
      decidedAt: addMinutes(at(decisionDate, '05:00'), random.int(0, 360)),
    });
    changed.set(candidate.iin, result.candidate);
    cancellations.push(result.cancellation);
  });
  return { candidates: registered.map((candidate) => changed.get(candidate.iin) ?? candidate), cancellations };
}

const regionOfConstituency = (code: string) => PLACES_2023.find((place) => place.code === code)!.regionCode;

/** Refused and withdrawn nominees: never on the ballot, but part of the record. */
function unsuccessfulNominees(random: Random, issueIin: IinIssuer, slotsByPlace: Slot[][]): DemoCandidate[] {
  const partyAbsentFrom = (slots: Slot[]) => {
    const present = new Set(slots.map((slot) => slot.partyCode));
    return PARTIES.map((party) => party.code).filter((code) => !present.has(code));
  };
  const refused = REFUSALS.map((refusal) => {
    const slots = random.pick(slotsByPlace);
    const { constituency } = slots[0] as Slot;
    const absentParties = partyAbsentFrom(slots);
    const partyCode =
      refusal.failing === 'age' || refusal.failing === 'signatures' || absentParties.length === 0 || random.chance(0.5) ? null : random.pick(absentParties);
    const required = requiredSignatures(PILOT_ELECTION, votersIn(constituency));
    const dates = nominationDates(random, PILOT_ELECTION);
    const decision: Decision = {
      status: 'refused',
      reviewer: staffEmail('reviewer', constituency.regionCode),
      at: dates.decidedAt,
      ground: refusal.ground,
      note: refusal.note,
      failedAttestation: refusal.failing === 'age' || refusal.failing === 'signatures' ? undefined : { code: refusal.failing, note: refusal.note },
    };
    return nomination({
      election: PILOT_ELECTION,
      constituency,
      person: newPerson(random, issueIin, {
        sex: random.chance(0.1) ? 'female' : 'male',
        age: refusal.failing === 'age' ? PILOT_ELECTION.minCandidateAge - 1 : random.int(28, 64),
        votingDay: VOTING_DAY,
        education: refusal.failing === 'civil_service' ? SECONDARY_EDUCATION : higherEducation(random),
        currentPosition: otherPosition(random),
      }),
      partyCode,
      nominatedOn: dates.nominatedOn,
      createdAt: dates.createdAt,
      depositPaidOn: dates.depositPaidOn,
      supportingSignatures:
        partyCode !== null
          ? null
          : refusal.failing === 'signatures'
            ? required - random.int(1, Math.ceil(required * 0.3))
            : Math.ceil(required * random.float(1.05, 1.8)),
      enteredBy: staffEmail('operator', constituency.regionCode),
      decision,
    });
  });
  const withdrawn = WITHDRAWALS.map((by) => {
    // Parties that nominated nobody else there, so their slot in the constituency stays free.
    const slots = random.pick(slotsByPlace.filter((placeSlots) => partyAbsentFrom(placeSlots).length > 0));
    const { constituency } = slots[0] as Slot;
    const partyCode = by === 'party' || random.chance(0.25) ? random.pick(partyAbsentFrom(slots)) : null;
    const dates = nominationDates(random, PILOT_ELECTION);
    return nomination({
      election: PILOT_ELECTION,
      constituency,
      person: newPerson(random, issueIin, {
        sex: random.chance(0.1) ? 'female' : 'male',
        age: random.int(30, 62),
        votingDay: VOTING_DAY,
        education: higherEducation(random),
        currentPosition: otherPosition(random),
      }),
      partyCode,
      nominatedOn: dates.nominatedOn,
      createdAt: dates.createdAt,
      depositPaidOn: random.chance(0.5) ? dates.depositPaidOn : null,
      supportingSignatures: partyCode === null ? Math.ceil(requiredSignatures(PILOT_ELECTION, votersIn(constituency)) * random.float(0.4, 1.2)) : null,
      enteredBy: staffEmail('operator', constituency.regionCode),
      decision: {
        status: 'withdrawn',
        on: [addDays(dates.nominatedOn, random.int(2, 8)), PILOT_ELECTION.registrationDeadline].sort()[0] as string,
        by,
        note:
          by === 'party' ? 'Nomination recalled by decision of the party’s regional branch' : 'Withdrew by a written statement to the territorial commission',
      },
    });
  });
  return [...refused, ...withdrawn];
}

/** Voters added to the lists on voting day: about one precinct in twelve, a few dozen voters each (its own random sequence). */
function addedOnTheDay(constituencies: DemoConstituency[]): Map<string, number> {
  const day = createRandom(0x2023_1106);
  return new Map(
    constituencies.flatMap((constituency) =>
      constituency.precincts.map((precinct) => [`${constituency.code}/${precinct.number}`, day.int(0, 11) === 0 ? day.int(5, 45) : 0] as const),
    ),
  );
}

/**
 * Ballots found per precinct: the most active regions at their turnout, the rest scaled to the
 * national figure; turnout is taken against the voters at the close (lists plus voters added on the day).
 */
function ballotsCastByPrecinct(random: Random, constituencies: DemoConstituency[], added: Map<string, number>): Map<string, number> {
  const precinctsOf = (regionCode: string) =>
    constituencies
      .filter((constituency) => constituency.regionCode === regionCode)
      .flatMap((constituency) =>
        constituency.precincts.map((precinct) => {
          const key = `${constituency.code}/${precinct.number}`;
          return { key, voters: precinct.votersOnList + (added.get(key) ?? 0) };
        }),
      );
  const votersOf = (regionCode: string) => sum(precinctsOf(regionCode).map((precinct) => precinct.voters));
  const votersAtClose = REPORTED.votersOnList + sum([...added.values()]);
  const totalCast = Math.round((votersAtClose * REPORTED.turnoutBp) / 10_000);
  const activeCasts = MOST_ACTIVE_REGIONS.map((code) => Math.round(votersOf(code) * REGION_TURNOUT[code]));
  const otherRegions = REGIONS.map((region) => region.code).filter((code) => !MOST_ACTIVE_REGIONS.includes(code));
  const otherCasts = apportion(
    totalCast - sum(activeCasts),
    otherRegions.map((code) => votersOf(code) * REGION_TURNOUT[code]),
  );
  const castByRegion = new Map<RegionCode, number>([
    ...MOST_ACTIVE_REGIONS.map((code, index) => [code, activeCasts[index] as number] as const),
    ...otherRegions.map((code, index) => [code, otherCasts[index] as number] as const),
  ]);
  const castByPrecinct = new Map<string, number>();
  for (const [regionCode, regionCast] of castByRegion) {
    const precincts = precinctsOf(regionCode);
    const casts = apportion(
      regionCast,
      precincts.map((precinct) => precinct.voters * random.float(0.9, 1.1)),
    );
    precincts.forEach((precinct, index) => castByPrecinct.set(precinct.key, casts[index] as number));
  }
  return castByPrecinct;
}

/** Every precinct's protocol: entered twice, identically, by the region's two operators and approved. */
function approvedProtocols(random: Random, constituencies: DemoConstituency[], candidates: DemoCandidate[], support: Map<string, number>): DemoProtocol[] {
  const added = addedOnTheDay(constituencies);
  const castByPrecinct = ballotsCastByPrecinct(random, constituencies, added);
  const day = createRandom(0x2023_1107);
  return constituencies.flatMap((constituency) => {
    const onBallot = candidates
      .filter((candidate) => candidate.constituencyCode === constituency.code && candidate.status === 'registered')
      .map((candidate) => ({ iin: candidate.iin, weight: support.get(candidate.iin) as number }));
    return constituency.precincts.map((precinct): DemoProtocol => {
      const figures = countPrecinct(random, day, {
        votersOnList: precinct.votersOnList,
        ballotsCast: castByPrecinct.get(`${constituency.code}/${precinct.number}`) as number,
        againstAllOnBallot: PILOT_ELECTION.againstAllOnBallot,
        candidates: onBallot,
        votersAdded: added.get(`${constituency.code}/${precinct.number}`),
        pollsClosedAt: at(VOTING_DAY, '15:00'),
      });
      const firstAt = addMinutes(at(VOTING_DAY, '15:00'), random.int(0, 420));
      const secondAt = addMinutes(firstAt, random.int(5, 90));
      const approvedAt = addMinutes(secondAt, random.int(10, 120));
      return {
        electionSlug: PILOT_ELECTION.slug,
        constituencyCode: constituency.code,
        precinctNumber: precinct.number,
        status: 'approved',
        updatedAt: approvedAt,
        version: {
          createdBy: staffEmail('operator', constituency.regionCode),
          createdAt: firstAt,
          approvedBy: staffEmail('reviewer', constituency.regionCode),
          approvedAt,
        },
        entries: [
          { kind: 'first', enteredBy: staffEmail('operator', constituency.regionCode), enteredAt: firstAt, ...figures },
          { kind: 'second', enteredBy: staffEmail('operator2', constituency.regionCode), enteredAt: secondAt, ...figures },
        ],
        approvedEntryKind: 'first',
      };
    });
  });
}

/** The pilot elections of 5 November 2023, counted and official everywhere. */
export function pilotElection(issueIin: IinIssuer): ElectionDemo {
  const constituencies = pilotConstituencies();
  const random = createRandom(0x2023_1105);
  const slotsByPlace = nominationSlots(random, constituencies);
  const { candidates: everRegistered, support, winners } = registeredCandidates(random, issueIin, slotsByPlace);
  const { candidates: registered, cancellations } = removedBeforeVotingDay(everRegistered, winners);
  const printedOn = new Map(constituencies.map((constituency) => [constituency.code, constituency.ballotsPrintedOn]));
  const candidates = withBallotOrder([...registered, ...unsuccessfulNominees(random, issueIin, slotsByPlace)], {
    printedOn: (code) => printedOn.get(code) ?? null,
    cancellations,
  });
  const protocols = approvedProtocols(random, constituencies, candidates, support);
  const settled = settleOfficialConstituencies(createRandom(0x2023_1108), PILOT_ELECTION, constituencies, candidates, protocols);
  return numberDecisions({
    election: PILOT_ELECTION,
    listRevisions: approvedListRevisions(PILOT_ELECTION, constituencies, {
      createdAt: at('2023-09-15', '05:00'),
      submittedAt: at('2023-09-15', '06:00'),
      reviewedAt: at('2023-09-15', '07:30'),
    }),
    constituencies,
    candidates: settled.candidates,
    cancellations,
    akimRegistrations: settled.akimRegistrations,
    protocols,
  });
}
