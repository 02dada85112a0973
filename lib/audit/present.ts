/**
 * How an audit row reads to a person: its before/after documents as a field-by-field list, shared
 * by the audit log screen and its CSV export. Nested objects become dotted fields
 * (`totals.voters`), lists are written out, so nothing is hidden in raw JSON.
 */
export type FieldChange = { field: string; before: string | null; after: string | null };

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function valueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((item) => (isPlainObject(item) || Array.isArray(item) ? JSON.stringify(item) : valueText(item))).join('; ');
  return JSON.stringify(value);
}

function flatten(document: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (!isPlainObject(document)) {
    if (document !== null && document !== undefined) into.set(prefix || 'value', valueText(document));
    return into;
  }
  for (const [key, value] of Object.entries(document)) {
    const field = prefix ? `${prefix}.${key}` : key;
    if (isPlainObject(value) && Object.keys(value).length > 0) flatten(value, field, into);
    else into.set(field, valueText(value));
  }
  return into;
}

/** Every field that appears before or after, in order of first appearance; null where a side does not have it. */
export function fieldChanges(before: unknown, after: unknown): FieldChange[] {
  const was = flatten(before);
  const is = flatten(after);
  const fields = [...new Set([...was.keys(), ...is.keys()])];
  return fields.map((field) => ({ field, before: was.get(field) ?? null, after: is.get(field) ?? null }));
}

/** Catalogue key for a field's name; the last part decides (`totals.voters` → voters). */
export const auditFieldKey = (field: string) => `audit.fields.${field.split('.').at(-1)}`;
