// Saved stats are flat arrays (flattenStats); scoring adds them without unflattening (addFlatStats).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMOTIONS } from '../../src/lexicons/index.js';
import { addFlatStats, flattenStats, FLAT_SENTENCES, FLAT_TOKENS, unflattenStats } from '../../src/community/profile-builder.js';
import { addStats, CUES, emptyStats } from '../../src/text/measure.js';
import type { TextStats } from '../../src/types.js';

const count = fc.integer({ min: 0, max: 1000 });
const stats: fc.Arbitrary<TextStats> = fc.record({
  sentences: count,
  tokens: count,
  valence: fc.integer({ min: -500, max: 500 }),
  emotions: fc.tuple(...EMOTIONS.map(() => count)).map((v) => Object.fromEntries(EMOTIONS.map((e, i) => [e, v[i]])) as TextStats['emotions']),
  cues: fc.tuple(...CUES.map(() => count)).map((v) => Object.fromEntries(CUES.map((c, i) => [c, v[i]])) as TextStats['cues']),
});

describe('flat stats', () => {
  it('add up as the stats they flatten do, field by field', () => {
    fc.assert(
      fc.property(fc.array(stats, { maxLength: 5 }), (all) => {
        const byStats = emptyStats();
        const byFlat = emptyStats();
        for (const s of all) {
          addStats(byStats, s);
          addFlatStats(byFlat, flattenStats(s));
        }
        expect(byFlat).toEqual(byStats);
      }),
    );
  });

  it('unflatten to what was flattened, with sentences and tokens where FLAT_* say', () => {
    fc.assert(
      fc.property(stats, (s) => {
        const flat = flattenStats(s);
        expect(unflattenStats(flat)).toEqual(s);
        expect([flat[FLAT_SENTENCES], flat[FLAT_TOKENS]]).toEqual([s.sentences, s.tokens]);
      }),
    );
  });
});
