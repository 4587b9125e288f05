// The median of a sample, and a distribution-free confidence interval for it: order statistics chosen with the
// binomial distribution.

import type { Interval } from './bootstrap.js';

/** The middle value (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? Number.NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/**
 * The exact (conservative) 95% interval of the population median from a sample: [x(k), x(n+1−k)], the k-th
 * smallest and k-th largest values, with k the largest rank such that P(Binomial(n, ½) < k) ≤ 2.5%. Its
 * coverage is at least the level whatever the distribution; no resampling, so it is the same on every run.
 * Fewer than 6 values cannot reach 95% (even the whole range covers 1 − 2·½ⁿ < 95%): NaN bounds.
 */
export function medianInterval(values: readonly number[], level = 0.95): Interval {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  const n = s.length;
  const tail = (1 - level) / 2;
  // P(B ≤ j) for B ~ Binomial(n, ½), accumulated from the log of each term (n choose j) / 2ⁿ.
  let logTerm = -n * Math.LN2;
  let cdf = 0;
  let k = 0;
  for (let j = 0; j < n; j++) {
    cdf += Math.exp(logTerm);
    if (cdf > tail) break;
    k = j + 1; // P(B < k) = P(B ≤ j) ≤ tail
    logTerm += Math.log((n - j) / (j + 1));
  }
  if (k === 0) return { low: Number.NaN, high: Number.NaN };
  return { low: s[k - 1], high: s[n - k] };
}
