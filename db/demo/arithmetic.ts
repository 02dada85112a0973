export const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Splits the integer `total` in proportion to `weights` (largest remainder), so the parts are
 * integers that add up to exactly `total`: how the demo hits its headline figures to the unit.
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const weightSum = sum(weights);
  if (!Number.isInteger(total) || total < 0 || weights.length === 0 || !(weightSum > 0)) {
    throw new RangeError(`Cannot apportion ${total} over ${weights.length} weights summing to ${weightSum}`);
  }
  const exact = weights.map((weight) => (total * weight) / weightSum);
  const parts = exact.map(Math.floor);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder.slice(0, total - sum(parts))) parts[index] = (parts[index] ?? 0) + 1;
  return parts;
}
