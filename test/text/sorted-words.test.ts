// The prebuilt word tables: a word's number is found in place, by its first character's stretch of the table.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codedWords, readCodedWords } from '../../src/text/sorted-words.js';

// Words that share first characters, prefixes and suffixes, with non-ASCII and astral first units.
const word = fc.oneof(
  fc.stringMatching(/^[a-e]{1,4}$/),
  fc.constantFrom('good', 'goo', 'ood', 'go', 'é', 'éa', 'z', '~', '🍞', '🍞🍞', '\u00ff', 'A'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 3 }).filter((w) => !/[\n\t]/.test(w)),
);

describe('coded word tables', () => {
  it('give every word its number and every other word -1', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, fc.integer({ min: 0, max: 1000 })), { maxLength: 40 }), fc.array(word, { maxLength: 20 }), (entries, others) => {
        const expected = new Map(entries);
        // Searched in place (the default for the first 2,000 lookups), read into a Map at once, and switching midway.
        for (const mapAfter of [undefined, 0, 5]) {
          const { numberOf, words } = readCodedWords(codedWords(entries, 'test'), mapAfter);
          for (const [w, n] of expected) expect(numberOf(w)).toBe(n);
          for (const w of others) expect(numberOf(w)).toBe(expected.get(w) ?? -1);
          expect(words()).toEqual([...expected.keys()].sort());
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse entries they cannot hold', () => {
    expect(() => codedWords([['a\tb', 1]], 'test')).toThrow(/unexpected entry/);
    expect(() => codedWords([['', 1]], 'test')).toThrow(/unexpected entry/);
    expect(() => codedWords([['a', 1001]], 'test')).toThrow(/unexpected entry/);
  });
});
