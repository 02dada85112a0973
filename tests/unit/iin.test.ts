import { describe, expect, it } from 'vitest';
import { iinChecksumDigit, makeIin, validateIin, type IinValidation, type Sex } from '@/lib/identity/iin';

// Worked by hand (digits × weights, mod 11):
//  78051230012: 7+16+0+20+5+12+21+0+0+10+22 = 113 → 3, so 780512300123 is valid.
//  78051230050: first pass 131 → 10; second pass (3..11,1,2) 21+32+0+30+7+16+27+0+0+5+0 = 138 → 6.
//  78051230052: first pass 153 → 10; second pass 142 → 10: no checksum digit exists.
describe('iinChecksumDigit', () => {
  it.each([
    { first11: '78051230012', digit: 3 },
    { first11: '78051230050', digit: 6 },
    { first11: '78051230052', digit: null },
    { first11: '7805123005', digit: null },
    { first11: '7805123005x', digit: null },
  ])('$first11 → $digit', ({ first11, digit }) => {
    expect(iinChecksumDigit(first11)).toBe(digit);
  });
});

describe('validateIin', () => {
  const cases: { name: string; iin: string; expected?: { birthDate: string; sex: Sex }; result: IinValidation }[] = [
    { name: 'valid male, 1900s', iin: '780512300123', result: { ok: true, birthDate: '1978-05-12', sex: 'male' } },
    { name: 'valid, checksum from the second pass', iin: '780512300506', result: { ok: true, birthDate: '1978-05-12', sex: 'male' } },
    { name: 'valid female, 2000s, leap day', iin: '000229600400', result: { ok: true, birthDate: '2000-02-29', sex: 'female' } },
    {
      name: 'valid and matching the person',
      iin: '780512300123',
      expected: { birthDate: '1978-05-12', sex: 'male' },
      result: { ok: true, birthDate: '1978-05-12', sex: 'male' },
    },
    { name: 'wrong checksum digit', iin: '780512300124', result: { ok: false, reason: 'checksum' } },
    { name: 'a prefix with no checksum digit', iin: '780512300520', result: { ok: false, reason: 'checksum' } },
    { name: 'eleven digits', iin: '78051230012', result: { ok: false, reason: 'format' } },
    { name: 'letters', iin: '78051230012A', result: { ok: false, reason: 'format' } },
    { name: 'month 13', iin: '781312300123', result: { ok: false, reason: 'date' } },
    { name: '29 February 1900 (not a leap year)', iin: '000229400400', result: { ok: false, reason: 'date' } },
    { name: 'century digit 0', iin: '780512000123', result: { ok: false, reason: 'century' } },
    { name: 'century digit 7', iin: '780512700123', result: { ok: false, reason: 'century' } },
    {
      name: 'another birth date',
      iin: '780512300123',
      expected: { birthDate: '1978-05-13', sex: 'male' },
      result: { ok: false, reason: 'birth_date_mismatch' },
    },
    {
      name: 'another sex',
      iin: '780512300123',
      expected: { birthDate: '1978-05-12', sex: 'female' },
      result: { ok: false, reason: 'sex_mismatch' },
    },
  ];
  it.each(cases)('$name: $iin', ({ iin, expected, result }) => {
    expect(validateIin(iin, expected)).toEqual(result);
  });
});

describe('makeIin', () => {
  it.each([
    { birthDate: '1978-05-12', sex: 'male' as const, serial: 12, iin: '780512300123' },
    { birthDate: '1978-05-12', sex: 'male' as const, serial: 50, iin: '780512300506' },
    { birthDate: '1978-05-12', sex: 'male' as const, serial: 52, iin: null },
    { birthDate: '2000-02-29', sex: 'female' as const, serial: 40, iin: '000229600400' },
    { birthDate: '1899-12-31', sex: 'female' as const, serial: 1, iin: '991231200017' },
  ])('$birthDate $sex serial $serial → $iin', ({ birthDate, sex, serial, iin }) => {
    expect(makeIin(birthDate, sex, serial)).toBe(iin);
  });

  it('builds IINs that validate against the same person', () => {
    for (let serial = 0; serial < 200; serial += 1) {
      const iin = makeIin('1991-07-30', 'female', serial);
      if (iin !== null) expect(validateIin(iin, { birthDate: '1991-07-30', sex: 'female' }).ok).toBe(true);
    }
  });

  it('rejects what no IIN can encode', () => {
    expect(() => makeIin('1978-02-30', 'male', 1)).toThrow(RangeError);
    expect(() => makeIin('2100-01-01', 'male', 1)).toThrow(RangeError);
    expect(() => makeIin('1978-05-12', 'male', 10_000)).toThrow(RangeError);
  });
});
