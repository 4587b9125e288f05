// Unicode-aware tokenizer: words (with inner apostrophes), hashtags, @mentions, numbers and emoji; URLs dropped.
import type { Token } from '../types.js';
import { stem } from './stem.js';

// One sticky alternation, tried left to right; every branch is bounded so the scan stays linear.
const TOKEN = new RegExp(
  [
    String.raw`(?<url>(?:https?:\/\/|www\.)[^\s<>()\[\]]{1,2048})`,
    String.raw`(?<hashtag>#[\p{L}_][\p{L}\p{N}_]{0,99})`,
    String.raw`(?<mention>(?:@|\bu\/)[\p{L}\p{N}_-]{1,60})`,
    String.raw`(?<number>\p{N}+(?:[.,:\/]\p{N}+){0,10}%?)`,
    String.raw`(?<word>\p{L}[\p{L}\p{M}]*(?:['’][\p{L}\p{M}]+)*)`,
    String.raw`(?<emoji>\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic}\uFE0F?)*|[\u{1F1E6}-\u{1F1FF}]{2})`,
  ].join('|'),
  'gu',
);

const MAX_WORD = 60;

export function tokenize(text: string, offset = 0): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (const m of text.matchAll(TOKEN)) {
    const g = m.groups!;
    const start = offset + m.index!;
    const end = start + m[0].length;
    if (g.url !== undefined) continue;
    if (g.word !== undefined) {
      if (g.word.length > MAX_WORD) continue; // base64, hashes, keyboard mashing: not language
      const norm = g.word.toLowerCase().replace(/’/g, "'");
      tokens.push({ norm, stem: stem(norm), kind: 'word', start, end });
    } else if (g.hashtag !== undefined) {
      const norm = g.hashtag.toLowerCase();
      tokens.push({ norm, stem: norm, kind: 'hashtag', start, end });
    } else if (g.mention !== undefined) {
      tokens.push({ norm: g.mention.toLowerCase(), stem: '@', kind: 'mention', start, end });
    } else if (g.number !== undefined) {
      tokens.push({ norm: g.number, stem: '#', kind: 'number', start, end });
    } else if (g.emoji !== undefined) {
      const norm = g.emoji.replace(/\uFE0F/g, '').replace(/\p{Emoji_Modifier}/gu, '');
      tokens.push({ norm, stem: norm, kind: 'emoji', start, end });
    }
  }
  return tokens;
}

/** Tokens that carry language: words, hashtags and emoji (numbers and mentions are per-post noise). */
export function isLanguageToken(t: Token): boolean {
  return t.kind === 'word' || t.kind === 'hashtag' || t.kind === 'emoji';
}
