import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { DUPLICATE_KEYS, duplicateRefusal } from '@/lib/commands';
import en from '@/messages/en.json';

const uniqueViolation = (constraint: string) =>
  Object.assign(new Error('duplicate key'), { cause: { code: '23505', constraint_name: constraint, message: 'duplicate key' } });

/** Every unique constraint and unique index name the schema declares. */
function uniqueKeysInSchema(): Set<string> {
  const names = new Set<string>();
  for (const table of Object.values(schema)) {
    if (!table || typeof table !== 'object' || !(Symbol.for('drizzle:IsDrizzleTable') in table)) continue;
    const config = getTableConfig(table as PgTable);
    for (const constraint of config.uniqueConstraints) names.add(constraint.getName() ?? '');
    for (const index of config.indexes) if (index.config.unique && index.config.name) names.add(index.config.name);
    for (const column of config.columns) if (column.isUnique && column.uniqueName) names.add(column.uniqueName);
  }
  return names;
}

const message = (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], en);

describe('uniqueness refusals', () => {
  it('turns a known repeated key into its reason on its field, never the concurrent-edit conflict', () => {
    expect(duplicateRefusal(uniqueViolation('candidates_iin_per_election_unique'))).toMatchObject({
      code: 'invalid',
      detail: { fieldErrors: { iin: ['candidates.errors.duplicateIin'] } },
    });
    expect(duplicateRefusal(uniqueViolation('candidates_one_party_nominee_per_constituency'))).toMatchObject({
      code: 'invalid',
      detail: { fieldErrors: { partyId: ['candidates.errors.partyQuota'] } },
    });
    expect(duplicateRefusal(uniqueViolation('list_revisions_one_open_per_region'))).toMatchObject({
      code: 'invalidState',
      detail: { message: 'lists.errors.openRevisionExists' },
    });
  });

  it('leaves other unique violations and other errors to the command runner (conflict or failure)', () => {
    expect(duplicateRefusal(uniqueViolation('protocols_precinct_id_unique'))).toBeNull();
    expect(duplicateRefusal(Object.assign(new Error('x'), { code: '40001' }))).toBeNull();
    expect(duplicateRefusal(new Error('connection refused'))).toBeNull();
  });

  it('names only keys the schema has, with messages the catalogue has', () => {
    const keys = uniqueKeysInSchema();
    for (const [constraint, refusal] of Object.entries(DUPLICATE_KEYS)) {
      expect(keys, constraint).toContain(constraint);
      expect(typeof message(refusal.message), refusal.message).toBe('string');
    }
  });
});
