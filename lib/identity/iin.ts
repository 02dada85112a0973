/**
 * Kazakhstan's individual identification number (IIN): 12 digits, YYMMDD birth date, one digit
 * for century and sex, four serial digits and a checksum digit. Pure: safe on client and server.
 */

export type Sex = 'male' | 'female';

export type IinFailure = 'format' | 'date' | 'century' | 'checksum' | 'birth_date_mismatch' | 'sex_mismatch';

export type IinValidation = { ok: true; birthDate: string; sex: Sex } | { ok: false; reason: IinFailure };

const FIRST_PASS_WEIGHTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const SECOND_PASS_WEIGHTS = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];

/** Digit 7: 1/2 = born in the 1800s, 3/4 = 1900s, 5/6 = 2000s; odd = male, even = female. */
const CENTURY_BY_DIGIT: Record<string, { century: number; sex: Sex }> = {
  '1': { century: 1800, sex: 'male' },
  '2': { century: 1800, sex: 'female' },
  '3': { century: 1900, sex: 'male' },
  '4': { century: 1900, sex: 'female' },
  '5': { century: 2000, sex: 'male' },
  '6': { century: 2000, sex: 'female' },
};

const weightedSumMod11 = (digits: string, weights: number[]) => weights.reduce((sum, weight, index) => sum + weight * Number(digits[index]), 0) % 11;

/**
 * The checksum digit for the first 11 digits, or null when none exists (both passes give 10):
 * such a prefix is never issued, so a generator must move on to another serial.
 */
export function iinChecksumDigit(first11: string): number | null {
  if (!/^[0-9]{11}$/.test(first11)) return null;
  const firstPass = weightedSumMod11(first11, FIRST_PASS_WEIGHTS);
  if (firstPass !== 10) return firstPass;
  const secondPass = weightedSumMod11(first11, SECOND_PASS_WEIGHTS);
  return secondPass === 10 ? null : secondPass;
}

/** True when `year-month-day` is a calendar date (rejects 31 April, 29 February 2023 and so on). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * Checks an IIN's structure and checksum and, when `expected` is given, that it encodes the
 * person's birth date (YYYY-MM-DD) and sex.
 */
export function validateIin(iin: string, expected?: { birthDate: string; sex: Sex }): IinValidation {
  if (!/^[0-9]{12}$/.test(iin)) return { ok: false, reason: 'format' };
  const centuryAndSex = CENTURY_BY_DIGIT[iin.charAt(6)];
  if (!centuryAndSex) return { ok: false, reason: 'century' };
  const year = centuryAndSex.century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  if (!isCalendarDate(year, month, day)) return { ok: false, reason: 'date' };
  if (iinChecksumDigit(iin.slice(0, 11)) !== Number(iin.charAt(11))) return { ok: false, reason: 'checksum' };
  const birthDate = `${year}-${iin.slice(2, 4)}-${iin.slice(4, 6)}`;
  if (expected && expected.birthDate !== birthDate) return { ok: false, reason: 'birth_date_mismatch' };
  if (expected && expected.sex !== centuryAndSex.sex) return { ok: false, reason: 'sex_mismatch' };
  return { ok: true, birthDate, sex: centuryAndSex.sex };
}

/**
 * Builds the IIN of a person born on `birthDate` (YYYY-MM-DD, 1800-2099) with serial digits
 * 8-11 = `serial` (0-9999). Null when that prefix has no checksum digit: try the next serial.
 */
export function makeIin(birthDate: string, sex: Sex, serial: number): string | null {
  const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(birthDate);
  if (!match || !isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))) {
    throw new RangeError(`Not a calendar date: ${birthDate}`);
  }
  if (!Number.isInteger(serial) || serial < 0 || serial > 9999) throw new RangeError(`IIN serial must be 0-9999, got ${serial}`);
  const year = Number(match[1]);
  const centuryDigit = Object.entries(CENTURY_BY_DIGIT).find(([, value]) => value.sex === sex && value.century <= year && year < value.century + 100)?.[0];
  if (!centuryDigit) throw new RangeError(`IINs encode birth years 1800-2099, got ${year}`);
  const first11 = `${birthDate.slice(2, 4)}${match[2]}${match[3]}${centuryDigit}${String(serial).padStart(4, '0')}`;
  const checksum = iinChecksumDigit(first11);
  return checksum === null ? null : `${first11}${checksum}`;
}
