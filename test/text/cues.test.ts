// Cues found without the patterns they were found with before must be found exactly where those find them:
// invitation phrases (word for word in a sentence's tokens, not by a pattern over their space-joined norms) and
// questions (read backwards from the sentence's end, not by a pattern over the sentence cut out).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureExportLines } from '../helpers.js';
import { conversationLexicon } from '../../src/lexicons/index.js';
import { measureText } from '../../src/text/measure.js';
import { runs, textish, TIMEOUT } from '../fuzz/runs.js';

const QUESTION = /\?[\s"')\]’”\p{Extended_Pictographic}\uFE0F]*$/u;
const questionCounts = (text: string): number[] => measureText(text).sentences.map((s) => s.stats.cues.question);
const questionsByPattern = (text: string): number[] => measureText(text).sentences.map((s) => (QUESTION.test(text.slice(s.start, s.end)) ? 1 : 0));

const phrases = conversationLexicon().invitations;
const pattern = new RegExp(` (?:${phrases.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')}) `);

/** Invitation counts per sentence, by the pattern. */
function byPattern(text: string): number[] {
  return measureText(text).sentences.map((s) => (s.tokens.length > 1 && pattern.test(' ' + s.tokens.map((t) => t.norm).join(' ') + ' ') ? 1 : 0));
}

const invitationCounts = (text: string): number[] => measureText(text).sentences.map((s) => s.stats.cues.invitation);

/** Expects the cue's counts per sentence to equal the pattern's on every line of the fixture export; returns how many it found. */
function agreeOnFixture(counts: (text: string) => number[], byPatternOf: (text: string) => number[]): number {
  let found = 0;
  for (const line of fixtureExportLines()) {
    expect(counts(line)).toEqual(byPatternOf(line));
    found += counts(line).reduce((a, b) => a + b, 0);
  }
  return found;
}

describe('invitation cue', () => {
  it('is found in the sentences the pattern finds, in every fixture comment', () => {
    expect(agreeOnFixture(invitationCounts, byPattern)).toBeGreaterThan(10);
  });

  it('is found in the sentences the pattern finds, in text made of phrase words', () => {
    const words = [...new Set(phrases.flatMap((p) => p.split(' ')))];
    const piece = fc.oneof(fc.constantFrom(...words), fc.constantFrom(...phrases), fc.constantFrom(' ', ' ', '. ', '? ', ', ', '’', "'", 'What’s', '#in', '@you', '42'), textish(3));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join(' ')), (text) => {
        expect(invitationCounts(text)).toEqual(byPattern(text));
      }),
      { numRuns: runs() },
    );
  }, TIMEOUT);
});

describe('question cue', () => {
  it('is found in the sentences the pattern finds, in every fixture comment', () => {
    expect(agreeOnFixture(questionCounts, questionsByPattern)).toBeGreaterThan(20);
  });

  it('is found in the sentences the pattern finds, in text of question marks, closers, emoji and surrogates', () => {
    const piece = fc.oneof(
      fc.constantFrom('?', '??', '?!', '"', "'", ')', ']', '’', '”', '\uFE0F', '🍞', '❤', '👩\u200d🍳', '\ud83c', '\udf5e', '\u00a0', ' ', '\n', '. ', 'why', 'x'),
      textish(3),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (text) => {
        expect(questionCounts(text)).toEqual(questionsByPattern(text));
      }),
      { numRuns: runs() },
    );
  }, TIMEOUT);
});
