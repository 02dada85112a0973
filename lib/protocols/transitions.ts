import { canAccessRegion, hasPermission, type Permission, type Role } from '@/lib/auth/permissions';
import type { ErrorCode } from '@/lib/commands';
import type { ElectionCalendar } from '@/lib/elections/calendar';
import { workRefusal, type Phase, type Work } from '@/lib/elections/phase';
import type { MessageKey } from '@/lib/i18n/keys';

/**
 * The life of a precinct's protocol, and who may move it on — decided here, once, for the
 * protocol page, the work queue (nextPrecinctFor) and the commands:
 *
 *   missing ──enter──▶ entered_once ──enter (another operator)──▶ awaiting_review ──approve──▶ approved
 *      returned ──enter──▶ ┘                                  └─▶ mismatch ──resolve──▶ awaiting_review
 *   awaiting_review / mismatch ──return (with a comment)──▶ returned: a new version, typed twice again
 *   approved ──correct (with a reason)──▶ entered_once (a new version; the approved figures count until it is approved)
 *
 * Blind double entry and four eyes: whoever typed a copy of the current version neither types the
 * other copy nor resolves or approves it. Pure rules: lib/protocols/commands.ts applies them.
 */
export type ProtocolStatus = 'missing' | 'entered_once' | 'awaiting_review' | 'mismatch' | 'approved' | 'returned';

export const PROTOCOL_ACTIONS = ['enter', 'resolve', 'approve', 'return', 'correct'] as const;
export type ProtocolAction = (typeof PROTOCOL_ACTIONS)[number];

type Rule = {
  permission: Permission;
  /** The statuses the action starts from, with the refusal for any other. */
  from: readonly ProtocolStatus[];
  notFrom: MessageKey;
  /** Refused to whoever typed a copy (first or second, not a resolution) of the current version. */
  ownCopy: MessageKey | null;
};

export const PROTOCOL_RULES: Record<ProtocolAction, Rule> = {
  enter: {
    permission: 'protocol.enter',
    from: ['missing', 'returned', 'entered_once'],
    notFrom: 'protocols.errors.notAwaitingEntry',
    ownCopy: 'protocols.errors.bothCopies',
  },
  resolve: { permission: 'protocol.resolve', from: ['mismatch'], notFrom: 'protocols.errors.notMismatched', ownCopy: 'protocols.errors.ownEntry' },
  approve: { permission: 'protocol.approve', from: ['awaiting_review'], notFrom: 'protocols.errors.notAwaitingReview', ownCopy: 'protocols.errors.ownEntry' },
  return: { permission: 'protocol.return', from: ['awaiting_review', 'mismatch'], notFrom: 'protocols.errors.notUnderReview', ownCopy: null },
  correct: { permission: 'protocol.correct', from: ['approved'], notFrom: 'protocols.errors.notApproved', ownCopy: null },
};

/** The actions a work queue offers: a user's next protocol is one where one of these is allowed. */
export const QUEUE_ACTIONS = ['enter', 'resolve', 'approve'] as const satisfies readonly ProtocolAction[];

export type ProtocolState = {
  regionId: number;
  status: ProtocolStatus;
  /** Who typed the first and second copies of the current version (resolutions do not count). */
  typedBy: readonly number[];
  resultsStatus: 'counting' | 'official';
  election: ElectionCalendar & { phase: Phase };
};

export type Viewer = { id: number; role: Role; regionId: number | null };
export type Refusal = { ok: false; code: ErrorCode; reason: MessageKey; values?: Record<string, string> };
export type Allowed = { ok: true };
export type Decision = Allowed | Refusal;

const refuse = (reason: MessageKey, code: ErrorCode = 'invalidState', values?: Record<string, string>): Refusal => ({
  ok: false,
  code,
  reason,
  ...(values ? { values } : {}),
});
const OK: Allowed = { ok: true };

function phaseRefusal(work: Work, election: ProtocolState['election']): Refusal | null {
  const refusal = workRefusal(work, election.phase, election);
  return refusal ? refuse(refusal.message, 'invalidState', refusal.values) : null;
}

function check(action: ProtocolAction, state: ProtocolState, viewer: Viewer): Decision {
  const rule = PROTOCOL_RULES[action];
  if (!hasPermission(viewer, rule.permission) || !canAccessRegion(viewer, state.regionId)) return refuse('errors.forbidden', 'forbidden');
  if (state.resultsStatus === 'official') return refuse('protocols.errors.resultsOfficial');
  if (!rule.from.includes(state.status)) return refuse(rule.notFrom);
  if (rule.ownCopy && state.typedBy.includes(viewer.id)) return refuse(rule.ownCopy);
  return phaseRefusal('protocols', state.election) ?? OK;
}

/** What `viewer` may do with the protocol now: each action allowed, or refused with the reason. */
export function availableActions(state: ProtocolState, viewer: Viewer): Record<ProtocolAction, Decision> {
  return Object.fromEntries(PROTOCOL_ACTIONS.map((action) => [action, check(action, state, viewer)])) as Record<ProtocolAction, Decision>;
}

/** A constituency's results: declared official when every precinct is approved, reopened by an administrator. */
export type ResultsState = {
  regionId: number;
  resultsStatus: 'counting' | 'official';
  precincts: number;
  approved: number;
  election: ElectionCalendar & { phase: Phase };
};

export function resultsActions(state: ResultsState, viewer: Viewer): { markOfficial: Decision; reopen: Decision } {
  const allowed = (permission: Permission) => hasPermission(viewer, permission) && canAccessRegion(viewer, state.regionId);
  const markOfficial = (): Decision => {
    if (!allowed('results.markOfficial')) return refuse('errors.forbidden', 'forbidden');
    if (state.resultsStatus === 'official') return refuse('protocols.errors.resultsOfficial');
    const phase = phaseRefusal('certification', state.election);
    if (phase) return phase;
    if (state.precincts === 0 || state.approved < state.precincts)
      return refuse('protocols.errors.notAllApproved', 'invalidState', { remaining: String(state.precincts - state.approved), total: String(state.precincts) });
    return OK;
  };
  const reopen = (): Decision => {
    if (!allowed('results.reopen')) return refuse('errors.forbidden', 'forbidden');
    if (state.resultsStatus !== 'official') return refuse('protocols.errors.notOfficial');
    return phaseRefusal('reopening', state.election) ?? OK;
  };
  return { markOfficial: markOfficial(), reopen: reopen() };
}
