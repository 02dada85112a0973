import { integer, pgTable, timestamp } from 'drizzle-orm/pg-core';
import { elections } from './elections';

/**
 * A counter per election, bumped in the same transaction as every change that alters published
 * results or candidate lists. Each portal instance polls it (at most every few seconds) to know
 * when its cached public data is stale: consistent across instances with no shared cache server.
 */
export const resultsVersions = pgTable('results_versions', {
  electionId: integer('election_id')
    .primaryKey()
    .references(() => elections.id),
  version: integer('version').notNull().default(1),
  changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
});
