// Bootstrap percentile intervals with a seeded generator, so the same data and seed give the same interval.

/** mulberry32: a small, fast, seeded PRNG returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The q-quantile (0–1) of values by linear interpolation between order statistics. */
export function quantile(values: readonly number[], q: number): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

export interface Interval {
  low: number;
  high: number;
}

/**
 * Percentile bootstrap interval of a statistic over `units` (items, or threads when pairs live within threads:
 * resampling whole threads keeps their pairs together). `statistic` gets the resampled units, repeats included.
 */
export function bootstrapInterval<T>(
  units: readonly T[],
  statistic: (sample: readonly T[]) => number,
  options: { resamples?: number; seed?: number; level?: number } = {},
): Interval {
  if (units.length === 0) return { low: Number.NaN, high: Number.NaN };
  const sample = new Array<T>(units.length);
  return resampled(units.length, options, (draw) => {
    for (let i = 0; i < units.length; i++) sample[i] = units[draw()];
    return statistic(sample);
  });
}

/**
 * The same interval as bootstrapInterval over `n` units (the same seed draws the same units), for a statistic that
 * reads a resample as how many times each unit was drawn: for pair counts over all items that skips re-sorting
 * every resample, which was most of a profile build's engagement check (model.ts: 1,000 resamples of up to 2,000
 * items in every build; BENCHMARKS.md).
 */
export function bootstrapWeighted(n: number, statistic: (weights: Uint32Array) => number, options: { resamples?: number; seed?: number; level?: number } = {}): Interval {
  if (n === 0) return { low: Number.NaN, high: Number.NaN };
  const weights = new Uint32Array(n);
  return resampled(n, options, (draw) => {
    weights.fill(0);
    for (let i = 0; i < n; i++) weights[draw()]++;
    return statistic(weights);
  });
}

/** Runs `resample` once per resample with a seeded draw of unit indices below `n`; the interval of its results. */
function resampled(n: number, options: { resamples?: number; seed?: number; level?: number }, resample: (draw: () => number) => number): Interval {
  const resamples = options.resamples ?? 1000;
  const level = options.level ?? 0.95;
  const random = seededRandom(options.seed ?? 1);
  const draw = (): number => Math.floor(random() * n);
  const stats: number[] = [];
  for (let r = 0; r < resamples; r++) stats.push(resample(draw));
  return { low: quantile(stats, (1 - level) / 2), high: quantile(stats, 1 - (1 - level) / 2) };
}
