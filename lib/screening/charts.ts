import type { PrecinctScreening } from './screen';

/** What the public and staff screening charts draw, computed from a screening report. Pure. */

/** Precincts per whole percentage point of turnout: bin k holds turnouts in [k %, k+1 %); 100 % joins the last bin. */
export function turnoutHistogram(screened: readonly PrecinctScreening[]): number[] {
  const bins = new Array<number>(100).fill(0);
  for (const { turnout } of screened) bins[Math.min(99, Math.floor(turnout * 100))]! += 1;
  return bins;
}

export const FINGERPRINT_BINS = 20;

/**
 * The fingerprint: precincts counted by turnout (columns) and the constituency leader's share
 * (rows), in 5-point cells; `cells[row][column]`, row 0 = share 0–5 %.
 */
export function fingerprintGrid(screened: readonly PrecinctScreening[]): number[][] {
  const cells = Array.from({ length: FINGERPRINT_BINS }, () => new Array<number>(FINGERPRINT_BINS).fill(0));
  const bin = (share: number) => Math.min(FINGERPRINT_BINS - 1, Math.floor(share * FINGERPRINT_BINS));
  for (const { turnout, leaderShare } of screened) if (leaderShare !== null) cells[bin(leaderShare)]![bin(turnout)]! += 1;
  return cells;
}
