/**
 * What happens to a candidate's electoral deposit once the constituency's results are official
 * (domain brief: refunded to the elected candidate and to those with at least 5% of the votes,
 * forfeited otherwise). The share and the fate of deposits of candidates who were not on the
 * ballot on voting day (withdrawn, cancelled, refused) are election settings.
 */
export type DepositRules = { depositRefundThresholdBp: number; depositRuleWhenRemoved: 'refund' | 'forfeit' };

export type DepositFacts = {
  /** A deposit was paid (amount and date recorded). */
  paid: boolean;
  onBallot: boolean;
  elected: boolean;
  votes: number;
  /** The votes the share is taken of: the constituency's valid votes (candidates and "against all"). */
  constituencyVotes: number;
};

export type DepositSettlement = 'refund' | 'forfeit' | 'none';

export function depositSettlement(facts: DepositFacts, rules: DepositRules): DepositSettlement {
  if (!facts.paid) return 'none';
  if (!facts.onBallot) return rules.depositRuleWhenRemoved;
  if (facts.elected) return 'refund';
  // Integer arithmetic: votes / constituencyVotes >= threshold / 10000, without rounding.
  return facts.votes * 10_000 >= rules.depositRefundThresholdBp * facts.constituencyVotes ? 'refund' : 'forfeit';
}
