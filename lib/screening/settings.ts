import { z } from 'zod';

/**
 * The thresholds of every screening test. The defaults are the values docs/screening.md measures
 * (detection and false-positive rates on synthetic elections); the two that commissions most
 * often want to tune can be set per deployment (`SCREENING_OUTLIER_THRESHOLD`,
 * `SCREENING_MIN_VOTERS`).
 */
export type ScreeningSettings = {
  /** Robust z-score (spreads from the constituency's median) beyond which turnout or the leader's share is an outlier. */
  outlierThreshold: number;
  /** Precincts with fewer voters on the list are not tested: a handful of voters moves their percentages by points. */
  minVoters: number;
  /** A constituency needs this many comparable approved precincts before precincts are compared with its median. */
  minReferencePrecincts: number;
  /** Floor of the robust spread (as a share), so a very uniform constituency does not make a small difference look large. */
  minSpread: number;
  /** Distance (in robust spreads, turnout and share together) beyond which a high-turnout, high-share precinct leaves the bulk. */
  fingerprintDistance: number;
  /** Turnout at or above this share is flagged whatever the constituency does. */
  nearFullTurnout: number;
  /** A share of invalid ballots is flagged at `ratio` × the constituency's median and at least `minExcess` above it. */
  invalidShare: { ratio: number; minExcess: number };
  /** The same for the share of ballots found in mobile boxes. */
  mobileShare: { ratio: number; minExcess: number };
  /** Only candidates' counts of at least this many votes take part in the last-digit test. */
  digitMinVotes: number;
  /** An area's last-digit test needs at least this many counts. */
  digitMinCounts: number;
  /** Area-wide tests (last digits, round turnouts, the fingerprint's high corner) flag below this probability under chance. */
  significance: number;
  /** Round turnouts must also exceed what chance gives by this many precincts. */
  roundMinExcess: number;
  /** The share of precincts a clean election puts beyond the fingerprint distance (calibrated on synthetic elections). */
  fingerprintBaseRate: number;
};

export const DEFAULT_SCREENING_SETTINGS: ScreeningSettings = {
  outlierThreshold: 3.5,
  minVoters: 100,
  minReferencePrecincts: 8,
  minSpread: 0.02,
  fingerprintDistance: 3,
  nearFullTurnout: 0.97,
  invalidShare: { ratio: 3, minExcess: 0.03 },
  mobileShare: { ratio: 3.5, minExcess: 0.05 },
  digitMinVotes: 50,
  digitMinCounts: 50,
  significance: 0.001,
  roundMinExcess: 3,
  fingerprintBaseRate: 0.005,
};

const environmentSchema = z.object({
  SCREENING_OUTLIER_THRESHOLD: z.coerce.number().min(1).max(20).optional(),
  SCREENING_MIN_VOTERS: z.coerce.number().int().min(1).max(100_000).optional(),
});

/** The deployment's settings: the defaults with the environment's overrides (an invalid value is an error naming the variable). */
export function screeningSettings(environment: Record<string, string | undefined> = process.env): ScreeningSettings {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) throw new Error(`Invalid screening setting: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`);
  return {
    ...DEFAULT_SCREENING_SETTINGS,
    outlierThreshold: parsed.data.SCREENING_OUTLIER_THRESHOLD ?? DEFAULT_SCREENING_SETTINGS.outlierThreshold,
    minVoters: parsed.data.SCREENING_MIN_VOTERS ?? DEFAULT_SCREENING_SETTINGS.minVoters,
  };
}
