import { addDays } from '@/lib/calendar';

/**
 * The calendar an election gets by default, in days from voting day, as the 2023 pilot ran it
 * (domain brief, "Calendar in 2023"): voting on 5 Nov 2023 was called on 15 Sep (51 days before;
 * the law wants at least 50), nomination opened the day after calling (16 Sep) and closed on 5 Oct,
 * registration closed on 10 Oct at 18:00, results were due by 8 Nov and the elected akim
 * registered within 7 days after that (by 15 Nov). Every date stays editable per election.
 */
export const CALENDAR_OFFSETS = {
  calledOn: -51,
  nominationOpensOn: -50,
  nominationClosesOn: -31,
  registrationDeadline: -26,
  resultsDeadline: 3,
  akimRegistrationDeadline: 10,
} as const;

/** The law: the election is called at least this many days before voting day. */
export const MIN_DAYS_CALLED_BEFORE_VOTING = 50;

/** Deadlines that fall at a time of day, Kazakhstan time (lib/calendar's one clock). */
export const REGISTRATION_CLOSES_AT = '18:00';
export const POLLS_OPEN_AT = '07:00';
export const POLLS_CLOSE_AT = '20:00';

export type CalendarField = keyof typeof CALENDAR_OFFSETS;
export type ElectionCalendar = Record<CalendarField | 'votingDay', string>;

/** The default calendar for a voting day (YYYY-MM-DD). */
export function calendarFor(votingDay: string): ElectionCalendar {
  const dates = Object.fromEntries(Object.entries(CALENDAR_OFFSETS).map(([field, offset]) => [field, addDays(votingDay, offset)]));
  return { votingDay, ...(dates as Record<CalendarField, string>) };
}

/** The day of silence: campaigning stops the day before voting day (by law, so not a setting). */
export const silenceDay = (votingDay: string) => addDays(votingDay, -1);

/** The last day a candidate or party may withdraw: `cutoffDays` before voting day. */
export const lastWithdrawalDay = (election: { votingDay: string; withdrawalCutoffDays: number }) => addDays(election.votingDay, -election.withdrawalCutoffDays);

/** The calendar's dates in the order they must come, each with the one before it. */
export const CALENDAR_ORDER = [
  'calledOn',
  'nominationOpensOn',
  'nominationClosesOn',
  'registrationDeadline',
  'votingDay',
  'resultsDeadline',
  'akimRegistrationDeadline',
] as const;

/** An election's calendar, picked from a record holding it (and more). */
export const calendarOf = (election: ElectionCalendar): ElectionCalendar =>
  Object.fromEntries(CALENDAR_ORDER.map((field) => [field, election[field]])) as ElectionCalendar;
