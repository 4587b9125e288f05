// addStats names every field: it must add and remove each emotion and cue the lexicons define. measureItem must
// count what measureText does.
import { describe, expect, it } from 'vitest';
import { openExport } from '../../src/input/read-export.js';
import { EMOTIONS } from '../../src/lexicons/index.js';
import { addStats, CUES, emptyStats, measureItem, measureText } from '../../src/text/measure.js';
import { valenceOf } from '../../src/text/valence.js';

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

describe('measureItem', () => {
  it('counts what measureText counts per sentence, summed, with the whole text’s valence, on every fixture comment', async () => {
    const opened = await openExport('fixtures/community/crumb-club.csv');
    let questions = 0;
    for await (const row of opened.rows) {
      const text = String(row.values.body ?? '');
      const item = measureItem(text);
      const draft = measureText(text);
      const summed = draft.sentences.reduce((total, s) => addStats(total, s.stats), emptyStats());
      summed.valence = valenceOf(text);
      expect(item.stats).toEqual(summed);
      expect(item.sentences).toEqual(draft.sentences.map((s) => s.tokens));
      questions += item.stats.cues.question;
    }
    expect(questions).toBeGreaterThan(20);
  });
});
