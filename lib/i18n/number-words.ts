import type { Locale } from './config';

/**
 * Whole numbers in words, as a protocol writes each figure beside its digits (0 to 999,999,999).
 * Counts of ballots and voters: Russian thousands take the feminine forms (одна, две тысячи).
 */
export function numberInWords(value: number, locale: Locale): string {
  if (!Number.isInteger(value) || value < 0 || value > 999_999_999) throw new RangeError(`not a count: ${value}`);
  if (value === 0) return ZERO[locale];
  return WRITERS[locale](value);
}

const ZERO: Record<Locale, string> = { kk: 'нөл', ru: 'ноль', en: 'zero' };

/** Splits into millions, thousands and units (each 0..999). */
const groups = (n: number) => [Math.floor(n / 1_000_000), Math.floor(n / 1000) % 1000, n % 1000] as const;

const RU = {
  units: ['', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  unitsFeminine: ['', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  teens: ['десять', 'одиннадцать', 'двенадцать', 'тринадцать', 'четырнадцать', 'пятнадцать', 'шестнадцать', 'семнадцать', 'восемнадцать', 'девятнадцать'],
  tens: ['', '', 'двадцать', 'тридцать', 'сорок', 'пятьдесят', 'шестьдесят', 'семьдесят', 'восемьдесят', 'девяносто'],
  hundreds: ['', 'сто', 'двести', 'триста', 'четыреста', 'пятьсот', 'шестьсот', 'семьсот', 'восемьсот', 'девятьсот'],
};

function ruTriple(n: number, feminine: boolean): string[] {
  const words = [RU.hundreds[Math.floor(n / 100)]!];
  const rest = n % 100;
  if (rest >= 10 && rest < 20) words.push(RU.teens[rest - 10]!);
  else words.push(RU.tens[Math.floor(rest / 10)]!, (feminine ? RU.unitsFeminine : RU.units)[rest % 10]!);
  return words.filter(Boolean);
}

/** один/два/пять forms: 1 тысяча, 2-4 тысячи, 5-20 тысяч. */
function ruForm(n: number, [one, few, many]: [string, string, string]) {
  const rest = n % 100;
  if (rest >= 11 && rest <= 14) return many;
  const last = n % 10;
  return last === 1 ? one : last >= 2 && last <= 4 ? few : many;
}

const EN_UNITS = [
  '',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

function enTriple(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const tail = rest < 20 ? EN_UNITS[rest]! : `${EN_TENS[Math.floor(rest / 10)]}${rest % 10 ? `-${EN_UNITS[rest % 10]}` : ''}`;
  return [hundreds ? `${EN_UNITS[hundreds]} hundred` : '', tail].filter(Boolean).join(' ');
}

const KK_UNITS = ['', 'бір', 'екі', 'үш', 'төрт', 'бес', 'алты', 'жеті', 'сегіз', 'тоғыз'];
const KK_TENS = ['', 'он', 'жиырма', 'отыз', 'қырық', 'елу', 'алпыс', 'жетпіс', 'сексен', 'тоқсан'];

function kkTriple(n: number): string[] {
  const hundreds = Math.floor(n / 100);
  return [hundreds ? `${KK_UNITS[hundreds]} жүз` : '', KK_TENS[Math.floor((n % 100) / 10)]!, KK_UNITS[n % 10]!].filter(Boolean);
}

const WRITERS: Record<Locale, (n: number) => string> = {
  ru: (n) => {
    const [millions, thousands, units] = groups(n);
    const words: string[] = [];
    if (millions) words.push(...ruTriple(millions, false), ruForm(millions, ['миллион', 'миллиона', 'миллионов']));
    if (thousands) words.push(...ruTriple(thousands, true), ruForm(thousands, ['тысяча', 'тысячи', 'тысяч']));
    words.push(...ruTriple(units, false));
    return words.join(' ');
  },
  kk: (n) => {
    const [millions, thousands, units] = groups(n);
    const words: string[] = [];
    if (millions) words.push(...kkTriple(millions), 'миллион');
    if (thousands) words.push(...kkTriple(thousands), 'мың');
    words.push(...kkTriple(units));
    return words.join(' ');
  },
  en: (n) => {
    const [millions, thousands, units] = groups(n);
    return [millions ? `${enTriple(millions)} million` : '', thousands ? `${enTriple(thousands)} thousand` : '', units ? enTriple(units) : '']
      .filter(Boolean)
      .join(' ');
  },
};
