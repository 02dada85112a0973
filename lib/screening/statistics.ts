/**
 * The few statistics screening needs, written out so that every number on a screening page can be
 * traced to a formula here (no statistics library in the bundle). Pure functions.
 */

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The bulk of a distribution described robustly: its median and its spread as 1.4826 × the median
 * absolute deviation (equal to the standard deviation for normal data, but not dragged by the
 * outliers we are looking for). `minSpread` keeps a very uniform constituency from turning a
 * small difference into a large score.
 */
export type RobustReference = { median: number; spread: number; count: number };

export function robustReference(values: readonly number[], minSpread: number): RobustReference | null {
  const centre = median(values);
  if (centre === null) return null;
  const deviation = median(values.map((value) => Math.abs(value - centre)))!;
  return { median: centre, spread: Math.max(1.4826 * deviation, minSpread), count: values.length };
}

/** How many robust spreads `value` lies above (positive) or below (negative) the bulk. */
export const robustZ = (value: number, reference: RobustReference) => (value - reference.median) / reference.spread;

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9; accurate to ~15 digits). */
function logGamma(x: number): number {
  const coefficients = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61503916999185, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const shifted = x - 1;
  let sum = coefficients[0]!;
  for (let i = 1; i < coefficients.length; i += 1) sum += coefficients[i]! / (shifted + i);
  const t = shifted + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (shifted + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Q(a, x) = Γ(a, x) / Γ(a), the regularized upper incomplete gamma function (series or continued fraction). */
function upperGammaRatio(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500 && Math.abs(term) > Math.abs(sum) * 1e-15; n += 1) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - sum * Math.exp(logPrefix);
  }
  // Lentz's continued fraction.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(logPrefix) * h;
}

/** P(χ² ≥ statistic) with `degreesOfFreedom` degrees of freedom. */
export const chiSquareTail = (statistic: number, degreesOfFreedom: number) => upperGammaRatio(degreesOfFreedom / 2, statistic / 2);

const criticalValues = new Map<string, number>();

/** The smallest χ² that a `significance` test flags, with `degreesOfFreedom` degrees of freedom (bisection, remembered). */
export function chiSquareCritical(degreesOfFreedom: number, significance: number): number {
  const key = `${degreesOfFreedom}:${significance}`;
  const known = criticalValues.get(key);
  if (known !== undefined) return known;
  let low = 0;
  let high = 1000;
  for (let step = 0; step < 100; step += 1) {
    const middle = (low + high) / 2;
    if (chiSquareTail(middle, degreesOfFreedom) > significance) low = middle;
    else high = middle;
  }
  criticalValues.set(key, high);
  return high;
}

/** Pearson's χ² of observed counts against expected counts. */
export function chiSquare(observed: readonly number[], expected: readonly number[]): number {
  return observed.reduce((sum, count, index) => {
    const e = expected[index]!;
    return e > 0 ? sum + (count - e) ** 2 / e : sum;
  }, 0);
}

/**
 * P(X ≥ k) where X counts successes of independent trials with the given probabilities (the
 * Poisson binomial distribution), computed exactly by dynamic programming: O(n·k).
 */
export function poissonBinomialTail(probabilities: readonly number[], k: number): number {
  if (k <= 0) return 1;
  if (k > probabilities.length) return 0;
  // below[j] = P(exactly j successes so far) for j < k; whatever reaches k is accumulated in `reached`.
  let below = new Array<number>(k).fill(0);
  below[0] = 1;
  let reached = 0;
  for (const p of probabilities) {
    const next = new Array<number>(k).fill(0);
    for (let j = 0; j < k; j += 1) {
      const mass = below[j]!;
      if (mass === 0) continue;
      next[j]! += mass * (1 - p);
      if (j + 1 === k) reached += mass * p;
      else next[j + 1]! += mass * p;
    }
    below = next;
  }
  return Math.min(1, Math.max(0, reached));
}

/** P(X ≥ k) for X ~ Binomial(n, p). */
export const binomialTail = (n: number, p: number, k: number) => poissonBinomialTail(new Array<number>(n).fill(p), k);
