// Property: whenever the fast Markdown reader answers, it answers exactly what the micromark walk does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastMarkdownToPlain } from '../../src/input/markdown-plain.js';
import { micromarkToPlain } from '../../src/input/read-draft.js';
import { runs, TIMEOUT } from './runs.js';

// Inline material, weighted toward what decides text node boundaries: delimiter runs beside letters, spaces and
// punctuation (ASCII, Unicode, astral emoji), backtick runs, brackets, escapes, and a few things that must bail.
const word = fc.constantFrom('a', 'b', 'foo', 'crumb', 'I', 'x1', 'é', 'ß', '日本', '😀', '👍🏽', 'e\u0301', '2024', 'don’t', '\u00a0');
const punctuation = fc.constantFrom('.', ',', '!', '?', ':', '(', ')', '"', "'", '-', '#', '&', '<', '>', '=', '+', '~', '/', '★', '—', '«', '$');
const delimiter = fc.constantFrom('*', '**', '***', '****', '_', '__', '___', '`', '``', '```', '*_', '_*');
const space = fc.constantFrom(' ', '  ', '   ');
const escape = fc.constantFrom('\\*', '\\_', '\\`', '\\[', '\\\\', '\\a', '\\#', '\\', '\\!');
const bails = fc.constantFrom('&amp;', '&#35;', '<b>', '<3', '<a@b.c>', '[x]', ']', '[', '\t', '\r', '&', '<');
const simple = fc.array(fc.oneof({ weight: 4, arbitrary: word }, { weight: 2, arbitrary: space }, { weight: 3, arbitrary: delimiter }, punctuation), { maxLength: 5 }).map((a) => a.join(''));
const dest = fc.constantFrom('', 'http://a.b/c', 'x', 'a_b*c', '/p?q=1&r=2', 'a b', '<x>', 'u "t"', '(x)');
const link = fc.tuple(fc.constantFrom('[', '!['), simple, dest).map(([open, text, d]) => `${open}${text}](${d})`);

const inline = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: word },
      { weight: 5, arbitrary: space },
      { weight: 3, arbitrary: punctuation },
      { weight: 6, arbitrary: delimiter },
      { weight: 2, arbitrary: link },
      { weight: 1, arbitrary: escape },
      { weight: 1, arbitrary: bails },
    ),
    { maxLength: 14 },
  )
  .map((a) => a.join(''));

// Line starts: indentation, list markers, headings, fences, breaks, and the block starts that must bail.
const prefix = fc.oneof(
  { weight: 8, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.constantFrom(' ', '  ', '   ', '    ', '     ', '      ') },
  { weight: 5, arbitrary: fc.constantFrom('- ', '* ', '+ ', '-  ', '-     ', '1. ', '2. ', '1) ', '10. ', '  - ', '   1. ', '  ', '   ') },
  { weight: 3, arbitrary: fc.constantFrom('# ', '## ', '###### ', '####### ', '#', '#  ') },
  { weight: 2, arbitrary: fc.constantFrom('```', '~~~', '```js ', '````', '  ```') },
  { weight: 2, arbitrary: fc.constantFrom('---', '***', '* * *', '___', '===', '-', '*', '1.', '- - -', '--') },
  { weight: 1, arbitrary: fc.constantFrom('> ', '<div>', '[a]: /u', '\t') },
);
const suffix = fc.constantFrom('', '', '', ' ', '  ', '   ', ' #', ' ##  ', '#', '\\', '*', '_');
const line = fc.tuple(prefix, inline, suffix).map(([p, t, s]) => p + t + s);
const blank = fc.constantFrom('', ' ', '   ');
const document = fc.array(fc.oneof({ weight: 4, arbitrary: line }, { weight: 1, arbitrary: blank }), { maxLength: 10 }).map((ls) => ls.join('\n'));
/** Block structure over plain lines: lists, continuation and lazy lines, code, headings, breaks. */
const outline = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.tuple(prefix, simple, suffix).map(([p, t, x]) => p + t + x) }, blank), { maxLength: 12 })
  .map((ls) => ls.join('\n'));
/** One paragraph dense in delimiter runs: the emphasis algorithm's corners. */
const run = fc.tuple(fc.constantFrom('*', '_'), fc.integer({ min: 1, max: 6 })).map(([c, n]) => c.repeat(n));
const paragraph = fc
  .array(
    fc.oneof(
      { weight: 5, arbitrary: run },
      { weight: 2, arbitrary: fc.constantFrom('a', 'b', 'é', '😀', '★') },
      { weight: 2, arbitrary: fc.constantFrom(' ', '.', '(', '`', '[', '](u)', '\\', '\\*', '\n', '  \n') },
    ),
    { maxLength: 40 },
  )
  .map((a) => a.join(''));

function agreesWhenItAnswers(gen: fc.Arbitrary<string>, minShare: number): void {
  let answered = 0;
  let total = 0;
  fc.assert(
    fc.property(gen, (md) => {
      total++;
      const fast = fastMarkdownToPlain(md);
      if (fast === undefined) return;
      answered++;
      expect(fast).toEqual(micromarkToPlain(md));
    }),
    { numRuns: runs(5) },
  );
  expect(answered / total).toBeGreaterThan(minShare);
}

describe('fuzz: fast Markdown reader', () => {
  it('answers as micromark does on Markdown-ish documents, for a good share of them', () => agreesWhenItAnswers(document, 0.2), TIMEOUT);
  it('answers as micromark does on block structure', () => agreesWhenItAnswers(outline, 0.4), TIMEOUT);
  it('answers as micromark does on delimiter-heavy paragraphs', () => agreesWhenItAnswers(paragraph, 0.7), TIMEOUT);
});
