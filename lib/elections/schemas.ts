import { z } from 'zod';
import type { elections } from '@/db/schema/elections';
import { addDays, isIsoDate } from '@/lib/calendar';
import {
  atLeastChars,
  atMostChars,
  basisPointsAsPercent,
  checkboxField,
  countField,
  crossFieldCheck,
  idField,
  isoDateField,
  optionalPercentAsBasisPointsField,
  percentAsBasisPointsField,
  requiredText,
  wholeNumberField,
} from '@/lib/validation/fields';
import { CALENDAR_ORDER, calendarOf, MIN_DAYS_CALLED_BEFORE_VOTING } from './calendar';

/** The election form, shared by the admin's browser and the server. */
type ElectionRow = typeof elections.$inferSelect;
export const ELECTION_KINDS = ['district_city_akim', 'rural_akim'] as const satisfies readonly ElectionRow['kind'][];
export const WINNER_RULES = ['plurality', 'absolute_majority'] as const satisfies readonly ElectionRow['winnerRule'][];
export const DEPOSIT_RULES = ['forfeit', 'refund'] as const satisfies readonly ElectionRow['depositRuleWhenRemoved'][];
/** "Against all" has no effect unless an election says so (decision 006). */
export const AGAINST_ALL_EFFECTS = ['none', 'repeat_if_beats_all'] as const satisfies readonly ElectionRow['againstAllEffect'][];

export const CORRECTION_REASON_MIN_LENGTH = 10;

export const slugField = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, atLeastChars(3))
  .max(60, atMostChars(60))
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'elections.errors.slug');

/** The rules of a candidate's life after registration: withdrawal cut-off and deposit settlement. */
const candidateRuleFields = {
  withdrawalCutoffDays: wholeNumberField({
    min: 0,
    max: 60,
    messages: { notWhole: 'errors.wholeNumber', tooSmall: 'elections.errors.withdrawalCutoff', tooLarge: 'elections.errors.withdrawalCutoff' },
  }),
  depositRefundThresholdBp: percentAsBasisPointsField,
  depositRuleWhenRemoved: z.enum(DEPOSIT_RULES, 'errors.required'),
};

const electionFields = {
  slug: slugField,
  nameKk: requiredText(3, 200),
  nameRu: requiredText(3, 200),
  nameEn: requiredText(3, 200),
  kind: z.enum(ELECTION_KINDS, 'errors.required'),
  calledOn: isoDateField,
  nominationOpensOn: isoDateField,
  nominationClosesOn: isoDateField,
  registrationDeadline: isoDateField,
  votingDay: isoDateField,
  resultsDeadline: isoDateField,
  akimRegistrationDeadline: isoDateField,
  minCandidateAge: wholeNumberField({
    min: 18,
    max: 100,
    messages: { notWhole: 'errors.wholeNumber', tooSmall: 'elections.errors.minAge', tooLarge: 'elections.errors.minAge' },
  }),
  depositAmount: countField(),
  signatureShareBp: percentAsBasisPointsField,
  winnerRule: z.enum(WINNER_RULES, 'errors.required'),
  turnoutThresholdBp: optionalPercentAsBasisPointsField,
  againstAllOnBallot: checkboxField,
  againstAllEffect: z.enum(AGAINST_ALL_EFFECTS, 'errors.required').default('none'),
  /** A protocol's voters at the close above the approved list by more than this share get a warning. */
  votersGrowthWarnBp: percentAsBasisPointsField.default(500),
  protocolImageRequired: checkboxField,
  ...candidateRuleFields,
};

/**
 * The calendar's dates come in order (registration closes before voting day), and the election is
 * called at least 50 days before voting. Each problem is reported on the date that breaks it.
 */
function checkCalendar(value: Record<string, unknown>, context: z.RefinementCtx) {
  for (const [index, field] of CALENDAR_ORDER.entries()) {
    const previous = CALENDAR_ORDER[index - 1];
    if (!previous || !isIsoDate(value[field]) || !isIsoDate(value[previous])) continue;
    const strictlyAfter = field === 'votingDay';
    if (value[field] < value[previous] || (strictlyAfter && value[field] === value[previous])) {
      context.addIssue({ code: 'custom', path: [field], message: `elections.errors.order.${field}` });
    }
  }
  if (isIsoDate(value.calledOn) && isIsoDate(value.votingDay) && value.calledOn > addDays(value.votingDay, -MIN_DAYS_CALLED_BEFORE_VOTING)) {
    context.addIssue({ code: 'custom', path: ['calledOn'], message: 'elections.errors.calledTooLate' });
  }
}

export const createElectionSchema = z.object(electionFields).check(crossFieldCheck(checkCalendar));

export const updateElectionSchema = z
  .object({
    ...electionFields,
    electionId: idField,
    /** The version the admin edited: a concurrent change makes this save fail, not overwrite. */
    lockVersion: idField,
    /** Required once the rules and calendar are locked (nomination has opened). */
    correctionReason: z.string().trim().max(1000, atMostChars(1000)).default(''),
  })
  .check(crossFieldCheck(checkCalendar));

export const electionRefSchema = z.object({ electionId: idField, lockVersion: idField });

/** What the election form holds: typed text, percentages rather than basis points. */
export type ElectionFormValues = Omit<z.input<typeof updateElectionSchema>, 'electionId' | 'lockVersion' | 'correctionReason'>;

/** An existing election as its edit form shows it. */
export function electionFormValues(election: ElectionRow): ElectionFormValues {
  return {
    slug: election.slug,
    nameKk: election.nameKk,
    nameRu: election.nameRu,
    nameEn: election.nameEn,
    kind: election.kind,
    ...calendarOf(election),
    minCandidateAge: String(election.minCandidateAge),
    depositAmount: String(election.depositAmount),
    signatureShareBp: basisPointsAsPercent(election.signatureShareBp),
    winnerRule: election.winnerRule,
    turnoutThresholdBp: election.turnoutThresholdBp === null ? '' : basisPointsAsPercent(election.turnoutThresholdBp),
    againstAllOnBallot: election.againstAllOnBallot,
    againstAllEffect: election.againstAllEffect,
    votersGrowthWarnBp: basisPointsAsPercent(election.votersGrowthWarnBp),
    protocolImageRequired: election.protocolImageRequired,
    withdrawalCutoffDays: String(election.withdrawalCutoffDays),
    depositRefundThresholdBp: basisPointsAsPercent(election.depositRefundThresholdBp),
    depositRuleWhenRemoved: election.depositRuleWhenRemoved,
  };
}
