import { afterEach, describe, expect, it, vi } from 'vitest';
import { hasPermission, type Role } from '@/lib/auth/permissions';
import { KAZAKHSTAN_TIME_ZONE, kazakhstanInstant, nowInKazakhstan, todayInKazakhstan } from '@/lib/calendar';
import { depositSettlement, type DepositFacts } from '@/lib/candidates/deposit';
import { akimActions, akimDecisionErrors, type AkimState } from '@/lib/candidates/elected';
import { refusalGroundsFor } from '@/lib/candidates/eligibility';
import { availableActions, checkBallotsPrinted, type CandidateState, type Viewer } from '@/lib/candidates/transitions';
import { calendarFor } from '@/lib/elections/calendar';
import { deadlineInstant, nextLegalDeadline, timeLeft } from '@/lib/elections/deadlines';
import { electionPhase } from '@/lib/elections/phase';

const calendar = calendarFor('2023-11-05');
const election = { ...calendar, withdrawalCutoffDays: 2 };
const phaseAt = (instant: Date) => electionPhase({ ...calendar, announced: true, archived: false, resultsOfficial: false }, nowInKazakhstan(instant));

const reviewer: Viewer = { id: 10, role: 'reviewer', regionId: 1 };
const otherReviewer: Viewer = { id: 11, role: 'reviewer', regionId: 1 };
const operator: Viewer = { id: 20, role: 'operator', regionId: 1 };
const passed = ['age', 'iin', 'deposit', 'nomination_window', 'citizenship', 'criminal_record', 'civil_service', 'declarations'].map((code) => ({
  code,
  outcome: 'passed' as const,
}));

/** A candidate of the 2023 calendar as the rules see it at `instant` (a real moment; the rules read Kazakhstan's clock). */
function stateAt(instant: Date, changes: Partial<CandidateState> = {}): CandidateState {
  return {
    regionId: 1,
    status: 'nominated',
    enteredBy: operator.id,
    checks: passed,
    pendingCancellation: null,
    depositRefundedOn: null,
    depositSettlement: null,
    election: { ...election, phase: phaseAt(instant) },
    today: todayInKazakhstan(instant),
    ...changes,
  };
}

describe('one clock: Kazakhstan time, UTC+5, whatever the server’s time zone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
    vi.useRealTimers();
  });

  it.each(['UTC', 'Asia/Almaty', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Kolkata'])(
    'accepts a registration at 17:59 on the deadline and refuses it at 18:00 (server TZ %s)',
    (zone) => {
      process.env.TZ = zone;
      // The server's zone really changed (Los Angeles is behind UTC, Kiritimati 14 hours ahead)...
      if (zone !== 'UTC') expect(new Date('2023-10-10T12:00:00Z').getTimezoneOffset()).not.toBe(0);
      // ...yet 12:59 UTC is 17:59 in Kazakhstan, and 13:00 UTC is 18:00.
      const before = availableActions(stateAt(new Date('2023-10-10T12:59:00Z')), reviewer);
      const at = availableActions(stateAt(new Date('2023-10-10T13:00:00Z')), reviewer);
      expect(before.register.ok).toBe(true);
      expect(at.register).toMatchObject({
        ok: false,
        code: 'invalidState',
        reason: 'elections.errors.workClosed',
        values: { work: 'candidateReview', phase: 'campaign' },
      });
      expect(at.refuse.ok).toBe(false);
    },
  );

  it('closes cancellations when the polls open at 07:00 and opens protocol entry when they close at 20:00', () => {
    const registered = (instant: Date) => stateAt(instant, { status: 'registered', pendingCancellation: { proposedBy: operator.id } });
    expect(availableActions(registered(new Date('2023-11-05T01:59:00Z')), reviewer).decideCancellation.ok).toBe(true);
    expect(availableActions(registered(new Date('2023-11-05T02:00:00Z')), reviewer).decideCancellation).toMatchObject({
      ok: false,
      values: { phase: 'voting' },
    });
    expect(phaseAt(new Date('2023-11-05T14:59:00Z'))).toBe('voting');
    expect(phaseAt(new Date('2023-11-05T15:00:00Z'))).toBe('counting');
  });

  it('dates the day by Kazakhstan at 19:30 UTC, in logic and on screen', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-30T19:30:00Z'));
    expect(todayInKazakhstan()).toBe('2026-12-01');
    expect(nowInKazakhstan()).toBe('2026-12-01T00:30');
    const shown = new Intl.DateTimeFormat('en-GB', { timeZone: KAZAKHSTAN_TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(new Date());
    expect(shown).toBe('01/12/2026, 00:30');
    expect(kazakhstanInstant('2026-12-01', '00:30').toISOString()).toBe('2026-11-30T19:30:00.000Z');
  });
});

describe('the commission decides, four eyes record it', () => {
  const open = new Date('2023-10-01T06:00:00Z');

  it('refuses the person who entered the nomination, and the one who proposed a cancellation', () => {
    expect(availableActions(stateAt(open, { enteredBy: reviewer.id }), reviewer).register).toMatchObject({
      ok: false,
      reason: 'candidates.errors.ownNomination',
    });
    const proposed = stateAt(open, { status: 'registered', pendingCancellation: { proposedBy: reviewer.id } });
    expect(availableActions(proposed, reviewer).decideCancellation).toMatchObject({ ok: false, reason: 'candidates.errors.ownCancellationProposal' });
    expect(availableActions(proposed, otherReviewer).decideCancellation.ok).toBe(true);
    expect(availableActions(proposed, operator).decideCancellation).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('offers a refusal ground tied to a check only once that check failed; other grounds stay free', () => {
    const pending = passed.map((check) => (check.code === 'criminal_record' ? { ...check, outcome: 'pending' as const } : check));
    const failed = passed.map((check) => (check.code === 'criminal_record' ? { ...check, outcome: 'failed' as const } : check));
    expect(refusalGroundsFor(pending)).not.toContain('criminal_record');
    expect(refusalGroundsFor(pending)).toEqual(expect.arrayContaining(['other', 'documents_incomplete']));
    expect(refusalGroundsFor(failed)).toContain('criminal_record');
    const actions = availableActions(stateAt(open, { checks: failed }), reviewer);
    expect(actions.register).toMatchObject({ ok: false, reason: 'candidates.errors.checksNotPassed' });
    expect(actions.refuse.ok && actions.refuse.grounds).toContain('criminal_record');
  });

  it('cancels only registered candidates, never twice at once', () => {
    expect(availableActions(stateAt(open), operator).proposeCancellation).toMatchObject({ ok: false, reason: 'candidates.errors.notRegistered' });
    expect(availableActions(stateAt(open, { status: 'registered' }), operator).proposeCancellation.ok).toBe(true);
    expect(availableActions(stateAt(open, { status: 'registered', pendingCancellation: { proposedBy: 99 } }), operator).proposeCancellation).toMatchObject({
      ok: false,
      reason: 'candidates.errors.cancellationPending',
    });
  });

  it('accepts withdrawals until two days before voting day, then names the last day', () => {
    const on = (instant: string) => availableActions(stateAt(new Date(instant), { status: 'registered' }), operator).withdraw;
    expect(on('2023-11-03T18:59:00Z').ok).toBe(true);
    expect(on('2023-11-03T19:00:00Z')).toMatchObject({ ok: false, reason: 'candidates.errors.withdrawalClosed', values: { date: '2023-11-03' } });
  });

  it('records the printing of ballots once, before voting day', () => {
    const state = { regionId: 1, ballotsPrintedOn: null, election: { ...calendar, phase: phaseAt(new Date('2023-10-18T05:00:00Z')) } };
    expect(checkBallotsPrinted(state, reviewer).ok).toBe(true);
    expect(checkBallotsPrinted({ ...state, ballotsPrintedOn: '2023-10-18' }, reviewer)).toMatchObject({
      ok: false,
      reason: 'candidates.errors.ballotsAlreadyPrinted',
    });
    expect(checkBallotsPrinted(state, operator)).toMatchObject({ ok: false, code: 'forbidden' });
  });
});

describe('deposits after the results', () => {
  const rules = { depositRefundThresholdBp: 500, depositRuleWhenRemoved: 'forfeit' as const };
  const facts = (changes: Partial<DepositFacts>): DepositFacts => ({
    paid: true,
    onBallot: true,
    elected: false,
    votes: 0,
    constituencyVotes: 10_000,
    ...changes,
  });

  it('refunds exactly 5% of the votes and keeps one vote less', () => {
    expect(depositSettlement(facts({ votes: 500 }), rules)).toBe('refund');
    expect(depositSettlement(facts({ votes: 499 }), rules)).toBe('forfeit');
    // 5% of 10,001 votes is 500.05: 500 votes fall short.
    expect(depositSettlement(facts({ votes: 500, constituencyVotes: 10_001 }), rules)).toBe('forfeit');
  });

  it('always refunds the elected, applies the rule to removed candidates, and has nothing to settle without a deposit', () => {
    expect(depositSettlement(facts({ elected: true, votes: 1 }), rules)).toBe('refund');
    expect(depositSettlement(facts({ onBallot: false, votes: 9_000 }), rules)).toBe('forfeit');
    expect(depositSettlement(facts({ onBallot: false }), { ...rules, depositRuleWhenRemoved: 'refund' })).toBe('refund');
    expect(depositSettlement(facts({ paid: false, elected: true }), rules)).toBe('none');
  });

  it('records a refund only after the results are official and only when it is due', () => {
    const counted = new Date('2023-11-08T05:00:00Z');
    expect(availableActions(stateAt(counted, { status: 'registered' }), reviewer).recordDepositRefund).toMatchObject({
      ok: false,
      reason: 'candidates.errors.resultsNotOfficial',
    });
    expect(availableActions(stateAt(counted, { status: 'registered', depositSettlement: 'forfeit' }), reviewer).recordDepositRefund).toMatchObject({
      ok: false,
      reason: 'candidates.errors.depositNotRefundable',
    });
    expect(availableActions(stateAt(counted, { status: 'registered', depositSettlement: 'refund' }), reviewer).recordDepositRefund.ok).toBe(true);
  });
});

describe('registration of the elected akim', () => {
  const state = (changes: Partial<AkimState> = {}): AkimState => ({
    regionId: 1,
    resultsStatus: 'official',
    resultsOfficialOn: '2023-11-07',
    outcome: { status: 'elected', candidateId: 5 },
    recorded: false,
    election: { ...calendar, phase: 'results_official' },
    ...changes,
  });

  it('registers the winner only, once results are official, and marks a repeat election only when the outcome needs one', () => {
    expect(akimActions(state(), reviewer)).toMatchObject({
      register: { ok: true, candidateId: 5 },
      repeatElection: { ok: false, reason: 'candidates.errors.noRepeatNeeded' },
    });
    expect(akimActions(state({ resultsStatus: 'counting', election: { ...calendar, phase: 'counting' } }), reviewer).register).toMatchObject({
      reason: 'candidates.errors.resultsNotOfficial',
    });
    expect(akimActions(state({ outcome: { status: 'repeat_required', reason: 'against_all' } }), reviewer)).toMatchObject({
      register: { ok: false },
      repeatElection: { ok: true },
    });
    expect(akimActions(state({ recorded: true }), reviewer).register).toMatchObject({ reason: 'candidates.errors.akimAlreadyRecorded' });
    expect(akimDecisionErrors(state(), { decision: 'register', candidateId: 6, decisionDate: '2023-11-10' }, '2023-11-20')).toEqual({
      candidateId: ['candidates.errors.notTheWinner'],
    });
  });

  it('dates the decision between the official results and today; after the legal term only with a reason', () => {
    const errors = (decisionDate: string, lateReason = '') =>
      akimDecisionErrors(state(), { decision: 'register', candidateId: 5, decisionDate, lateReason }, '2023-11-20');
    expect(errors('2023-11-06')).toEqual({ decisionDate: ['candidates.errors.akimDecisionDate'] });
    expect(errors('2023-11-21', 'Dated tomorrow by mistake.')).toEqual({ decisionDate: ['candidates.errors.akimDecisionDate'] });
    expect(errors('2023-11-15')).toEqual({});
    expect(errors('2023-11-16')).toEqual({ lateReason: ['candidates.errors.lateReasonRequired'] });
    expect(errors('2023-11-16', 'The commission sat only after the holiday.')).toEqual({});
  });
});

describe('the next legal deadline for a user’s work', () => {
  const may = (role: Role) => (permission: Parameters<typeof hasPermission>[1]) => hasPermission({ role, regionId: 1 }, permission);

  it('gives each role its own next deadline, at its hour, with the time left', () => {
    expect(nextLegalDeadline(election, may('reviewer'), '2023-10-08T09:00')).toMatchObject({ kind: 'registrationCloses', date: '2023-10-10', time: '18:00' });
    expect(nextLegalDeadline(election, may('operator'), '2023-10-08T09:00')).toMatchObject({ kind: 'withdrawalCloses', date: '2023-11-03' });
    expect(nextLegalDeadline(election, may('reviewer'), '2023-10-10T18:00')).toMatchObject({ kind: 'withdrawalCloses' });
    expect(nextLegalDeadline(election, may('reviewer'), '2023-11-09')).toMatchObject({ kind: 'akimRegistrationDue', date: '2023-11-15' });
    expect(nextLegalDeadline(election, may('observer'), '2023-10-08')).toBeNull();
    const registration = nextLegalDeadline(election, may('reviewer'), '2023-10-08T09:00')!;
    expect(deadlineInstant(registration).toISOString()).toBe('2023-10-10T13:00:00.000Z');
    expect(timeLeft(new Date('2023-10-08T04:00:00Z'), deadlineInstant(registration))).toEqual({ days: 2, hours: 9, minutes: 0 });
  });
});
