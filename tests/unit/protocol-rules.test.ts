import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  AKIM_PROTOCOL,
  checkControlRelations,
  differingFields,
  protocolSchema,
  relationMessage,
  signedAtFromDate,
  signedAtToDate,
  toProtocolInput,
  votersGrowth,
  type ProtocolFigures,
  type RelationId,
} from '@/lib/protocols/definition';
import { decideWinner, type WinnerInput } from '@/lib/results/winner';
import { signatureFields } from '../support/protocols';

const signatures = { ...signatureFields('2026-11-29'), signedAt: '2026-11-29T21:10' };

// Lines 1-9, 10 (candidates) and 11 ("against all"), balanced: 2 = 3+4+7+8; 5+6 <= 3+4 <= 1; 5+6 = 9+10+11; 6 <= 4.
const balanced: ProtocolFigures = {
  votersAtClose: 1000,
  ballotsReceived: 1010,
  ballotsIssuedPremises: 660,
  ballotsIssuedOutside: 40,
  ballotsFoundStationary: 659,
  ballotsFoundMobile: 39,
  ballotsSpoiled: 3,
  ballotsUnused: 307,
  ballotsInvalid: 8,
  votesAgainstAll: 10,
  votes: { 1: 400, 2: 280 },
  signatures,
};

describe('control relations', () => {
  it('accept a balanced protocol', () => {
    expect(checkControlRelations(balanced)).toEqual([]);
  });

  it.each<[string, Partial<ProtocolFigures>, { relation: RelationId; values: Record<string, number> }]>([
    ['2 = 3 + 4 + 7 + 8', { ballotsUnused: 306 }, { relation: 'ballotBalance', values: { received: 1010, issued: 700, spoiled: 3, unused: 306, sum: 1009 } }],
    ['5 + 6 <= 3 + 4', { ballotsFoundStationary: 662, votes: { 1: 403, 2: 280 } }, { relation: 'castWithinIssued', values: { cast: 701, issued: 700 } }],
    ['3 + 4 <= 1', { votersAtClose: 699 }, { relation: 'issuedWithinVoters', values: { issued: 700, voters: 699 } }],
    [
      '5 + 6 = 9 + 10 + 11',
      { votes: { 1: 401, 2: 280 } },
      { relation: 'castCounted', values: { cast: 698, invalid: 8, candidates: 681, againstAll: 10, sum: 699 } },
    ],
    ['6 <= 4', { ballotsFoundMobile: 41, ballotsFoundStationary: 657 }, { relation: 'mobileWithinOutside', values: { mobile: 41, outside: 40 } }],
    ['signing <= present', { signatures: { ...signatures, membersSigning: 9 } }, { relation: 'membersOrder', values: { signing: 9, present: 8, total: 9 } }],
    [
      'present <= total',
      { signatures: { ...signatures, membersPresent: 10, membersSigning: 8 } },
      { relation: 'membersOrder', values: { signing: 8, present: 10, total: 9 } },
    ],
  ])('name the broken relation %s with its numbers', (_name, change, violation) => {
    expect(checkControlRelations({ ...balanced, ...change })).toEqual([violation]);
  });

  it.each<[string, Partial<ProtocolFigures>]>([
    ['found = issued', { ballotsFoundStationary: 661, votes: { 1: 402, 2: 280 } }],
    ['issued = voters at close', { votersAtClose: 700 }],
    ['found in mobile boxes = issued outside', { ballotsFoundMobile: 40, ballotsFoundStationary: 658 }],
    ['signing = present = total', { signatures: { ...signatures, membersPresent: 9, membersSigning: 9 } }],
  ])('hold at their boundaries: %s', (_name, change) => {
    expect(checkControlRelations({ ...balanced, ...change })).toEqual([]);
  });

  it('treat a ballot without "against all" as zero against', () => {
    expect(checkControlRelations({ ...balanced, votesAgainstAll: null, ballotsInvalid: 18 })).toEqual([]);
  });

  it('check no member counts in entries converted without signatures', () => {
    expect(checkControlRelations({ ...balanced, signatures: null })).toEqual([]);
  });

  it('report several broken relations at once', () => {
    expect(checkControlRelations({ ...balanced, ballotsReceived: 0, votersAtClose: 10 }).map((v) => v.relation)).toEqual([
      'ballotBalance',
      'issuedWithinVoters',
    ]);
  });
});

describe('voters at the close against the approved list', () => {
  it('shows the voters added on the day and warns only above the configured share', () => {
    expect(votersGrowth(1037, 1000, 500)).toEqual({ added: 37, warn: false });
    expect(votersGrowth(1050, 1000, 500)).toEqual({ added: 50, warn: false });
    expect(votersGrowth(1051, 1000, 500)).toEqual({ added: 51, warn: true });
    expect(votersGrowth(990, 1000, 500)).toEqual({ added: -10, warn: false });
  });
});

describe('comparing two typed copies', () => {
  it('lists exactly the fields that differ, signatures included', () => {
    expect(differingFields(balanced, balanced)).toEqual([]);
    expect(differingFields(balanced, { ...balanced, ballotsSpoiled: 4, votes: { 1: 400, 2: 281 } })).toEqual(['ballotsSpoiled', 'votes.2']);
    expect(differingFields(balanced, { ...balanced, ballotsFoundMobile: 38, signatures: { ...signatures, secretaryName: 'Иванова Анна' } })).toEqual([
      'ballotsFoundMobile',
      'secretaryName',
    ]);
  });
});

describe('time of signing', () => {
  it('round-trips Kazakhstan wall-clock time', () => {
    expect(signedAtToDate('2026-11-29T21:10').toISOString()).toBe('2026-11-29T16:10:00.000Z');
    expect(signedAtFromDate(new Date('2026-11-29T16:10:00Z'))).toBe('2026-11-29T21:10');
  });

  it('accepts voting day from 20:00 to the end of the next day, nothing else', () => {
    const schema = protocolSchema(AKIM_PROTOCOL, { votingDay: '2026-11-29' });
    const at = (signedAt: string) => schema.safeParse(toProtocolInput({ ...balanced, signatures: { ...signatures, signedAt } }));
    expect(at('2026-11-29T20:00').success).toBe(true);
    expect(at('2026-11-30T23:59').success).toBe(true);
    for (const wrong of ['2026-11-29T19:59', '2026-12-01T00:00', '2026-11-28T21:00', 'yesterday']) {
      const result = at(wrong);
      expect(result.success).toBe(false);
      expect(new Set(result.error!.issues.map((issue) => issue.path.join('.')))).toEqual(new Set(['signedAt']));
    }
  });
});

/**
 * Property: the schema derived from the definition accepts any figures that satisfy the relations,
 * and refuses any that break one, naming that relation.
 */
describe('the definition-driven schema', () => {
  const schema = protocolSchema(AKIM_PROTOCOL);
  const count = (max: number) => fc.integer({ min: 0, max });
  // Builds figures that satisfy every relation from free choices.
  const balancedFigures = fc
    .record({
      premises: count(5000),
      outside: count(500),
      notFoundPremises: count(20),
      notFoundOutside: count(20),
      spoiled: count(50),
      unused: count(500),
      extraVoters: count(500),
      invalidShare: fc.double({ min: 0, max: 1, noNaN: true }),
      againstShare: fc.double({ min: 0, max: 1, noNaN: true }),
      split: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 }),
      againstAll: fc.boolean(),
      total: fc.integer({ min: 1, max: 30 }),
      absent: count(10),
      notSigning: count(10),
    })
    .map((r): ProtocolFigures => {
      const mobile = Math.max(0, r.outside - r.notFoundOutside);
      const stationary = Math.max(0, r.premises - r.notFoundPremises);
      const found = mobile + stationary;
      const invalid = Math.floor(found * r.invalidShare);
      const against = r.againstAll ? Math.floor((found - invalid) * r.againstShare) : null;
      let left = found - invalid - (against ?? 0);
      const votes: Record<number, number> = {};
      r.split.forEach((share, index) => {
        const v = index === r.split.length - 1 ? left : Math.floor(left * share);
        votes[index + 1] = v;
        left -= v;
      });
      const present = Math.max(0, r.total - r.absent);
      return {
        votersAtClose: r.premises + r.outside + r.extraVoters,
        ballotsReceived: r.premises + r.outside + r.spoiled + r.unused,
        ballotsIssuedPremises: r.premises,
        ballotsIssuedOutside: r.outside,
        ballotsFoundStationary: stationary,
        ballotsFoundMobile: mobile,
        ballotsSpoiled: r.spoiled,
        ballotsUnused: r.unused,
        ballotsInvalid: invalid,
        votesAgainstAll: against,
        votes,
        signatures: { ...signatures, membersTotal: r.total, membersPresent: present, membersSigning: Math.max(0, present - r.notSigning) },
      };
    });

  it('accepts any figures that satisfy every relation', () => {
    fc.assert(
      fc.property(balancedFigures, (figures) => {
        expect(checkControlRelations(figures)).toEqual([]);
        expect(schema.safeParse(toProtocolInput(figures)).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses figures that break a relation, naming exactly the relations broken', () => {
    const lineKeys = AKIM_PROTOCOL.lines.map((line) => line.key);
    const broken = fc
      .tuple(balancedFigures, fc.constantFrom(...lineKeys, 'membersSigning', 'membersPresent'), fc.integer({ min: 1, max: 50 }), fc.boolean())
      .map(([figures, key, delta, up]) => {
        if (key === 'membersSigning' || key === 'membersPresent') {
          const s = figures.signatures!;
          return { ...figures, signatures: { ...s, [key]: Math.min(100, s[key] + delta) } };
        }
        return { ...figures, [key]: Math.max(0, (figures[key as keyof typeof figures] as number) + (up ? delta : -delta)) };
      });
    fc.assert(
      fc.property(broken, (figures) => {
        const violations = checkControlRelations(figures).map((v) => v.relation);
        const result = schema.safeParse(toProtocolInput(figures));
        if (violations.length === 0) {
          expect(result.success).toBe(true);
        } else {
          expect(result.success).toBe(false);
          expect(new Set(result.error!.issues.map((issue) => issue.message))).toEqual(new Set(violations.map(relationMessage)));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a missing signature field or a count that is not a bounded whole number, on that field', () => {
    const input = toProtocolInput(balanced);
    for (const [field, value] of [
      ['chairName', ''],
      ['membersPresent', ''],
      ['dissentAttached', ''],
      ['signedAt', ''],
      ['ballotsFoundMobile', '2.5'],
      ['ballotsIssuedOutside', -1],
      ['votersAtClose', 1_000_001],
    ] as const) {
      const result = schema.safeParse({ ...input, [field]: value });
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((issue) => issue.path[0])).toContain(field);
    }
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
    againstAllEffect: 'none',
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

  it('requires more than half of the ballots found in the boxes under the majority rule', () => {
    expect(decideWinner({ ...base, rule: 'absolute_majority' })).toEqual({ status: 'elected', candidateId: 1 });
    expect(
      decideWinner({
        ...base,
        rule: 'absolute_majority',
        votes: [
          { candidateId: 1, votes: 451 },
          { candidateId: 2, votes: 349 },
        ],
      }),
    ).toEqual({ status: 'elected', candidateId: 1 });
    expect(
      decideWinner({
        ...base,
        rule: 'absolute_majority',
        votes: [
          { candidateId: 1, votes: 450 },
          { candidateId: 2, votes: 350 },
        ],
      }),
    ).toEqual({ status: 'repeat_required', reason: 'no_majority' });
  });

  it('gives "against all" no effect by default, however many votes it gets', () => {
    expect(decideWinner({ ...base, againstAll: 600 })).toEqual({ status: 'elected', candidateId: 1 });
  });

  it('requires a repeat election when the setting says so and "against all" beats every candidate, not when it only ties', () => {
    const repeat = { ...base, againstAllEffect: 'repeat_if_beats_all' as const };
    expect(decideWinner({ ...repeat, againstAll: 501 })).toEqual({ status: 'repeat_required', reason: 'against_all' });
    expect(decideWinner({ ...repeat, againstAll: 500 })).toEqual({ status: 'elected', candidateId: 1 });
  });

  it('has no result before any ballot is counted', () => {
    expect(decideWinner({ ...base, ballotsCast: 0, votes: base.votes.map((v) => ({ ...v, votes: 0 })), againstAll: 0, complete: false })).toEqual({
      status: 'no_results',
    });
  });
});
