import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../src/paths.js';
import { background, backgroundFrom, WRITTEN_SHARE } from '../../src/community/background.js';

describe('background model', () => {
  const lines = ['apple\t5\t1\n', 'apply\t7\t0\n', 'bread\t20\t4\n', 'crumb\t1\t3\n', 'zebra\t3\t0\n'];
  const at = (i: number): number => lines.slice(0, i).join('').length;
  const index = { ap: [at(0), at(2)], br: [at(2), at(3)], cr: [at(3), at(4)], ze: [at(4), at(5)] };
  const text = `#total\t100\t10\t5\n#index\t${JSON.stringify(index)}\n${lines.join('')}`;

  it('searches the sorted list in place, both registers of a line', () => {
    const bg = backgroundFrom(text);
    // Absent: before, between and after the lines of a bucket, prefixes, and stems holding the separators.
    const absent = ['app', 'a', 'aardvark', 'levain', 'zzz', 'crumbs', 'rumb', 'ap', 'applf', 'applz', 'apple\t5', 'bread\n', 'brea', 'breadz'];
    const stems = ['apple', 'apply', 'bread', 'crumb', 'zebra', ...absent];
    expect(stems.map((s) => bg.counts(s))).toEqual([[5, 1], [7, 0], [20, 4], [1, 3], [3, 0], ...Array(absent.length).fill([0, 0])]);
    expect(bg.size).toBe(5);
    expect(bg.total).toBe(110);
    expect(bg.totals).toEqual([100, 10]);
  });
  it('mixes the spoken and the written register, each smoothed by half a count', () => {
    const spoken = (s: number): number => (s + 0.5) / (100 + 0.5 * 5);
    const written = (w: number): number => (w + 0.5) / (10 + 0.5 * 5);
    expect(backgroundFrom(text, 0).prob('bread')).toBeCloseTo(spoken(20), 12);
    expect(backgroundFrom(text, 1).prob('bread')).toBeCloseTo(written(4), 12);
    expect(backgroundFrom(text, 0.25).prob('crumb')).toBeCloseTo(0.75 * spoken(1) + 0.25 * written(3), 12);
    expect(backgroundFrom(text).prob('levain')).toBeCloseTo((1 - WRITTEN_SHARE) * spoken(0) + WRITTEN_SHARE * written(0), 12);
  });
  it('holds general English: common words frequent in both registers, jargon absent', () => {
    const bg = background();
    const [spokenThe, writtenThe] = bg.counts('the');
    expect(spokenThe).toBeGreaterThan(1_000_000);
    expect(writtenThe).toBeGreaterThan(50_000);
    expect(bg.counts('bread')[0]).toBeGreaterThan(100);
    expect(bg.counts('levain')).toEqual([0, 0]);
    // Words of written exposition are far likelier in the mixed background than in speech alone.
    const spokenOnly = backgroundFrom(readFileSync(packagePath('data', 'background-en.tsv'), 'latin1'), 0);
    expect(bg.prob('howev') / spokenOnly.prob('howev')).toBeGreaterThan(5);
  });
  it('finds every stem of the shipped list through its index, and states their number', () => {
    const shipped = readFileSync(packagePath('data', 'background-en.tsv'), 'utf8');
    const rows = shipped.split('\n').filter((l) => l !== '' && !l.startsWith('#'));
    const bg = backgroundFrom(shipped);
    expect(bg.size).toBe(rows.length);
    let total = 0;
    for (const line of rows) {
      const [stem, spoken, written] = line.split('\t');
      expect(bg.counts(stem)).toEqual([Number(spoken), Number(written)]);
      // Only a whole line matches: the stem with one more character is in no line.
      expect(bg.counts(`${stem}\u0001`)).toEqual([0, 0]);
      total += Number(spoken) + Number(written);
    }
    expect(total).toBeLessThanOrEqual(bg.total);
  });
});
