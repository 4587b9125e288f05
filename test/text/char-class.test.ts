// Character classes: classOf reads runs made from the \p{…} patterns (prebuilt in the bundles); isUpperAt reads
// ASCII directly and the rest by \p{Lu}, a whole code point at a time.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classOf, EMOJI_MODIFIER, isUpperAt, LETTER, LOWER_SELF, MARK, NUMBER, PICTOGRAPHIC, SPACE } from '../../src/text/char-class.js';
import { classByPattern, KNOWN } from '../../src/text/char-class-patterns.js';
import { classRuns } from '../../src/text/char-class-runs.js';

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

describe('classOf', () => {
  it('gives every code point the bits of the \\p{…} patterns (the runs and their lookup lose nothing)', () => {
    const differ: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) if (classOf(cp) !== classByPattern(cp)) differ.push(cp);
    expect(differ).toEqual([]);
  });

  it('has the five skin tones U+1F3FB-U+1F3FF as its only emoji modifiers (the tokenizer strips them by code unit)', () => {
    const modifiers: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) if (classOf(cp) & EMOJI_MODIFIER) modifiers.push(cp);
    expect(modifiers).toEqual([0x1f3fb, 0x1f3fc, 0x1f3fd, 0x1f3fe, 0x1f3ff]);
  });

  it('knows letters, digits, spaces, emoji and their modifiers, and case', () => {
    const of = (ch: string): number => classOf(ch.codePointAt(0)!);
    expect(of('a') & (LETTER | LOWER_SELF)).toBe(LETTER | LOWER_SELF);
    expect(of('É') & LOWER_SELF).toBe(0);
    expect(of('7') & NUMBER).toBe(NUMBER);
    expect(of('\u00a0') & SPACE).toBe(SPACE);
    expect(of('\u0301') & MARK).toBe(MARK);
    expect(of('🍞') & PICTOGRAPHIC).toBe(PICTOGRAPHIC);
    expect(of('🏽') & EMOJI_MODIFIER).toBe(EMOJI_MODIFIER);
    expect(of('-')).toBe(KNOWN | LOWER_SELF);
  });

  it('the built CLI reads the same runs as the sources (dist/bundle/tables.json, written by npm run build)', () => {
    expect(JSON.parse(readFileSync('dist/bundle/tables.json', 'utf8'))['char-class-runs'].classRuns).toEqual(classRuns());
  });
});
