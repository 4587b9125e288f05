// AFINN-165 valence with negation: the `sentiment` package's scores, computed in one pass over the text.
// Kept because it pays: against `sentiment.analyze` (bench/replacements/valence-sentiment.patch, `npm run
// bench:replacements`), a real export's build (stackexchange-6.csv) takes 12.6 % less wall time and 8.8 % less CPU
// (`score` within noise: 12.5 % less in one run, 4 % more in the latest); test/text/valence.test.ts keeps it equal to
// the package.
//
// Why not `sentiment.analyze`: it lowercases, runs four regular-expression passes, splits into an array and builds
// result arrays for every call; on a profile build that was about a tenth of the measuring time. This module reads
// the same word list and emoji table from the package and applies the same rules (sentiment 5.0.2, lib/tokenize.js
// and languages/en/scoring-strategy.js), so it gives the same score for every text (a property test compares them):
// - the text is lowercased; `\n` and the characters .,/#!?$%^&*;:{}=_`"~() become spaces;
// - runs of two or more whitespace characters become one space, the ends are trimmed, and tokens are split on a
//   single space (so a lone tab or no-break space stays inside its token);
// - a token scores when it is an own key of the label table; the score is negated when the previous token is
//   truthy in the negator table (read as a plain object, as the package does).
import { afinnNegators, afinnTable, SCORE_OFFSET } from './afinn.js';
import { classOf as unicodeClassOf, SPACE } from './char-class.js';
import { straightenQuotes } from './normalize.js';
import { readCodedWords } from './sorted-words.js';
import { WordTable } from './word-table.js';

const { words: afinnWords, numberOf } = readCodedWords(afinnTable());
const NEGATORS = afinnNegators();

/** The score of a word, found by binary search of the sorted list (each distinct token is looked up once, below). */
function scoreOrZero(token: string): number {
  const n = numberOf(token);
  return n === -1 ? 0 : n - SCORE_OFFSET;
}

// Token → its score, or 0 when it has none (adding ±0 leaves a score as it is). Cutting each candidate token out of
// the text and looking it up (a new string each time) was a tenth of measuring a community; a community repeats its
// words, so each distinct token is cut out and looked up once. Bounded, as the tokenizer's caches are, for
// pathological inputs.
const scores = new WordTable<number>(100_000);

// On a community's worth of text the word list is looked up in a table of its own, keyed by the FNV-1a hash of the
// token, which the scan works out as it reads the token's characters: most tokens score nothing, and they are told
// so by one probe of a small typed array, without cutting the token out or hashing it again. Made once that much text
// has been read: a draft alone is scanned faster without it than the table is made.
const HASHED_AFTER = 50_000;
const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;
let scanned = 0;

interface HashedWords {
  mask: number;
  /** Per slot: the word's hash, its length (0: an empty slot), the word and its score. */
  hashes: Int32Array;
  lengths: Uint16Array;
  words: string[];
  values: Int8Array;
  longest: number;
}
let hashed: HashedWords | null = null;

function fnv(word: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

const slotOf = (h: number, mask: number): number => (h ^ (h >>> 15)) & mask;

function makeHashed(): HashedWords {
  const list = afinnWords();
  let size = 1024;
  while (size < 4 * list.length) size *= 2;
  const t: HashedWords = { mask: size - 1, hashes: new Int32Array(size), lengths: new Uint16Array(size), words: new Array<string>(size).fill(''), values: new Int8Array(size), longest: 0 };
  for (const w of list) {
    const h = fnv(w);
    let slot = slotOf(h, t.mask);
    while (t.lengths[slot] !== 0) slot = (slot + 1) & t.mask;
    t.hashes[slot] = h;
    t.lengths[slot] = w.length;
    t.words[slot] = w;
    t.values[slot] = scoreOrZero(w);
    t.longest = Math.max(t.longest, w.length);
  }
  return t;
}

/** The score of s.slice(start, start + length), whose hash is h, or 0. */
function hashedScore(t: HashedWords, s: string, start: number, length: number, h: number): number {
  if (length > t.longest) return 0;
  for (let slot = slotOf(h, t.mask); t.lengths[slot] !== 0; slot = (slot + 1) & t.mask) {
    if (t.hashes[slot] === h && t.lengths[slot] === length && s.startsWith(t.words[slot], start)) return t.values[slot];
  }
  return 0;
}

/** 1 for the characters the package turns into spaces, 2 for other whitespace (JavaScript's \s), 0 otherwise. */
const CLASS = new Uint8Array(128);
for (const ch of '\n.,/#!?$%^&*;:{}=_`"~()') CLASS[ch.charCodeAt(0)] = 1;
for (const ch of '\t\v\f\r') CLASS[ch.charCodeAt(0)] = 2;

/** 0: part of a token; 1: a space (or becomes one); 2: other whitespace (a separator only in a run of two or more). */
function separatorOf(c: number): number {
  if (c < 128) return c === 32 ? 1 : CLASS[c];
  // Whitespace as JavaScript's \s and String.prototype.trim see it (the same set outside ASCII).
  return (unicodeClassOf(c) & SPACE) !== 0 ? 2 : 0;
}

/** Valence of a text by AFINN with negation; quotes straightened first so "isn’t good" is negated too. */
export function valenceOf(text: string): number {
  const s = straightenQuotes(text).toLowerCase();
  const n = s.length;
  if (hashed === null && (scanned += n) > HASHED_AFTER) hashed = makeHashed();
  const t = hashed;
  let score = 0;
  let prevStart = -1;
  let prevEnd = -1;
  let i = 0;
  // Leading whitespace is trimmed.
  while (i < n && separatorOf(s.charCodeAt(i)) !== 0) i++;
  while (i < n) {
    // A token runs to the next separator: a space-like character, or a run of two or more whitespace characters.
    const start = i;
    let end = n;
    let next = n;
    let h = FNV_OFFSET;
    while (i < n) {
      const c = s.charCodeAt(i);
      const k = separatorOf(c);
      if (k === 0) {
        h = Math.imul(h ^ c, FNV_PRIME);
        i++;
        continue;
      }
      let j = i + 1;
      while (j < n && separatorOf(s.charCodeAt(j)) !== 0) j++;
      if (k === 1 || j - i >= 2 || j === n) {
        end = i;
        next = j;
        break;
      }
      // One lone tab or no-break space: part of the token.
      h = Math.imul(h ^ c, FNV_PRIME);
      i = j;
    }
    const length = end - start;
    if (length > 0) {
      const v = t !== null ? hashedScore(t, s, start, length, h) : scores.get(s, start, end, scoreOrZero);
      if (v !== 0) score += prevEnd >= 0 && NEGATORS[s.slice(prevStart, prevEnd)] ? -v : v;
    }
    prevStart = start;
    prevEnd = end;
    i = next;
  }
  return score;
}
