import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgEnum, pgTable, primaryKey, serial, text, timestamp, unique, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { candidates } from './candidates';
import { precincts } from './constituencies';
import { users } from './users';

export const protocolStatus = pgEnum('protocol_status', ['entered_once', 'awaiting_review', 'mismatch', 'approved', 'returned']);
export const protocolEntryKind = pgEnum('protocol_entry_kind', ['first', 'second', 'resolution']);

/**
 * A precinct's results protocol. `status` is the state of its current version; the figures that
 * count in results are those of `approvedEntryId`, which a correction replaces only when approved.
 * No row yet = the protocol is missing; `returned` = a reviewer sent the current version back to
 * data entry and its first copy is awaited (lib/protocols/transitions.ts).
 */
export const protocols = pgTable(
  'protocols',
  {
    id: serial('id').primaryKey(),
    precinctId: integer('precinct_id')
      .notNull()
      .unique()
      .references(() => precincts.id),
    currentVersionNo: integer('current_version_no').notNull().default(1),
    status: protocolStatus('status').notNull(),
    approvedEntryId: integer('approved_entry_id').references((): AnyPgColumn => protocolEntries.id),
    lockVersion: integer('lock_version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('protocols_status_idx').on(t.status)],
);

/**
 * Version 1 is the original; each correction after approval adds a version with its reason, and a
 * return to data entry adds one with the reviewer's comment (why the copies were set aside).
 */
export const protocolVersions = pgTable(
  'protocol_versions',
  {
    id: serial('id').primaryKey(),
    protocolId: integer('protocol_id')
      .notNull()
      .references(() => protocols.id),
    versionNo: integer('version_no').notNull(),
    correctionReason: text('correction_reason'),
    returnComment: text('return_comment'),
    createdBy: integer('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    approvedBy: integer('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    /** Why the reviewer approved this version without an image of the signed paper (lib/protocol-images). */
    approvedWithoutImageReason: text('approved_without_image_reason'),
  },
  (t) => [
    unique('protocol_versions_number_unique').on(t.protocolId, t.versionNo),
    check('protocol_versions_correction_has_reason', sql`${t.versionNo} = 1 or ${t.correctionReason} is not null or ${t.returnComment} is not null`),
  ],
);

/** One typed copy of a protocol version: the blind first and second entries, or the reviewer's resolution. */
export const protocolEntries = pgTable(
  'protocol_entries',
  {
    id: serial('id').primaryKey(),
    versionId: integer('version_id')
      .notNull()
      .references(() => protocolVersions.id),
    kind: protocolEntryKind('kind').notNull(),
    enteredBy: integer('entered_by')
      .notNull()
      .references(() => users.id),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull().defaultNow(),
    /** The approved list's figure when the copy was typed: the reference line 1 is shown against. */
    votersOnList: integer('voters_on_list').notNull(),
    // The lines of the protocol (lib/protocols/definition.ts), one column each.
    votersAtClose: integer('voters_at_close').notNull(),
    ballotsReceived: integer('ballots_received').notNull(),
    ballotsIssuedPremises: integer('ballots_issued_premises').notNull(),
    ballotsIssuedOutside: integer('ballots_issued_outside').notNull(),
    ballotsFoundStationary: integer('ballots_found_stationary').notNull(),
    ballotsFoundMobile: integer('ballots_found_mobile').notNull(),
    ballotsSpoiled: integer('ballots_spoiled').notNull(),
    ballotsUnused: integer('ballots_unused').notNull(),
    ballotsInvalid: integer('ballots_invalid').notNull(),
    votesAgainstAll: integer('votes_against_all'),
    /** Totals of both kinds, kept by the database for aggregation and screening. */
    ballotsIssued: integer('ballots_issued')
      .generatedAlwaysAs(sql`ballots_issued_premises + ballots_issued_outside`)
      .notNull(),
    ballotsCast: integer('ballots_cast')
      .generatedAlwaysAs(sql`ballots_found_stationary + ballots_found_mobile`)
      .notNull(),
    // Who signed. Null only in entries converted from the form before signatures were recorded.
    chairName: text('chair_name'),
    secretaryName: text('secretary_name'),
    membersTotal: integer('members_total'),
    membersPresent: integer('members_present'),
    membersSigning: integer('members_signing'),
    dissentAttached: boolean('dissent_attached'),
    signedAt: timestamp('signed_at', { withTimezone: true }),
    /** Set on entries typed on the earlier form and converted by migration 0010 (voters at close = list, no outside counts). */
    convertedAt: timestamp('converted_at', { withTimezone: true }),
  },
  (t) => [
    unique('protocol_entries_kind_unique').on(t.versionId, t.kind),
    check(
      'protocol_entries_non_negative',
      sql`${t.votersOnList} >= 0 and ${t.votersAtClose} >= 0 and ${t.ballotsReceived} >= 0 and ${t.ballotsIssuedPremises} >= 0 and ${t.ballotsIssuedOutside} >= 0 and ${t.ballotsFoundStationary} >= 0 and ${t.ballotsFoundMobile} >= 0 and ${t.ballotsSpoiled} >= 0 and ${t.ballotsUnused} >= 0 and ${t.ballotsInvalid} >= 0 and coalesce(${t.votesAgainstAll}, 0) >= 0`,
    ),
    // The control relations that involve only these columns; the vote sum is checked in lib/protocols.
    check(
      'protocol_entries_ballots_balance',
      sql`${t.ballotsReceived} = ${t.ballotsIssuedPremises} + ${t.ballotsIssuedOutside} + ${t.ballotsSpoiled} + ${t.ballotsUnused}`,
    ),
    check(
      'protocol_entries_found_within_issued',
      sql`${t.ballotsFoundStationary} + ${t.ballotsFoundMobile} <= ${t.ballotsIssuedPremises} + ${t.ballotsIssuedOutside} and ${t.ballotsIssuedPremises} + ${t.ballotsIssuedOutside} <= ${t.votersAtClose} and ${t.ballotsFoundMobile} <= ${t.ballotsIssuedOutside}`,
    ),
    check(
      'protocol_entries_invalid_within_cast',
      sql`${t.ballotsInvalid} + coalesce(${t.votesAgainstAll}, 0) <= ${t.ballotsFoundStationary} + ${t.ballotsFoundMobile}`,
    ),
    check(
      'protocol_entries_members',
      sql`${t.convertedAt} is not null or (${t.chairName} is not null and ${t.secretaryName} is not null and ${t.membersTotal} is not null and ${t.membersPresent} is not null and ${t.membersSigning} is not null and ${t.dissentAttached} is not null and ${t.signedAt} is not null)`,
    ),
    check(
      'protocol_entries_members_order',
      sql`${t.membersSigning} <= ${t.membersPresent} and ${t.membersPresent} <= ${t.membersTotal} and ${t.membersSigning} >= 0`,
    ),
  ],
);

export const protocolEntryVotes = pgTable(
  'protocol_entry_votes',
  {
    entryId: integer('entry_id')
      .notNull()
      .references(() => protocolEntries.id),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => candidates.id),
    votes: integer('votes').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.candidateId] }),
    index('protocol_entry_votes_candidate_idx').on(t.candidateId),
    check('protocol_entry_votes_non_negative', sql`${t.votes} >= 0`),
  ],
);
