/**
 * Who wins a constituency under the election's rule. The law leaves details open (domain brief:
 * U), so the rule, the turnout threshold and the repeat trigger are per-election settings:
 * - plurality: most votes wins; a tie for first place goes to the legal procedure;
 * - absolute_majority: the leader needs more than half of the votes of the voters who took part
 *   (ballots found in the boxes of both kinds, as the law words it), else a repeat vote;
 * - a turnout threshold, when set, must be reached, else a repeat election;
 * - "against all" has no effect unless the election says so (no source gives it the power to void
 *   an election): with `repeat_if_beats_all`, "against all" with more votes than every candidate
 *   means a repeat election.
 * Until every precinct is approved the leader is only "leading".
 */
export type WinnerRule = 'plurality' | 'absolute_majority';
export type AgainstAllEffect = 'none' | 'repeat_if_beats_all';

export type Outcome =
  | { status: 'no_results' }
  | { status: 'leading' | 'elected'; candidateId: number }
  | { status: 'tie'; candidateIds: number[] }
  | { status: 'repeat_required'; reason: 'turnout_below_threshold' | 'no_majority' | 'against_all' };

export type WinnerInput = {
  votes: { candidateId: number; votes: number }[];
  againstAll: number;
  votersOnList: number;
  ballotsCast: number;
  complete: boolean;
  rule: WinnerRule;
  turnoutThresholdBp: number | null;
  againstAllEffect: AgainstAllEffect;
};

export function decideWinner(input: WinnerInput): Outcome {
  if (input.ballotsCast === 0 || input.votes.length === 0) return { status: 'no_results' };
  const top = Math.max(...input.votes.map((v) => v.votes));
  const leaders = input.votes.filter((v) => v.votes === top).map((v) => v.candidateId);
  if (!input.complete) return leaders.length === 1 ? { status: 'leading', candidateId: leaders[0]! } : { status: 'tie', candidateIds: leaders };
  // Integer arithmetic: cast / voters < threshold / 10000, without rounding.
  if (input.turnoutThresholdBp !== null && input.ballotsCast * 10_000 < input.turnoutThresholdBp * input.votersOnList)
    return { status: 'repeat_required', reason: 'turnout_below_threshold' };
  if (input.againstAllEffect === 'repeat_if_beats_all' && input.againstAll > top) return { status: 'repeat_required', reason: 'against_all' };
  if (leaders.length > 1) return { status: 'tie', candidateIds: leaders };
  if (input.rule === 'absolute_majority' && top * 2 <= input.ballotsCast) return { status: 'repeat_required', reason: 'no_majority' };
  return { status: 'elected', candidateId: leaders[0]! };
}
