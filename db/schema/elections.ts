import { sql } from 'drizzle-orm';
import { boolean, check, date, integer, pgEnum, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

export const winnerRule = pgEnum('winner_rule', ['plurality', 'absolute_majority']);
/** Which akims are elected: of districts and cities of regional significance, or of rural districts, villages and settlements. */
export const electionKind = pgEnum('election_kind', ['district_city_akim', 'rural_akim']);
/** What happens to the deposit of a candidate whose registration was withdrawn or cancelled (U in the law: a setting). */
export const depositRule = pgEnum('deposit_rule', ['refund', 'forfeit']);
/** What "against all" does to the result: nothing (no source gives it power), or a repeat election when it beats every candidate. */
export const againstAllEffect = pgEnum('against_all_effect', ['none', 'repeat_if_beats_all']);

/**
 * An election with its calendar and its rules. Rules that the law leaves open (winner rule,
 * turnout threshold, against-all) are data, so each election can set them.
 * Shares are stored in basis points (1% = 100) to keep every stored number an integer.
 */
export const elections = pgTable(
  'elections',
  {
    id: serial('id').primaryKey(),
    slug: text('slug').notNull().unique(),
    kind: electionKind('kind').notNull().default('district_city_akim'),
    nameKk: text('name_kk').notNull(),
    nameRu: text('name_ru').notNull(),
    nameEn: text('name_en').notNull(),
    votingDay: date('voting_day').notNull(),
    calledOn: date('called_on').notNull(),
    nominationOpensOn: date('nomination_opens_on').notNull(),
    nominationClosesOn: date('nomination_closes_on').notNull(),
    registrationDeadline: date('registration_deadline').notNull(),
    resultsDeadline: date('results_deadline').notNull(),
    /** The commission registers the elected akim by this day (7 days after the results by default). */
    akimRegistrationDeadline: date('akim_registration_deadline').notNull(),
    minCandidateAge: integer('min_candidate_age').notNull().default(25),
    depositAmount: integer('deposit_amount').notNull(),
    signatureShareBp: integer('signature_share_bp').notNull().default(100),
    winnerRule: winnerRule('winner_rule').notNull().default('plurality'),
    turnoutThresholdBp: integer('turnout_threshold_bp'),
    againstAllOnBallot: boolean('against_all_on_ballot').notNull().default(true),
    againstAllEffect: againstAllEffect('against_all_effect').notNull().default('none'),
    /** A protocol's voters at the close above the approved list by more than this share gets a warning (never a refusal). */
    votersGrowthWarnBp: integer('voters_growth_warn_bp').notNull().default(500),
    /** A protocol can be approved only with an image of its signed paper; otherwise a written reason suffices. */
    protocolImageRequired: boolean('protocol_image_required').notNull().default(false),
    /** Withdrawals are accepted until this many days before voting day (inclusive). */
    withdrawalCutoffDays: integer('withdrawal_cutoff_days').notNull().default(2),
    /** Deposits are refunded to the elected and to candidates with at least this share of the constituency's votes. */
    depositRefundThresholdBp: integer('deposit_refund_threshold_bp').notNull().default(500),
    depositRuleWhenRemoved: depositRule('deposit_rule_when_removed').notNull().default('forfeit'),
    /** Null while the election is a draft only admins see; set when an admin announces it. */
    announcedAt: timestamp('announced_at', { withTimezone: true }),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    /** Bumped on every change: an edit made on a stale copy is refused, not applied. */
    lockVersion: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'elections_calendar_order',
      sql`${t.calledOn} <= ${t.nominationOpensOn} and ${t.nominationOpensOn} <= ${t.nominationClosesOn} and ${t.nominationClosesOn} <= ${t.registrationDeadline} and ${t.registrationDeadline} < ${t.votingDay} and ${t.votingDay} <= ${t.resultsDeadline} and ${t.resultsDeadline} <= ${t.akimRegistrationDeadline}`,
    ),
    check('elections_rules_non_negative', sql`${t.minCandidateAge} >= 0 and ${t.depositAmount} >= 0 and ${t.signatureShareBp} between 0 and 10000`),
    check('elections_candidate_rules_range', sql`${t.withdrawalCutoffDays} between 0 and 60 and ${t.depositRefundThresholdBp} between 0 and 10000`),
    check('elections_voters_growth_warn_range', sql`${t.votersGrowthWarnBp} between 0 and 10000`),
    check('elections_turnout_threshold_range', sql`${t.turnoutThresholdBp} is null or ${t.turnoutThresholdBp} between 0 and 10000`),
  ],
);
