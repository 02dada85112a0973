import { validateIin, type Sex } from '@/lib/identity/iin';
import type { Messages } from 'next-intl';
import type { MessageKey } from '@/lib/i18n/keys';

/**
 * The compliance checks of a nominee. Automatic checks are decided by the system from the
 * nominee's data and show their working; attested checks are marked by a reviewer with a note.
 */
export const AUTOMATIC_CHECKS = ['age', 'iin', 'deposit', 'signatures', 'nomination_window', 'party_quota'] as const;
export const ATTESTED_CHECKS = ['citizenship', 'criminal_record', 'civil_service', 'declarations'] as const;
export type AutomaticCheckCode = (typeof AUTOMATIC_CHECKS)[number];
export type AttestedCheckCode = (typeof ATTESTED_CHECKS)[number];
export type CheckOutcome = 'pending' | 'passed' | 'failed';

/** The working of a check: a message key with its figures, rendered in the reader's language. */
export type CheckDetail = { key: MessageKey; values: Record<string, string | number> };
export type AutomaticCheck = { code: AutomaticCheckCode; outcome: CheckOutcome; detail: CheckDetail };

export type ElectionRules = {
  votingDay: string;
  minCandidateAge: number;
  depositAmount: number;
  signatureShareBp: number;
  nominationOpensOn: string;
  nominationClosesOn: string;
};

export type NomineeFacts = {
  iin: string;
  birthDate: string;
  sex: Sex;
  nominationRoute: 'party' | 'self';
  nominatedOn: string;
  depositAmount: number;
  depositPaidOn: string | null;
  supportingSignatures: number | null;
};

/** Age in completed years on `date` (both YYYY-MM-DD): a birthday on that day counts. */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** The election's share (in basis points) of the constituency's voters, rounded up: 1% of 12,345 is 124. */
export function requiredSignatures(votersOnList: number, shareBp: number): number {
  return Math.ceil((votersOnList * shareBp) / 10_000);
}

export const isWithinNominationWindow = (date: string, rules: Pick<ElectionRules, 'nominationOpensOn' | 'nominationClosesOn'>) =>
  rules.nominationOpensOn <= date && date <= rules.nominationClosesOn;

const check = (
  code: AutomaticCheckCode,
  outcome: CheckOutcome,
  key: keyof Messages['candidates']['checkDetails'],
  values: CheckDetail['values'],
): AutomaticCheck => ({
  code,
  outcome,
  detail: { key: `candidates.checkDetails.${key}`, values },
});

/**
 * Decides every automatic check. The party quota is enforced by the database when the nominee
 * is stored (one nominee per party per constituency), so a stored party nominee has passed it.
 */
export function automaticChecks(nominee: NomineeFacts, rules: ElectionRules, constituencyVoters: number): AutomaticCheck[] {
  const age = ageOn(nominee.birthDate, rules.votingDay);
  const iin = validateIin(nominee.iin, { birthDate: nominee.birthDate, sex: nominee.sex });
  const checks = [
    check('age', age >= rules.minCandidateAge ? 'passed' : 'failed', 'age', { age, minimum: rules.minCandidateAge, votingDay: rules.votingDay }),
    check('iin', iin.ok ? 'passed' : 'failed', iin.ok ? 'iinValid' : 'iinInvalid', iin.ok ? { iin: nominee.iin } : { iin: nominee.iin, reason: iin.reason }),
    nominee.depositPaidOn === null
      ? check('deposit', 'pending', 'depositMissing', { required: rules.depositAmount })
      : check('deposit', nominee.depositAmount >= rules.depositAmount ? 'passed' : 'failed', 'deposit', {
          paid: nominee.depositAmount,
          paidOn: nominee.depositPaidOn,
          required: rules.depositAmount,
        }),
  ];
  if (nominee.nominationRoute === 'self') {
    const required = requiredSignatures(constituencyVoters, rules.signatureShareBp);
    const signatures = nominee.supportingSignatures ?? 0;
    checks.push(
      check('signatures', signatures >= required ? 'passed' : 'failed', 'signatures', {
        signatures,
        required,
        share: rules.signatureShareBp / 100,
        voters: constituencyVoters,
      }),
    );
  }
  checks.push(
    check('nomination_window', isWithinNominationWindow(nominee.nominatedOn, rules) ? 'passed' : 'failed', 'nominationWindow', {
      date: nominee.nominatedOn,
      opens: rules.nominationOpensOn,
      closes: rules.nominationClosesOn,
    }),
  );
  if (nominee.nominationRoute === 'party') checks.push(check('party_quota', 'passed', 'partyQuota', {}));
  return checks;
}

/** Registration needs every check passed; anything pending or failed blocks it. */
export const allChecksPassed = (checks: { outcome: CheckOutcome }[]) => checks.length > 0 && checks.every((c) => c.outcome === 'passed');

/** Stored form of a check's working (the `detail` column): JSON for system checks, plain text for notes. */
export const encodeDetail = (detail: CheckDetail) => JSON.stringify(detail);
export function decodeDetail(stored: string): CheckDetail | { text: string } {
  if (stored.startsWith('{')) {
    try {
      const parsed = JSON.parse(stored) as CheckDetail;
      if (typeof parsed.key === 'string') return parsed;
    } catch {
      // a reviewer's note that happens to start with a brace
    }
  }
  return { text: stored };
}

/** Legal grounds a refusal can cite (labels in the catalogues). */
export type RefusalGround = (typeof REFUSAL_GROUNDS)[number];
export const REFUSAL_GROUNDS = [
  'age_below_minimum',
  'not_citizen',
  'criminal_record',
  'qualification_not_met',
  'declarations_not_filed',
  'deposit_not_paid',
  'insufficient_signatures',
  'documents_incomplete',
  'nominated_outside_window',
  'party_quota_exceeded',
  'other',
] as const;

/**
 * The check each legal ground of refusal rests on: such a ground may be cited only once its check
 * has failed (marked by a reviewer, or decided by the system). Grounds tied to no check stay free.
 */
export const GROUND_CHECK: Partial<Record<RefusalGround, AutomaticCheckCode | AttestedCheckCode>> = {
  age_below_minimum: 'age',
  not_citizen: 'citizenship',
  criminal_record: 'criminal_record',
  qualification_not_met: 'civil_service',
  declarations_not_filed: 'declarations',
  deposit_not_paid: 'deposit',
  insufficient_signatures: 'signatures',
  nominated_outside_window: 'nomination_window',
  party_quota_exceeded: 'party_quota',
};

/** The grounds a refusal may cite now, given the nominee's checks. */
export const refusalGroundsFor = (checks: readonly { code: string; outcome: CheckOutcome }[]): RefusalGround[] =>
  REFUSAL_GROUNDS.filter((ground) => {
    const code = GROUND_CHECK[ground];
    return code === undefined || checks.some((check) => check.code === code && check.outcome === 'failed');
  });

/** Legal grounds on which the commission cancels a registration (labels in the catalogues). */
export const CANCELLATION_GROUNDS = [
  'false_information',
  'official_position_abuse',
  'voter_bribery',
  'campaign_fund_violation',
  'eligibility_lost',
  'court_decision',
  'other',
] as const;
export type CancellationGround = (typeof CANCELLATION_GROUNDS)[number];
