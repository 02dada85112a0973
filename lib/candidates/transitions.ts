import { canAccessRegion, hasPermission, type Permission, type Role } from '@/lib/auth/permissions';
import type { ErrorCode } from '@/lib/commands';
import { lastWithdrawalDay, type ElectionCalendar } from '@/lib/elections/calendar';
import { workRefusal, type Phase, type Work } from '@/lib/elections/phase';
import type { DepositSettlement } from './deposit';
import { allChecksPassed, refusalGroundsFor, type CheckOutcome, type RefusalGround } from './eligibility';
import type { MessageKey } from '@/lib/i18n/keys';

/**
 * The life of a candidate, and who may move it on — decided here, once, for the candidate page,
 * the review queue and the commands:
 *
 *   nominated ──register──▶ registered ──(results official)──▶ elected akim registered (per constituency)
 *       │  └──refuse──▶ refused          │
 *       └──withdraw──▶ withdrawn ◀──withdraw (until the cut-off)
 *                                        └──propose cancellation ─▶ cancellation decided by another person ─▶ cancelled
 *
 * Every step records the territorial commission's decision; the portal never decides itself.
 * Pure rules: lib/candidates/commands.ts applies them inside a transaction.
 */
export type CandidateStatus = 'nominated' | 'registered' | 'refused' | 'withdrawn' | 'cancelled';

export type CandidateState = {
  regionId: number;
  status: CandidateStatus;
  enteredBy: number;
  checks: { code: string; outcome: CheckOutcome }[];
  /** An open proposal to cancel the registration, and who made it. */
  pendingCancellation: { proposedBy: number } | null;
  depositRefundedOn: string | null;
  /** What the rules do with the deposit; null until the constituency's results are official. */
  depositSettlement: DepositSettlement | null;
  election: ElectionCalendar & { phase: Phase; withdrawalCutoffDays: number };
  /** Today in Kazakhstan (lib/calendar). */
  today: string;
};

export type Viewer = { id: number; role: Role; regionId: number | null };

export const CANDIDATE_ACTIONS = [
  'updateDocuments',
  'attest',
  'register',
  'refuse',
  'withdraw',
  'proposeCancellation',
  'decideCancellation',
  'recordDepositRefund',
] as const;
export type CandidateAction = (typeof CANDIDATE_ACTIONS)[number];

export type Refusal = { ok: false; code: ErrorCode; reason: MessageKey; values?: Record<string, string> };
export type Allowed<T = object> = { ok: true } & T;
export type Actions = Record<Exclude<CandidateAction, 'refuse'>, Allowed | Refusal> & { refuse: Allowed<{ grounds: RefusalGround[] }> | Refusal };

const PERMISSION: Record<CandidateAction, Permission> = {
  updateDocuments: 'candidate.nominate',
  attest: 'candidate.attest',
  register: 'candidate.decide',
  refuse: 'candidate.decide',
  withdraw: 'candidate.withdraw',
  proposeCancellation: 'candidate.proposeCancellation',
  decideCancellation: 'candidate.cancel',
  recordDepositRefund: 'candidate.settleDeposit',
};

const WORK: Record<CandidateAction, Work> = {
  updateDocuments: 'candidateReview',
  attest: 'candidateReview',
  register: 'candidateReview',
  refuse: 'candidateReview',
  withdraw: 'withdrawal',
  proposeCancellation: 'cancellation',
  decideCancellation: 'cancellation',
  recordDepositRefund: 'afterResults',
};

const refuse = (reason: MessageKey, code: ErrorCode = 'invalidState', values?: Record<string, string>): Refusal => ({
  ok: false,
  code,
  reason,
  ...(values ? { values } : {}),
});
const OK: Allowed = { ok: true };

/** The status (and other facts about the candidate) each action needs, or why not. */
function stateRule(action: CandidateAction, state: CandidateState, viewer: Viewer): Refusal | null {
  const { status } = state;
  switch (action) {
    case 'updateDocuments':
    case 'attest':
      return status === 'nominated' ? null : refuse('candidates.errors.alreadyDecided');
    case 'register':
    case 'refuse':
      if (status !== 'nominated') return refuse('candidates.errors.alreadyDecided');
      return state.enteredBy === viewer.id ? refuse('candidates.errors.ownNomination') : null;
    case 'withdraw':
      return status === 'nominated' || status === 'registered' ? null : refuse('candidates.errors.cannotWithdraw');
    case 'proposeCancellation':
      if (status !== 'registered') return refuse('candidates.errors.notRegistered');
      return state.pendingCancellation ? refuse('candidates.errors.cancellationPending') : null;
    case 'decideCancellation':
      if (status !== 'registered' || !state.pendingCancellation) return refuse('candidates.errors.noCancellationProposal');
      return state.pendingCancellation.proposedBy === viewer.id ? refuse('candidates.errors.ownCancellationProposal') : null;
    case 'recordDepositRefund':
      if (state.depositSettlement === null) return refuse('candidates.errors.resultsNotOfficial');
      if (state.depositSettlement !== 'refund') return refuse('candidates.errors.depositNotRefundable');
      return state.depositRefundedOn ? refuse('candidates.errors.depositAlreadyRefunded') : null;
  }
}

/** Deadlines inside a phase: withdrawals close `withdrawalCutoffDays` before voting day. */
function deadlineRule(action: CandidateAction, state: CandidateState): Refusal | null {
  if (action !== 'withdraw') return null;
  const lastDay = lastWithdrawalDay(state.election);
  return state.today > lastDay ? refuse('candidates.errors.withdrawalClosed', 'invalidState', { date: lastDay }) : null;
}

function check(action: CandidateAction, state: CandidateState, viewer: Viewer): Allowed | Refusal {
  if (!hasPermission(viewer, PERMISSION[action]) || !canAccessRegion(viewer, state.regionId)) return refuse('errors.forbidden', 'forbidden');
  const byState = stateRule(action, state, viewer);
  if (byState) return byState;
  const phase = workRefusal(WORK[action], state.election.phase, state.election);
  if (phase) return refuse(phase.message, 'invalidState', phase.values);
  return deadlineRule(action, state) ?? OK;
}

/** What `viewer` may do with the candidate now: each action allowed, or refused with the reason. */
export function availableActions(state: CandidateState, viewer: Viewer): Actions {
  const actions = Object.fromEntries(CANDIDATE_ACTIONS.map((action) => [action, check(action, state, viewer)])) as Record<CandidateAction, Allowed | Refusal>;
  if (actions.register.ok && !allChecksPassed(state.checks)) actions.register = refuse('candidates.errors.checksNotPassed');
  return { ...actions, refuse: actions.refuse.ok ? { ok: true, grounds: refusalGroundsFor(state.checks) } : actions.refuse };
}

/** Recording the day a constituency's ballots were printed: once, by a reviewer, before voting day. */
export function checkBallotsPrinted(
  state: { regionId: number; ballotsPrintedOn: string | null; election: ElectionCalendar & { phase: Phase } },
  viewer: Viewer,
): Allowed | Refusal {
  if (!hasPermission(viewer, 'candidate.recordBallotsPrinted') || !canAccessRegion(viewer, state.regionId)) return refuse('errors.forbidden', 'forbidden');
  if (state.ballotsPrintedOn) return refuse('candidates.errors.ballotsAlreadyPrinted');
  const phase = workRefusal('ballots', state.election.phase, state.election);
  return phase ? refuse(phase.message, 'invalidState', phase.values) : OK;
}
