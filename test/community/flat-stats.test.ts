// Saved stats are flat arrays (flattenStats); scoring reads the lengths from them without unflattening.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMOTIONS } from '../../src/lexicons/index.js';
import { flattenStats, FLAT_SENTENCES, FLAT_TOKENS, unflattenStats } from '../../src/community/profile-builder.js';
import { CUES } from '../../src/text/measure.js';
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
