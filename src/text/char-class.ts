// Unicode character classes of code points as bit sets, for the hand-written scanners (the tokenizer).
//
// Why not regular expressions per character: the scanners read every character of every community item; a table
// lookup is far cheaper than a `\p{…}` test. The bits come from the same `\p{…}` classes the regular expressions
// used (src/text/char-class-runs.ts), so the scanners classify exactly as those did.

import { classRuns } from './char-class-runs.js';
import { lastAtMost } from './sorted-numbers.js';

export { EMOJI_MODIFIER, LETTER, LOWER_SELF, MARK, NUMBER, PICTOGRAPHIC, SPACE } from './char-class-patterns.js';

// One byte per code point, filled on first use (zero: not yet classified). 1.1 MB of address space, but only the
// pages of the scripts a text uses are ever touched.
const TABLE = new Uint8Array(0x110000);

let runs: { starts: number[]; bits: number[] } | undefined;

/** The bits of the run holding `cp`, by binary search (the table caches them per code point). */
function classify(cp: number): number {
  runs ??= classRuns();
  return (TABLE[cp] = runs.bits[lastAtMost(runs.starts, cp)]);
}

/** The class bits of a code point (0 to 0x10FFFF). */
export function classOf(cp: number): number {
  const bits = TABLE[cp];
  return bits === 0 ? classify(cp) : bits;
}

// Made on first use: V8 expands the \p{…} set when the literal is evaluated (~0.05 ms of every start-up).
let upper: RegExp | undefined;

/**
 * Whether the character starting at `i` (a whole code point) is an uppercase letter, \p{Lu}; false outside the text.
 * ASCII is read directly; the rest goes to the property class.
 */
export function isUpperAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c < 128 ? c >= 65 && c <= 90 : (upper ??= /^\p{Lu}$/u).test(String.fromCodePoint(text.codePointAt(i)!));
}
