import { describe, expect, it } from 'vitest';
import { fingerprintGrid, turnoutHistogram } from '@/lib/screening/charts';
import { screenedPrecinctOf, type ScreenedPrecinct } from '@/lib/screening/figures';
import {
  constituencyReference,
  fingerprintFinding,
  isRoundTurnout,
  lastDigitFinding,
  roundTurnoutChance,
  roundTurnoutFinding,
  screenElection,
  screenPrecinct,
} from '@/lib/screening/screen';
import { DEFAULT_SCREENING_SETTINGS, screeningSettings } from '@/lib/screening/settings';
import { binomialTail, chiSquareCritical, chiSquareTail, median, poissonBinomialTail, robustReference, robustZ } from '@/lib/screening/statistics';

const settings = DEFAULT_SCREENING_SETTINGS;
const LEADER = 1;
const OTHER = 2;

let nextId = 1;
/** A precinct of `voters` with `turnout` and the leader's `share` of the valid votes (1 % invalid). */
function precinct(voters: number, turnout: number, share: number, extra: Partial<ScreenedPrecinct> = {}): ScreenedPrecinct {
  const ballotsFound = Math.round(voters * turnout);
  const invalid = Math.round(ballotsFound * 0.01);
  const leader = Math.round((ballotsFound - invalid) * share);
  return {
    id: nextId++,
    number: nextId,
    constituencyId: 1,
    voters,
    ballotsFound,
    invalid,
    foundInMobileBoxes: null,
    againstAll: 0,
    votes: { [LEADER]: leader, [OTHER]: ballotsFound - invalid - leader },
    ...extra,
  };
}

/** Twenty ordinary precincts: turnout 55–65 %, the leader's share 50–60 %. */
const bulk = () => Array.from({ length: 20 }, (_, i) => precinct(800, 0.55 + (i % 10) / 100, 0.5 + ((i * 3) % 10) / 100));

const flagsOf = (target: ScreenedPrecinct, others: ScreenedPrecinct[], options = settings) =>
  screenPrecinct(target, constituencyReference(1, [...others, target], options), options);

describe('statistics', () => {
  it('medians and robust spreads', () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    // Deviations from 3: 2, 1, 0, 1, 97 → MAD 1 → spread 1.4826; the outlier does not drag it.
    expect(robustReference([1, 2, 3, 4, 100], 0)).toEqual({ median: 3, spread: 1.4826, count: 5 });
    expect(robustReference([5, 5, 5], 0.5)!.spread).toBe(0.5);
    expect(robustZ(6, { median: 3, spread: 1.5, count: 5 })).toBe(2);
  });

  it('χ² tail probabilities and critical values match published tables', () => {
    expect(chiSquareTail(16.919, 9)).toBeCloseTo(0.05, 4);
    expect(chiSquareTail(21.666, 9)).toBeCloseTo(0.01, 4);
    expect(chiSquareTail(3.841, 1)).toBeCloseTo(0.05, 4);
    expect(chiSquareTail(0, 9)).toBe(1);
    expect(chiSquareCritical(9, 0.001)).toBeCloseTo(27.877, 2);
  });

  it('Poisson-binomial tails equal enumeration over every outcome', () => {
    const probabilities = [0.1, 0.5, 0.25, 0.9, 0.05];
    for (let k = 0; k <= probabilities.length + 1; k += 1) {
      let expected = 0;
      for (let mask = 0; mask < 1 << probabilities.length; mask += 1) {
        const successes = probabilities.filter((_, i) => mask & (1 << i)).length;
        const chance = probabilities.reduce((product, p, i) => product * (mask & (1 << i) ? p : 1 - p), 1);
        if (successes >= k) expected += chance;
      }
      expect(poissonBinomialTail(probabilities, k)).toBeCloseTo(expected, 12);
    }
    expect(binomialTail(10, 0.5, 8)).toBeCloseTo(56 / 1024, 12);
  });
});

describe('the one adapter from published figures', () => {
  it('maps a precinctResults row to screening figures: voters at the close, both kinds of boxes, the mobile-box line', () => {
    const row = {
      id: 7,
      number: 12,
      address: 'School',
      constituencyId: 3,
      votersOnList: 880,
      votersAtClose: 900,
      reported: true,
      ballotsIssuedOutside: 25,
      ballotsFoundStationary: 576,
      ballotsFoundMobile: 24,
      ballotsCast: 600,
      ballotsInvalid: 9,
      votesAgainstAll: 11,
      votes: { 5: 380, 6: 200 },
    };
    expect(screenedPrecinctOf(row)).toEqual({
      id: 7,
      number: 12,
      constituencyId: 3,
      voters: 900,
      ballotsFound: 600,
      invalid: 9,
      foundInMobileBoxes: 24,
      againstAll: 11,
      votes: { 5: 380, 6: 200 },
    });
    expect(screenedPrecinctOf({ ...row, votesAgainstAll: null }).againstAll).toBe(0);
  });
});

describe('precinct tests against the constituency', () => {
  it('leave ordinary precincts alone', () => {
    const precincts = bulk();
    const reference = constituencyReference(1, precincts, settings);
    expect(reference.leaderId).toBe(LEADER);
    expect(precincts.flatMap((p) => screenPrecinct(p, reference, settings).flags)).toEqual([]);
  });

  it('flag turnout far above the median with its value, median, score and threshold', () => {
    const { flags } = flagsOf(precinct(800, 0.987, 0.55), bulk());
    const turnout = flags.find((flag) => flag.test === 'turnout');
    expect(turnout).toMatchObject({ test: 'turnout', value: 0.9875, median: 0.6, threshold: 3.5 });
    expect(turnout!.test === 'turnout' && turnout!.score).toBeGreaterThan(3.5);
    expect(flags.map((flag) => flag.test)).toContain('nearFullTurnout');
  });

  it('flag turnout far below the median too', () => {
    const { flags } = flagsOf(precinct(800, 0.2, 0.55), bulk());
    const turnout = flags.find((flag) => flag.test === 'turnout');
    expect(turnout && turnout.test === 'turnout' && turnout.score).toBeLessThan(-3.5);
  });

  it("flag the leader's share far from the median", () => {
    const { flags } = flagsOf(precinct(800, 0.6, 0.95), bulk());
    expect(flags.find((flag) => flag.test === 'leaderShare')).toMatchObject({ candidateId: LEADER, value: expect.closeTo(0.95, 2) });
  });

  it('flag a precinct far out in the high-turnout, high-share corner even when neither figure alone is an outlier', () => {
    // About 2.5 spreads up on turnout and on share: neither reaches 3.5, together they are 3.5 from the bulk.
    const others = bulk();
    const reference = constituencyReference(1, others, settings);
    const turnout = reference.turnout!.median + 2.5 * reference.turnout!.spread;
    const share = reference.leaderShare!.median + 2.5 * reference.leaderShare!.spread;
    const { flags } = screenPrecinct(precinct(10_000, turnout, share), reference, settings);
    expect(flags.map((flag) => flag.test)).toEqual(['fingerprint']);
    expect(flags[0]).toMatchObject({ test: 'fingerprint', threshold: settings.fingerprintDistance, distance: expect.closeTo(Math.hypot(2.5, 2.5), 1) });
    // The same distance towards low turnout is not the pattern of added ballots.
    expect(screenPrecinct(precinct(10_000, reference.turnout!.median - 2.5 * reference.turnout!.spread, share), reference, settings).flags).toEqual([]);
  });

  it('flag invalid ballots far above the median', () => {
    const target = precinct(800, 0.6, 0.55);
    target.invalid = Math.round(target.ballotsFound * 0.08);
    expect(flagsOf(target, bulk()).flags).toEqual([
      expect.objectContaining({ test: 'invalidShare', value: expect.closeTo(0.08, 2), median: expect.closeTo(0.01, 2) }),
    ]);
  });

  it('test mobile-box ballots when the protocol has the line, and skip the test when it has not', () => {
    const withMobile = (share: number) => (p: ScreenedPrecinct) => ({ ...p, foundInMobileBoxes: Math.round(p.ballotsFound * share) });
    const others = bulk().map(withMobile(0.04));
    const spike = withMobile(0.3)(precinct(800, 0.6, 0.55));
    expect(flagsOf(spike, others).flags).toEqual([
      expect.objectContaining({ test: 'mobileShare', value: expect.closeTo(0.3, 2), median: expect.closeTo(0.04, 2) }),
    ]);
    expect(flagsOf(withMobile(0.06)(precinct(800, 0.6, 0.55)), others).flags).toEqual([]);

    const absent = flagsOf(precinct(800, 0.6, 0.55, { foundInMobileBoxes: null }), bulk());
    expect(absent.flags).toEqual([]);
    expect(absent.skipped).toEqual(['noMobileLine']);
  });

  it('skip small precincts and constituencies with too few comparable precincts, but still flag near-100 % turnout', () => {
    expect(flagsOf(precinct(60, 1, 0.9), bulk())).toMatchObject({ flags: [], skipped: ['smallPrecinct'] });
    const few = flagsOf(precinct(800, 0.99, 0.9), bulk().slice(0, 3));
    expect(few.skipped).toEqual(['fewComparable']);
    expect(few.flags).toEqual([{ test: 'nearFullTurnout', value: 0.99, threshold: 0.97 }]);
  });

  it('read the outlier threshold and minimum precinct size from the settings', () => {
    const target = precinct(150, 0.8, 0.55);
    expect(flagsOf(target, bulk()).flags.map((f) => f.test)).toContain('turnout');
    expect(flagsOf(target, bulk(), { ...settings, outlierThreshold: 20, fingerprintDistance: 20 }).flags).toEqual([]);
    expect(flagsOf(target, bulk(), { ...settings, minVoters: 200 }).skipped).toEqual(['smallPrecinct']);
    expect(screeningSettings({ SCREENING_OUTLIER_THRESHOLD: '4', SCREENING_MIN_VOTERS: '250' })).toMatchObject({ outlierThreshold: 4, minVoters: 250 });
    expect(() => screeningSettings({ SCREENING_MIN_VOTERS: 'many' })).toThrow(/SCREENING_MIN_VOTERS/);
  });
});

describe('area-wide tests', () => {
  it('recognise round turnouts and how often chance gives them', () => {
    expect(isRoundTurnout({ voters: 1000, ballotsFound: 750 })).toBe(true);
    expect(isRoundTurnout({ voters: 333, ballotsFound: 250 })).toBe(true); // round(75 % × 333) = 250
    expect(isRoundTurnout({ voters: 1000, ballotsFound: 751 })).toBe(false);
    expect(roundTurnoutChance(1000)).toBeCloseTo(21 / 1001, 10);
    expect(roundTurnoutChance(10)).toBeCloseTo(11 / 11, 10);
  });

  it('flag an excess of round turnouts, and the round precincts of that area', () => {
    const clean = Array.from({ length: 200 }, (_, i) => ({ ...precinct(1000, 0.5, 0.55), ballotsFound: 501 + (i % 40) }));
    expect(roundTurnoutFinding(clean, settings)).toMatchObject({ status: 'clear', observed: 0 });
    const rounded = clean.map((p, i) => (i < 15 ? { ...p, ballotsFound: 550 } : p));
    const finding = roundTurnoutFinding(rounded, settings);
    expect(finding).toMatchObject({ status: 'flagged', observed: 15, expected: expect.closeTo((200 * 21) / 1001, 6) });
    expect(finding.pValue).toBeLessThan(settings.significance);

    const report = screenElection({ electionId: 9, constituencies: [{ id: 1, regionId: 1 }], precincts: rounded }, settings);
    const roundFlags = report.precincts.flatMap((s) => s.flags.filter((f) => f.test === 'roundTurnout'));
    expect(roundFlags).toHaveLength(15);
    expect(roundFlags[0]).toMatchObject({ area: { level: 'constituency', id: 1 }, observed: 15 });
  });

  it('last digits: uniform counts pass, counts ending in 0 and 5 fail, too few counts are not tested', () => {
    const withVotes = (votes: number[]) => votes.map((v) => ({ ...precinct(1000, 0.6, 0.5), votes: { [LEADER]: v } }));
    expect(lastDigitFinding(withVotes(Array.from({ length: 200 }, (_, i) => 100 + i)), settings)).toMatchObject({ status: 'clear', counts: 200, statistic: 0 });
    const invented = lastDigitFinding(withVotes(Array.from({ length: 200 }, (_, i) => 100 + 5 * i)), settings);
    expect(invented).toMatchObject({ status: 'flagged', digits: [100, 0, 0, 0, 0, 100, 0, 0, 0, 0] });
    expect(lastDigitFinding(withVotes([100, 101, 49]), settings)).toMatchObject({ status: 'notEnoughData', counts: 2 });
  });

  it('fingerprint: a pile of precincts in the corner is flagged, one is not', () => {
    const others = bulk();
    const reference = constituencyReference(1, others, settings);
    const corner = () => precinct(1000, 0.97, 0.9);
    const screened = (extra: ScreenedPrecinct[]) => [...others, ...extra].map((p) => screenPrecinct(p, reference, settings));
    expect(fingerprintFinding(screened([corner()]), settings)).toMatchObject({ status: 'clear', inCorner: 1 });
    expect(fingerprintFinding(screened([corner(), corner(), corner()]), settings)).toMatchObject({ status: 'flagged', inCorner: 3, precincts: 23 });
  });

  it('screen every level: the election, each region and each constituency', () => {
    const precincts = [...bulk(), ...bulk().map((p) => ({ ...p, constituencyId: 2 }))];
    const report = screenElection(
      {
        electionId: 9,
        constituencies: [
          { id: 1, regionId: 5 },
          { id: 2, regionId: 6 },
        ],
        precincts,
      },
      settings,
    );
    expect(report.areas.map((a) => `${a.area.level}:${a.area.id}:${a.precincts}`)).toEqual([
      'election:9:40',
      'region:5:20',
      'region:6:20',
      'constituency:1:20',
      'constituency:2:20',
    ]);
    expect(report.areas.every((a) => a.findings.map((f) => f.test).join() === 'lastDigits,roundTurnouts,fingerprint')).toBe(true);
  });
});

describe('chart data', () => {
  it('bins turnout by whole percent and the fingerprint in 5-point cells', () => {
    const screened = [precinct(1000, 0.624, 0.51), precinct(1000, 1, 0.99), precinct(1000, 0.627, 0.53)].map((p) =>
      screenPrecinct(p, constituencyReference(1, [p], settings), settings),
    );
    const histogram = turnoutHistogram(screened);
    expect(histogram[62]).toBe(2);
    expect(histogram[99]).toBe(1);
    expect(histogram.reduce((a, b) => a + b)).toBe(3);
    const grid = fingerprintGrid(screened);
    expect(grid[10]![12]).toBe(2);
    expect(grid[19]![19]).toBe(1);
  });
});
