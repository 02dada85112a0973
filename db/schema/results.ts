import { bigint, integer, pgTable, pgView, timestamp } from 'drizzle-orm/pg-core';
import { candidates } from './candidates';
import { constituencies } from './constituencies';
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
  /**
   * The version of the last change to what the aggregation lists (constituencies, candidates, their
   * names and statuses, the election's rules), as opposed to the approved figures the running totals
   * hold: a cached aggregation older than this is computed anew, a newer one only re-reads the
   * constituencies whose totals changed since (decision 019).
   */
  listingVersion: integer('listing_version').notNull().default(1),
});

/** The figures summed per constituency: those of its precincts, and of its approved protocols. */
const constituencyFigures = () => ({
  precincts: integer('precincts').notNull().default(0),
  votersOnList: bigint('voters_on_list', { mode: 'number' }).notNull().default(0),
  precinctsReported: integer('precincts_reported').notNull().default(0),
  /** The approved lists of the reported precincts: line 1 minus this is the voters added on the day. */
  votersOnListReported: bigint('voters_on_list_reported', { mode: 'number' }).notNull().default(0),
  votersAtClose: bigint('voters_at_close', { mode: 'number' }).notNull().default(0),
  ballotsCast: bigint('ballots_cast', { mode: 'number' }).notNull().default(0),
  ballotsFoundMobile: bigint('ballots_found_mobile', { mode: 'number' }).notNull().default(0),
  ballotsInvalid: bigint('ballots_invalid', { mode: 'number' }).notNull().default(0),
  votesAgainstAll: bigint('votes_against_all', { mode: 'number' }).notNull().default(0),
});
const candidateFigures = () => ({ votes: bigint('votes', { mode: 'number' }).notNull().default(0) });

/**
 * Running totals of the approved protocols per constituency (decision 016), kept by triggers on
 * `protocols` and `precincts` inside the transaction of every approval, correction or list change,
 * so the national aggregation sums one row per constituency instead of re-reading every precinct.
 * The precincts' approved entries stay the source of truth: `lib/results/running-totals.ts`
 * recounts them and reports any difference.
 */
export const constituencyTotals = pgTable('constituency_totals', {
  constituencyId: integer('constituency_id')
    .primaryKey()
    .references(() => constituencies.id, { onDelete: 'cascade' }),
  ...constituencyFigures(),
  /** The election's results version of the last change to these totals or the constituency's candidates' (set by the triggers, decision 019). */
  changedVersion: integer('changed_version').notNull().default(0),
});

/** Votes per candidate in the approved protocols, kept by the same triggers. */
export const candidateTotals = pgTable('candidate_totals', {
  candidateId: integer('candidate_id')
    .primaryKey()
    .references(() => candidates.id, { onDelete: 'cascade' }),
  ...candidateFigures(),
});

/** The same totals recounted from the approved entries (views made by migration 0011): the backfill and the drift check read them. */
export const constituencyTotalsRecounted = pgView('constituency_totals_recounted', {
  constituencyId: integer('constituency_id').notNull(),
  ...constituencyFigures(),
}).existing();

export const candidateTotalsRecounted = pgView('candidate_totals_recounted', {
  candidateId: integer('candidate_id').notNull(),
  ...candidateFigures(),
}).existing();
