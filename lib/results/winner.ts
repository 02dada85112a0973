/**
 * Who wins a constituency under the election's rule. The law leaves details open (domain brief:
 * U), so the rule, the turnout threshold and the repeat trigger are per-election settings:
 * - plurality: most votes wins; a tie for first place goes to the legal procedure;
 * - absolute_majority: the leader needs more than half of the valid votes, else a repeat vote;
 * - a turnout threshold, when set, must be reached, else a repeat election;
 * - if "against all" gets at least as many votes as the leader, nobody is elected (repeat election).
 * Until every precinct is approved the leader is only "leading".
 */
export type WinnerRule = 'plurality' | 'absolute_majority';

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
};

export function decideWinner(input: WinnerInput): Outcome {
  const valid = input.votes.reduce((sum, v) => sum + v.votes, 0) + input.againstAll;
  if (input.ballotsCast === 0 || input.votes.length === 0) return { status: 'no_results' };
  const top = Math.max(...input.votes.map((v) => v.votes));
  const leaders = input.votes.filter((v) => v.votes === top).map((v) => v.candidateId);
  if (!input.complete) return leaders.length === 1 ? { status: 'leading', candidateId: leaders[0]! } : { status: 'tie', candidateIds: leaders };
  // Integer arithmetic: cast / voters < threshold / 10000, without rounding.
  if (input.turnoutThresholdBp !== null && input.ballotsCast * 10_000 < input.turnoutThresholdBp * input.votersOnList)
    return { status: 'repeat_required', reason: 'turnout_below_threshold' };
  if (input.againstAll >= top) return { status: 'repeat_required', reason: 'against_all' };
  if (leaders.length > 1) return { status: 'tie', candidateIds: leaders };
  if (input.rule === 'absolute_majority' && top * 2 <= valid) return { status: 'repeat_required', reason: 'no_majority' };
  return { status: 'elected', candidateId: leaders[0]! };
}
