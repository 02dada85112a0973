import { sql } from 'drizzle-orm';
import { check, date, integer, jsonb, pgEnum, pgTable, serial, text, timestamp, unique, uniqueIndex, index } from 'drizzle-orm/pg-core';
import { elections } from './elections';
import { regions } from './regions';
import { users } from './users';

export const constituencyKind = pgEnum('constituency_kind', ['district', 'city']);
export const listRevisionStatus = pgEnum('list_revision_status', ['draft', 'submitted', 'returned', 'approved', 'superseded']);
export const constituencyStatus = pgEnum('constituency_status', ['in_force', 'removed']);
export const resultsStatus = pgEnum('results_status', ['counting', 'official']);

/** What a list revision holds: a region's constituencies with their precincts (validated in lib/). */
export type ListRevisionContent = {
  constituencies: {
    code: string;
    kind: 'district' | 'city';
    nameKk: string;
    nameRu: string;
    nameEn: string;
    precincts: { number: number; address: string; votersOnList: number }[];
  }[];
};

/**
 * Every revision of a region's constituency list for one election, kept for ever.
 * The approved revision is copied into `constituencies`/`precincts`, which candidates and
 * protocols reference; a newer draft lives here until it is approved.
 */
export const constituencyListRevisions = pgTable(
  'constituency_list_revisions',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => elections.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    revisionNo: integer('revision_no').notNull(),
    status: listRevisionStatus('status').notNull().default('draft'),
    content: jsonb('content').$type<ListRevisionContent>().notNull(),
    /** Optimistic lock: every save must name the version it read. */
    lockVersion: integer('lock_version').notNull().default(1),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedBy: integer('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedBy: integer('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewComment: text('review_comment'),
    /** Admin's written reason for approving after nomination opened. */
    calendarOverrideReason: text('calendar_override_reason'),
  },
  (t) => [
    unique('list_revisions_number_unique').on(t.electionId, t.regionId, t.revisionNo),
    uniqueIndex('list_revisions_one_open_per_region')
      .on(t.electionId, t.regionId)
      .where(sql`${t.status} in ('draft', 'submitted', 'returned')`),
    check('list_revisions_revision_positive', sql`${t.revisionNo} > 0`),
  ],
);

/** A district or city of regional significance in force for an election (from an approved list). */
export const constituencies = pgTable(
  'constituencies',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => elections.id),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id),
    code: text('code').notNull(),
    kind: constituencyKind('kind').notNull(),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    listRevisionId: integer('list_revision_id')
      .notNull()
      .references(() => constituencyListRevisions.id),
    status: constituencyStatus('status').notNull().default('in_force'),
    resultsStatus: resultsStatus('results_status').notNull().default('counting'),
    resultsOfficialAt: timestamp('results_official_at', { withTimezone: true }),
    resultsOfficialBy: integer('results_official_by').references(() => users.id),
    /** From this day the ballots are printed: a candidate removed later keeps a struck line, numbers do not move. */
    ballotsPrintedOn: date('ballots_printed_on'),
  },
  (t) => [unique('constituencies_code_unique').on(t.electionId, t.code), index('constituencies_region_idx').on(t.electionId, t.regionId)],
);

export const precincts = pgTable(
  'precincts',
  {
    id: serial('id').primaryKey(),
    constituencyId: integer('constituency_id')
      .notNull()
      .references(() => constituencies.id),
    number: integer('number').notNull(),
    address: text('address').notNull(),
    votersOnList: integer('voters_on_list').notNull(),
  },
  (t) => [
    unique('precincts_number_unique').on(t.constituencyId, t.number),
    check('precincts_number_positive', sql`${t.number} > 0`),
    check('precincts_voters_non_negative', sql`${t.votersOnList} >= 0`),
  ],
);
