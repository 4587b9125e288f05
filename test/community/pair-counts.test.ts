import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairCounts } from '../../src/community/pair-counts.js';
import { runs } from '../fuzz/runs.js';

/** The flat map and pruning PairCounts replaced: keys "first second", floor rising until `keep` remain. */
function flatCounts(pairs: readonly [string, string][], keep: number): { map: Map<string, number>; floor: number } {
  const map = new Map<string, number>();
  let floor = 0;
  for (const [a, b] of pairs) {
    const k = a + ' ' + b;
    map.set(k, (map.get(k) ?? 0) + 1);
    if (map.size > 2 * keep) {
      while (map.size > keep) {
        floor++;
        for (const [key, n] of map) if (n <= floor) map.delete(key);
      }
    }
  }
  return { map, floor };
}

describe('PairCounts', () => {
  it('counts and prunes as a flat map keyed by the joined pair', () => {
    const stems = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const stem = fc.constantFrom(...stems);
    fc.assert(
      fc.property(fc.array(fc.tuple(stem, stem), { maxLength: 300 }), fc.integer({ min: 1, max: 10 }), (pairs, keep) => {
        // A small table, so that it grows.
        const counts = new PairCounts(4);
        let floor = 0;
        for (const [a, b] of pairs) {
          counts.add(stems.indexOf(a), stems.indexOf(b));
          if (counts.size > 2 * keep) floor = counts.prune(keep, floor);
        }
        const expected = flatCounts(pairs, keep);
        expect(floor).toBe(expected.floor);
        expect(counts.size).toBe(expected.map.size);
        expect([...counts.toMap((id) => stems[id])].sort()).toEqual([...expected.map].sort());
      }),
      { numRuns: runs() },
    );
  });
});
