// The one-pass valence must give exactly what the `sentiment` package gives (same word list, tokens and negation).
import fc from 'fast-check';
import Sentiment from 'sentiment';
import { describe, expect, it } from 'vitest';
import { fixtureExportLines } from '../helpers.js';
import { readFileSync } from 'node:fs';
import { afinnTable, SCORE_OFFSET } from '../../src/text/afinn.js';
import { readCodedWords } from '../../src/text/sorted-words.js';
import { valenceOf } from '../../src/text/valence.js';
import { straightenQuotes } from '../../src/text/normalize.js';
import { runs, textish, TIMEOUT } from '../fuzz/runs.js';

const sentiment = new Sentiment();
const reference = (text: string): number => sentiment.analyze(straightenQuotes(text)).score;

// Scored words, negators and the separators the package treats specially, so random text hits the rules often.
const WORDS = ['good', 'bad', 'not', "don't", 'dont', 'cant', "can't", 'isn’t', 'constructor', 'love', 'hate', 'no fun', 'cool stuff', 'great', 'Good', 'NOT', '😂', '❤', '❤️', '😭', '🙌', 'naïve', 'gr8', 'İ'];
const SEPARATORS = [' ', '  ', '\n', '\t', '\t\t', '\r\n', '\u00a0', ' \u00a0', '.', ',', '!', '?', '"', '“', '’', "'", '-', '_', '(', ')', ':', ';', '~', '`', '\uFEFF', '\u2028', '\u3000'];
const piece = fc.oneof(fc.constantFrom(...WORDS), fc.constantFrom(...SEPARATORS), fc.string({ maxLength: 4 }));
const scoredText = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

describe('valenceOf', () => {
  it('equals sentiment.analyze on edge cases, before and after a community\'s worth of text (the word list is then hashed)', () => {
    const cases = ['', ' ', '\t', 'good', ' good ', 'not good', 'not  good', 'not\tgood', 'not\t\tgood', 'not.good', "isn’t good", 'constructor good', 'good\u00a0day', 'good \u00a0 day', 'bad\n\nnot bad', '❤️ 😂', '"good"'];
    // Nothing read yet: looked up word by word.
    for (const t of cases) expect(valenceOf(t), JSON.stringify(t)).toBe(reference(t));
    // The fixture community (84 KB) is past the 50,000 characters after which the hashed table is used.
    for (const line of fixtureExportLines()) valenceOf(line);
    for (const t of cases) expect(valenceOf(t), JSON.stringify(t)).toBe(reference(t));
  });

  it('equals sentiment.analyze on every fixture comment', () => {
    let scored = 0;
    for (const line of fixtureExportLines()) {
      expect(valenceOf(line)).toBe(reference(line));
      if (reference(line) !== 0) scored++;
    }
    expect(scored).toBeGreaterThan(50);
  });

  it('equals sentiment.analyze on random text', () => {
    fc.assert(
      fc.property(fc.oneof(scoredText, textish(), fc.string({ unit: 'binary', maxLength: 100 })), (text) => {
        expect(valenceOf(text)).toBe(reference(text));
      }),
      { numRuns: runs(5) },
    );
  }, TIMEOUT);

  it('the built CLI reads the same word list as the sources (dist/bundle/tables.json, written by npm run build)', () => {
    const table = afinnTable();
    expect(JSON.parse(readFileSync('dist/bundle/tables.json', 'utf8')).afinn.afinnTable).toEqual(table);
    const { words, numberOf } = readCodedWords(table);
    // AFINN-165 (3,382 words) with the package's emoji scores.
    expect(words().length).toBeGreaterThan(3382);
    expect(words()).toContain('good');
    expect(numberOf('good') - SCORE_OFFSET).toBe(3);
    expect(numberOf('bad') - SCORE_OFFSET).toBe(-3);
    expect(numberOf('bread')).toBe(-1);
  });
});
