import { describe, expect, it } from 'vitest';
import { median, medianInterval } from '../../src/evaluation/median-interval.js';

const ranks = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

describe('median interval (binomial order statistics)', () => {
  it('picks the order statistics of the exact binomial interval', () => {
    // k-th smallest and k-th largest, k the largest rank with P(Binomial(n, 1/2) < k) <= 2.5%.
    expect(medianInterval(ranks(6))).toEqual({ low: 1, high: 6 });
    expect(medianInterval(ranks(10))).toEqual({ low: 2, high: 9 });
    expect(medianInterval(ranks(55))).toEqual({ low: 20, high: 36 });
    expect(medianInterval(ranks(100))).toEqual({ low: 40, high: 61 });
  });
  it('sorts its input, ignores non-finite values and gives NaN under 6 values', () => {
    expect(medianInterval([...ranks(10)].reverse().concat([Number.NaN]))).toEqual({ low: 2, high: 9 });
    const few = medianInterval([1, 2, 3, 4, 5]);
    expect(Number.isNaN(few.low) && Number.isNaN(few.high)).toBe(true);
  });
  it('narrows at a lower level', () => {
    const at80 = medianInterval(ranks(55), 0.8);
    expect(at80.low).toBeGreaterThan(20);
    expect(at80.high).toBeLessThan(36);
  });
});

describe('median', () => {
  it('is the middle value, the mean of the two middle ones for an even count, NaN for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
