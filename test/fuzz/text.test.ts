// Property tests on the tokenizer and the sentence splitter: arbitrary text never throws, spans stay in bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.js';
import { splitSentences } from '../../src/text/sentences.js';
import { measureText } from '../../src/text/measure.js';
import { displayLine, stripControl } from '../../src/text/normalize.js';
import { runs, textish, TIMEOUT } from './runs.js';

const anyText = fc.oneof(textish(), fc.string({ unit: 'binary', maxLength: 200 }));

describe('fuzz: text', () => {
  it('tokenize: tokens are in order, inside the text, never empty', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let last = 0;
        for (const t of tokenize(text)) {
          expect(t.start).toBeGreaterThanOrEqual(last);
          expect(t.end).toBeGreaterThan(t.start);
          expect(t.end).toBeLessThanOrEqual(text.length);
          last = t.end;
        }
      }),
      { numRuns: runs() },
    );
  }, TIMEOUT);

  it('splitSentences: spans are ordered, inside the text and do not overlap', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        let last = 0;
        for (const s of splitSentences(text)) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThanOrEqual(s.start);
          expect(s.end).toBeLessThanOrEqual(text.length);
          last = s.end;
        }
      }),
      { numRuns: runs() },
    );
  }, TIMEOUT);

  it('measureText: every statistic is a finite number', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const m = measureText(text);
        const s = m.stats;
        for (const v of [s.sentences, s.tokens, s.valence, ...Object.values(s.emotions), ...Object.values(s.cues)]) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: runs() },
    );
  }, TIMEOUT);

  it('stripControl / displayLine: no escape, control or bidi character survives', () => {
    const unsafe = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
    fc.assert(
      fc.property(anyText, (text) => {
        expect(stripControl(text)).not.toMatch(unsafe);
        expect(displayLine(text)).not.toMatch(/[\n\t]/);
        expect(displayLine(text)).not.toMatch(unsafe);
      }),
      { numRuns: runs() },
    );
  }, TIMEOUT);
});
