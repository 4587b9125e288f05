import { describe, expect, it } from 'vitest';
import { bootstrapInterval, bootstrapWeighted, quantile, seededRandom } from '../../src/evaluation/bootstrap.js';
import { pairCounts, weightedPairCounts } from '../../src/evaluation/metrics.js';
import { assignFolds, hashUnit } from '../../src/evaluation/folds.js';

describe('seeded bootstrap', () => {
  it('repeats its random sequence for a seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 5 }, () => a());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
    expect(seededRandom(43)()).not.toBe(xs[0]);
  });
  it('interpolates quantiles between order statistics', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.25)).toBe(2.5);
    expect(quantile([7], 0.975)).toBe(7);
  });
  it('gives a point interval for a constant statistic and the same interval for the same seed', () => {
    expect(bootstrapInterval([1, 2, 3], () => 0.6, { resamples: 50 })).toEqual({ low: 0.6, high: 0.6 });
    const data = Array.from({ length: 40 }, (_, i) => i % 7);
    const mean = (s: readonly number[]): number => s.reduce((x, y) => x + y, 0) / s.length;
    const a = bootstrapInterval(data, mean, { resamples: 200, seed: 3 });
    expect(bootstrapInterval(data, mean, { resamples: 200, seed: 3 })).toEqual(a);
    expect(a.low).toBeLessThan(mean(data));
    expect(a.high).toBeGreaterThan(mean(data));
  });
});

describe('bootstrap over how often each item is drawn', () => {
  it('gives the same interval as resampling the items, for pair counts over all pairs', () => {
    // Ties in both prediction and truth, and sizes from 1 up: the weighted count must match the resampled one exactly.
    for (let t = 0; t < 60; t++) {
      const r = seededRandom(100 + t);
      const n = 1 + Math.floor(r() * 120);
      const pred = Array.from({ length: n }, () => Math.floor(r() * (t % 3 === 0 ? 4 : 500)) / 7);
      const truth = Array.from({ length: n }, () => Math.floor(r() * (t % 2 ? 3 : 50)));
      const share = (c: { correct: number; pairs: number }): number => (c.pairs ? c.correct / c.pairs : Number.NaN);
      const resampled = bootstrapInterval(
        pred.map((_, i) => i),
        (u) => share(pairCounts(u.map((i) => pred[i]), u.map((i) => truth[i]))),
        { resamples: 40, seed: t },
      );
      const counts = weightedPairCounts(pred, truth);
      expect(bootstrapWeighted(n, (w) => share(counts(w)), { resamples: 40, seed: t })).toEqual(resampled);
      expect(counts(new Uint32Array(n).fill(1))).toEqual(pairCounts(pred, truth));
    }
  });
});

describe('folds', () => {
  it('keeps equal keys together and balances distinct keys', () => {
    const keys = ['a', 'b', 'c', 'd', 'e', 'a', 'c'];
    const f = assignFolds(keys, 2);
    expect(f[5]).toBe(f[0]);
    expect(f[6]).toBe(f[2]);
    const distinct = [f[0], f[1], f[2], f[3], f[4]];
    expect(distinct.filter((x) => x === 0).length).toBe(3); // 5 keys dealt round-robin: 3 and 2
    expect(assignFolds(keys, 2)).toEqual(f);
  });
  it('maps hashes into [0, 1)', () => {
    const u = hashUnit('thread-1');
    expect(u).toBeGreaterThanOrEqual(0);
    expect(u).toBeLessThan(1);
    expect(hashUnit('thread-1', 1)).not.toBe(u);
  });
});
