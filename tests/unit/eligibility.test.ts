import { describe, expect, it } from 'vitest';
import {
  ageOn,
  allChecksPassed,
  automaticChecks,
  decodeDetail,
  encodeDetail,
  isWithinNominationWindow,
  requiredSignatures,
  type ElectionRules,
  type NomineeFacts,
} from '@/lib/candidates/eligibility';
import { nominationSchema } from '@/lib/candidates/schemas';
import { freshIin } from '../support/iin';

const rules: ElectionRules = {
  votingDay: '2023-11-05',
  minCandidateAge: 25,
  depositAmount: 350_000,
  signatureShareBp: 100,
  nominationOpensOn: '2023-09-16',
  nominationClosesOn: '2023-10-05',
};

const nominee = (overrides: Partial<NomineeFacts> = {}): NomineeFacts => ({
  iin: freshIin('1980-03-14', 'male'),
  birthDate: '1980-03-14',
  sex: 'male',
  nominationRoute: 'self',
  nominatedOn: '2023-09-20',
  depositAmount: 350_000,
  depositPaidOn: '2023-09-21',
  supportingSignatures: 300,
  ...overrides,
});
const outcome = (facts: NomineeFacts, code: string, voters = 30_000) => automaticChecks(facts, rules, voters).find((c) => c.code === code)?.outcome;

describe('age on voting day', () => {
  it('is exactly 25 on the 25th birthday and 24 the day before it', () => {
    expect(ageOn('1998-11-05', '2023-11-05')).toBe(25);
    expect(ageOn('1998-11-06', '2023-11-05')).toBe(24);
    expect(outcome(nominee({ birthDate: '1998-11-05', iin: freshIin('1998-11-05', 'male') }), 'age')).toBe('passed');
    expect(outcome(nominee({ birthDate: '1998-11-06', iin: freshIin('1998-11-06', 'male') }), 'age')).toBe('failed');
  });

  it('handles 29 February birthdays', () => {
    expect(ageOn('2000-02-29', '2025-02-28')).toBe(24);
    expect(ageOn('2000-02-29', '2025-03-01')).toBe(25);
  });
});

describe('signature threshold', () => {
  it('rounds the share up to whole signatures', () => {
    expect(requiredSignatures(12_345, 100)).toBe(124);
    expect(requiredSignatures(12_300, 100)).toBe(123);
    expect(requiredSignatures(1, 100)).toBe(1);
    expect(requiredSignatures(0, 100)).toBe(0);
    expect(requiredSignatures(12_345, 150)).toBe(186);
  });

  it('passes at the threshold and fails one short', () => {
    expect(outcome(nominee({ supportingSignatures: 124 }), 'signatures', 12_345)).toBe('passed');
    expect(outcome(nominee({ supportingSignatures: 123 }), 'signatures', 12_345)).toBe('failed');
  });

  it('does not apply to party nominees, who get the party-quota check instead', () => {
    const codes = automaticChecks(nominee({ nominationRoute: 'party', supportingSignatures: null }), rules, 10_000).map((c) => c.code);
    expect(codes).toEqual(['age', 'iin', 'deposit', 'nomination_window', 'party_quota']);
  });
});

describe('nomination window', () => {
  it('includes its first and last day only', () => {
    expect(isWithinNominationWindow('2023-09-15', rules)).toBe(false);
    expect(isWithinNominationWindow('2023-09-16', rules)).toBe(true);
    expect(isWithinNominationWindow('2023-10-05', rules)).toBe(true);
    expect(isWithinNominationWindow('2023-10-06', rules)).toBe(false);
  });
});

describe('deposit', () => {
  it('is pending until paid, failed when short, passed at the amount', () => {
    expect(outcome(nominee({ depositPaidOn: null, depositAmount: 0 }), 'deposit')).toBe('pending');
    expect(outcome(nominee({ depositAmount: 349_999 }), 'deposit')).toBe('failed');
    expect(outcome(nominee({ depositAmount: 350_000 }), 'deposit')).toBe('passed');
  });
});

describe('registration needs every check passed', () => {
  it('is blocked by any pending or failed check, and by an empty list', () => {
    expect(allChecksPassed([{ outcome: 'passed' }, { outcome: 'passed' }])).toBe(true);
    expect(allChecksPassed([{ outcome: 'passed' }, { outcome: 'pending' }])).toBe(false);
    expect(allChecksPassed([{ outcome: 'failed' }])).toBe(false);
    expect(allChecksPassed([])).toBe(false);
  });

  it('shows its working as a message with figures, and keeps notes as text', () => {
    const [age] = automaticChecks(nominee(), rules, 30_000);
    expect(decodeDetail(encodeDetail(age!.detail))).toEqual({ key: 'candidates.checkDetails.age', values: { age: 43, minimum: 25, votingDay: '2023-11-05' } });
    expect(decodeDetail('{not json, a note')).toEqual({ text: '{not json, a note' });
  });
});

describe('the nomination form', () => {
  const valid = {
    electionId: '1',
    constituencyId: '2',
    fullName: 'Жанар Сейітқызы Әбілова',
    iin: freshIin('1985-07-30', 'female'),
    birthDate: '1985-07-30',
    sex: 'female',
    education: 'Higher: economics',
    currentPosition: 'Deputy akim',
    nominationRoute: 'self',
    partyId: '',
    applicationReceived: 'on',
    assetDeclarationsReceived: 'on',
    depositAmount: '350000',
    depositPaidOn: '2023-09-20',
    supportingSignatures: '420',
  };
  const errorsOf = (input: object) => {
    const result = nominationSchema.safeParse(input);
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
  };

  it('accepts a valid self-nominee', () => {
    expect(errorsOf(valid)).toEqual({});
  });

  it('rejects an IIN whose birth date or sex differs from the ones entered', () => {
    expect(errorsOf({ ...valid, birthDate: '1985-07-31' })).toEqual({ iin: 'candidates.errors.iinBirthDate' });
    expect(errorsOf({ ...valid, sex: 'male' })).toEqual({ iin: 'candidates.errors.iinSex' });
  });

  it('rejects a mistyped IIN by its check digit', () => {
    const iin = valid.iin;
    const typo = iin.slice(0, 11) + String((Number(iin[11]) + 1) % 10);
    expect(errorsOf({ ...valid, iin: typo })).toEqual({ iin: 'candidates.errors.iinChecksum' });
    expect(errorsOf({ ...valid, iin: '12345' })).toEqual({ iin: 'candidates.errors.iinFormat' });
  });

  it('needs a party for party nominees and signatures for self-nominees', () => {
    expect(errorsOf({ ...valid, nominationRoute: 'party' })).toEqual({ partyId: 'candidates.errors.partyRequired' });
    expect(errorsOf({ ...valid, supportingSignatures: '' })).toEqual({ supportingSignatures: 'candidates.errors.signaturesRequired' });
  });

  it('rejects negative, fractional and non-numeric counts at their fields', () => {
    expect(errorsOf({ ...valid, depositAmount: '-1', supportingSignatures: '2.5' })).toEqual({
      depositAmount: 'errors.negative',
      supportingSignatures: 'errors.wholeNumber',
    });
    expect(errorsOf({ ...valid, supportingSignatures: 'many' })).toEqual({ supportingSignatures: 'errors.wholeNumber' });
  });
});

describe('the nomination form reports everything at once', () => {
  it('names the IIN mismatch even while other fields are still empty', () => {
    const iin = freshIin('1984-02-10', 'female');
    const result = nominationSchema.safeParse({
      electionId: 1,
      constituencyId: '',
      fullName: '',
      iin,
      birthDate: '1984-02-11',
      sex: 'female',
      education: '',
      currentPosition: '',
      nominationRoute: 'self',
      partyId: '',
      depositAmount: '',
      depositPaidOn: '',
      supportingSignatures: '',
    });
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
    expect(messages).toMatchObject({
      iin: 'candidates.errors.iinBirthDate',
      constituencyId: 'errors.required',
      depositAmount: 'errors.required',
      supportingSignatures: 'candidates.errors.signaturesRequired',
    });
  });
});
