import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import { FORMATS, withCalendarDays } from '@/lib/i18n/formats';
import en from '@/messages/en.json';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

const CATALOGUES = { kk, ru, en } as const;
/** The plural categories each language's grammar needs (CLDR cardinal rules). */
const CATEGORIES = { kk: ['one', 'other'], ru: ['one', 'few', 'many', 'other'], en: ['one', 'other'] } as const;

const messagesOf = (node: object, prefix = ''): [string, string][] =>
  Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? messagesOf(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value as string]],
  );

/** Every argument of a message with the kind of value it needs. */
function argumentsOf(elements: MessageFormatElement[], into = new Map<string, 'plural' | 'number' | 'date' | 'text'>()) {
  for (const element of elements) {
    if (element.type === TYPE.plural) into.set(element.value, 'plural');
    else if (element.type === TYPE.number) into.set(element.value, into.get(element.value) ?? 'number');
    else if (element.type === TYPE.date) into.set(element.value, 'date');
    else if (element.type === TYPE.argument || element.type === TYPE.select) into.set(element.value, into.get(element.value) ?? 'text');
    if ('options' in element) for (const option of Object.values(element.options)) argumentsOf(option.value, into);
  }
  return into;
}

function pluralElements(elements: MessageFormatElement[]): Extract<MessageFormatElement, { type: TYPE.plural }>[] {
  return elements.flatMap((element) => [
    ...(element.type === TYPE.plural ? [element] : []),
    ...('options' in element ? Object.values(element.options).flatMap((option) => pluralElements(option.value)) : []),
  ]);
}

const pluralMessages = (language: keyof typeof CATALOGUES) => messagesOf(CATALOGUES[language]).filter(([, text]) => pluralElements(parse(text)).length > 0);

describe('plural forms in the catalogues', () => {
  for (const language of ['kk', 'ru', 'en'] as const) {
    it(`gives every counted word all of ${language}'s plural forms`, () => {
      for (const [key, text] of pluralMessages(language)) {
        for (const plural of pluralElements(parse(text))) {
          expect(Object.keys(plural.options), `${language} ${key} {${plural.value}}`).toEqual(expect.arrayContaining([...CATEGORIES[language]]));
        }
      }
    });

    it(`renders every ${language} message with plural forms for 0, 1, 2, 5, 21 and 1500`, () => {
      const t = createTranslator({ locale: language, messages: CATALOGUES[language], formats: FORMATS, timeZone: 'Asia/Almaty' });
      const messages = pluralMessages(language);
      expect(messages.length).toBeGreaterThan(10);
      for (const [key, text] of messages) {
        for (const count of [0, 1, 2, 5, 21, 1500]) {
          const values = Object.fromEntries(
            [...argumentsOf(parse(text))].map(([name, kind]) => [
              name,
              kind === 'plural' || kind === 'number' ? count : kind === 'date' ? new Date('2026-11-30T00:00:00Z') : 'x',
            ]),
          );
          const rendered = (t as unknown as (key: string, values: object) => string)(key, values);
          expect(rendered, `${language} ${key} (${count})`).not.toMatch(/[{}#]/);
        }
      }
    });
  }

  it('agrees the counted words with their numbers', () => {
    const totals = (language: keyof typeof CATALOGUES, constituencies: number, precincts: number, voters: number) =>
      createTranslator({ locale: language, messages: CATALOGUES[language] })('lists.totals', { constituencies, precincts, voters });
    expect(totals('en', 1, 1, 1)).toBe('1 constituency · 1 precinct · 1 voter on the lists');
    expect(totals('en', 2, 12, 1500)).toBe('2 constituencies · 12 precincts · 1,500 voters on the lists');
    expect(totals('ru', 21, 3, 5)).toBe('21 избирательный округ · 3 избирательных участка · 5 избирателей в списках');
    expect(totals('ru', 1, 11, 1002)).toBe('1 избирательный округ · 11 избирательных участков · 1\u00a0002 избирателя в списках');
    expect(totals('kk', 1, 5, 1500)).toBe('1 сайлау округі · 5 сайлау учаскесі · тізімдегі 1\u00a0500 сайлаушы');
  });
});

describe('calendar days in messages', () => {
  it('shows a refusal’s day in the language’s date format, not as YYYY-MM-DD', () => {
    const values = withCalendarDays({ work: 'nomination', phase: 'constituency_lists', date: '2026-12-14', time: 'none' });
    const en_ = createTranslator({ locale: 'en', messages: en, formats: FORMATS })('elections.errors.workNotOpenYet', values as never);
    expect(en_).toContain('It opens on Dec 14, 2026.');
    const ru_ = createTranslator({ locale: 'ru', messages: ru, formats: FORMATS })('elections.errors.workNotOpenYet', values as never);
    expect(ru_).toContain('14 дек. 2026');
    expect(ru_).not.toContain('2026-12-14');
    // A phase that starts at an hour says it, in Kazakhstan time.
    const atHour = withCalendarDays({ work: 'protocols', phase: 'voting', date: '2026-12-14', time: '20:00' });
    expect(createTranslator({ locale: 'en', messages: en, formats: FORMATS })('elections.errors.workNotOpenYet', atHour as never)).toContain(
      'It opens on Dec 14, 2026, 20:00 Kazakhstan time.',
    );
  });

  it('turns only whole YYYY-MM-DD values into dates', () => {
    expect(withCalendarDays({ date: '2026-12-14', code: 'ab-2026', count: 3 })).toEqual({ date: new Date('2026-12-14T00:00:00Z'), code: 'ab-2026', count: 3 });
  });
});
