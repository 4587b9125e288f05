// The length part of the engagement measure subtracts 1/2: the mean quantile of the sample's own items.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lengthQuantile } from '../../src/community/model.js';

describe('lengthQuantile', () => {
  it("averages exactly 1/2 over the sample's own items, ties included", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 300 }), (lengths) => {
        const effect = { lengths: Float64Array.from(lengths).sort(), items: lengths.length };
        const sum = lengths.reduce((s, n) => s + lengthQuantile(effect, n), 0);
        expect(sum / lengths.length).toBeCloseTo(0.5, 12);
      }),
    );
  });

  it('counts shorter items, and ties as half', () => {
    const effect = { lengths: Float64Array.from([1, 2, 2, 5]), items: 4 };
    expect([0, 1, 2, 3, 5, 9].map((n) => lengthQuantile(effect, n))).toEqual([0, 0.125, 0.5, 0.75, 0.875, 1]);
  });
});
