/**
 * The portal's one clock. Kazakhstan keeps one time zone, UTC+5, since 1 March 2024; commission
 * deadlines are local dates and times. Logic and display both use the constant below: an IANA
 * name such as Asia/Almaty would follow the machine's time-zone data (UTC+6 on older data), so
 * displayed times could drift an hour from the deadlines they describe.
 */
export const KAZAKHSTAN_UTC_OFFSET_HOURS = 5;
/** The same offset as a time zone for Intl and next-intl (POSIX "Etc/GMT-5" is UTC+5: the sign is inverted). */
export const KAZAKHSTAN_TIME_ZONE = `Etc/GMT-${KAZAKHSTAN_UTC_OFFSET_HOURS}`;
const OFFSET_MS = KAZAKHSTAN_UTC_OFFSET_HOURS * 60 * 60 * 1000;

/** A local moment in Kazakhstan written YYYY-MM-DDTHH:MM; a bare YYYY-MM-DD means the start of that day. */
export type LocalMoment = string;

/** Now (or `now`) as Kazakhstan's wall clock shows it, whatever the server's TZ. */
export function nowInKazakhstan(now: Date = new Date()): LocalMoment {
  return new Date(now.getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

export function todayInKazakhstan(now: Date = new Date()): string {
  return nowInKazakhstan(now).slice(0, 10);
}

/** A bare date as the moment its day starts, so moments compare as strings. */
export const asMoment = (moment: LocalMoment): LocalMoment => (moment.length === 10 ? `${moment}T00:00` : moment);

/** The instant of a local date and time (HH:MM) in Kazakhstan. */
export const kazakhstanInstant = (date: string, time = '00:00') => new Date(Date.parse(`${date}T${time}:00Z`) - OFFSET_MS);

/** Calendar arithmetic on YYYY-MM-DD strings, in UTC so the machine's time zone never matters. */
export const DAY_MS = 86_400_000;

/** A real calendar date written YYYY-MM-DD (not 2023-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && isoDate(parsed) === value;
}

export function parseIsoDate(date: string): Date {
  const text = date;
  if (!isIsoDate(text)) throw new RangeError(`Expected a YYYY-MM-DD date, got "${date}"`);
  return new Date(`${date}T00:00:00Z`);
}

export const isoDate = (moment: Date) => moment.toISOString().slice(0, 10);

export const addDays = (date: string, days: number) => isoDate(new Date(parseIsoDate(date).getTime() + days * DAY_MS));
