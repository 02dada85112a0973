import { parseIsoDate } from '@/lib/calendar';
import { REGIONS } from './geography';
import { createIinIssuer } from './people';
import { PARTIES } from './parties';
import { pilotElection } from './pilot-election';
import { createRandom } from './random';
import { countingElection } from './counting-election';
import { earlyElection } from './early-election';
import type { DemoData, ElectionDemo } from './types';
import { upcomingElection } from './upcoming-election';
import { demoUsers } from './users';

export type * from './types';
export { DEMO_PASSWORD } from './users';

/**
 * The whole demo as plain objects, the same on every run for the same `referenceDate`
 * (YYYY-MM-DD): the 2023 pilot elections as reported, and an upcoming election dated around
 * `referenceDate` with lists and nominations waiting in the queues, an election voted the day
 * before `referenceDate` with protocols at every stage, and early elections whose constituency
 * lists are still being drawn up (nomination opens after `referenceDate`).
 */
export function generateDemoData(referenceDate: string): DemoData {
  parseIsoDate(referenceDate);
  const issueIin = createIinIssuer(createRandom(0x11d));
  const pilot = pilotElection(issueIin);
  // Precinct numbers run on through a region, so later elections' continue after earlier ones'.
  const firstFreePrecinctNumber = (earlier: ElectionDemo[]) => (regionCode: string) =>
    1 +
    Math.max(
      0,
      ...earlier
        .flatMap((part) => part.constituencies)
        .filter((constituency) => constituency.regionCode === regionCode)
        .flatMap((constituency) => constituency.precincts.map((precinct) => precinct.number)),
    );
  const counting = countingElection(referenceDate, issueIin, firstFreePrecinctNumber([pilot]));
  const upcoming = upcomingElection(referenceDate, issueIin, firstFreePrecinctNumber([pilot, counting]));
  const early = earlyElection(referenceDate, firstFreePrecinctNumber([pilot]));
  const elections = [pilot, counting, upcoming, early];
  return {
    regions: REGIONS.map(({ code, nameKk, nameRu, nameEn }) => ({ code, nameKk, nameRu, nameEn })),
    parties: PARTIES,
    users: demoUsers(),
    elections: elections.map((part) => part.election),
    listRevisions: elections.flatMap((part) => part.listRevisions),
    constituencies: elections.flatMap((part) => part.constituencies),
    candidates: elections.flatMap((part) => part.candidates),
    cancellations: elections.flatMap((part) => part.cancellations),
    akimRegistrations: elections.flatMap((part) => part.akimRegistrations),
    protocols: elections.flatMap((part) => part.protocols),
  };
}
