import { describe, expect, it } from 'vitest';
import { calendarFor } from '@/lib/elections/calendar';
import type { Phase } from '@/lib/elections/phase';
import {
  availableActions,
  PROTOCOL_ACTIONS,
  resultsActions,
  type ProtocolAction,
  type ProtocolState,
  type ProtocolStatus,
  type ResultsState,
  type Viewer,
} from '@/lib/protocols/transitions';

const calendar = calendarFor('2023-11-05');
const operator: Viewer = { id: 1, role: 'operator', regionId: 1 };
const operator2: Viewer = { id: 2, role: 'operator', regionId: 1 };
const reviewer: Viewer = { id: 3, role: 'reviewer', regionId: 1 };
const outsider: Viewer = { id: 4, role: 'reviewer', regionId: 2 };
const observer: Viewer = { id: 5, role: 'observer', regionId: null };
const admin: Viewer = { id: 6, role: 'admin', regionId: null };

const state = (status: ProtocolStatus, changes: Partial<ProtocolState> = {}): ProtocolState => ({
  regionId: 1,
  status,
  typedBy: status === 'entered_once' ? [operator.id] : status === 'awaiting_review' || status === 'mismatch' ? [operator.id, operator2.id] : [],
  resultsStatus: 'counting',
  election: { ...calendar, phase: 'counting' },
  ...changes,
});
const allowed = (s: ProtocolState, viewer: Viewer) =>
  Object.entries(availableActions(s, viewer))
    .filter(([, decision]) => decision.ok)
    .map(([action]) => action as ProtocolAction);

describe('who may move a protocol on', () => {
  it('lets operators type a missing or returned protocol, and the second copy only if they did not type the first', () => {
    expect(allowed(state('missing'), operator)).toEqual(['enter']);
    expect(allowed(state('returned'), operator)).toEqual(['enter']);
    expect(allowed(state('entered_once'), operator2)).toEqual(['enter']);
    expect(availableActions(state('entered_once'), operator).enter).toMatchObject({ ok: false, reason: 'protocols.errors.bothCopies' });
    expect(availableActions(state('awaiting_review'), operator).enter).toMatchObject({ ok: false, reason: 'protocols.errors.notAwaitingEntry' });
  });

  it('lets a reviewer who typed no copy approve or resolve, and return either to data entry', () => {
    expect(allowed(state('awaiting_review'), reviewer)).toEqual(['approve', 'return']);
    expect(allowed(state('mismatch'), reviewer)).toEqual(['resolve', 'return']);
    // A reviewer who typed a copy (a correction's first one) may still return it, never decide it.
    const typed = state('awaiting_review', { typedBy: [reviewer.id, operator.id] });
    expect(availableActions(typed, reviewer).approve).toMatchObject({ ok: false, reason: 'protocols.errors.ownEntry' });
    expect(availableActions(typed, reviewer).return.ok).toBe(true);
    expect(availableActions(state('entered_once'), reviewer).return).toMatchObject({ ok: false, reason: 'protocols.errors.notUnderReview' });
    expect(availableActions(state('approved'), reviewer).return).toMatchObject({ ok: false, reason: 'protocols.errors.notUnderReview' });
  });

  it('lets operators and reviewers start a correction of an approved protocol', () => {
    expect(allowed(state('approved'), operator)).toEqual(['correct']);
    expect(allowed(state('approved'), reviewer)).toEqual(['correct']);
  });

  it('refuses other regions, observers and administrators every protocol action', () => {
    for (const status of ['missing', 'entered_once', 'awaiting_review', 'mismatch', 'approved', 'returned'] as const) {
      for (const viewer of [outsider, observer, admin]) {
        for (const action of PROTOCOL_ACTIONS) expect(availableActions(state(status), viewer)[action]).toMatchObject({ ok: false, code: 'forbidden' });
      }
    }
  });

  it('locks everything once the results are official, and outside the counting phase', () => {
    const official = state('awaiting_review', { resultsStatus: 'official' });
    expect(allowed(official, reviewer)).toEqual([]);
    expect(availableActions(official, reviewer).return).toMatchObject({ reason: 'protocols.errors.resultsOfficial' });
    const voting = state('missing', { election: { ...calendar, phase: 'voting' as Phase } });
    expect(availableActions(voting, operator).enter).toMatchObject({
      ok: false,
      code: 'invalidState',
      reason: 'elections.errors.workNotOpenYet',
      values: { work: 'protocols', date: '2023-11-05', time: '20:00' },
    });
  });
});

describe('declaring results official and reopening them', () => {
  const results = (changes: Partial<ResultsState> = {}): ResultsState => ({
    regionId: 1,
    resultsStatus: 'counting',
    precincts: 40,
    approved: 40,
    election: { ...calendar, phase: 'counting' },
    ...changes,
  });

  it('says how many precincts still need approval', () => {
    expect(resultsActions(results({ approved: 37 }), reviewer).markOfficial).toEqual({
      ok: false,
      code: 'invalidState',
      reason: 'protocols.errors.notAllApproved',
      values: { remaining: '3', total: '40' },
    });
    expect(resultsActions(results({ precincts: 0, approved: 0 }), reviewer).markOfficial.ok).toBe(false);
    expect(resultsActions(results(), reviewer).markOfficial.ok).toBe(true);
    expect(resultsActions(results(), admin).markOfficial.ok).toBe(true);
  });

  it('refuses operators, observers and other regions, and lets only an administrator reopen', () => {
    for (const viewer of [operator, observer, outsider]) expect(resultsActions(results(), viewer).markOfficial).toMatchObject({ ok: false, code: 'forbidden' });
    const official = results({ resultsStatus: 'official', election: { ...calendar, phase: 'results_official' } });
    expect(resultsActions(official, reviewer).markOfficial).toMatchObject({ ok: false, reason: 'protocols.errors.resultsOfficial' });
    expect(resultsActions(official, reviewer).reopen).toMatchObject({ ok: false, code: 'forbidden' });
    expect(resultsActions(official, admin).reopen.ok).toBe(true);
    expect(resultsActions(results(), admin).reopen).toMatchObject({ ok: false, reason: 'protocols.errors.notOfficial' });
  });
});
