import { addDays, asMoment, type LocalMoment } from '@/lib/calendar';
import { CALENDAR_ORDER, POLLS_CLOSE_AT, POLLS_OPEN_AT, REGISTRATION_CLOSES_AT, type ElectionCalendar } from './calendar';
import type { MessageKey } from '@/lib/i18n/keys';

/**
 * The phases an election moves through. All but draft, results official and archived follow
 * from the calendar and the time in Kazakhstan; those three are set by people (announcing,
 * certifying every constituency's results, archiving). Deadlines at a time of day hold at that
 * time: registration closes at 18:00 on its day, voting runs while the polls are open
 * (07:00-20:00) and counting starts when they close.
 */
export const PHASES = ['draft', 'constituency_lists', 'nomination', 'registration', 'campaign', 'voting', 'counting', 'results_official', 'archived'] as const;
export type Phase = (typeof PHASES)[number];

export type PhaseInputs = Omit<ElectionCalendar, 'resultsDeadline'> & {
  announced: boolean;
  archived: boolean;
  /** True when the election has constituencies and every one's results are official. */
  resultsOfficial: boolean;
};

/** `now` is Kazakhstan's wall clock (lib/calendar `nowInKazakhstan`); a bare date means its first minute. */
export function electionPhase(election: PhaseInputs, now: LocalMoment): Phase {
  if (election.archived) return 'archived';
  if (!election.announced) return 'draft';
  if (election.resultsOfficial) return 'results_official';
  const moment = asMoment(now);
  const today = moment.slice(0, 10);
  if (today < election.nominationOpensOn) return 'constituency_lists';
  if (today <= election.nominationClosesOn) return 'nomination';
  if (moment < registrationClosesAt(election)) return 'registration';
  if (moment < `${election.votingDay}T${POLLS_OPEN_AT}`) return 'campaign';
  if (moment < `${election.votingDay}T${POLLS_CLOSE_AT}`) return 'voting';
  return 'counting';
}

export const registrationClosesAt = (election: Pick<ElectionCalendar, 'registrationDeadline'>): LocalMoment =>
  `${election.registrationDeadline}T${REGISTRATION_CLOSES_AT}`;

/** Rules and calendar are locked from the day nomination opens (drafts never are). */
export const rulesLocked = (phase: Phase) => phase !== 'draft' && phase !== 'constituency_lists';

/** When each calendar-driven phase starts (a date, or a date and time); null for phases people start. */
export function phaseOpensOn(election: ElectionCalendar, phase: Phase): LocalMoment | null {
  switch (phase) {
    case 'constituency_lists':
      return election.calledOn;
    case 'nomination':
      return election.nominationOpensOn;
    case 'registration':
      return addDays(election.nominationClosesOn, 1);
    case 'campaign':
      return registrationClosesAt(election);
    case 'voting':
      return `${election.votingDay}T${POLLS_OPEN_AT}`;
    case 'counting':
      return `${election.votingDay}T${POLLS_CLOSE_AT}`;
    default:
      return null;
  }
}

/**
 * What each kind of work may be done in. Lists may still be amended after nomination opens
 * (approval then needs an admin's override, see constituency-lists/transitions); candidates are
 * registered until 18:00 on the registration deadline; withdrawals (until their cut-off, see
 * lib/candidates), cancellations and the ballots' printing date until the polls open; protocols
 * are entered once the polls have closed; the elected akim is registered and deposits settled
 * once a constituency's results are official (other constituencies may still be counting).
 */
export const WORK_PHASES = {
  constituencyLists: ['constituency_lists', 'nomination', 'registration', 'campaign'],
  nomination: ['nomination'],
  candidateReview: ['nomination', 'registration'],
  withdrawal: ['nomination', 'registration', 'campaign'],
  cancellation: ['nomination', 'registration', 'campaign'],
  ballots: ['nomination', 'registration', 'campaign'],
  protocols: ['counting'],
  certification: ['counting'],
  reopening: ['counting', 'results_official'],
  afterResults: ['counting', 'results_official'],
  // A reviewer may answer screening flags until the election is archived: the public sees them once results are official.
  screeningCheck: ['voting', 'counting', 'results_official'],
} as const satisfies Record<string, readonly Phase[]>;
export type Work = keyof typeof WORK_PHASES;

export const isWorkOpen = (work: Work, phase: Phase) => (WORK_PHASES[work] as readonly Phase[]).includes(phase);

/**
 * Why `work` is refused in `phase`, as a catalogue message naming the phase and the date the work
 * opens (or saying it has closed); null when the work is open.
 */
export function workRefusal(work: Work, phase: Phase, calendar: ElectionCalendar): { message: MessageKey; values: Record<string, string> } | null {
  if (isWorkOpen(work, phase)) return null;
  const firstAllowed = WORK_PHASES[work][0];
  const opensOn = PHASES.indexOf(phase) < PHASES.indexOf(firstAllowed) ? phaseOpensOn(calendar, firstAllowed) : null;
  return opensOn
    ? // A phase that starts at an hour (registration closing at 18:00, the polls at 07:00 and 20:00) names it.
      { message: 'elections.errors.workNotOpenYet', values: { work, phase, date: opensOn.slice(0, 10), time: opensOn.slice(11) || 'none' } }
    : { message: 'elections.errors.workClosed', values: { work, phase, date: '' } };
}

/** The next calendar date ahead of `today`, to show as the election's next date. */
export function nextDeadline(calendar: ElectionCalendar, today: string): { field: keyof ElectionCalendar; date: string } | null {
  const field = CALENDAR_ORDER.find((name) => calendar[name] >= today);
  return field ? { field, date: calendar[field] } : null;
}
