import { describe, expect, it } from 'vitest';
import { checkControlRelations, differingFields, type ProtocolFigures } from '@/lib/protocols/relations';
import { decideWinner, type WinnerInput } from '@/lib/results/winner';

const balanced: ProtocolFigures = {
  votersOnList: 1000,
  ballotsReceived: 1010,
  ballotsIssued: 700,
  ballotsCast: 698,
  ballotsSpoiled: 3,
  ballotsUnused: 307,
  ballotsInvalid: 8,
  votesAgainstAll: 10,
  votes: { 1: 400, 2: 280 },
};

describe('control relations', () => {
  it('accept a balanced protocol', () => {
    expect(checkControlRelations(balanced)).toEqual([]);
  });

  it.each([
    ['ballots received = issued + spoiled + unused', { ballotsUnused: 306 }, { relation: 'ballotBalance', values: { received: 1010, issued: 700, spoiled: 3, unused: 306, sum: 1009 } }],
    ['ballots cast <= ballots issued', { ballotsCast: 701, votes: { 1: 403, 2: 280 } }, { relation: 'castWithinIssued', values: { cast: 701, issued: 700 } }],
    ['ballots issued <= voters on the list', { votersOnList: 699 }, { relation: 'issuedWithinVoters', values: { issued: 700, voters: 699 } }],
    ['cast = invalid + candidates + against all', { votes: { 1: 401, 2: 280 } }, { relation: 'castCounted', values: { cast: 698, invalid: 8, candidates: 681, againstAll: 10, sum: 699 } }],
  ])('name the broken relation %s with its numbers', (_name, change, violation) => {
    expect(checkControlRelations({ ...balanced, ...change })).toEqual([violation]);
  });

  it('allow cast = issued and issued = voters (the boundaries)', () => {
    const full = { ...balanced, votersOnList: 700, ballotsCast: 700, votes: { 1: 402, 2: 280 } };
    expect(checkControlRelations(full)).toEqual([]);
  });

  it('treat a ballot without "against all" as zero against', () => {
    expect(checkControlRelations({ ...balanced, votesAgainstAll: null, ballotsInvalid: 18 })).toEqual([]);
  });

  it('report several broken relations at once', () => {
    expect(checkControlRelations({ ...balanced, ballotsReceived: 0, votersOnList: 10 }).map((v) => v.relation)).toEqual(['ballotBalance', 'issuedWithinVoters']);
  });
});

describe('comparing two typed copies', () => {
  it('lists exactly the fields that differ', () => {
    expect(differingFields(balanced, balanced)).toEqual([]);
    expect(differingFields(balanced, { ...balanced, ballotsSpoiled: 4, votes: { 1: 400, 2: 281 } })).toEqual(['ballotsSpoiled', 'votes.2']);
  });
});

describe('winner rule', () => {
  const base: WinnerInput = {
    votes: [
      { candidateId: 1, votes: 500 },
      { candidateId: 2, votes: 300 },
    ],
    againstAll: 50,
    votersOnList: 1500,
    ballotsCast: 900,
    complete: true,
    rule: 'plurality',
    turnoutThresholdBp: null,
  };

  it('elects the plurality winner once every precinct is in, and only shows a leader before', () => {
    expect(decideWinner(base)).toEqual({ status: 'elected', candidateId: 1 });
    expect(decideWinner({ ...base, complete: false })).toEqual({ status: 'leading', candidateId: 1 });
  });

  it('flags a tie for first place for the legal procedure', () => {
    const tie = { ...base, votes: [...base.votes, { candidateId: 3, votes: 500 }] };
    expect(decideWinner(tie)).toEqual({ status: 'tie', candidateIds: [1, 3] });
  });

  it('requires a repeat election below the turnout threshold, and not at it', () => {
    expect(decideWinner({ ...base, turnoutThresholdBp: 6001 })).toEqual({ status: 'repeat_required', reason: 'turnout_below_threshold' });
    expect(decideWinner({ ...base, turnoutThresholdBp: 6000 })).toEqual({ status: 'elected', candidateId: 1 });
  });

  it('requires more than half of the valid votes under the majority rule', () => {
    expect(decideWinner({ ...base, rule: 'absolute_majority' })).toEqual({ status: 'elected', candidateId: 1 });
    const half = { ...base, rule: 'absolute_majority' as const, votes: [{ candidateId: 1, votes: 425 }, { candidateId: 2, votes: 375 }] };
    expect(decideWinner(half)).toEqual({ status: 'repeat_required', reason: 'no_majority' });
  });

  it('elects nobody when "against all" matches or beats the leader', () => {
    expect(decideWinner({ ...base, againstAll: 500 })).toEqual({ status: 'repeat_required', reason: 'against_all' });
    expect(decideWinner({ ...base, againstAll: 499 })).toEqual({ status: 'elected', candidateId: 1 });
  });

  it('has no result before any ballot is counted', () => {
    expect(decideWinner({ ...base, ballotsCast: 0, votes: base.votes.map((v) => ({ ...v, votes: 0 })), againstAll: 0, complete: false })).toEqual({ status: 'no_results' });
  });
});
