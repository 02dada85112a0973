import type { PrecinctResult } from '@/lib/results/aggregate';

/**
 * What screening reads of one precinct's protocol, in screening's own words. Everything else in
 * lib/screening works on this type only, so when the protocol's lines change only
 * `screenedPrecinctOf` below has to follow.
 */
export type ScreenedPrecinct = {
  id: number;
  number: number;
  constituencyId: number;
  /** Voters on the list at the close of voting (the denominator of turnout). */
  voters: number;
  /** Ballots found in the boxes, stationary and mobile together (the numerator of turnout). */
  ballotsFound: number;
  invalid: number;
  /** Ballots found in the mobile boxes; null when the protocol has no such line (the mobile-box test is then skipped). */
  foundInMobileBoxes: number | null;
  againstAll: number;
  /** Votes per candidate id. */
  votes: Record<number, number>;
};

/**
 * A precinct's figures as the results module publishes them (`precinctResults`), or a typed
 * protocol's figures under review, which have the same names.
 */
export type PrecinctFigures = Pick<
  PrecinctResult,
  'id' | 'number' | 'constituencyId' | 'votersAtClose' | 'ballotsFoundStationary' | 'ballotsFoundMobile' | 'ballotsInvalid' | 'votes'
> & {
  votesAgainstAll: number | null;
};

/** The one adapter from the protocol's figures to screening's input. */
export function screenedPrecinctOf(figures: PrecinctFigures): ScreenedPrecinct {
  return {
    id: figures.id,
    number: figures.number,
    constituencyId: figures.constituencyId,
    voters: figures.votersAtClose,
    ballotsFound: figures.ballotsFoundStationary + figures.ballotsFoundMobile,
    invalid: figures.ballotsInvalid,
    foundInMobileBoxes: figures.ballotsFoundMobile,
    againstAll: figures.votesAgainstAll ?? 0,
    votes: figures.votes,
  };
}
