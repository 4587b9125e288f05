import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenize, TokenPool } from '../../src/text/tokenize.js';
import { splitSentences } from '../../src/text/sentences.js';
import { runs, TIMEOUT } from '../fuzz/runs.js';
import { regexTokens } from './regex-tokenize.js';

const scanned = (text: string): string[] => tokenize(text).map((t) => `${t.kind} ${t.start} ${t.end} ${text.slice(t.start, t.end)}`);

// Pieces at the edges of each token pattern: URL prefixes and stops, \b before u/, separators inside numbers,
// apostrophes, marks, surrogate pairs and lone surrogates, emoji sequences, regional indicators, Unicode spaces.
const PIECES = [
  'http://', 'https://', 'https:/', 'www.', 'www', 'u/', 'xu/', '_u/', '@', '#', '#_', '_', '-', '.', ',', ':', '/', '%', "'", '’', '‘',
  'a', 'Z', 'é', 'e\u0301', '\u0301', 'ß', 'İ', 'Σ', '日本', '𝐀', '𝟙', '0', '42', '²', '½', '٣', 'Ⅻ', ' ', '  ', '\t', '\n', '\u00a0',
  '\u2028', '\u3000', '\ufeff', '<', '>', '(', ')', '[', ']', '"', '🍞', '❤', '\ufe0f', '🏽', '\u200d', '👩\u200d🍳', '🇫', '🇷', '🇫🇷', '©',
  '\ud83c', '\udf5e', 'x'.repeat(61), 'b'.repeat(100), '1.'.repeat(12),
];
const tokenText = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 30 }).map((a) => a.join('')),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
);

describe('tokenize', () => {
  it('keeps accented letters and inner apostrophes, straight or curly', () => {
    const t = tokenize('Café naïve don’t isn\'t');
    expect(t.map((x) => x.norm)).toEqual(['café', 'naïve', "don't", "isn't"]);
  });
  it('separates hashtags, mentions, numbers and emoji, and drops URLs', () => {
    const t = tokenize('Fed at 1:5:5 #sourdough @ana see https://x.example/a?b=1 🍞🙌🏽 #9');
    expect(t.map((x) => `${x.kind}:${x.norm}`)).toEqual([
      'word:fed', 'word:at', 'number:1:5:5', 'hashtag:#sourdough', 'mention:@ana', 'word:see', 'emoji:🍞', 'emoji:🙌', 'number:9',
    ]);
  });
  it('stems words and strips possessives for matching', () => {
    const t = tokenize("baker's loaves rising");
    expect(t.map((x) => x.stem)).toEqual(['baker', 'loav', 'rise']);
  });
  it('reports offsets into the input', () => {
    const text = 'a crumb';
    const [, crumb] = tokenize(text);
    expect(text.slice(crumb.start, crumb.end)).toBe('crumb');
  });
  it('stays linear on a megabyte without spaces', () => {
    const text = 'a'.repeat(1_000_000);
    expect(tokenize(text)).toEqual([]); // one 1M-letter "word" is not language
  });
  it('finds exactly the tokens of the regular expression it replaced, on random text', () => {
    fc.assert(
      fc.property(tokenText, (text) => {
        expect(scanned(text)).toEqual(regexTokens(text));
      }),
      { numRuns: runs(10) },
    );
  }, TIMEOUT);
  const ENDS = ['', 'http', 'https', 'https:/', 'www', 'u', 'x u', '@', '#', '1', '1.', 'a', '🍞', '🇫', '\ud83c', '\u200d', '://x', 's://x', '.x', '/x', '\udf5e', '%', '.5', '_', '\u200d🍞', '\ufe0f', '🏽', '🇷', "'s"];
  it('tokenizes a range of a text as it does that range cut out, offsets into the text', () => {
    fc.assert(
      fc.property(tokenText, tokenText, tokenText, fc.constantFrom(...ENDS), fc.constantFrom(...ENDS), (before, middle, after, last, next) => {
        // The range ends where reading on would change a token: a URL prefix, surrogate pair, number or emoji going on.
        const inside = middle + last;
        const text = before + inside + next + after;
        const [start, end] = [before.length, before.length + inside.length];
        const shifted = tokenize(inside).map((t) => ({ ...t, start: t.start + start, end: t.end + start }));
        expect(tokenize(text, start, end)).toEqual(shifted);
      }),
      { numRuns: runs(10) },
    );
  }, TIMEOUT);
  it('gives the same tokens from a pool, reusing the token objects once told to', () => {
    const pool = new TokenPool();
    const texts = ['Fed at 1:5:5 #sourdough @ana see https://x.example/a?b=1 🍞🙌🏽 #9', 'baker’s loaves rising', 'a crumb u/ana 42% 🇫🇷'];
    for (const text of texts) {
      pool.reuse();
      const first = tokenize(text, 0, text.length, pool);
      expect(first).toEqual(tokenize(text));
      // Without reuse() the pool hands out new tokens, so the first ones stay as they were.
      const second = tokenize(text, 2, text.length, pool);
      expect(second).toEqual(tokenize(text, 2));
      expect(first).toEqual(tokenize(text));
      expect(second.some((t) => first.includes(t))).toBe(false);
    }
    pool.reuse();
    const reused = tokenize(texts[1], 0, texts[1].length, pool);
    expect(reused).toEqual(tokenize(texts[1]));
    pool.reuse();
    expect(tokenize(texts[0], 0, texts[0].length, pool)[0]).toBe(reused[0]);
  });
  it('finds exactly the tokens of the regular expression it replaced, on every fixture export and draft', () => {
    const dirs = ['../../fixtures/community/', '../../fixtures/drafts/'];
    for (const dir of dirs) {
      for (const name of readdirSync(new URL(dir, import.meta.url))) {
        const text = readFileSync(new URL(dir + name, import.meta.url), 'utf8');
        expect(scanned(text), name).toEqual(regexTokens(text));
      }
    }
  });
});

describe('splitSentences', () => {
  const split = (s: string): string[] => splitSentences(s).map((sp) => s.slice(sp.start, sp.end));
  it('survives abbreviations, decimals and initials', () => {
    expect(split('Dr. Smith fed it at 3.5 p.m. and waited. J. R. baked too.')).toEqual(['Dr. Smith fed it at 3.5 p.m. and waited.', 'J. R. baked too.']);
  });
  it('keeps an ellipsis followed by lowercase inside the sentence', () => {
    expect(split('I waited... it rose! Did it double? Yes 🙌 it did.')).toEqual(['I waited... it rose!', 'Did it double?', 'Yes 🙌 it did.']);
  });
  it('reads abbreviations and initials next to non-ASCII letters', () => {
    expect(split('Café Mr. Smith came. É. Zola wrote. Über. Next one.')).toEqual(['Café Mr. Smith came.', 'É. Zola wrote.', 'Über.', 'Next one.']);
    expect(split('Vol. 2 is out. approx. ten. Ça va… oui.')).toEqual(['Vol. 2 is out.', 'approx. ten.', 'Ça va… oui.']);
  });
  it('trims Unicode whitespace from the ends of sentences', () => {
    expect(split('\u3000Hi.\u00a0\u2003Next one.\ufeff\u2028')).toEqual(['Hi.', 'Next one.']);
  });
  it('breaks at blank lines and list items', () => {
    expect(split('Intro line\n\n- first item\n- second item')).toEqual(['Intro line', '- first item', '- second item']);
  });
});
