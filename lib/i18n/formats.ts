import type { Formats } from 'next-intl';

/**
 * The portal's date formats, one per use, the same in every language (each language writes them
 * its own way): `format.dateTime(value, 'date')`. Calendar days (voting day, deadlines: stored as
 * YYYY-MM-DD) are formatted in UTC from `calendarDay()`, so the day never shifts; moments (a save,
 * an approval) in the portal's time zone from the request configuration.
 */
export const FORMATS = {
  dateTime: {
    /** A calendar day: "30 Nov 2026", "30 нояб. 2026 г.", "2026 ж. 30 қар." */
    date: { dateStyle: 'medium', timeZone: 'UTC' },
    /** A calendar day written out, for the date of a decision: "30 November 2026". */
    longDate: { dateStyle: 'long', timeZone: 'UTC' },
    /** A moment: day and time, "30 Nov 2026, 14:05". */
    dateTime: { dateStyle: 'medium', timeStyle: 'short' },
    /** A moment's time of day only, e.g. "last updated 14:05:12". */
    time: { timeStyle: 'medium' },
  },
} satisfies Formats;

/** A YYYY-MM-DD calendar day as the Date that the `date` format shows as that day. */
export const calendarDay = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Message arguments with every YYYY-MM-DD calendar day turned into a Date, for catalogue
 * messages that write days as `{date, date, date}` (the `date` format above). Refusals carry
 * their days as plain strings from the server; this is where they become dates.
 */
export function withCalendarDays<V extends string | number>(values: Record<string, V> | undefined): Record<string, V | Date> | undefined {
  if (!values) return values;
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, typeof value === 'string' && CALENDAR_DAY.test(value) ? calendarDay(value) : value]),
  );
}
