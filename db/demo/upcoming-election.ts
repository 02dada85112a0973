import { addDays } from '@/lib/calendar';
import { addMinutes, at } from './calendar';
import { requiredSignatures } from './candidate-checks';
import { nomination, newPerson, numberDecisions, withBallotOrder, type Decision, type IinIssuer } from './candidates';
import { PLACES_UPCOMING, regionOf, type Place } from './geography';
import { higherEducation, otherPosition, servingPosition } from './people';
import { approvedListRevisions } from './list-revisions';
import { layOutPrecincts, voterListWeight } from './precincts';
import { createRandom, type Random } from './random';
import { akimElectionRules, DEPOSIT_SINCE_2024 } from './rules';
import type { DemoCancellation, DemoCandidate, DemoConstituency, DemoElection, DemoListRevision, ElectionDemo } from './types';
import { staffEmail } from './users';

const UPCOMING_ELECTION_SLUG = 'akim-2027';

/** The calendar runs around the reference date (the day of seeding): nomination is open now. */
function upcomingElectionOn(referenceDate: string): DemoElection {
  const calledOn = addDays(referenceDate, -20);
  return {
    slug: UPCOMING_ELECTION_SLUG,
    nameKk: 'Аудан әкімдерінің сайлауы (демо, алдағы)',
    nameRu: 'Выборы акимов районов (демо, предстоящие)',
    nameEn: 'Elections of district akims (demo, upcoming)',
    votingDay: addDays(referenceDate, 55),
    calledOn,
    nominationOpensOn: addDays(referenceDate, -5),
    nominationClosesOn: addDays(referenceDate, 20),
    registrationDeadline: addDays(referenceDate, 25),
    resultsDeadline: addDays(referenceDate, 58),
    akimRegistrationDeadline: addDays(referenceDate, 65),
    ...akimElectionRules(DEPOSIT_SINCE_2024),
    createdAt: at(calledOn, '04:00'),
    announcedAt: at(calledOn, '04:30'),
    archivedAt: null,
  };
}

/** Where a nominee's file stands: registered, or waiting for review (complete or with a problem). */
type NomineePlan = { partyCode: string | null; state: 'registered' | 'awaiting_review' | 'short_of_signatures' | 'deposit_unpaid' };

const registered = (partyCode: string | null): NomineePlan => ({ partyCode, state: 'registered' });
const awaitingReview = (partyCode: string | null, state: NomineePlan['state'] = 'awaiting_review'): NomineePlan => ({ partyCode, state });

const NOMINEES: Record<string, NomineePlan[]> = {
  'aktobe-alga': [registered('amanat'), registered(null), registered('auyl')],
  'aktobe-temir': [registered('amanat'), awaitingReview(null, 'short_of_signatures'), awaitingReview('ak-zhol')],
  'aktobe-shalkar': [awaitingReview(null), awaitingReview('amanat', 'deposit_unpaid')],
  'almaty-karasay': [registered('amanat'), registered(null)],
  'almaty-ile': [registered('amanat'), awaitingReview(null, 'short_of_signatures'), awaitingReview('respublica'), awaitingReview(null)],
  'turkistan-kazygurt': [awaitingReview('amanat'), awaitingReview(null)],
  'mangystau-karakiya': [registered('amanat'), registered(null)],
};

/** Constituencies of `places` with 5-8 precincts each, numbered on from `firstFreePrecinctNumber`. */
export function demoConstituencies(
  random: Random,
  election: DemoElection,
  places: Place[],
  firstFreePrecinctNumber: (regionCode: string) => number,
): DemoConstituency[] {
  const nextNumber = new Map<string, number>();
  return places.map((place) => {
    const firstNumber = nextNumber.get(place.regionCode) ?? firstFreePrecinctNumber(place.regionCode);
    const precincts = layOutPrecincts(random, place, random.int(5, 8), firstNumber);
    nextNumber.set(place.regionCode, firstNumber + precincts.length);
    return {
      electionSlug: election.slug,
      regionCode: place.regionCode,
      code: place.code,
      kind: place.kind,
      nameKk: place.nameKk,
      nameRu: place.nameRu,
      nameEn: place.nameEn,
      listRevisionNo: 1,
      resultsStatus: 'counting',
      resultsOfficialAt: null,
      resultsOfficialBy: null,
      ballotsPrintedOn: null,
      precincts: precincts.map((precinct) => ({ number: precinct.number, address: precinct.address, votersOnList: voterListWeight(random, precinct) })),
    };
  });
}

function nominees(random: Random, issueIin: IinIssuer, election: DemoElection, referenceDate: string, constituencies: DemoConstituency[]): DemoCandidate[] {
  return constituencies.flatMap((constituency) =>
    (NOMINEES[constituency.code] ?? []).map((plan) => {
      const voters = constituency.precincts.reduce((total, precinct) => total + precinct.votersOnList, 0);
      const required = requiredSignatures(election, voters);
      // Registered nominees came in early in the window and were decided two days later.
      const nominatedOn = addDays(referenceDate, plan.state === 'registered' ? random.int(-5, -3) : random.int(-4, -1));
      const decision: Decision =
        plan.state === 'registered'
          ? {
              status: 'registered',
              reviewer: staffEmail('reviewer', constituency.regionCode),
              at: addMinutes(at(addDays(nominatedOn, 2), '05:00'), random.int(0, 420)),
            }
          : { status: 'nominated' };
      return nomination({
        election,
        constituency,
        person: newPerson(random, issueIin, {
          sex: random.chance(0.15) ? 'female' : 'male',
          age: random.int(28, 62),
          votingDay: election.votingDay,
          education: higherEducation(random),
          currentPosition: random.chance(0.5) ? servingPosition(random, constituency.nameEn, regionOf(constituency.regionCode).nameEn) : otherPosition(random),
        }),
        partyCode: plan.partyCode,
        nominatedOn,
        createdAt: addMinutes(at(nominatedOn, '04:00'), random.int(0, 480)),
        depositPaidOn: plan.state === 'deposit_unpaid' ? null : nominatedOn,
        supportingSignatures:
          plan.partyCode !== null
            ? null
            : plan.state === 'short_of_signatures'
              ? required - random.int(1, Math.ceil(required * 0.3))
              : Math.ceil(required * random.float(1.1, 1.8)),
        enteredBy: staffEmail('operator', constituency.regionCode),
        decision,
      });
    }),
  );
}

/** Almaty's operator has proposed cancelling a self-nominee's registration in Karasay: it waits for the reviewer. */
function cancellationProposal(referenceDate: string, candidates: DemoCandidate[]): DemoCancellation {
  const candidate = candidates.find((c) => c.constituencyCode === 'almaty-karasay' && c.status === 'registered' && c.partyCode === null);
  if (!candidate) throw new Error('No registered self-nominee in Karasay');
  return {
    electionSlug: candidate.electionSlug,
    candidateIin: candidate.iin,
    status: 'proposed',
    ground: 'false_information',
    explanation: 'The tax authority reports a business income the candidate left out of the asset declaration.',
    proposedBy: staffEmail('operator', 'almaty'),
    proposedAt: at(addDays(referenceDate, -1), '06:20'),
    decisionNumber: null,
    decisionDate: null,
    dismissalReason: null,
    decidedBy: null,
    decidedAt: null,
  };
}

type ListContent = DemoListRevision['content'];

function constituencyIn(content: ListContent, code: string) {
  const constituency = content.constituencies.find((candidate) => candidate.code === code);
  if (!constituency) throw new Error(`No constituency ${code} in the list`);
  return constituency;
}

/** Open revisions of three regions' lists: a draft, one submitted for review, one returned. */
function openListRevisions(referenceDate: string, election: DemoElection, inForce: DemoListRevision[]): DemoListRevision[] {
  const day = (offset: number, time: string) => at(addDays(referenceDate, offset), time);
  const contentInForce = (regionCode: string) => {
    const revisionOne = inForce.find((revision) => revision.regionCode === regionCode);
    if (!revisionOne) throw new Error(`No approved list for ${regionCode}`);
    return revisionOne.content;
  };
  const revisionTwo = (regionCode: string, change: (content: ListContent) => void) => {
    const content = structuredClone(contentInForce(regionCode));
    change(content);
    return {
      electionSlug: election.slug,
      regionCode,
      revisionNo: 2,
      content,
      createdBy: staffEmail('operator', regionCode),
      updatedBy: staffEmail('operator', regionCode),
    };
  };
  const aktobeDraft: DemoListRevision = {
    ...revisionTwo('aktobe', (content) => {
      // A new school opened in Temir district: one more polling station.
      const lastNumber = Math.max(...content.constituencies.flatMap((constituency) => constituency.precincts.map((precinct) => precinct.number)));
      constituencyIn(content, 'aktobe-temir').precincts.push({
        number: lastNumber + 1,
        address: 'пос. Шубаркудук, ул. Жастар, 7, средняя школа на 600 мест',
        votersOnList: 612,
      });
    }),
    status: 'draft',
    createdAt: day(-2, '05:10'),
    updatedAt: day(-1, '09:40'),
    submittedBy: null,
    submittedAt: null,
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
  };
  const almatySubmitted: DemoListRevision = {
    ...revisionTwo('almaty', (content) => {
      // The polling station moved to the new cultural centre, and new housing added voters.
      const [precinct] = constituencyIn(content, 'almaty-ile').precincts;
      if (!precinct) throw new Error('Ile district has no precincts');
      precinct.address = 'пос. Отеген батыр, ул. Кунаева, 21, районный дворец культуры';
      precinct.votersOnList += 143;
    }),
    status: 'submitted',
    createdAt: day(-3, '06:00'),
    updatedAt: day(-1, '08:15'),
    submittedBy: staffEmail('operator', 'almaty'),
    submittedAt: day(-1, '08:15'),
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
  };
  const saryagash = constituencyIn(contentInForce('turkistan'), 'turkistan-saryagash');
  const mergedPrecinct = saryagash.precincts[saryagash.precincts.length - 1]?.number;
  const turkistanReturned: DemoListRevision = {
    ...revisionTwo('turkistan', (content) => {
      const precincts = constituencyIn(content, 'turkistan-saryagash').precincts;
      precincts.splice(precincts.length - 1, 1);
    }),
    status: 'returned',
    createdAt: day(-4, '05:30'),
    updatedAt: day(-4, '10:00'),
    submittedBy: staffEmail('operator', 'turkistan'),
    submittedAt: day(-4, '10:00'),
    reviewedBy: staffEmail('reviewer', 'turkistan'),
    reviewedAt: day(-3, '07:20'),
    reviewComment: `Precinct ${mergedPrecinct} is removed without the maslikhat decision that merges it into a neighbouring precinct. Attach the decision or restore the precinct.`,
  };
  return [aktobeDraft, almatySubmitted, turkistanReturned];
}

/**
 * An election under way, dated around `referenceDate`: lists in force in five regions with open
 * revisions, nominations waiting for review.
 */
export function upcomingElection(referenceDate: string, issueIin: IinIssuer, firstFreePrecinctNumber: (regionCode: string) => number): ElectionDemo {
  const random = createRandom(0x2027);
  const election = upcomingElectionOn(referenceDate);
  const constituencies = demoConstituencies(random, election, PLACES_UPCOMING, firstFreePrecinctNumber);
  const candidates = withBallotOrder(nominees(random, issueIin, election, referenceDate, constituencies));
  const inForce = approvedListRevisions(election, constituencies, {
    createdAt: at(addDays(referenceDate, -19), '05:00'),
    submittedAt: at(addDays(referenceDate, -18), '06:00'),
    reviewedAt: at(addDays(referenceDate, -17), '07:30'),
  });
  return numberDecisions({
    election,
    listRevisions: [...inForce, ...openListRevisions(referenceDate, election, inForce)],
    constituencies,
    candidates,
    cancellations: [cancellationProposal(referenceDate, candidates)],
    akimRegistrations: [],
    protocols: [],
  });
}
