/** Kazakhstan keeps one time zone, UTC+5, since 1 March 2024; commission deadlines are local dates. */
const KAZAKHSTAN_OFFSET_MS = 5 * 60 * 60 * 1000;

export function todayInKazakhstan(now: Date = new Date()): string {
  return new Date(now.getTime() + KAZAKHSTAN_OFFSET_MS).toISOString().slice(0, 10);
}
