import { z } from 'zod';
import { validateIin } from '@/lib/identity/iin';
import {
  atMostChars,
  checkboxField,
  countField,
  crossFieldCheck,
  idField,
  isoDateField,
  optionalCountField,
  optionalIdField,
  optionalIsoDateField,
  requiredText,
} from '@/lib/validation/fields';
import { ATTESTED_CHECKS, CANCELLATION_GROUNDS, REFUSAL_GROUNDS } from './eligibility';

const IIN_MESSAGES = {
  format: 'candidates.errors.iinFormat',
  date: 'candidates.errors.iinDate',
  century: 'candidates.errors.iinCentury',
  checksum: 'candidates.errors.iinChecksum',
  birth_date_mismatch: 'candidates.errors.iinBirthDate',
  sex_mismatch: 'candidates.errors.iinSex',
} as const;

const documentFields = {
  applicationReceived: checkboxField,
  assetDeclarationsReceived: checkboxField,
  depositAmount: countField(),
  depositPaidOn: optionalIsoDateField,
  supportingSignatures: optionalCountField(),
};

function checkDeposit(value: Record<string, unknown>, context: z.RefinementCtx) {
  if (typeof value.depositAmount === 'number' && value.depositAmount > 0 && !value.depositPaidOn)
    context.addIssue({ code: 'custom', path: ['depositPaidOn'], message: 'candidates.errors.depositDateRequired' });
}

/** The nomination form: the person, the route, the constituency and the documents received. */
export const nominationSchema = z
  .object({
    electionId: idField,
    constituencyId: idField,
    fullName: requiredText(5, 200),
    iin: z
      .string()
      .trim()
      .regex(/^[0-9]{12}$/, 'candidates.errors.iinFormat'),
    birthDate: isoDateField,
    sex: z.enum(['male', 'female'], 'errors.required'),
    education: requiredText(2, 300),
    currentPosition: z.string().trim().max(300, atMostChars(300)),
    nominationRoute: z.enum(['party', 'self'], 'errors.required'),
    partyId: optionalIdField,
    ...documentFields,
  })
  .check(
    crossFieldCheck((value, context) => {
      const noParty = value.partyId === null || value.partyId === '' || value.partyId === undefined;
      if (value.nominationRoute === 'party' && noParty) context.addIssue({ code: 'custom', path: ['partyId'], message: 'candidates.errors.partyRequired' });
      if (value.nominationRoute === 'self' && !noParty)
        context.addIssue({ code: 'custom', path: ['partyId'], message: 'candidates.errors.partyForSelfNominee' });
      const noSignatures = value.supportingSignatures === null || value.supportingSignatures === '' || value.supportingSignatures === undefined;
      if (value.nominationRoute === 'self' && noSignatures)
        context.addIssue({ code: 'custom', path: ['supportingSignatures'], message: 'candidates.errors.signaturesRequired' });
      checkDeposit(value, context);
      const { iin, birthDate, sex } = value;
      if (typeof iin === 'string' && /^[0-9]{12}$/.test(iin.trim()) && typeof birthDate === 'string' && (sex === 'male' || sex === 'female')) {
        const result = validateIin(iin.trim(), { birthDate, sex });
        if (!result.ok) context.addIssue({ code: 'custom', path: ['iin'], message: IIN_MESSAGES[result.reason] });
      }
    }),
  );
export type NominationInput = z.input<typeof nominationSchema>;
export type Nomination = z.output<typeof nominationSchema>;

const candidateRef = { candidateId: idField, lockVersion: idField };

/** Documents received after nomination (deposit paid, signatures verified): the system re-checks. */
export const updateDocumentsSchema = z.object({ ...candidateRef, ...documentFields }).check(crossFieldCheck(checkDeposit));

export const attestCheckSchema = z.object({
  ...candidateRef,
  code: z.enum(ATTESTED_CHECKS),
  outcome: z.enum(['passed', 'failed'], 'errors.required'),
  note: requiredText(5, 1000),
});

/** The territorial commission's decision as the reviewer records it: its number and date. */
export const commissionDecisionFields = {
  decisionNumber: requiredText(1, 40).regex(/^[\p{L}\p{N} ./№-]*\d[\p{L}\p{N} ./№-]*$/u, 'candidates.errors.decisionNumber'),
  decisionDate: isoDateField,
};

export const decisionSchema = z.discriminatedUnion('decision', [
  z.object({ ...candidateRef, ...commissionDecisionFields, decision: z.literal('register') }),
  z.object({
    ...candidateRef,
    ...commissionDecisionFields,
    decision: z.literal('refuse'),
    refusalGround: z.enum(REFUSAL_GROUNDS, 'candidates.errors.groundRequired'),
    explanation: requiredText(10, 2000),
  }),
]);

/** Someone proposes that the commission cancel a registration, with the legal ground. */
export const proposeCancellationSchema = z.object({
  ...candidateRef,
  ground: z.enum(CANCELLATION_GROUNDS, 'candidates.errors.groundRequired'),
  explanation: requiredText(10, 2000),
});

/** Another person records the commission's decision on the proposal: cancelled, or not (dismissed). */
export const decideCancellationSchema = z.discriminatedUnion('decision', [
  z.object({ ...candidateRef, ...commissionDecisionFields, decision: z.literal('cancel') }),
  z.object({ ...candidateRef, decision: z.literal('dismiss'), dismissalReason: requiredText(10, 2000) }),
]);

export const depositRefundSchema = z.object({ ...candidateRef, refundedOn: isoDateField });

export const ballotsPrintedSchema = z.object({ constituencyId: idField, printedOn: isoDateField });

/** After official results: the elected akim registered (late only with a reason), or a repeat election marked. */
export const electedAkimSchema = z.discriminatedUnion('decision', [
  z.object({
    constituencyId: idField,
    ...commissionDecisionFields,
    decision: z.literal('register'),
    candidateId: idField,
    lateReason: z.string().trim().max(2000, atMostChars(2000)).default(''),
  }),
  z.object({ constituencyId: idField, ...commissionDecisionFields, decision: z.literal('repeatElection'), reason: requiredText(10, 2000) }),
]);

export const withdrawalSchema = z.object({
  ...candidateRef,
  withdrawnBy: z.enum(['candidate', 'party'], 'errors.required'),
  withdrawnOn: isoDateField,
});
