// Unicode character classes of code points as bit sets, for the hand-written scanners (the tokenizer).
//
// Why not regular expressions per character: the scanners read every character of every community item; a table
// lookup is far cheaper than a `\p{…}` test. Each code point's bits are computed once, by the same `\p{…}` classes
// the regular expressions used, so the scanners classify exactly as those did.

export const LETTER = 1; // \p{L}
export const MARK = 2; // \p{M}
export const NUMBER = 4; // \p{N}
export const PICTOGRAPHIC = 8; // \p{Extended_Pictographic}
export const EMOJI_MODIFIER = 16; // \p{Emoji_Modifier}
export const SPACE = 32; // \s with the u flag
export const LOWER_SELF = 64; // toLowerCase() leaves the code point as it is
const KNOWN = 128;

// One byte per code point, filled on first use (zero: not yet classified). 1.1 MB of address space, but only the
// pages of the scripts a text uses are ever touched.
const TABLE = new Uint8Array(0x110000);

const CLASSES: readonly [RegExp, number][] = [
  [/^\p{L}$/u, LETTER],
  [/^\p{M}$/u, MARK],
  [/^\p{N}$/u, NUMBER],
  [/^\p{Extended_Pictographic}$/u, PICTOGRAPHIC],
  [/^\p{Emoji_Modifier}$/u, EMOJI_MODIFIER],
  [/^\s$/u, SPACE],
];

function classify(cp: number): number {
  // A lone surrogate is a code point of its own to a u-flag pattern; it is in none of the classes above.
  if (cp >= 0xd800 && cp <= 0xdfff) return (TABLE[cp] = KNOWN | LOWER_SELF);
  const ch = String.fromCodePoint(cp);
  let bits = KNOWN;
  for (const [re, bit] of CLASSES) if (re.test(ch)) bits |= bit;
  if (ch.toLowerCase() === ch) bits |= LOWER_SELF;
  TABLE[cp] = bits;
  return bits;
}

/** The class bits of a code point (0 to 0x10FFFF). */
export function classOf(cp: number): number {
  const bits = TABLE[cp];
  return bits === 0 ? classify(cp) : bits;
}

const UPPER = /^\p{Lu}$/u;

/**
 * Whether the character starting at `i` (a whole code point) is an uppercase letter, \p{Lu}; false outside the text.
 * ASCII is read directly; the rest goes to the property class.
 */
export function isUpperAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c < 128 ? c >= 65 && c <= 90 : UPPER.test(String.fromCodePoint(text.codePointAt(i)!));
}
