// Unicode-aware tokenizer: words (with inner apostrophes), hashtags, @mentions, numbers and emoji; URLs dropped.
import type { Token } from '../types.js';
import { porterStem } from './stem.js';

// One alternation, tried left to right; every branch is bounded so the scan stays linear. Groups, in order:
// 1 url, 2 hashtag, 3 mention, 4 number, 5 word, 6 emoji (numbered, not named: named groups cost an object a match).
const TOKEN = new RegExp(
  [
    String.raw`((?:https?:\/\/|www\.)[^\s<>()\[\]]{1,2048})`,
    String.raw`(#[\p{L}_][\p{L}\p{N}_]{0,99})`,
    String.raw`((?:@|\bu\/)[\p{L}\p{N}_-]{1,60})`,
    String.raw`(\p{N}+(?:[.,:\/]\p{N}+){0,10}%?)`,
    String.raw`(\p{L}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*)`,
    String.raw`(\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*|[\u{1F1E6}-\u{1F1FF}]{2})`,
  ].join('|'),
  'gu',
);

const MAX_WORD = 60;

interface WordForms {
  norm: string;
  stem: string;
}

// Word as matched → its norm and stem. A community repeats a few thousand words millions of times, so this saves
// lowercasing, quote replacement and the stem lookup per token, and every token of a word shares one norm string
// (hashed once by the Maps that count it). Norms are interned, so "The" and "the" share theirs.
const byWord = new Map<string, WordForms>();
const byNorm = new Map<string, WordForms>();
// Bounds the caches on pathological inputs (random strings) without hurting real vocabularies.
const CACHE_LIMIT = 400_000;

function wordForms(word: string): WordForms {
  let f = byWord.get(word);
  if (f === undefined) {
    const norm = word.toLowerCase().replace(/’/g, "'");
    f = byNorm.get(norm);
    if (f === undefined) {
      f = { norm, stem: porterStem(norm) };
      if (byNorm.size >= CACHE_LIMIT) byNorm.clear();
      byNorm.set(norm, f);
    }
    if (byWord.size >= CACHE_LIMIT) byWord.clear();
    byWord.set(word, f);
  }
  return f;
}

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null) {
    const start = offset + m.index;
    const end = start + m[0].length;
    if (m[5] !== undefined) {
      if (m[5].length > MAX_WORD) continue; // base64, hashes, keyboard mashing: not language
      const f = wordForms(m[5]);
      tokens.push({ norm: f.norm, stem: f.stem, kind: 'word', start, end });
    } else if (m[1] !== undefined) {
      continue;
    } else if (m[2] !== undefined) {
      const norm = m[2].toLowerCase();
      tokens.push({ norm, stem: norm, kind: 'hashtag', start, end });
    } else if (m[3] !== undefined) {
      tokens.push({ norm: m[3].toLowerCase(), stem: '@', kind: 'mention', start, end });
    } else if (m[4] !== undefined) {
      tokens.push({ norm: m[4], stem: '#', kind: 'number', start, end });
    } else if (m[6] !== undefined) {
      const norm = m[6].replace(/\uFE0F/g, '').replace(/\p{Emoji_Modifier}/gu, '');
      tokens.push({ norm, stem: norm, kind: 'emoji', start, end });
    }
  }
  return tokens;
}

/** Tokens that carry language: words, hashtags and emoji (numbers and mentions are per-post noise). */
export function isLanguageToken(t: Token): boolean {
  return t.kind === 'word' || t.kind === 'hashtag' || t.kind === 'emoji';
}
