import type { DemoElection } from './types';

/**
 * The rules every demo election shares (the 2023 pilot's): district and city akims, candidates
 * 25 or older, self-nominees need signatures of 1% of the voters, plurality, no turnout
 * threshold, "against all" on the ballot, withdrawals until two days before voting day, deposits
 * refunded from 5% of the votes and kept from candidates who withdrew or whose registration was
 * cancelled, approval without a protocol image allowed with a reason. The deposit is five minimum
 * monthly wages of the year.
 */
export const akimElectionRules = (depositAmount: number) =>
  ({
    kind: 'district_city_akim',
    minCandidateAge: 25,
    depositAmount,
    signatureShareBp: 100,
    winnerRule: 'plurality',
    turnoutThresholdBp: null,
    againstAllOnBallot: true,
    againstAllEffect: 'none',
    votersGrowthWarnBp: 500,
    protocolImageRequired: false,
    withdrawalCutoffDays: 2,
    depositRefundThresholdBp: 500,
    depositRuleWhenRemoved: 'forfeit',
  }) satisfies Partial<DemoElection>;

/** Five minimum monthly wages (85,000 tenge since 2024). */
export const DEPOSIT_SINCE_2024 = 425_000;
