// The Unicode character classes the scanners use, as bits, and the `\p{…}` patterns that define them.

export const LETTER = 1; // \p{L}
export const MARK = 2; // \p{M}
export const NUMBER = 4; // \p{N}
export const PICTOGRAPHIC = 8; // \p{Extended_Pictographic}
export const EMOJI_MODIFIER = 16; // \p{Emoji_Modifier}
export const SPACE = 32; // \s with the u flag
export const LOWER_SELF = 64; // toLowerCase() leaves the code point as it is
/** Set in every class value, so that zero can mean "not yet looked up". */
export const KNOWN = 128;

// Made on first use: V8 parses a `\p{…}` pattern (expanding the ICU sets) when the literal is evaluated, and the
// bundles only need the constants above (0.4 ms of module set-up).
let classes: readonly [RegExp, number][] | undefined;
const patterns = (): readonly [RegExp, number][] =>
  (classes ??= [
    [/^\p{L}$/u, LETTER],
    [/^\p{M}$/u, MARK],
    [/^\p{N}$/u, NUMBER],
    [/^\p{Extended_Pictographic}$/u, PICTOGRAPHIC],
    [/^\p{Emoji_Modifier}$/u, EMOJI_MODIFIER],
    [/^\s$/u, SPACE],
  ]);

/** The class bits of one code point, by the patterns themselves. */
export function classByPattern(cp: number): number {
  // A lone surrogate is a code point of its own to a u-flag pattern; it is in none of the classes above.
  if (cp >= 0xd800 && cp <= 0xdfff) return KNOWN | LOWER_SELF;
  const ch = String.fromCodePoint(cp);
  let bits = KNOWN;
  for (const [re, bit] of patterns()) if (re.test(ch)) bits |= bit;
  if (ch.toLowerCase() === ch) bits |= LOWER_SELF;
  return bits;
}
