// A build's partial tables merged by walking them in order give what the checked merge of saved profiles gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigramTable, flatForms, wordTable } from '../../src/community/count-tables.js';
import { emptyCounts } from '../../src/community/profile-builder.js';
import { mergeCounts, type PartialBuild } from '../../src/community/merge-profiles.js';
import type { WordEntry } from '../../src/community/profile-types.js';

// Stems and forms as the tokenizer makes them: no whitespace, never empty; a few letters so parts share some.
const word = fc.string({ unit: fc.constantFrom('a', 'b', 'é', 'Z', '’', '😀'), minLength: 1, maxLength: 4 });
const count = fc.integer({ min: 1, max: 1e6 });
const entry = fc.tuple(count, count, count, fc.integer({ min: -1e9, max: 1e9 }), count, fc.uniqueArray(fc.tuple(word, count), { selector: ([f]) => f, maxLength: 3 }));

const part = fc.record({
  words: fc.uniqueArray(fc.tuple(word, entry), { selector: ([s]) => s, maxLength: 30 }),
  bigrams: fc.uniqueArray(fc.tuple(word, word, count), { selector: ([a, b]) => `${a} ${b}`, maxLength: 30 }),
});

function partialBuild(p: { words: [string, [number, number, number, number, number, [string, number][]]][]; bigrams: [string, string, number][] }): PartialBuild {
  const counts = emptyCounts();
  counts.words = wordTable(new Map(p.words.map(([s, e]): [string, WordEntry] => [s, [e[0], e[1], e[2], e[3], e[4], flatForms(new Map(e[5]))]])));
  counts.bigrams = bigramTable(new Map(p.bigrams.map(([a, b, n]) => [`${a} ${b}`, n])));
  return { counts, sample: [], prunedBelow: { words: 0, bigrams: 0 } };
}

describe('mergeCounts of a build\'s own parts', () => {
  it('equals the merge through maps for any sorted partial tables', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), (parts) => {
        const builds = parts.map(partialBuild);
        expect(mergeCounts(builds, 10, true)).toEqual(mergeCounts(builds, 10, false));
      }),
    );
  });
});
