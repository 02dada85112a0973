import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgEnum, pgTable, serial, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { constituencies } from './constituencies';
import { elections } from './elections';
import { parties } from './parties';
import { users } from './users';

export const sex = pgEnum('sex', ['male', 'female']);
export const nominationRoute = pgEnum('nomination_route', ['party', 'self']);
export const candidateStatus = pgEnum('candidate_status', ['nominated', 'registered', 'refused', 'withdrawn']);
export const withdrawalBy = pgEnum('withdrawal_by', ['candidate', 'party']);
export const checkKind = pgEnum('check_kind', ['automatic', 'attested']);
export const checkOutcome = pgEnum('check_outcome', ['pending', 'passed', 'failed']);

/** A nominee and, once decided, a registered or refused candidate. */
export const candidates = pgTable(
  'candidates',
  {
    id: serial('id').primaryKey(),
    electionId: integer('election_id').notNull().references(() => elections.id),
    constituencyId: integer('constituency_id').notNull().references(() => constituencies.id),
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
    refusalGround: text('refusal_ground'),
    decisionNote: text('decision_note'),
    withdrawnOn: date('withdrawn_on'),
    withdrawnBy: withdrawalBy('withdrawn_by'),
    enteredBy: integer('entered_by').notNull().references(() => users.id),
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
    check('candidates_ballot_order_only_registered', sql`${t.ballotOrder} is null or (${t.ballotOrder} > 0 and ${t.status} in ('registered', 'withdrawn'))`),
    check('candidates_refusal_has_ground', sql`${t.status} <> 'refused' or ${t.refusalGround} is not null`),
    check('candidates_withdrawal_dated', sql`${t.status} <> 'withdrawn' or (${t.withdrawnOn} is not null and ${t.withdrawnBy} is not null)`),
  ],
);

/** One line of a nominee's compliance checklist, with who decided it, when and why. */
export const candidateChecks = pgTable(
  'candidate_checks',
  {
    id: serial('id').primaryKey(),
    candidateId: integer('candidate_id').notNull().references(() => candidates.id),
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
