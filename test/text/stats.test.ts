// addStats names every field: it must add and remove each emotion and cue the lexicons define.
import { describe, expect, it } from 'vitest';
import { EMOTIONS } from '../../src/lexicons/index.js';
import { addStats, CUES, emptyStats } from '../../src/text/measure.js';

describe('addStats', () => {
  it('adds and removes every count', () => {
    const add = emptyStats();
    add.sentences = 2;
    add.tokens = 3;
    add.valence = -4;
    EMOTIONS.forEach((e, i) => (add.emotions[e] = i + 1));
    CUES.forEach((c, i) => (add.cues[c] = 10 + i));
    const sum = addStats(addStats(emptyStats(), add), add);
    expect(Object.keys(sum.emotions).sort()).toEqual([...EMOTIONS].sort());
    expect(Object.keys(sum.cues).sort()).toEqual([...CUES].sort());
    for (const e of EMOTIONS) expect(sum.emotions[e]).toBe(2 * add.emotions[e]);
    for (const c of CUES) expect(sum.cues[c]).toBe(2 * add.cues[c]);
    expect([sum.sentences, sum.tokens, sum.valence]).toEqual([4, 6, -8]);
    expect(addStats(sum, add, -1)).toEqual(add);
  });
});
