import { addDays } from '@/lib/calendar';
import { calendarFor } from '@/lib/elections/calendar';
import { addMinutes, at } from './calendar';
import { requiredSignatures } from './candidate-checks';
import { nomination, newPerson, numberDecisions, withBallotOrder, type IinIssuer } from './candidates';
import { PLACE_COUNTED, PLACES_COUNTING, regionOf } from './geography';
import { approvedListRevisions } from './list-revisions';
import { higherEducation, otherPosition, servingPosition } from './people';
import { countPrecinct } from './protocol-figures';
import { createRandom, type Random } from './random';
import { akimElectionRules, DEPOSIT_SINCE_2024 } from './rules';
import type { DemoCandidate, DemoConstituency, DemoElection, DemoProtocol, DemoProtocolEntry, ElectionDemo, ProtocolFigures } from './types';
import { demoConstituencies } from './upcoming-election';
import { staffEmail } from './users';

export const COUNTING_ELECTION_SLUG = 'akim-counting';

/** Voting was yesterday: the calendar is the default one around that day. */
function countingElectionOn(referenceDate: string): DemoElection {
  const calendar = calendarFor(addDays(referenceDate, -1));
  return {
    slug: COUNTING_ELECTION_SLUG,
    nameKk: 'Аудан әкімдерінің сайлауы (демо, дауыс санау)',
    nameRu: 'Выборы акимов районов (демо, подсчёт голосов)',
    nameEn: 'Elections of district akims (demo, counting)',
    ...calendar,
    ...akimElectionRules(DEPOSIT_SINCE_2024),
    createdAt: at(calendar.calledOn, '04:00'),
    announcedAt: at(calendar.calledOn, '04:30'),
    archivedAt: null,
  };
}

/** Each district's ballot: the AMANAT nominee, a self-nominee and one more party's nominee. */
const BALLOTS: Record<string, (string | null)[]> = {
  'aktobe-martuk': ['amanat', null, 'auyl'],
  'aktobe-kobda': ['amanat', null],
  'almaty-zhambyl': ['amanat', null, 'ak-zhol'],
  'kostanay-karabalyk': ['amanat', null, 'auyl'],
};

function registeredCandidates(random: Random, issueIin: IinIssuer, election: DemoElection, constituencies: DemoConstituency[]): DemoCandidate[] {
  return constituencies.flatMap((constituency) =>
    (BALLOTS[constituency.code] ?? []).map((partyCode) => {
      const voters = constituency.precincts.reduce((total, precinct) => total + precinct.votersOnList, 0);
      const nominatedOn = addDays(election.nominationOpensOn, random.int(0, 15));
      return nomination({
        election,
        constituency,
        person: newPerson(random, issueIin, {
          sex: random.chance(0.2) ? 'female' : 'male',
          age: random.int(30, 60),
          votingDay: election.votingDay,
          education: higherEducation(random),
          currentPosition: random.chance(0.5) ? servingPosition(random, constituency.nameEn, regionOf(constituency.regionCode).nameEn) : otherPosition(random),
        }),
        partyCode,
        nominatedOn,
        createdAt: addMinutes(at(nominatedOn, '04:00'), random.int(0, 480)),
        depositPaidOn: nominatedOn,
        supportingSignatures: partyCode === null ? Math.ceil(requiredSignatures(election, voters) * random.float(1.1, 1.6)) : null,
        enteredBy: staffEmail('operator', constituency.regionCode),
        decision: { status: 'registered', reviewer: staffEmail('reviewer', constituency.regionCode), at: at(addDays(nominatedOn, 3), '06:00') },
      });
    }),
  );
}

/** Where protocols have started to come in; the other districts' commissions are still counting. */
const REPORTING = ['aktobe-martuk', 'almaty-zhambyl'];

/** The protocol stages, cycled over a constituency's precincts; null = no protocol yet. */
const PROTOCOL_STAGES = ['approved', 'awaiting_review', 'mismatch', 'entered_once', null] as const;

/** A second entry typed with 10 votes in the wrong candidate's row: still adds up, but differs. */
function misTyped(figures: ProtocolFigures): ProtocolFigures {
  return {
    ...figures,
    votes: figures.votes.map((line, index) => ({ ...line, votes: line.votes + (index === 0 ? -10 : index === 1 ? 10 : 0) })),
  };
}

/** Protocols typed since the polls closed, at every stage of double entry and review. */
function protocolsInProgress(random: Random, election: DemoElection, constituencies: DemoConstituency[], candidates: DemoCandidate[]): DemoProtocol[] {
  const reporting = constituencies.filter((constituency) => REPORTING.includes(constituency.code));
  const day = createRandom(0x2026_0c);
  return reporting.flatMap((constituency, constituencyIndex) => {
    const onBallot = candidates
      .filter((candidate) => candidate.constituencyCode === constituency.code && candidate.status === 'registered')
      .sort((a, b) => (a.ballotOrder ?? 0) - (b.ballotOrder ?? 0))
      .map((candidate) => ({ iin: candidate.iin, weight: random.float(0.3, 1) }));
    const operator = staffEmail('operator', constituency.regionCode);
    const operator2 = staffEmail('operator2', constituency.regionCode);
    return constituency.precincts.flatMap((precinct, precinctIndex): DemoProtocol[] => {
      const stage = PROTOCOL_STAGES[(precinctIndex + constituencyIndex) % PROTOCOL_STAGES.length] ?? null;
      if (stage === null) return [];
      const figures = countPrecinct(random, day, {
        votersOnList: precinct.votersOnList,
        ballotsCast: Math.round(precinct.votersOnList * random.float(0.55, 0.72)),
        againstAllOnBallot: election.againstAllOnBallot,
        candidates: onBallot,
        votersAdded: precinctIndex % 4 === 1 ? day.int(3, 40) : 0,
        pollsClosedAt: at(election.votingDay, '15:00'),
      });
      // Polls closed at 20:00 local (15:00 UTC) on voting day; counting ran into the night.
      const firstAt = addMinutes(at(election.votingDay, '16:00'), random.int(0, 600));
      const secondAt = addMinutes(firstAt, random.int(5, 60));
      const approvedAt = stage === 'approved' ? addMinutes(secondAt, random.int(10, 90)) : null;
      const entries: DemoProtocolEntry[] = [{ kind: 'first', enteredBy: operator, enteredAt: firstAt, ...figures }];
      if (stage !== 'entered_once') {
        entries.push({ kind: 'second', enteredBy: operator2, enteredAt: secondAt, ...(stage === 'mismatch' ? misTyped(figures) : figures) });
      }
      return [
        {
          electionSlug: election.slug,
          constituencyCode: constituency.code,
          precinctNumber: precinct.number,
          status: stage,
          updatedAt: approvedAt ?? (stage === 'entered_once' ? firstAt : secondAt),
          version: {
            createdBy: operator,
            createdAt: firstAt,
            approvedBy: approvedAt ? staffEmail('reviewer', constituency.regionCode) : null,
            approvedAt,
          },
          entries,
          approvedEntryKind: approvedAt ? 'first' : null,
        },
      ];
    });
  });
}

/**
 * Karabalyk counted overnight: every protocol approved and the results declared official at 23:30
 * on voting day, with a clear winner, a runner-up above the deposit threshold and a candidate
 * below it. The elected akim's registration and the deposits are left to the commission.
 */
function countedConstituency(referenceDate: string, issueIin: IinIssuer, election: DemoElection, firstFreePrecinctNumber: (regionCode: string) => number) {
  const random = createRandom(0x2026_0b);
  const [constituency] = demoConstituencies(random, election, [PLACE_COUNTED], firstFreePrecinctNumber).map((c): DemoConstituency => ({
    ...c,
    resultsStatus: 'official',
    resultsOfficialAt: at(addDays(referenceDate, -1), '18:30'),
    resultsOfficialBy: staffEmail('reviewer', c.regionCode),
  }));
  const candidates = registeredCandidates(random, issueIin, election, [constituency!]);
  const support = [1, 0.45, 0.03];
  const operator = staffEmail('operator', constituency!.regionCode);
  const day = createRandom(0x2026_0d);
  const protocols = constituency!.precincts.map((precinct): DemoProtocol => {
    const figures = countPrecinct(random, day, {
      votersOnList: precinct.votersOnList,
      ballotsCast: Math.round(precinct.votersOnList * random.float(0.55, 0.7)),
      againstAllOnBallot: election.againstAllOnBallot,
      candidates: candidates.map((candidate, index) => ({ iin: candidate.iin, weight: support[index] ?? 0.1 })),
      pollsClosedAt: at(election.votingDay, '15:00'),
    });
    const firstAt = addMinutes(at(election.votingDay, '15:30'), random.int(0, 90));
    const secondAt = addMinutes(firstAt, random.int(5, 30));
    const approvedAt = addMinutes(secondAt, random.int(10, 40));
    return {
      electionSlug: election.slug,
      constituencyCode: constituency!.code,
      precinctNumber: precinct.number,
      status: 'approved',
      updatedAt: approvedAt,
      version: { createdBy: operator, createdAt: firstAt, approvedBy: staffEmail('reviewer', constituency!.regionCode), approvedAt },
      entries: [
        { kind: 'first', enteredBy: operator, enteredAt: firstAt, ...figures },
        { kind: 'second', enteredBy: staffEmail('operator2', constituency!.regionCode), enteredAt: secondAt, ...figures },
      ],
      approvedEntryKind: 'first',
    };
  });
  return { constituency: constituency!, candidates, protocols };
}

/**
 * An election whose voting day was the day before `referenceDate`: lists in force, candidates
 * registered, protocols coming in at every stage in Aktobe and Almaty regions, and one district
 * (Karabalyk) already official.
 */
export function countingElection(referenceDate: string, issueIin: IinIssuer, firstFreePrecinctNumber: (regionCode: string) => number): ElectionDemo {
  const random = createRandom(0x2026);
  const election = countingElectionOn(referenceDate);
  // Ballots were printed two weeks before voting day.
  const printed = (c: DemoConstituency): DemoConstituency => ({ ...c, ballotsPrintedOn: addDays(election.votingDay, -14) });
  const counting = demoConstituencies(random, election, PLACES_COUNTING, firstFreePrecinctNumber).map(printed);
  const candidates = withBallotOrder(registeredCandidates(random, issueIin, election, counting));
  const counted = countedConstituency(referenceDate, issueIin, election, firstFreePrecinctNumber);
  const constituencies = [...counting, printed(counted.constituency)];
  const listTime = (time: string) => at(addDays(election.calledOn, 2), time);
  return numberDecisions({
    election,
    listRevisions: approvedListRevisions(election, constituencies, {
      createdAt: listTime('05:00'),
      submittedAt: listTime('06:00'),
      reviewedAt: listTime('07:30'),
    }),
    constituencies,
    candidates: [...candidates, ...withBallotOrder(counted.candidates)],
    cancellations: [],
    akimRegistrations: [],
    protocols: [...protocolsInProgress(random, election, counting, candidates), ...counted.protocols],
  });
}
