import { describe, expect, it } from 'vitest';
import { numberInWords } from '@/lib/i18n/number-words';

describe('figures in words, as the protocol writes them', () => {
  it.each([
    [0, 'ноль', 'нөл', 'zero'],
    [1, 'один', 'бір', 'one'],
    [12, 'двенадцать', 'он екі', 'twelve'],
    [37, 'тридцать семь', 'отыз жеті', 'thirty-seven'],
    [100, 'сто', 'бір жүз', 'one hundred'],
    [1037, 'одна тысяча тридцать семь', 'бір мың отыз жеті', 'one thousand thirty-seven'],
    [2004, 'две тысячи четыре', 'екі мың төрт', 'two thousand four'],
    [11_000, 'одиннадцать тысяч', 'он бір мың', 'eleven thousand'],
    [21_500, 'двадцать одна тысяча пятьсот', 'жиырма бір мың бес жүз', 'twenty-one thousand five hundred'],
    [1_000_000, 'один миллион', 'бір миллион', 'one million'],
    [
      1_062_327,
      'один миллион шестьдесят две тысячи триста двадцать семь',
      'бір миллион алпыс екі мың үш жүз жиырма жеті',
      'one million sixty-two thousand three hundred twenty-seven',
    ],
  ])('%i', (value, ru, kk, en) => {
    expect(numberInWords(value, 'ru')).toBe(ru);
    expect(numberInWords(value, 'kk')).toBe(kk);
    expect(numberInWords(value, 'en')).toBe(en);
  });

  it('refuses what is not a count', () => {
    expect(() => numberInWords(-1, 'ru')).toThrow(RangeError);
    expect(() => numberInWords(1.5, 'kk')).toThrow(RangeError);
  });
});
