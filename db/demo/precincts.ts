import { pollingStationAddress, villagesOf, type Place } from './geography';
import type { Random } from './random';

export type LaidOutPrecinct = { number: number; address: string; inCentre: boolean };

/**
 * The polling stations of a place: about a third in the district centre (all of them in a city),
 * the rest in villages; numbers continue the region's numbering from `firstNumber`.
 */
export function layOutPrecincts(random: Random, place: Place, count: number, firstNumber: number): LaidOutPrecinct[] {
  const inCentreCount = place.kind === 'city' ? count : Math.max(1, Math.round(count * 0.3));
  const villages = villagesOf(random);
  return Array.from({ length: count }, (_, index) => {
    const inCentre = index < inCentreCount;
    const sequence = inCentre ? index : index - inCentreCount;
    return { number: firstNumber + index, address: pollingStationAddress(random, place, inCentre, sequence, villages), inCentre };
  });
}

/** Relative size of a precinct's list: town stations serve more voters than village ones. */
export const voterListWeight = (random: Random, precinct: LaidOutPrecinct) => (precinct.inCentre ? random.int(900, 2000) : random.int(150, 1100));
