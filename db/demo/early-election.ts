import { addDays } from '@/lib/calendar';
import { at } from './calendar';
import { PLACES_EARLY } from './geography';
import { layOutPrecincts, voterListWeight } from './precincts';
import { createRandom } from './random';
import { akimElectionRules, DEPOSIT_SINCE_2024 } from './rules';
import type { DemoElection, DemoListRevision, ElectionDemo } from './types';
import { staffEmail } from './users';

export const EARLY_ELECTION_SLUG = 'akim-2027-early';

/** Called days ago; nomination opens in two weeks, so regions are still drawing up their lists. */
function earlyElectionOn(referenceDate: string): DemoElection {
  const calledOn = addDays(referenceDate, -5);
  return {
    slug: EARLY_ELECTION_SLUG,
    nameKk: 'Аудан әкімдерінің мерзімінен бұрын сайлауы (демо)',
    nameRu: 'Досрочные выборы акимов районов (демо)',
    nameEn: 'Early elections of district akims (demo)',
    votingDay: addDays(referenceDate, 64),
    calledOn,
    nominationOpensOn: addDays(referenceDate, 14),
    nominationClosesOn: addDays(referenceDate, 34),
    registrationDeadline: addDays(referenceDate, 39),
    resultsDeadline: addDays(referenceDate, 67),
    akimRegistrationDeadline: addDays(referenceDate, 74),
    ...akimElectionRules(DEPOSIT_SINCE_2024),
    createdAt: at(calledOn, '04:00'),
    announcedAt: at(calledOn, '04:30'),
    archivedAt: null,
  };
}

/**
 * Lists at the first stages: Almaty's first list is waiting for review, Karaganda's is a draft;
 * other regions (Aktobe among them) have not started, so a list can be drafted from scratch.
 */
export function earlyElection(referenceDate: string, firstFreePrecinctNumber: (regionCode: string) => number): ElectionDemo {
  const random = createRandom(0x2028);
  const election = earlyElectionOn(referenceDate);
  const day = (offset: number, time: string) => at(addDays(referenceDate, offset), time);
  const contentOf = (regionCode: string) => ({
    constituencies: PLACES_EARLY.filter((place) => place.regionCode === regionCode).map((place) => {
      // Numbers well above the region's other elections, as a new numbering block would be.
      const laidOut = layOutPrecincts(random, place, random.int(4, 6), firstFreePrecinctNumber(regionCode) + 200);
      return {
        code: place.code,
        kind: place.kind,
        nameKk: place.nameKk,
        nameRu: place.nameRu,
        nameEn: place.nameEn,
        precincts: laidOut.map((precinct) => ({ number: precinct.number, address: precinct.address, votersOnList: voterListWeight(random, precinct) })),
      };
    }),
  });
  const firstRevision = (regionCode: string) => ({
    electionSlug: election.slug,
    regionCode,
    revisionNo: 1,
    content: contentOf(regionCode),
    createdBy: staffEmail('operator', regionCode),
    updatedBy: staffEmail('operator', regionCode),
    reviewedBy: null,
    reviewedAt: null,
    reviewComment: null,
  });
  const listRevisions: DemoListRevision[] = [
    {
      ...firstRevision('almaty'),
      status: 'submitted',
      createdAt: day(-3, '05:10'),
      updatedAt: day(-2, '09:40'),
      submittedBy: staffEmail('operator', 'almaty'),
      submittedAt: day(-2, '09:40'),
    },
    { ...firstRevision('karaganda'), status: 'draft', createdAt: day(-1, '06:30'), updatedAt: day(-1, '07:05'), submittedBy: null, submittedAt: null },
  ];
  return { election, listRevisions, constituencies: [], candidates: [], cancellations: [], akimRegistrations: [], protocols: [] };
}
