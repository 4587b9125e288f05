import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordTable } from '../../src/text/word-table.js';
import { runs } from '../fuzz/runs.js';

describe('WordTable', () => {
  it('finds a span by its text, makes a value only for a new word, and survives growing and emptying', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { maxLength: 3000 }), fc.integer({ min: 1, max: 5000 }), (words, limit) => {
        const table = new WordTable<string>(limit);
        const made: string[] = [];
        const make = (w: string): string => {
          made.push(w);
          return `<${w}>`;
        };
        for (const w of words) {
          const text = `ab${w}cd`;
          expect(table.get(text, 2, 2 + w.length, make)).toBe(`<${w}>`);
        }
        // Each distinct word is made once while the table holds it, at most once per emptying otherwise.
        if (new Set(words).size <= limit) expect(made.length).toBe(new Set(words).size);
      }),
      { numRuns: runs() },
    );
  });
});
