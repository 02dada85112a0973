import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';
import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, auditActionKey } from '@/lib/audit/events';
import { negotiateLocale } from '@/lib/i18n/config';
import { atLeastChars, atMostChars, MAX_LENGTHS, MIN_LENGTHS } from '@/lib/validation/fields';

const paths = (value: object, prefix: string[] = []): string[][] =>
  Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    typeof child === 'object' && child !== null ? paths(child, [...prefix, key]) : [[...prefix, key]],
  );
const keys = (value: object) => paths(value).map((path) => JSON.stringify(path));

/** The ICU arguments of a message, from the parser next-intl uses (branch texts are not arguments). */
function placeholders(text: string): string[] {
  const names = (elements: MessageFormatElement[]): string[] =>
    elements.flatMap((element) => [
      ...('value' in element && typeof element.value === 'string' && element.type !== TYPE.literal ? [element.value] : []),
      ...('options' in element ? Object.values(element.options).flatMap((option) => names(option.value)) : []),
    ]);
  return names(parse(text)).sort();
}

const lookup = (catalogue: object, key: string) =>
  (JSON.parse(key) as string[]).reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], catalogue) as string;

describe('message catalogues', () => {
  it('have the same keys in Kazakh, Russian and English', () => {
    expect(keys(kk).sort()).toEqual(keys(en).sort());
    expect(keys(ru).sort()).toEqual(keys(en).sort());
  });

  it('keep the placeholders of every English message', () => {
    for (const key of keys(en)) {
      const expected = [...new Set(placeholders(lookup(en, key)))];
      for (const catalogue of [kk, ru]) {
        for (const name of expected) expect(lookup(catalogue, key), key).toContain(`{${name}`);
      }
    }
  });

  it('use no dots inside keys (next-intl reads a dot as nesting)', () => {
    for (const path of paths(en)) for (const segment of path) expect(segment, path.join(' › ')).not.toContain('.');
  });

  it('have no empty message', () => {
    for (const catalogue of [en, kk, ru]) for (const key of keys(catalogue)) expect(lookup(catalogue, key).trim(), key).not.toBe('');
  });
});

describe('the audit log in words', () => {
  it('has words for every action and every kind of record, in every language', () => {
    const wanted = [...Object.keys(AUDIT_ACTIONS).map(auditActionKey), ...AUDIT_ENTITY_TYPES.map((type) => `audit.entityTypes.${type}`)];
    for (const catalogue of [kk, ru, en]) {
      for (const key of wanted) expect(typeof lookup(catalogue, JSON.stringify(key.split('.'))), key).toBe('string');
    }
  });
});

describe('length limits in messages', () => {
  it('say the limit in every language ("at least 10 characters", not "too short")', () => {
    for (const [catalogue, language] of [
      [kk, 'kk'],
      [ru, 'ru'],
      [en, 'en'],
    ] as const) {
      for (const min of MIN_LENGTHS) expect(lookup(catalogue, JSON.stringify(atLeastChars(min).split('.'))), `${language} ${min}`).toContain(String(min));
      for (const max of MAX_LENGTHS)
        expect(lookup(catalogue, JSON.stringify(atMostChars(max).split('.'))).replace(/\D/g, ''), `${language} ${max}`).toBe(String(max));
    }
  });
});

describe('language negotiation', () => {
  it('picks the first supported language and falls back to Kazakh', () => {
    expect(negotiateLocale('ru-RU,ru;q=0.9,en;q=0.8')).toBe('ru');
    expect(negotiateLocale('de-DE,en;q=0.5')).toBe('en');
    expect(negotiateLocale('de-DE')).toBe('kk');
    expect(negotiateLocale(null)).toBe('kk');
  });
});
