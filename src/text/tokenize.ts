// Unicode-aware tokenizer: words (with inner apostrophes), hashtags, @mentions, numbers and emoji; URLs dropped.
//
// A hand-written scanner over character codes. It finds exactly the tokens of this regular expression (the
// tokenizer it replaced; a property test in test/text/tokenize.test.ts compares the two on random and real text):
//   url      (?:https?:\/\/|www\.)[^\s<>()\[\]]{1,2048}            dropped
//   hashtag  #[\p{L}_][\p{L}\p{N}_]{0,99}
//   mention  (?:@|\bu\/)[\p{L}\p{N}_-]{1,60}
//   number   \p{N}+(?:[.,:\/]\p{N}+){0,10}%?
//   word     \p{L}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*
//   emoji    \p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*
//            | [\u{1F1E6}-\u{1F1FF}]{2}
// tried in that order at each code point (flags gu), the scan resuming after each match.
// Why not the regular expression: a match array and a substring per token made tokenizing the largest single cost
// of measuring a community; the scanner reads a table per character and cuts one substring per word.
import type { Token, TokenKind, WordShared } from '../types.js';
import { classOf, EMOJI_MODIFIER, LETTER, MARK, NUMBER, PICTOGRAPHIC, SPACE } from './char-class.js';
import { porterStem } from './stem.js';
import { WordTable } from './word-table.js';

const MAX_WORD = 60;
const MAX_URL = 2048;
const MAX_HASHTAG_TAIL = 99;
const MAX_MENTION = 60;
const MAX_NUMBER_GROUPS = 10;

// Bounds the caches on pathological inputs (random strings) without hurting real vocabularies.
const CACHE_LIMIT = 400_000;
// Norm → what its words share: norms are interned, so "The" and "the" share theirs.
const byNorm = new Map<string, WordShared>();

/** What the tokens of a word not yet in byWord share: its norm and stem (the norm's, when already known). */
function sharedOf(word: string): WordShared {
  const norm = word.toLowerCase().replace(/\u2019/g, "'");
  let f = byNorm.get(norm);
  if (f === undefined) {
    f = { norm, stem: porterStem(norm), cues: undefined, slot: 0, slotOwner: null };
    if (byNorm.size >= CACHE_LIMIT) byNorm.clear();
    byNorm.set(norm, f);
  }
  return f;
}

// Word as matched → what its tokens share. A community repeats a few thousand words millions of times, so this saves
// lowercasing, quote replacement and the stem lookup per token, and every token of a word shares one norm string
// (hashed once by the Maps that count it).
const byWord = new WordTable<WordShared>(CACHE_LIMIT);

/**
 * The code point at i (i < n) of a text that ends at n; a lone surrogate is a code point of its own, as in a u-flag
 * pattern, and so is a high surrogate at n - 1 (its pair, if any, lies past the end).
 */
function cpAt(text: string, i: number, n: number): number {
  const c = text.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < n ? text.codePointAt(i)! : c;
}

const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** \w without the i flag, for the \b before "u/". */
function isAsciiWord(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** How many code points the last runEnd call took. */
let runLength = 0;

/** End of the run of code points in `classes` that starts at i. */
function runEnd(text: string, i: number, n: number, classes: number): number {
  let k = 0;
  while (i < n) {
    const cp = cpAt(text, i, n);
    if ((classOf(cp) & classes) === 0) break;
    i += width(cp);
    k++;
  }
  runLength = k;
  return i;
}

function urlEnd(text: string, p: number, n: number, c: number): number {
  let i: number;
  // A prefix that runs past n leaves the URL no character before n: no URL, as in the text cut at n.
  if (c === 104 && text.startsWith('http', p)) {
    if (text.startsWith('s://', p + 4)) i = p + 8;
    else if (text.startsWith('://', p + 4)) i = p + 7;
    else return -1;
  } else if (c === 119 && text.startsWith('www.', p)) i = p + 4;
  else return -1;
  const from = i;
  for (let k = 0; k < MAX_URL && i < n; k++) {
    const cp = cpAt(text, i, n);
    if (cp === 60 || cp === 62 || cp === 40 || cp === 41 || cp === 91 || cp === 93 || (classOf(cp) & SPACE) !== 0) break;
    i += width(cp);
  }
  return i > from ? i : -1;
}

function hashtagEnd(text: string, p: number, n: number): number {
  if (p + 1 >= n) return -1;
  const cp = cpAt(text, p + 1, n);
  if (cp !== 95 && (classOf(cp) & LETTER) === 0) return -1;
  let i = p + 1 + width(cp);
  for (let k = 0; k < MAX_HASHTAG_TAIL && i < n; k++) {
    const d = cpAt(text, i, n);
    if (d !== 95 && (classOf(d) & (LETTER | NUMBER)) === 0) break;
    i += width(d);
  }
  return i;
}

/**
 * `textStart`: where the text starts (the \b before "u/" sees no character before it). A "u/" whose "/" is past n
 * leaves the mention no character before n: no mention, as in the text cut at n.
 */
function mentionEnd(text: string, textStart: number, p: number, n: number, c: number): number {
  let i: number;
  if (c === 64) i = p + 1;
  else if (c === 117 && text.charCodeAt(p + 1) === 47 && (p === textStart || !isAsciiWord(text.charCodeAt(p - 1)))) i = p + 2;
  else return -1;
  const from = i;
  for (let k = 0; k < MAX_MENTION && i < n; k++) {
    const d = cpAt(text, i, n);
    if (d !== 95 && d !== 45 && (classOf(d) & (LETTER | NUMBER)) === 0) break;
    i += width(d);
  }
  return i > from ? i : -1;
}

function numberEnd(text: string, p: number, n: number): number {
  let i = runEnd(text, p, n, NUMBER);
  for (let g = 0; g < MAX_NUMBER_GROUPS && i + 1 < n; g++) {
    const s = text.charCodeAt(i);
    if (s !== 46 && s !== 44 && s !== 58 && s !== 47) break;
    const after = runEnd(text, i + 1, n, NUMBER);
    if (runLength === 0) break;
    i = after;
  }
  return i < n && text.charCodeAt(i) === 37 ? i + 1 : i;
}

function wordEnd(text: string, p: number, n: number): number {
  let i = runEnd(text, p, n, LETTER | MARK);
  while (i + 1 < n) {
    const s = text.charCodeAt(i);
    if (s !== 39 && s !== 0x2019) break;
    const after = runEnd(text, i + 1, n, LETTER | MARK);
    if (runLength === 0) break;
    i = after;
  }
  return i;
}

function emojiEnd(text: string, p: number, n: number, cp: number): number {
  let i = p + width(cp);
  while (i < n) {
    const d = cpAt(text, i, n);
    if (d === 0xfe0f) i++;
    else if ((classOf(d) & EMOJI_MODIFIER) !== 0) i += width(d);
    else if (d === 0x200d && i + 1 < n && (classOf(cpAt(text, i + 1, n)) & PICTOGRAPHIC) !== 0) {
      i += 1 + width(cpAt(text, i + 1, n));
      if (i < n && text.charCodeAt(i) === 0xfe0f) i++;
    } else break;
  }
  return i;
}

const isRegionalIndicator = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;

/**
 * Token objects reused from one text to the next, for a caller that is done with a text's tokens before it
 * tokenizes the next (a profile build measures its items one after another). Why: an item's tokens were most of
 * what measuring allocated; reusing them spared a quarter of a build's young-generation collections.
 */
export class TokenPool {
  private readonly tokens: Token[] = [];
  private used = 0;

  /** Hands the tokens out again: the tokens handed out so far are overwritten from now on. */
  reuse(): void {
    this.used = 0;
  }

  token(norm: string, stem: string, kind: TokenKind, start: number, end: number, word: WordShared | null): Token {
    let t = this.tokens[this.used++];
    if (t === undefined) {
      t = newToken(norm, stem, kind, start, end, word);
      this.tokens.push(t);
    } else {
      t.norm = norm;
      t.stem = stem;
      t.kind = kind;
      t.start = start;
      t.end = end;
      t.word = word;
    }
    return t;
  }
}

function newToken(norm: string, stem: string, kind: TokenKind, start: number, end: number, word: WordShared | null): Token {
  return { norm, stem, kind, start, end, word };
}

function push(tokens: Token[], pool: TokenPool | null, norm: string, stem: string, kind: TokenKind, start: number, end: number, word: WordShared | null): void {
  tokens.push(pool === null ? newToken(norm, stem, kind, start, end, word) : pool.token(norm, stem, kind, start, end, word));
}

/**
 * The tokens of text.slice(start, end), with offsets into `text`. Why a range and not a slice: a sentence cut out of
 * an item is a sliced string, whose characters V8 reads more slowly (tokenizing took ~15% longer). With a pool, the
 * tokens are the pool's (see TokenPool).
 */
export function tokenize(text: string, start = 0, end = text.length, pool: TokenPool | null = null): Token[] {
  const tokens: Token[] = [];
  const n = end;
  let p = start;
  while (p < n) {
    const c = text.charCodeAt(p);
    const cp = cpAt(text, p, n);
    const bits = classOf(cp);
    let q: number;
    if ((c === 104 || c === 119) && (q = urlEnd(text, p, n, c)) >= 0) {
      p = q;
      continue;
    }
    if (c === 35 && (q = hashtagEnd(text, p, n)) >= 0) {
      const norm = text.slice(p, q).toLowerCase();
      push(tokens, pool, norm, norm, 'hashtag', p, q, null);
    } else if ((c === 64 || c === 117) && (q = mentionEnd(text, start, p, n, c)) >= 0) {
      push(tokens, pool, text.slice(p, q).toLowerCase(), '@', 'mention', p, q, null);
    } else if ((bits & NUMBER) !== 0) {
      q = numberEnd(text, p, n);
      push(tokens, pool, text.slice(p, q), '#', 'number', p, q, null);
    } else if ((bits & LETTER) !== 0) {
      q = wordEnd(text, p, n);
      // Longer words are base64, hashes or keyboard mashing: not language.
      if (q - p <= MAX_WORD) {
        const f = byWord.get(text, p, q, sharedOf);
        push(tokens, pool, f.norm, f.stem, 'word', p, q, f);
      }
    } else if ((bits & PICTOGRAPHIC) !== 0 || (isRegionalIndicator(cp) && p + 2 < n && isRegionalIndicator(cpAt(text, p + 2, n)))) {
      q = (bits & PICTOGRAPHIC) !== 0 ? emojiEnd(text, p, n, cp) : p + 4;
      // Emoji_Modifier is the five skin tones U+1F3FB–U+1F3FF, always a surrogate pair in a string: written so, the
      // pattern is not a \p{…} set that V8 expands and compiles in the first run that meets an emoji.
      const norm = text.slice(p, q).replace(/\uFE0F/g, '').replace(/\uD83C[\uDFFB-\uDFFF]/g, '');
      push(tokens, pool, norm, norm, 'emoji', p, q, null);
    } else {
      p += width(cp);
      continue;
    }
    p = q;
  }
  return tokens;
}

/** Tokens that carry language: words, hashtags and emoji (numbers and mentions are per-post noise). */
export function isLanguageToken(t: Token): boolean {
  return t.kind === 'word' || t.kind === 'hashtag' || t.kind === 'emoji';
}
