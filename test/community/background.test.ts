import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { background, backgroundFrom } from '../../src/community/background.js';

describe('background model', () => {
  it('binary-searches the sorted list in place', () => {
    const lines = ['apple\t5\n', 'apply\t7\n', 'bread\t20\n', 'crumb\t1\n', 'zebra\t3\n'];
    const at = (i: number): number => lines.slice(0, i).join('').length;
    const index = { ap: [at(0), at(2)], br: [at(2), at(3)], cr: [at(3), at(4)], ze: [at(4), at(5)] };
    const bg = backgroundFrom(`#total\t100\t5\n#index\t${JSON.stringify(index)}\n${lines.join('')}`);
    const stems = ['apple', 'apply', 'bread', 'crumb', 'zebra', 'app', 'a', 'aardvark', 'levain', 'zzz', 'crumbs', 'rumb'];
    expect(stems.map((s) => bg.count(s))).toEqual([5, 7, 20, 1, 3, 0, 0, 0, 0, 0, 0, 0]);
    expect(bg.size).toBe(5);
    expect(bg.prob('bread')).toBeCloseTo(20.5 / (100 + 0.5 * 5), 12);
    expect(bg.prob('levain')).toBeCloseTo(0.5 / (100 + 0.5 * 5), 12);
  });
  it('holds general English: common words frequent, jargon absent', () => {
    const bg = background();
    expect(bg.count('the')).toBeGreaterThan(1_000_000);
    expect(bg.count('bread')).toBeGreaterThan(100);
    expect(bg.count('levain')).toBe(0);
  });
  it('finds every stem of the shipped list through its index, and states their number', () => {
    const text = readFileSync(packagePath('data', 'background-en.tsv'), 'utf8');
    const lines = text.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    const bg = backgroundFrom(text);
    expect(bg.size).toBe(lines.length);
    let total = 0;
    for (const line of lines) {
      const [stem, count] = line.split('\t');
      expect(bg.count(stem)).toBe(Number(count));
      // Only a whole line matches: the stem with one more character is in no line.
      expect(bg.count(`${stem}\u0001`)).toBe(0);
      total += Number(count);
    }
    expect(total).toBeLessThanOrEqual(bg.total);
  });
});
