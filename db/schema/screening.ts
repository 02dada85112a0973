import { index, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { precincts } from './constituencies';
import { protocolEntries } from './protocols';
import { users } from './users';

/**
 * A reviewer's answer to screening flags: "checked against the signed paper, the figures are
 * correct". It names the typed figures it vouches for, so a correction's new figures need a check
 * of their own; the other answer, a correction, is the protocol's own correction flow.
 */
export const screeningChecks = pgTable(
  'screening_checks',
  {
    id: serial('id').primaryKey(),
    precinctId: integer('precinct_id')
      .notNull()
      .references(() => precincts.id),
    entryId: integer('entry_id')
      .notNull()
      .unique()
      .references(() => protocolEntries.id),
    /** What the reviewer found on the paper or knows about the precinct (may be empty). */
    comment: text('comment').notNull().default(''),
    checkedBy: integer('checked_by')
      .notNull()
      .references(() => users.id),
    checkedAt: timestamp('checked_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('screening_checks_precinct_idx').on(t.precinctId)],
);
