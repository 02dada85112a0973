import { addDays, DAY_MS, parseIsoDate } from '@/lib/calendar';
import type { Random } from './random';

export const daysBetween = (from: string, to: string) => Math.round((parseIsoDate(to).getTime() - parseIsoDate(from).getTime()) / DAY_MS);

/** The instant `date` at `time` (HH:MM, UTC). */
export const at = (date: string, time: string) => new Date(parseIsoDate(date).getTime() + Date.parse(`1970-01-01T${time}:00Z`));

export const addMinutes = (moment: Date, minutes: number) => new Date(moment.getTime() + minutes * 60_000);

/** Age in completed years on `onDate`. */
export function ageOn(birthDate: string, onDate: string): number {
  const [birthYear, birthMonthDay] = [Number(birthDate.slice(0, 4)), birthDate.slice(5)];
  const [year, monthDay] = [Number(onDate.slice(0, 4)), onDate.slice(5)];
  return year - birthYear - (monthDay < birthMonthDay ? 1 : 0);
}

/** A birth date, uniformly chosen, of someone exactly `age` completed years old on `onDate`. */
export function birthDateForAge(random: Random, age: number, onDate: string): string {
  const year = Number(onDate.slice(0, 4));
  // Born after the birthday that would make them age + 1 and on or before the one that makes them `age`.
  const latest = `${year - age}${onDate.slice(4)}`.replace(/-02-29$/, '-02-28');
  const earliest = addDays(`${year - age - 1}${onDate.slice(4)}`.replace(/-02-29$/, '-02-28'), 1);
  return addDays(earliest, random.int(0, daysBetween(earliest, latest)));
}
