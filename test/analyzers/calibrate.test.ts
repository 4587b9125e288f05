import { describe, expect, it } from 'vitest';
import { percentile } from '../../src/analyzers/calibrate.js';

describe('percentile', () => {
  it('counts the share below, ties as half', () => {
    expect(percentile(3, [1, 2, 3, 4])).toBe(63); // (2 + 0.5) / 4
    expect(percentile(0, [1, 2])).toBe(0);
    expect(percentile(9, [1, 2])).toBe(100);
  });
});
