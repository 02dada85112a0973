import { describe, expect, it } from 'vitest';
import { calendarFor, lastWithdrawalDay, POLLS_CLOSE_AT, POLLS_OPEN_AT, REGISTRATION_CLOSES_AT, silenceDay } from '@/lib/elections/calendar';
import { electionPhase, isWorkOpen, nextDeadline, phaseOpensOn, rulesLocked, workRefusal, type Phase } from '@/lib/elections/phase';
import { pickElection, type ElectionWithPhase } from '@/lib/elections/queries';
import { createElectionSchema } from '@/lib/elections/schemas';

// The 2023 pilot: voting on 5 November.
const calendar = calendarFor('2023-11-05');
const announced = { ...calendar, announced: true, archived: false, resultsOfficial: false };

describe('default calendar from voting day', () => {
  it('reproduces the 2023 pilot exactly (golden case)', () => {
    expect(calendar).toEqual({
      votingDay: '2023-11-05',
      calledOn: '2023-09-15', // as the 2023 pilot was called
      nominationOpensOn: '2023-09-16',
      nominationClosesOn: '2023-10-05',
      registrationDeadline: '2023-10-10',
      resultsDeadline: '2023-11-08',
      akimRegistrationDeadline: '2023-11-15',
    });
    expect(silenceDay(calendar.votingDay)).toBe('2023-11-04');
    expect([REGISTRATION_CLOSES_AT, POLLS_OPEN_AT, POLLS_CLOSE_AT]).toEqual(['18:00', '07:00', '20:00']);
    expect(lastWithdrawalDay({ votingDay: calendar.votingDay, withdrawalCutoffDays: 2 })).toBe('2023-11-03');
  });

  it('crosses month and year ends and leap days', () => {
    expect(calendarFor('2028-01-10')).toMatchObject({
      calledOn: '2027-11-20',
      nominationOpensOn: '2027-11-21',
      resultsDeadline: '2028-01-13',
      akimRegistrationDeadline: '2028-01-20',
    });
    expect(calendarFor('2028-03-30').nominationOpensOn).toBe('2028-02-09');
    expect(calendarFor('2028-03-01').resultsDeadline).toBe('2028-03-04');
    expect(calendarFor('2028-02-27').akimRegistrationDeadline).toBe('2028-03-08');
  });
});

describe('calendar validation', () => {
  const form = (changes: Record<string, string>) => ({
    slug: 'akim-test',
    nameKk: 'Сайлау',
    nameRu: 'Выборы',
    nameEn: 'Election',
    kind: 'district_city_akim',
    ...calendar,
    minCandidateAge: '25',
    depositAmount: '350000',
    signatureShareBp: '1',
    winnerRule: 'plurality',
    turnoutThresholdBp: '',
    againstAllOnBallot: true,
    withdrawalCutoffDays: '2',
    depositRefundThresholdBp: '5',
    depositRuleWhenRemoved: 'forfeit',
    ...changes,
  });
  const errorsOf = (changes: Record<string, string>) => {
    const result = createElectionSchema.safeParse(form(changes));
    return result.success ? {} : Object.fromEntries(result.error.issues.map((issue) => [issue.path.join('.'), issue.message]));
  };

  it('accepts the default calendar and stores shares in basis points', () => {
    const result = createElectionSchema.parse(form({ turnoutThresholdBp: '50.5' }));
    expect(result).toMatchObject({
      signatureShareBp: 100,
      turnoutThresholdBp: 5050,
      minCandidateAge: 25,
      depositAmount: 350000,
      withdrawalCutoffDays: 2,
      depositRefundThresholdBp: 500,
    });
  });

  it('reports each date that comes before the one it must follow, on that date', () => {
    expect(errorsOf({ nominationOpensOn: '2023-09-14' })).toEqual({ nominationOpensOn: 'elections.errors.order.nominationOpensOn' });
    expect(errorsOf({ nominationClosesOn: '2023-09-15' })).toEqual({ nominationClosesOn: 'elections.errors.order.nominationClosesOn' });
    expect(errorsOf({ registrationDeadline: '2023-10-04' })).toEqual({ registrationDeadline: 'elections.errors.order.registrationDeadline' });
    expect(errorsOf({ registrationDeadline: '2023-11-05' })).toEqual({ votingDay: 'elections.errors.order.votingDay' });
    expect(errorsOf({ resultsDeadline: '2023-11-04' })).toEqual({ resultsDeadline: 'elections.errors.order.resultsDeadline' });
    expect(errorsOf({ akimRegistrationDeadline: '2023-11-07' })).toEqual({ akimRegistrationDeadline: 'elections.errors.order.akimRegistrationDeadline' });
  });

  it('reports an impossible date on its field instead of failing the whole check', () => {
    expect(errorsOf({ votingDay: '2023-11-31' })).toEqual({ votingDay: 'errors.date' });
    expect(errorsOf({ calledOn: '2023-02-30' })).toEqual({ calledOn: 'errors.date' });
  });

  it('requires the election to be called at least 50 days before voting day', () => {
    expect(errorsOf({ calledOn: '2023-09-17', nominationOpensOn: '2023-09-20' })).toEqual({ calledOn: 'elections.errors.calledTooLate' });
    expect(errorsOf({ calledOn: '2023-09-16' })).toEqual({});
  });

  it('keeps shares between 0 and 100 with at most two decimals, and counts whole', () => {
    expect(errorsOf({ signatureShareBp: '100.01' })).toEqual({ signatureShareBp: 'errors.percent' });
    expect(errorsOf({ signatureShareBp: '-1' })).toEqual({ signatureShareBp: 'errors.percent' });
    expect(errorsOf({ signatureShareBp: '0.125' })).toEqual({ signatureShareBp: 'errors.percent' });
    expect(errorsOf({ turnoutThresholdBp: '100' })).toEqual({});
    expect(errorsOf({ depositAmount: '-5' })).toEqual({ depositAmount: 'errors.negative' });
    expect(errorsOf({ depositAmount: '1.5' })).toEqual({ depositAmount: 'errors.wholeNumber' });
    expect(errorsOf({ minCandidateAge: '17' })).toEqual({ minCandidateAge: 'elections.errors.minAge' });
    expect(errorsOf({ withdrawalCutoffDays: '61' })).toEqual({ withdrawalCutoffDays: 'elections.errors.withdrawalCutoff' });
    expect(errorsOf({ depositRefundThresholdBp: '100.5' })).toEqual({ depositRefundThresholdBp: 'errors.percent' });
  });
});

describe('phase derivation', () => {
  const at = (today: string, changes: Partial<typeof announced> = {}) => electionPhase({ ...announced, ...changes }, today);

  it('changes phase on each boundary day, and at the hour where the deadline has one', () => {
    const cases: [string, Phase][] = [
      ['2023-09-15', 'constituency_lists'],
      ['2023-09-15T23:59', 'constituency_lists'],
      ['2023-09-16', 'nomination'],
      ['2023-10-05T23:59', 'nomination'],
      ['2023-10-06', 'registration'],
      ['2023-10-10T17:59', 'registration'],
      ['2023-10-10T18:00', 'campaign'],
      ['2023-11-05T06:59', 'campaign'],
      ['2023-11-05T07:00', 'voting'],
      ['2023-11-05T19:59', 'voting'],
      ['2023-11-05T20:00', 'counting'],
      ['2024-05-01', 'counting'],
    ];
    for (const [now, phase] of cases) expect(at(now), now).toBe(phase);
  });

  it('is set by people for drafts, official results and the archive', () => {
    expect(at('2023-10-01', { announced: false })).toBe('draft');
    expect(at('2023-11-07', { resultsOfficial: true })).toBe('results_official');
    expect(at('2023-11-07', { resultsOfficial: true, archived: true })).toBe('archived');
    expect(at('2023-10-01', { announced: false, archived: true })).toBe('archived');
  });

  it('gives each calendar phase its first day, or hour', () => {
    expect(phaseOpensOn(calendar, 'registration')).toBe('2023-10-06');
    expect(phaseOpensOn(calendar, 'campaign')).toBe('2023-10-10T18:00');
    expect(phaseOpensOn(calendar, 'voting')).toBe('2023-11-05T07:00');
    expect(phaseOpensOn(calendar, 'counting')).toBe('2023-11-05T20:00');
    expect(phaseOpensOn(calendar, 'draft')).toBeNull();
  });

  it('locks rules and calendar from nomination on', () => {
    expect(rulesLocked('draft')).toBe(false);
    expect(rulesLocked('constituency_lists')).toBe(false);
    expect(rulesLocked('nomination')).toBe(true);
    expect(rulesLocked('results_official')).toBe(true);
  });
});

describe('work allowed per phase', () => {
  it('allows protocols only once the polls have closed, until results are official', () => {
    expect(isWorkOpen('protocols', 'campaign')).toBe(false);
    expect(isWorkOpen('protocols', 'voting')).toBe(false);
    expect(isWorkOpen('protocols', 'counting')).toBe(true);
    expect(isWorkOpen('protocols', 'results_official')).toBe(false);
  });

  it('names the phase and the day work opens, or says it has closed', () => {
    expect(workRefusal('nomination', 'constituency_lists', calendar)).toEqual({
      message: 'elections.errors.workNotOpenYet',
      values: { work: 'nomination', phase: 'constituency_lists', date: '2023-09-16', time: 'none' },
    });
    expect(workRefusal('protocols', 'nomination', calendar)?.values).toMatchObject({ date: '2023-11-05', time: '20:00' });
    expect(workRefusal('nomination', 'campaign', calendar)).toEqual({
      message: 'elections.errors.workClosed',
      values: { work: 'nomination', phase: 'campaign', date: '' },
    });
    expect(workRefusal('nomination', 'nomination', calendar)).toBeNull();
    expect(workRefusal('constituencyLists', 'archived', calendar)?.message).toBe('elections.errors.workClosed');
  });

  it('shows the next date still ahead', () => {
    expect(nextDeadline(calendar, '2023-09-20')).toEqual({ field: 'nominationClosesOn', date: '2023-10-05' });
    expect(nextDeadline(calendar, '2023-11-05')).toEqual({ field: 'votingDay', date: '2023-11-05' });
    expect(nextDeadline(calendar, '2023-11-09')).toEqual({ field: 'akimRegistrationDeadline', date: '2023-11-15' });
    expect(nextDeadline(calendar, '2023-11-16')).toBeNull();
  });
});

describe('which election a page opens on', () => {
  const election = (id: number, phase: Phase) => ({ id, slug: `e${id}`, phase }) as unknown as ElectionWithPhase;
  // Newest first, as listed: lists being drawn up, then one being counted, then one with official results.
  const all = [election(4, 'constituency_lists'), election(3, 'counting'), election(2, 'results_official'), election(1, 'archived')];
  const beingCounted = (e: { phase: Phase }) => e.phase === 'voting' || e.phase === 'counting';
  const withResults = (e: { phase: Phase }) => e.phase === 'results_official' || e.phase === 'archived';

  it('takes the one asked for, else the first preference that matches, in order, else the newest', () => {
    expect(pickElection(all, 'e1', beingCounted)?.id).toBe(1);
    expect(pickElection(all, undefined, beingCounted, withResults)?.id).toBe(3);
    expect(
      pickElection(
        all.filter((e) => e.id !== 3),
        undefined,
        beingCounted,
        withResults,
      )?.id,
    ).toBe(2);
    expect(pickElection([all[0]!], undefined, beingCounted, withResults)?.id).toBe(4);
  });
});
