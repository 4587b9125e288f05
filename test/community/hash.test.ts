import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashFolded, hashNumber, hashText, hexOfHash } from '../../src/community/hash.js';
import { runs, textish, TIMEOUT } from '../fuzz/runs.js';

const folded = (text: string): number => parseInt(hashText(text.toLowerCase().replace(/\s+/g, ' ')), 16);

// Characters whose lowercase differs in length or by context, astral capitals, and the spaces \s knows.
const PIECES = ['A', 'z', 'É', 'İ', 'Σ', 'ΑΣ', 'ς', 'K', 'ẞ', 'ǅ', '𐐀', '𝐀', '🍞', '\ud83c', '\udf5e', ' ', '  ', '\t', '\n', '\r\n', '\v', '\f', '\u00a0', '\u1680', '\u2003', '\u2028', '\u3000', '\ufeff', '\u200b', 'x'];
const foldText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 20 }).map((a) => a.join('')),
  textish(),
  fc.string({ unit: 'binary', maxLength: 40 }),
);

describe('hashText', () => {
  it('writes the number as 14 hex digits', () => {
    for (const t of ['', 'a', 'crumb', 'x'.repeat(1000)]) {
      expect(hashText(t)).toMatch(/^[0-9a-f]{14}$/);
      expect(parseInt(hashText(t), 16)).toBe(hashNumber(t));
      expect(hexOfHash(hashNumber(t))).toBe(hashText(t));
    }
    expect(hexOfHash(255)).toBe('000000000000ff');
  });
});

describe('hashFolded', () => {
  it('equals hashText of the lowercased text with whitespace runs collapsed', () => {
    for (const t of ['', ' ', 'Hello  World', ' a\t\tB ', 'ΑΣ', 'İstanbul', 'Kelvin K', '🍞 Bread', '\ud83c']) expect(hashFolded(t), JSON.stringify(t)).toBe(folded(t));
    fc.assert(
      fc.property(foldText, (text) => {
        expect(hashFolded(text)).toBe(folded(text));
      }),
      { numRuns: runs(10) },
    );
  }, TIMEOUT);
});
