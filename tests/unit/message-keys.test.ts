import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@/lib/audit/events';
import { PERMISSIONS } from '@/lib/auth/permissions';
import en from '@/messages/en.json';
import kk from '@/messages/kk.json';
import ru from '@/messages/ru.json';

/**
 * The type check (types/next-intl.d.ts) knows only the English catalogue and keys written as
 * literals; keys that arrive as data (`messageKey()`: zod messages, refusal codes) and keys built
 * from a prefix are checked here, in all three catalogues.
 */
const CATALOGUES = { kk, ru, en } as const;
const ROOT = path.resolve(__dirname, '../..');
const SOURCE_FOLDERS = ['app', 'components', 'lib', 'db'];

const sourceFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });

const nodeAt = (catalogue: object, key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalogue);

// Dotted names that are not message keys although they start like one: permissions, audit
// actions, command names (`name: 'protocols.enter'`) and file names ('results.csv').
const NOT_KEYS = new Set<string>([...Object.keys(PERMISSIONS), ...Object.keys(AUDIT_ACTIONS)]);
const notKey = (key: string, before: string) => NOT_KEYS.has(key) || before.endsWith('name: ') || /\.(json|csv)$/.test(key);
const NAMESPACES = Object.keys(en).join('|');
// 'ns.a.b' written whole, or the start of a key built in a template: `ns.a.${code}`.
const WHOLE = new RegExp(`(['"\`])((?:${NAMESPACES})(?:\\.[A-Za-z0-9_]+)+)\\1`, 'g');
const PREFIX = new RegExp(`\`((?:${NAMESPACES})(?:\\.[A-Za-z0-9_]+)*)\\.\\$\\{`, 'g');

/** '' and every group of messages: `getTranslations('staff')` makes `t('roles.admin')` mean `staff.roles.admin`. */
const groupsOf = (node: object, prefix = ''): string[] =>
  Object.entries(node).flatMap(([name, child]) =>
    child && typeof child === 'object' ? [`${prefix}${name}`, ...groupsOf(child as object, `${prefix}${name}.`)] : [],
  );
const NAMESPACE_PATHS = ['', ...groupsOf(en)];

function keysInCode() {
  const whole = new Map<string, string>();
  const prefixes = new Map<string, string>();
  for (const file of SOURCE_FOLDERS.flatMap((folder) => sourceFiles(path.join(ROOT, folder)))) {
    const text = readFileSync(file, 'utf8');
    const where = path.relative(ROOT, file);
    for (const match of text.matchAll(WHOLE)) {
      const key = match[2]!;
      if (!notKey(key, text.slice(Math.max(0, match.index - 10), match.index))) whole.set(key, where);
    }
    for (const [, prefix] of text.matchAll(PREFIX)) prefixes.set(prefix!, where);
  }
  return { whole, prefixes };
}

describe('message keys in the code', () => {
  const { whole, prefixes } = keysInCode();

  it('are found (the scan works)', () => {
    expect(whole.get('errors.forbidden')).toBeDefined();
    expect(prefixes.get('candidates.checks')).toBeDefined();
  });

  it('exist in every catalogue, from the root or from the namespace a translator was made for', () => {
    const missing = [...whole].flatMap(([key, file]) =>
      Object.entries(CATALOGUES)
        .filter(([, catalogue]) => !NAMESPACE_PATHS.some((namespace) => nodeAt(catalogue, namespace ? `${namespace}.${key}` : key) !== undefined))
        .map(([language]) => `${language}: ${key} (${file})`),
    );
    expect(missing).toEqual([]);
  });

  it('built from a prefix start with a group of messages in every catalogue', () => {
    const missing = [...prefixes].flatMap(([prefix, file]) =>
      Object.entries(CATALOGUES)
        .filter(([, catalogue]) => {
          const node = nodeAt(catalogue, prefix);
          return !node || typeof node !== 'object';
        })
        .map(([language]) => `${language}: ${prefix}.… (${file})`),
    );
    expect(missing).toEqual([]);
  });
});
