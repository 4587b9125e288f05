import { describe, expect, it } from 'vitest';
import { background, backgroundFrom } from '../../src/community/background.js';

describe('background model', () => {
  it('binary-searches the sorted list in place', () => {
    const bg = backgroundFrom('#total\t100\napple\t5\nbread\t20\ncrumb\t1\nzebra\t3\n');
    expect([bg.count('apple'), bg.count('bread'), bg.count('crumb'), bg.count('zebra'), bg.count('aardvark'), bg.count('levain'), bg.count('zzz')]).toEqual([5, 20, 1, 3, 0, 0, 0]);
    expect(bg.size).toBe(4);
    expect(bg.prob('bread')).toBeCloseTo(20.5 / (100 + 0.5 * 4), 12);
    expect(bg.prob('levain')).toBeCloseTo(0.5 / (100 + 0.5 * 4), 12);
  });
  it('holds general English: common words frequent, jargon absent', () => {
    const bg = background();
    expect(bg.count('the')).toBeGreaterThan(1_000_000);
    expect(bg.count('bread')).toBeGreaterThan(100);
    expect(bg.count('levain')).toBe(0);
  });
});
