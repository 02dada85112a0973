import { canAccessRegion, hasPermission } from '@/lib/auth/permissions';
import { workRefusal, type Phase } from '@/lib/elections/phase';
import type { ElectionCalendar } from '@/lib/elections/calendar';
import type { Outcome } from '@/lib/results/winner';
import type { Allowed, Refusal, Viewer } from './transitions';
import type { MessageKey } from '@/lib/i18n/keys';

/**
 * The last step of a constituency: once its results are official the commission registers the
 * elected akim (within the legal term; later only with a reason), or — when the outcome requires
 * it (a repeat vote, a tie) — records that a repeat election is needed. Pure rules, shared by the
 * staff page and the command.
 */
export const AKIM_DECISION_MIN_REASON = 10;

export type AkimState = {
  regionId: number;
  resultsStatus: 'counting' | 'official';
  /** The day (in Kazakhstan) the results were declared official. */
  resultsOfficialOn: string | null;
  outcome: Outcome;
  /** A registration or a repeat election already recorded. */
  recorded: boolean;
  election: ElectionCalendar & { phase: Phase };
};

const refuse = (reason: MessageKey, code: Refusal['code'] = 'invalidState', values?: Record<string, string>): Refusal => ({
  ok: false,
  code,
  reason,
  ...(values ? { values } : {}),
});

function common(state: AkimState, viewer: Viewer): Refusal | null {
  if (!hasPermission(viewer, 'candidate.registerElected') || !canAccessRegion(viewer, state.regionId)) return refuse('errors.forbidden', 'forbidden');
  if (state.recorded) return refuse('candidates.errors.akimAlreadyRecorded');
  const phase = workRefusal('afterResults', state.election.phase, state.election);
  if (phase) return refuse(phase.message, 'invalidState', phase.values);
  if (state.resultsStatus !== 'official') return refuse('candidates.errors.resultsNotOfficial');
  return null;
}

export const repeatElectionNeeded = (outcome: Outcome) => outcome.status === 'repeat_required' || outcome.status === 'tie';

/** Which of the two records the viewer may make now: registering the winner, or a repeat election. */
export function akimActions(state: AkimState, viewer: Viewer): { register: Allowed<{ candidateId: number }> | Refusal; repeatElection: Allowed | Refusal } {
  const refusal = common(state, viewer);
  if (refusal) return { register: refusal, repeatElection: refusal };
  const { outcome } = state;
  return {
    register: outcome.status === 'elected' ? { ok: true, candidateId: outcome.candidateId } : refuse('candidates.errors.noWinner'),
    repeatElection: repeatElectionNeeded(outcome) ? { ok: true } : refuse('candidates.errors.noRepeatNeeded'),
  };
}

/** Field problems of the decision itself: its date, the winner named, a late registration's reason. */
export function akimDecisionErrors(
  state: AkimState,
  input: { decision: 'register' | 'repeatElection'; decisionDate: string; candidateId?: number; lateReason?: string },
  today: string,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (input.decisionDate < (state.resultsOfficialOn ?? state.election.votingDay) || input.decisionDate > today)
    errors.decisionDate = ['candidates.errors.akimDecisionDate'];
  if (input.decision === 'register') {
    if (state.outcome.status !== 'elected' || state.outcome.candidateId !== input.candidateId) errors.candidateId = ['candidates.errors.notTheWinner'];
    const late = input.decisionDate > state.election.akimRegistrationDeadline;
    if (late && (input.lateReason ?? '').length < AKIM_DECISION_MIN_REASON) errors.lateReason = ['candidates.errors.lateReasonRequired'];
  }
  return errors;
}
