import type { ScreenedPrecinct } from './figures';
import type { ScreeningSettings } from './settings';
import {
  binomialTail,
  chiSquare,
  chiSquareCritical,
  chiSquareTail,
  median,
  poissonBinomialTail,
  robustReference,
  robustZ,
  type RobustReference,
} from './statistics';

/**
 * Statistical screening of approved precinct figures: "look again" flags, never verdicts. Pure
 * functions; the same code screens a whole election for the public page and one protocol on the
 * reviewer's screen. See docs/screening.md for what each test measures and how often it errs.
 */

export const turnoutOf = (precinct: ScreenedPrecinct) => (precinct.voters > 0 ? precinct.ballotsFound / precinct.voters : 0);
const validVotesOf = (precinct: ScreenedPrecinct) => precinct.ballotsFound - precinct.invalid;
const shareOf = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
export const leaderShareOf = (precinct: ScreenedPrecinct, leaderId: number) => shareOf(precinct.votes[leaderId] ?? 0, validVotesOf(precinct));
const invalidShareOf = (precinct: ScreenedPrecinct) => shareOf(precinct.invalid, precinct.ballotsFound);
const mobileShareOf = (precinct: ScreenedPrecinct) =>
  precinct.foundInMobileBoxes === null ? null : shareOf(precinct.foundInMobileBoxes, precinct.ballotsFound);

/** The bulk of a constituency's approved precincts, which each of its precincts is compared with. */
export type ConstituencyReference = {
  constituencyId: number;
  /** Approved precincts with at least `minVoters` voters: the ones compared. */
  comparable: number;
  /** The candidate with the most votes in the approved precincts (the constituency's leader). */
  leaderId: number | null;
  /** Null when there are fewer than `minReferencePrecincts` comparable precincts. */
  turnout: RobustReference | null;
  leaderShare: RobustReference | null;
  invalidShare: number | null;
  /** Null when no precinct's protocol has the mobile-box line. */
  mobileShare: number | null;
};

const isComparable = (precinct: ScreenedPrecinct, settings: ScreeningSettings) => precinct.voters >= settings.minVoters && precinct.ballotsFound > 0;

export function constituencyReference(constituencyId: number, approved: readonly ScreenedPrecinct[], settings: ScreeningSettings): ConstituencyReference {
  const totals = new Map<number, number>();
  for (const precinct of approved) for (const [id, votes] of Object.entries(precinct.votes)) totals.set(Number(id), (totals.get(Number(id)) ?? 0) + votes);
  const ranked = [...totals].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const leaderId = ranked[0] && ranked[0][1] > 0 ? ranked[0][0] : null;
  const comparable = approved.filter((precinct) => isComparable(precinct, settings));
  const enough = comparable.length >= settings.minReferencePrecincts;
  const mobileShares = comparable.map(mobileShareOf).filter((share) => share !== null);
  return {
    constituencyId,
    comparable: comparable.length,
    leaderId,
    turnout: enough ? robustReference(comparable.map(turnoutOf), settings.minSpread) : null,
    leaderShare:
      enough && leaderId !== null
        ? robustReference(
            comparable.map((p) => leaderShareOf(p, leaderId)),
            settings.minSpread,
          )
        : null,
    invalidShare: enough ? median(comparable.map(invalidShareOf)) : null,
    mobileShare: enough && mobileShares.length > 0 ? median(mobileShares) : null,
  };
}

/** Why a precinct was not put through some tests. */
export type SkippedTest = 'smallPrecinct' | 'fewComparable' | 'noMobileLine';

export type AreaLevel = 'election' | 'region' | 'constituency';
export type AreaRef = { level: AreaLevel; id: number };

/** One "look again" flag: what was measured, its value, the reference and the threshold. */
export type PrecinctFlag =
  | { test: 'turnout'; value: number; median: number; spread: number; score: number; threshold: number }
  | { test: 'leaderShare'; candidateId: number; value: number; median: number; spread: number; score: number; threshold: number }
  | {
      test: 'fingerprint';
      candidateId: number;
      turnout: number;
      share: number;
      turnoutMedian: number;
      shareMedian: number;
      distance: number;
      threshold: number;
    }
  | { test: 'nearFullTurnout'; value: number; threshold: number }
  | { test: 'invalidShare' | 'mobileShare'; value: number; median: number; ratio: number; threshold: number; minExcess: number }
  | { test: 'roundTurnout'; value: number; area: AreaRef; observed: number; expected: number };
export type PrecinctTest = PrecinctFlag['test'];
export const PRECINCT_TESTS = [
  'turnout',
  'leaderShare',
  'fingerprint',
  'nearFullTurnout',
  'invalidShare',
  'mobileShare',
  'roundTurnout',
] as const satisfies readonly PrecinctTest[];

export type PrecinctScreening = {
  precinct: ScreenedPrecinct;
  turnout: number;
  /** The constituency leader's share of the valid votes here (null when the constituency has no votes yet). */
  leaderShare: number | null;
  flags: PrecinctFlag[];
  skipped: SkippedTest[];
};

/** Robust distance from the bulk in the high-turnout, high-share corner (0 elsewhere). */
function cornerDistance(turnoutScore: number, shareScore: number) {
  return turnoutScore > 0 && shareScore > 0 ? Math.hypot(turnoutScore, shareScore) : 0;
}

/** Flags of a ratio test ("far above the constituency's median"). */
function aboveMedian(test: 'invalidShare' | 'mobileShare', value: number, reference: number, rule: { ratio: number; minExcess: number }): PrecinctFlag[] {
  const threshold = Math.max(reference * rule.ratio, reference + rule.minExcess);
  return value >= threshold
    ? [{ test, value, median: reference, ratio: reference > 0 ? value / reference : Infinity, threshold, minExcess: rule.minExcess }]
    : [];
}

/** The precinct-level tests of one precinct against its constituency's bulk. */
export function screenPrecinct(precinct: ScreenedPrecinct, reference: ConstituencyReference, settings: ScreeningSettings): PrecinctScreening {
  const turnout = turnoutOf(precinct);
  const leaderShare = reference.leaderId === null ? null : leaderShareOf(precinct, reference.leaderId);
  const result: PrecinctScreening = { precinct, turnout, leaderShare, flags: [], skipped: [] };
  if (!isComparable(precinct, settings)) {
    result.skipped.push('smallPrecinct');
    return result;
  }
  const { flags } = result;
  if (turnout >= settings.nearFullTurnout) flags.push({ test: 'nearFullTurnout', value: turnout, threshold: settings.nearFullTurnout });
  if (!reference.turnout) {
    result.skipped.push('fewComparable');
    return result;
  }
  const threshold = settings.outlierThreshold;
  const turnoutScore = robustZ(turnout, reference.turnout);
  if (Math.abs(turnoutScore) >= threshold)
    flags.push({ test: 'turnout', value: turnout, median: reference.turnout.median, spread: reference.turnout.spread, score: turnoutScore, threshold });
  if (reference.leaderShare && reference.leaderId !== null && leaderShare !== null) {
    const shareScore = robustZ(leaderShare, reference.leaderShare);
    if (Math.abs(shareScore) >= threshold)
      flags.push({
        test: 'leaderShare',
        candidateId: reference.leaderId,
        value: leaderShare,
        median: reference.leaderShare.median,
        spread: reference.leaderShare.spread,
        score: shareScore,
        threshold,
      });
    const distance = cornerDistance(turnoutScore, shareScore);
    if (distance >= settings.fingerprintDistance)
      flags.push({
        test: 'fingerprint',
        candidateId: reference.leaderId,
        turnout,
        share: leaderShare,
        turnoutMedian: reference.turnout.median,
        shareMedian: reference.leaderShare.median,
        distance,
        threshold: settings.fingerprintDistance,
      });
  }
  if (reference.invalidShare !== null) flags.push(...aboveMedian('invalidShare', invalidShareOf(precinct), reference.invalidShare, settings.invalidShare));
  const mobileShare = mobileShareOf(precinct);
  if (mobileShare === null || reference.mobileShare === null) result.skipped.push('noMobileLine');
  else flags.push(...aboveMedian('mobileShare', mobileShare, reference.mobileShare, settings.mobileShare));
  return result;
}

/** True when the turnout is as close to a multiple of 5 % as the precinct's size allows (found = round(k·5 % × voters)). */
export function isRoundTurnout(precinct: Pick<ScreenedPrecinct, 'voters' | 'ballotsFound'>): boolean {
  for (let percent = 0; percent <= 100; percent += 5) if (Math.round((percent * precinct.voters) / 100) === precinct.ballotsFound) return true;
  return false;
}

/** How often chance alone gives a round turnout: the round counts among the 0…voters a count can be. */
export function roundTurnoutChance(voters: number): number {
  const roundCounts = new Set<number>();
  for (let percent = 0; percent <= 100; percent += 5) roundCounts.add(Math.round((percent * voters) / 100));
  return roundCounts.size / (voters + 1);
}

export type FindingStatus = 'flagged' | 'clear' | 'notEnoughData';

/** An area-wide test: its counts, what chance would give, and the probability of that much by chance. */
export type AreaFinding =
  | { test: 'lastDigits'; status: FindingStatus; digits: number[]; counts: number; statistic: number; pValue: number; critical: number }
  | { test: 'roundTurnouts'; status: FindingStatus; precincts: number; observed: number; expected: number; pValue: number }
  | { test: 'fingerprint'; status: FindingStatus; precincts: number; inCorner: number; expected: number; pValue: number };
export type AreaTest = AreaFinding['test'];

export type AreaScreening = {
  area: AreaRef;
  /** Approved precincts screened, and how many of them carry at least one flag. */
  precincts: number;
  flagged: number;
  findings: AreaFinding[];
};

export function lastDigitFinding(precincts: readonly ScreenedPrecinct[], settings: ScreeningSettings): Extract<AreaFinding, { test: 'lastDigits' }> {
  const digits = new Array<number>(10).fill(0);
  for (const precinct of precincts) for (const votes of Object.values(precinct.votes)) if (votes >= settings.digitMinVotes) digits[votes % 10]! += 1;
  const counts = digits.reduce((sum, count) => sum + count, 0);
  const critical = chiSquareCritical(9, settings.significance);
  if (counts < settings.digitMinCounts) return { test: 'lastDigits', status: 'notEnoughData', digits, counts, statistic: 0, pValue: 1, critical };
  const statistic = chiSquare(digits, new Array<number>(10).fill(counts / 10));
  const pValue = chiSquareTail(statistic, 9);
  return { test: 'lastDigits', status: pValue < settings.significance ? 'flagged' : 'clear', digits, counts, statistic, pValue, critical };
}

export function roundTurnoutFinding(precincts: readonly ScreenedPrecinct[], settings: ScreeningSettings): Extract<AreaFinding, { test: 'roundTurnouts' }> {
  const tested = precincts.filter((precinct) => isComparable(precinct, settings));
  const chances = tested.map((precinct) => roundTurnoutChance(precinct.voters));
  const observed = tested.filter(isRoundTurnout).length;
  const expected = chances.reduce((sum, chance) => sum + chance, 0);
  const pValue = poissonBinomialTail(chances, observed);
  const status = tested.length === 0 ? 'notEnoughData' : pValue < settings.significance && observed - expected >= settings.roundMinExcess ? 'flagged' : 'clear';
  return { test: 'roundTurnouts', status, precincts: tested.length, observed, expected, pValue };
}

export function fingerprintFinding(screened: readonly PrecinctScreening[], settings: ScreeningSettings): Extract<AreaFinding, { test: 'fingerprint' }> {
  const compared = screened.filter((s) => !s.skipped.includes('smallPrecinct') && !s.skipped.includes('fewComparable'));
  const inCorner = compared.filter((s) => s.flags.some((flag) => flag.test === 'fingerprint')).length;
  const expected = compared.length * settings.fingerprintBaseRate;
  const pValue = binomialTail(compared.length, settings.fingerprintBaseRate, inCorner);
  const status = compared.length === 0 ? 'notEnoughData' : pValue < settings.significance && inCorner >= 2 ? 'flagged' : 'clear';
  return { test: 'fingerprint', status, precincts: compared.length, inCorner, expected, pValue };
}

export type ScreeningInput = {
  electionId: number;
  constituencies: readonly { id: number; regionId: number }[];
  /** The approved figures of the precincts to screen. */
  precincts: readonly ScreenedPrecinct[];
};

export type ScreeningReport = {
  settings: ScreeningSettings;
  references: ConstituencyReference[];
  precincts: PrecinctScreening[];
  /** The election, each region and each constituency, in that order. */
  areas: AreaScreening[];
};

const LEVEL_ORDER: AreaLevel[] = ['constituency', 'region', 'election'];

/** Screens every approved precinct of an election against its constituency, then each area as a whole. */
export function screenElection(input: ScreeningInput, settings: ScreeningSettings): ScreeningReport {
  const regionOf = new Map(input.constituencies.map((c) => [c.id, c.regionId]));
  const byConstituency = new Map<number, ScreenedPrecinct[]>(input.constituencies.map((c) => [c.id, []]));
  for (const precinct of input.precincts) byConstituency.get(precinct.constituencyId)?.push(precinct);
  const references = [...byConstituency].map(([id, precincts]) => constituencyReference(id, precincts, settings));
  const precincts = references.flatMap((reference) =>
    byConstituency.get(reference.constituencyId)!.map((precinct) => screenPrecinct(precinct, reference, settings)),
  );

  const areaOf = (level: AreaLevel, precinct: ScreenedPrecinct): AreaRef => ({
    level,
    id: level === 'election' ? input.electionId : level === 'region' ? regionOf.get(precinct.constituencyId)! : precinct.constituencyId,
  });
  const areaKey = (area: AreaRef) => `${area.level}:${area.id}`;
  const members = new Map<string, { area: AreaRef; screened: PrecinctScreening[] }>();
  for (const level of ['election', 'region', 'constituency'] as const) {
    for (const screening of precincts) {
      const area = areaOf(level, screening.precinct);
      const entry = members.get(areaKey(area)) ?? members.set(areaKey(area), { area, screened: [] }).get(areaKey(area))!;
      entry.screened.push(screening);
    }
  }
  const findings = new Map<string, AreaFinding[]>(
    [...members].map(([key, { screened }]) => {
      const figures = screened.map((s) => s.precinct);
      return [key, [lastDigitFinding(figures, settings), roundTurnoutFinding(figures, settings), fingerprintFinding(screened, settings)]];
    }),
  );
  // A round turnout is worth a look only where round turnouts are in excess: flag it with the smallest such area.
  for (const screening of precincts) {
    if (!isComparable(screening.precinct, settings) || !isRoundTurnout(screening.precinct)) continue;
    for (const level of LEVEL_ORDER) {
      const area = areaOf(level, screening.precinct);
      const round = findings.get(areaKey(area))!.find((finding) => finding.test === 'roundTurnouts');
      if (round?.test === 'roundTurnouts' && round.status === 'flagged') {
        screening.flags.push({ test: 'roundTurnout', value: screening.turnout, area, observed: round.observed, expected: round.expected });
        break;
      }
    }
  }
  const areas = [...members].map(([key, { area, screened }]) => ({
    area,
    precincts: screened.length,
    flagged: screened.filter((s) => s.flags.length > 0).length,
    findings: findings.get(key)!,
  }));
  return { settings, references, precincts, areas };
}
