import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { constituencies } from './constituencies';
import { elections } from './elections';
import { parties } from './parties';
import { users } from './users';
import type { CancellationGround, RefusalGround } from '../../lib/candidates/eligibility';

export const sex = pgEnum('sex', ['male', 'female']);
export const nominationRoute = pgEnum('nomination_route', ['party', 'self']);
export const candidateStatus = pgEnum('candidate_status', ['nominated', 'registered', 'refused', 'withdrawn', 'cancelled']);
export const withdrawalBy = pgEnum('withdrawal_by', ['candidate', 'party']);
export const checkKind = pgEnum('check_kind', ['automatic', 'attested']);
export const checkOutcome = pgEnum('check_outcome', ['pending', 'passed', 'failed']);

/** A nominee and, once decided, a registered or refused candidate. */
export const candidates = pgTable(
  'candidates',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id')
      .notNull()
      .references(() => elections.id),
    constituencyId: integer('constituency_id')
      .notNull()
      .references(() => constituencies.id),
    fullName: text('full_name').notNull(),
    iin: text('iin').notNull(),
    birthDate: date('birth_date').notNull(),
    sex: sex('sex').notNull(),
    education: text('education').notNull(),
    currentPosition: text('current_position').notNull().default(''),
    nominationRoute: nominationRoute('nomination_route').notNull(),
    partyId: integer('party_id').references(() => parties.id),
    nominatedOn: date('nominated_on').notNull(),
    applicationReceived: boolean('application_received').notNull().default(false),
    assetDeclarationsReceived: boolean('asset_declarations_received').notNull().default(false),
    depositAmount: integer('deposit_amount').notNull().default(0),
    depositPaidOn: date('deposit_paid_on'),
    supportingSignatures: integer('supporting_signatures'),
    status: candidateStatus('status').notNull().default('nominated'),
    ballotOrder: integer('ballot_order'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    refusalGround: text('refusal_ground').$type<RefusalGround>(),
    decisionNote: text('decision_note'),
    /** The territorial commission's decision registering or refusing the nominee; decidedBy entered it. */
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    withdrawnOn: date('withdrawn_on'),
    withdrawnBy: withdrawalBy('withdrawn_by'),
    /** The day the deposit was paid back (after the results are official, when the rules refund it). */
    depositRefundedOn: date('deposit_refunded_on'),
    depositRefundRecordedBy: integer('deposit_refund_recorded_by').references(() => users.id),
    enteredBy: integer('entered_by')
      .notNull()
      .references(() => users.id),
    lockVersion: integer('lock_version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('candidates_iin_per_election_unique').on(t.electionId, t.iin),
    // A party nominates at most one member per constituency (refused or withdrawn nominees free the slot).
    uniqueIndex('candidates_one_party_nominee_per_constituency')
      .on(t.constituencyId, t.partyId)
      .where(sql`${t.partyId} is not null and ${t.status} in ('nominated', 'registered')`),
    unique('candidates_ballot_order_unique').on(t.constituencyId, t.ballotOrder),
    index('candidates_constituency_idx').on(t.constituencyId),
    check('candidates_iin_format', sql`${t.iin} ~ '^[0-9]{12}$'`),
    check('candidates_route_party', sql`(${t.nominationRoute} = 'party') = (${t.partyId} is not null)`),
    check('candidates_counts_non_negative', sql`${t.depositAmount} >= 0 and coalesce(${t.supportingSignatures}, 0) >= 0`),
    // A candidate removed after the ballots were printed keeps the line, shown struck. (Compared as
    // text: the migration that adds 'cancelled' to the enum cannot use the new value in its transaction.)
    check(
      'candidates_ballot_order_only_registered',
      sql`${t.ballotOrder} is null or (${t.ballotOrder} > 0 and ${t.status}::text in ('registered', 'withdrawn', 'cancelled'))`,
    ),
    check('candidates_refusal_has_ground', sql`${t.status} <> 'refused' or ${t.refusalGround} is not null`),
    check('candidates_withdrawal_dated', sql`${t.status} <> 'withdrawn' or (${t.withdrawnOn} is not null and ${t.withdrawnBy} is not null)`),
  ],
);

/** One line of a nominee's compliance checklist, with who decided it, when and why. */
export const candidateChecks = pgTable(
  'candidate_checks',
  {
    id: serial('id').primaryKey(),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => candidates.id),
    code: text('code').notNull(),
    kind: checkKind('kind').notNull(),
    outcome: checkOutcome('outcome').notNull().default('pending'),
    /** The system's working for automatic checks, the reviewer's note for attested ones. */
    detail: text('detail').notNull().default(''),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [unique('candidate_checks_code_unique').on(t.candidateId, t.code)],
);

export const cancellationStatus = pgEnum('cancellation_status', ['proposed', 'cancelled', 'dismissed']);

/**
 * A proposal to cancel a candidate's registration and the commission's decision on it. Four eyes:
 * whoever proposed it cannot record the decision. Kept for ever, dismissed proposals included.
 */
export const registrationCancellations = pgTable(
  'registration_cancellations',
  {
    id: serial('id').primaryKey(),
    candidateId: integer('candidate_id')
      .notNull()
      .references(() => candidates.id),
    status: cancellationStatus('status').notNull().default('proposed'),
    ground: text('ground').$type<CancellationGround>().notNull(),
    explanation: text('explanation').notNull(),
    proposedBy: integer('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull().defaultNow(),
    decisionNumber: text('decision_number'),
    decisionDate: date('decision_date'),
    /** Why the commission did not cancel (a dismissed proposal). */
    dismissalReason: text('dismissal_reason'),
    decidedBy: integer('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('registration_cancellations_one_open')
      .on(t.candidateId)
      .where(sql`${t.status} = 'proposed'`),
    index('registration_cancellations_candidate_idx').on(t.candidateId),
    // A cancellation carries the commission's numbered, dated decision; a dismissal says why.
    check(
      'registration_cancellations_decided',
      sql`${t.status} = 'proposed' or (${t.decidedBy} is not null and (${t.decisionNumber} is not null and ${t.decisionDate} is not null or ${t.status} = 'dismissed' and ${t.dismissalReason} is not null))`,
    ),
    check('registration_cancellations_four_eyes', sql`${t.decidedBy} is null or ${t.decidedBy} <> ${t.proposedBy}`),
  ],
);

export const akimRegistrationOutcome = pgEnum('akim_registration_outcome', ['registered', 'repeat_election']);

/**
 * After a constituency's results are official, the commission registers the elected akim, or
 * records that a repeat election is needed (the outcome requires it). One record per constituency.
 */
export const akimRegistrations = pgTable(
  'akim_registrations',
  {
    id: serial('id').primaryKey(),
    constituencyId: integer('constituency_id')
      .notNull()
      .references(() => constituencies.id),
    outcome: akimRegistrationOutcome('outcome').notNull(),
    candidateId: integer('candidate_id').references(() => candidates.id),
    decisionNumber: text('decision_number').notNull(),
    decisionDate: date('decision_date').notNull(),
    /** Registration after the legal term needs the reason; a repeat election its explanation. */
    reason: text('reason'),
    recordedBy: integer('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('akim_registrations_constituency_unique').on(t.constituencyId),
    check('akim_registrations_candidate', sql`(${t.outcome} = 'registered') = (${t.candidateId} is not null)`),
  ],
);
