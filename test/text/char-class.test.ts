// isUpperAt reads ASCII directly and the rest by \p{Lu}, a whole code point at a time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isUpperAt } from '../../src/text/char-class.js';

describe('isUpperAt', () => {
  it('agrees with /^\\p{Lu}/u on the text from i, at every index of random text', () => {
    const piece = fc.oneof(fc.string({ maxLength: 3 }), fc.constantFrom('A', 'z', 'É', 'é', 'Σ', 'ǅ', '𝐀', '𝐚', '\ud835', '\udc00', '🍞', '1', ' '));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }).map((a) => a.join('')), (text) => {
        for (let i = 0; i < text.length; i++) expect(isUpperAt(text, i)).toBe(/^\p{Lu}/u.test(text.slice(i)));
      }),
    );
  });

  it('is false outside the text and true for an astral capital', () => {
    expect(isUpperAt('Ab', -1)).toBe(false);
    expect(isUpperAt('Ab', 2)).toBe(false);
    expect(isUpperAt('x𝐀', 1)).toBe(true);
    expect(isUpperAt('x𝐀', 2)).toBe(false);
  });
});
