import { addDays } from '@/lib/calendar';

/**
 * The calendar an election gets by default, in days from voting day, as the law and the 2023 pilot
 * set it (domain brief): called at least 50 days before (51 in 2023: 15 Sep for 5 Nov), nomination
 * open from the next day, 50 days before, to 30 days before, registration closes 25 days before,
 * results due 3 days after.
 */
export const CALENDAR_OFFSETS = {
  calledOn: -51,
  nominationOpensOn: -50,
  nominationClosesOn: -30,
  registrationDeadline: -25,
  resultsDeadline: 3,
} as const;

/** The law: the election is called at least this many days before voting day. */
export const MIN_DAYS_CALLED_BEFORE_VOTING = 50;

export type CalendarField = keyof typeof CALENDAR_OFFSETS;
export type ElectionCalendar = Record<CalendarField | 'votingDay', string>;

/** The default calendar for a voting day (YYYY-MM-DD). */
export function calendarFor(votingDay: string): ElectionCalendar {
  const dates = Object.fromEntries(Object.entries(CALENDAR_OFFSETS).map(([field, offset]) => [field, addDays(votingDay, offset)]));
  return { votingDay, ...(dates as Record<CalendarField, string>) };
}

/** The calendar's dates in the order they must come, each with the one before it. */
export const CALENDAR_ORDER = ['calledOn', 'nominationOpensOn', 'nominationClosesOn', 'registrationDeadline', 'votingDay', 'resultsDeadline'] as const;
