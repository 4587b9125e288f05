import { describe, expect, it } from 'vitest';
import { MIN_PAIRS, noReliableReading, pairingOf, pairwiseResult } from '../../src/evaluation/ordering.js';
import { seededRandom } from '../../src/evaluation/bootstrap.js';

describe('ordering: pairing, pairwise accuracy and the "no reliable reading" verdict', () => {
  it('pairs within threads when threads hold pairs, else over all items', () => {
    expect(pairingOf([1, 2, 3, 1], ['a', 'a', 'b', 'b'])).toMatchObject({ pairing: 'thread', pairs: 2, threads: 2 });
    expect(pairingOf([1, 2, 3], ['a', 'b', 'c'])).toMatchObject({ pairing: 'all', pairs: 3, threads: null });
  });

  it('calls a prediction that orders the history well a reading, and noise or too few pairs none', () => {
    const random = seededRandom(3);
    const n = 400;
    const truth = Array.from({ length: n }, () => random());
    const keys = truth.map((_, i) => `t${Math.floor(i / 4)}`);
    const p = pairingOf(truth, keys);
    const boot = { resamples: 200, seed: 1 };
    const good = pairwiseResult(
      truth.map((t) => t + 0.2 * random()),
      truth,
      p,
      boot,
    );
    expect(good.pairwise).toBeGreaterThan(0.8);
    expect(noReliableReading(good, p)).toBeNull();
    const noise = pairwiseResult(
      truth.map(() => random()),
      truth,
      p,
      boot,
    );
    expect(noise.pairwiseInterval.low).toBeLessThan(0.5);
    expect(noReliableReading(noise, p)).toMatch(/^on its own history it orders same-thread pairs correctly \d+% of the time \(\d+%–\d+%\), which is chance$/);
    expect(noReliableReading(good, { pairing: 'thread', pairs: MIN_PAIRS - 1 })).toMatch(/^only 29 same-thread pairs with different engagement/);
  });
});
