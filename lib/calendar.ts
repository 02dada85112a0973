/** Kazakhstan keeps one time zone, UTC+5, since 1 March 2024; commission deadlines are local dates. */
const KAZAKHSTAN_OFFSET_MS = 5 * 60 * 60 * 1000;

export function todayInKazakhstan(now: Date = new Date()): string {
  return new Date(now.getTime() + KAZAKHSTAN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so the machine's time zone never matters. */
export const DAY_MS = 86_400_000;

/** A real calendar date written YYYY-MM-DD (not 2023-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && isoDate(parsed) === value;
}

export function parseIsoDate(date: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  return new Date(`${date}T00:00:00Z`);
}

export const isoDate = (moment: Date) => moment.toISOString().slice(0, 10);

export const addDays = (date: string, days: number) => isoDate(new Date(parseIsoDate(date).getTime() + days * DAY_MS));

