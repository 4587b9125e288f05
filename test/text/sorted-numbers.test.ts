import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstAtLeast, lastAtMost } from '../../src/text/sorted-numbers.js';

describe('lastAtMost', () => {
  it('finds the last element at most the value, as a scan from the end does (0 when none is)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, value) => {
        const sorted = [...values].sort((a, b) => a - b);
        let expected = sorted.length - 1;
        while (expected > 0 && sorted[expected] > value) expected--;
        expect(lastAtMost(sorted, value)).toBe(Math.max(0, expected));
      }),
    );
  });
});

describe('firstAtLeast', () => {
  it('finds the first element at least the value, as a scan from the start does (the length when none is)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 })), fc.integer({ min: -60, max: 60 }), (values, value) => {
        const sorted = [...values].sort((a, b) => a - b);
        let expected = 0;
        while (expected < sorted.length && sorted[expected] < value) expected++;
        expect(firstAtLeast(sorted, value)).toBe(expected);
      }),
    );
  });
});
