import { apportion } from '@/db/demo/arithmetic';
import { createRandom, type Random } from '@/db/demo/random';
import type { ScreenedPrecinct } from './figures';
import type { ScreeningInput } from './screen';

/**
 * Synthetic elections for measuring the screening tests (docs/screening.md): clean ones drawn from
 * realistic distributions, and the same ones with a known manipulation injected into known
 * precincts. Seeded, so every run measures the same elections.
 *
 * Clean: 45 constituencies in 15 regions with 15–60 precincts each; a third of precincts are town
 * stations (about 1,400 voters), the rest villages (about 450, widely spread). Each constituency
 * has its own level of turnout (around 63 %) and villages vote more and more for the leader, so
 * turnout and the leader's share are correlated as they are in real results. Shares of invalid
 * ballots, mobile-box ballots and "against all" vary around each constituency's own level.
 */

const gaussian = (random: Random) => Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

export type Manipulation = 'stuffing' | 'roundedTurnout' | 'roundedCounts';

/** What each manipulation does and to what share of precincts (the scenarios). */
export const MANIPULATIONS: Record<Manipulation, { share: number }> = {
  // Turnout raised to 90–100 % with every added ballot going to the constituency's leader.
  stuffing: { share: 0.03 },
  // Ballots found set to give a turnout of exactly a multiple of 5 %, the difference going to the leader.
  roundedTurnout: { share: 0.05 },
  // Every candidate's count written rounded to tens (ballots found follow).
  roundedCounts: { share: 0.05 },
};

export type SyntheticElection = ScreeningInput & {
  /** Ids of the precincts that were manipulated (empty for a clean election). */
  manipulated: Set<number>;
};

type Constituency = { id: number; regionId: number; precincts: ScreenedPrecinct[]; leaderId: number };

function cleanElection(random: Random): { constituencies: Constituency[] } {
  let nextPrecinctId = 1;
  let nextCandidateId = 1;
  const constituencies: Constituency[] = [];
  for (let c = 1; c <= 45; c += 1) {
    const turnoutLevel = logit(0.63) + 0.35 * gaussian(random);
    const candidateCount = random.int(2, 5);
    const leaderSupport = random.float(0.4, 0.75);
    const others = Array.from({ length: candidateCount - 1 }, () => random.float(0.2, 1));
    const othersTotal = others.reduce((sum, weight) => sum + weight, 0);
    const support = [leaderSupport, ...others.map((weight) => ((1 - leaderSupport) * weight) / othersTotal)];
    const candidateIds = support.map(() => nextCandidateId++);
    const invalidLevel = random.float(0.008, 0.025);
    const mobileLevel = random.float(0.02, 0.08);
    const againstAllLevel = random.float(0.01, 0.04);
    const precincts = Array.from({ length: random.int(15, 60) }, (_, index): ScreenedPrecinct => {
      const village = random.chance(2 / 3);
      const voters = Math.round(
        Math.min(3000, Math.max(40, Math.exp(village ? Math.log(450) + 0.6 * gaussian(random) : Math.log(1400) + 0.3 * gaussian(random)))),
      );
      const turnout = logistic(turnoutLevel + (village ? 0.2 : -0.1) + 0.3 * gaussian(random));
      const ballotsFound = Math.round(voters * turnout);
      const invalid = Math.round(ballotsFound * invalidLevel * Math.exp(0.35 * gaussian(random)));
      const againstAll = Math.round(ballotsFound * againstAllLevel * Math.exp(0.3 * gaussian(random)));
      const weights = support.map((share, i) => share * Math.exp(0.25 * gaussian(random) + (i === 0 && village ? 0.15 : 0)));
      const votes = apportion(Math.max(0, ballotsFound - invalid - againstAll), weights);
      return {
        id: nextPrecinctId++,
        number: index + 1,
        constituencyId: c,
        voters,
        ballotsFound,
        invalid,
        foundInMobileBoxes: Math.min(ballotsFound, Math.round(ballotsFound * mobileLevel * Math.exp(0.45 * gaussian(random)))),
        againstAll,
        votes: Object.fromEntries(candidateIds.map((id, i) => [id, votes[i]!])),
      };
    });
    const strongest = support.indexOf(Math.max(...support));
    constituencies.push({ id: c, regionId: 1 + ((c - 1) % 15), precincts, leaderId: candidateIds[strongest]! });
  }
  return { constituencies };
}

function inject(manipulation: Manipulation, precinct: ScreenedPrecinct, leaderId: number, random: Random): ScreenedPrecinct {
  const votes = { ...precinct.votes };
  if (manipulation === 'roundedCounts') {
    for (const id of Object.keys(votes)) votes[Number(id)] = Math.round(votes[Number(id)]! / 10) * 10;
    const ballotsFound = precinct.invalid + precinct.againstAll + Object.values(votes).reduce((sum, v) => sum + v, 0);
    return { ...precinct, votes, ballotsFound: Math.min(precinct.voters, ballotsFound) };
  }
  const target =
    manipulation === 'stuffing'
      ? Math.max(precinct.ballotsFound, Math.round(precinct.voters * random.float(0.9, 1)))
      : Math.round((Math.round((precinct.ballotsFound / precinct.voters) * 20) * 5 * precinct.voters) / 100);
  const added = Math.max(target - precinct.ballotsFound, -(votes[leaderId] ?? 0));
  votes[leaderId] = (votes[leaderId] ?? 0) + added;
  return { ...precinct, votes, ballotsFound: precinct.ballotsFound + added };
}

/** A clean election, or the same election with `manipulation` injected into its share of precincts. */
export function syntheticElection(seed: number, manipulation: Manipulation | null = null): SyntheticElection {
  const { constituencies } = cleanElection(createRandom(seed));
  const manipulated = new Set<number>();
  if (manipulation) {
    // A second stream, so the clean figures are the same with and without the manipulation.
    const random = createRandom(seed ^ 0x5eed);
    const all = constituencies.flatMap((c) => c.precincts.map((precinct) => ({ precinct, constituency: c })));
    for (const { precinct } of random.shuffle(all).slice(0, Math.round(all.length * MANIPULATIONS[manipulation].share))) manipulated.add(precinct.id);
    for (const constituency of constituencies) {
      constituency.precincts = constituency.precincts.map((precinct) =>
        manipulated.has(precinct.id) ? inject(manipulation, precinct, constituency.leaderId, random) : precinct,
      );
    }
  }
  return {
    electionId: seed,
    constituencies: constituencies.map(({ id, regionId }) => ({ id, regionId })),
    precincts: constituencies.flatMap((c) => c.precincts),
    manipulated,
  };
}
