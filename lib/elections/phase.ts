import { addDays } from '@/lib/calendar';
import { CALENDAR_ORDER, type ElectionCalendar } from './calendar';

/**
 * The phases an election moves through. All but draft, results official and archived follow
 * from the calendar and today's date in Kazakhstan; those three are set by people (announcing,
 * certifying every constituency's results, archiving).
 */
export const PHASES = [
  'draft',
  'constituency_lists',
  'nomination',
  'registration',
  'campaign',
  'voting',
  'counting',
  'results_official',
  'archived',
] as const;
export type Phase = (typeof PHASES)[number];

export type PhaseInputs = Omit<ElectionCalendar, 'resultsDeadline'> & {
  announced: boolean;
  archived: boolean;
  /** True when the election has constituencies and every one's results are official. */
  resultsOfficial: boolean;
};

export function electionPhase(election: PhaseInputs, today: string): Phase {
  if (election.archived) return 'archived';
  if (!election.announced) return 'draft';
  if (election.resultsOfficial) return 'results_official';
  if (today < election.nominationOpensOn) return 'constituency_lists';
  if (today <= election.nominationClosesOn) return 'nomination';
  if (today <= election.registrationDeadline) return 'registration';
  if (today < election.votingDay) return 'campaign';
  if (today === election.votingDay) return 'voting';
  return 'counting';
}

/** Rules and calendar are locked from the day nomination opens (drafts never are). */
export const rulesLocked = (phase: Phase) => phase !== 'draft' && phase !== 'constituency_lists';

/** The first day of each calendar-driven phase; null for phases people start. */
export function phaseOpensOn(election: ElectionCalendar, phase: Phase): string | null {
  switch (phase) {
    case 'constituency_lists':
      return election.calledOn;
    case 'nomination':
      return election.nominationOpensOn;
    case 'registration':
      return addDays(election.nominationClosesOn, 1);
    case 'campaign':
      return addDays(election.registrationDeadline, 1);
    case 'voting':
      return election.votingDay;
    case 'counting':
      return addDays(election.votingDay, 1);
    default:
      return null;
  }
}

/**
 * What each kind of work may be done in. Lists may still be amended after nomination opens
 * (approval then needs an admin's override, see constituency-lists/transitions); protocols are
 * entered from the evening of voting day; results are certified once counting has begun.
 */
export const WORK_PHASES = {
  constituencyLists: ['constituency_lists', 'nomination', 'registration', 'campaign'],
  nomination: ['nomination'],
  candidateReview: ['nomination', 'registration'],
  withdrawal: ['nomination', 'registration', 'campaign'],
  protocols: ['voting', 'counting'],
  certification: ['voting', 'counting'],
  reopening: ['voting', 'counting', 'results_official'],
  // A reviewer may answer screening flags until the election is archived: the public sees them once results are official.
  screeningCheck: ['voting', 'counting', 'results_official'],
} as const satisfies Record<string, readonly Phase[]>;
export type Work = keyof typeof WORK_PHASES;

export const isWorkOpen = (work: Work, phase: Phase) => (WORK_PHASES[work] as readonly Phase[]).includes(phase);

/**
 * Why `work` is refused in `phase`, as a catalogue message naming the phase and the date the work
 * opens (or saying it has closed); null when the work is open.
 */
export function workRefusal(work: Work, phase: Phase, calendar: ElectionCalendar): { message: string; values: Record<string, string> } | null {
  if (isWorkOpen(work, phase)) return null;
  const firstAllowed = WORK_PHASES[work][0];
  const opensOn = PHASES.indexOf(phase) < PHASES.indexOf(firstAllowed) ? phaseOpensOn(calendar, firstAllowed) : null;
  return opensOn
    ? { message: 'elections.errors.workNotOpenYet', values: { work, phase, date: opensOn } }
    : { message: 'elections.errors.workClosed', values: { work, phase, date: '' } };
}

/** The next calendar date ahead of `today`, to show as the election's next deadline. */
export function nextDeadline(calendar: ElectionCalendar, today: string): { field: keyof ElectionCalendar; date: string } | null {
  const field = CALENDAR_ORDER.find((name) => calendar[name] >= today);
  return field ? { field, date: calendar[field] } : null;
}
