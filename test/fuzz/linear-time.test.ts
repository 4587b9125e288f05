// Regular expressions and scanners on pathological input (long runs of one character, nested punctuation, no spaces)
// must do linear work. The test bounds how time grows with input size, not the time itself: work on 4n characters
// must take well under 16× (quadratic) the work on n; linear is 4×, and the bound of 8× leaves room for noise.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/text/tokenize.js';
import { displayLine, stripMarkup } from '../../src/text/normalize.js';
import { CsvRecordSplitter } from '../../src/input/csv-records.js';
import { splitSentences } from '../../src/text/sentences.js';
import { parseDraft, simpleFrontMatter } from '../../src/input/read-draft.js';

const N = 40_000;
/** Linear work grows 4× from n to 4n and quadratic 16×; the bound leaves room for noise. */
const BOUND = 8;
const PATTERNS: Record<string, (n: number) => string> = {
  letters: (n) => 'a'.repeat(n),
  spaces: (n) => 'a' + ' '.repeat(n) + 'b',
  newlines: (n) => 'a' + '\n'.repeat(n) + 'b',
  questions: (n) => '?'.repeat(n),
  dots: (n) => '.'.repeat(n),
  'question-space': (n) => '? '.repeat(n / 2) + 'x',
  'dot-space': (n) => 'A. '.repeat(n / 3),
  quotes: (n) => '"'.repeat(n),
  commas: (n) => ','.repeat(n),
  apostrophes: (n) => "a'".repeat(n / 2),
  hashes: (n) => '#'.repeat(n),
  mentions: (n) => '@'.repeat(n),
  url: (n) => 'http://' + 'a'.repeat(n),
  digits: (n) => '1.'.repeat(n / 2),
  escapes: (n) => '\u001b['.repeat(n / 2),
  osc: (n) => '\u001b]'.repeat(n / 2),
  'esc-params': (n) => ('\u001b[' + '0'.repeat(60)).repeat(n / 62),
  marks: (n) => 'e\u0301'.repeat(n / 2),
  emoji: (n) => '😀\u200d'.repeat(n / 3),
  brackets: (n) => '['.repeat(n / 2) + ']'.repeat(n / 2),
  stars: (n) => '*_'.repeat(n / 2),
  'front-matter-ish': (n) => '---\n' + '-'.repeat(n),
  'star-letter': (n) => '*a'.repeat(n / 2),
  'bracket-letter': (n) => '[a'.repeat(n / 2),
  'link-ish': (n) => '[a]('.repeat(n / 4),
  'tag-ish': (n) => '<a '.repeat(n / 3),
  entities: (n) => '&#x'.repeat(n / 3),
  'backtick-runs': (n) => Array.from({ length: Math.sqrt(2 * n) }, (_, k) => '`'.repeat(k + 1)).join(' '),
  'backtick-pairs': (n) => '``a`'.repeat(n / 4),
  headings: (n) => '# a\n'.repeat(n / 4),
  'empty-headings': (n) => 'a.\n' + '#\n'.repeat(n / 2),
};

function time(f: () => void): number {
  const samples: number[] = [];
  // The fastest of a few runs: other load on the machine only ever adds time, so the minimum is the least noisy.
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    f();
    samples.push(performance.now() - t);
  }
  return Math.min(...samples);
}

/**
 * Ratio of the time on 4n to the time on n (with a floor so that sub-millisecond noise cannot decide). A ratio over
 * the bound is measured again, up to twice, and the lowest ratio counts: a busy machine (a GC pause, another
 * process on the core) inflates one measurement, while quadratic work exceeds the bound on every one.
 */
function growth(f: (s: string) => unknown, make: (n: number) => string): number {
  const small = make(N);
  const large = make(4 * N);
  f(small); // warm up
  let best = Infinity;
  for (let attempt = 0; attempt < 3 && best > BOUND; attempt++) {
    best = Math.min(best, time(() => f(large)) / Math.max(time(() => f(small)), 5));
  }
  return best;
}


const TARGETS: Record<string, (s: string) => unknown> = {
  tokenize: (s) => tokenize(s),
  displayLine: (s) => displayLine(s, 1e9),
  splitSentences: (s) => splitSentences(s),
  stripMarkup: (s) => stripMarkup(s),
  frontMatterValue: (s) => simpleFrontMatter('title: ' + s),
  // The whole draft reader (markdown, sentences, measuring) is slower per character: a quarter of the input
  // keeps the 4× ratio between the two sizes and the suite fast.
  markdownDraft: (s) => {
    try {
      return parseDraft(s.slice(0, s.length / 4) + '\n\nword', 'x.md', true);
    } catch {
      return null;
    }
  },
  csvSplitter: (s) => {
    let n = 0;
    const splitter = new CsvRecordSplitter(',', () => n++, () => n++, 4096);
    for (let i = 0; i < s.length; i += 1000) splitter.write(s.slice(i, i + 1000));
    splitter.end();
    return n;
  },
};

describe('linear work on pathological input', () => {
  for (const [target, f] of Object.entries(TARGETS)) {
    it(target, () => {
      const slow: string[] = [];
      for (const [name, make] of Object.entries(PATTERNS)) {
        const g = growth(f, make);
        if (g > BOUND) slow.push(`${name}: ×${g.toFixed(1)}`);
      }
      expect(slow).toEqual([]);
    }, 60_000);
  }

  it('csvSplitter on quote patterns that keep a quote open across lines', () => {
    const split = (s: string): number => TARGETS.csvSplitter(s) as number;
    for (const make of [(n: number) => '"x""y\n'.repeat(n / 6), (n: number) => 'a,b\n1,"x\n' + 'a""b\n'.repeat(n / 5), (n: number) => '"""'.repeat(n / 3), (n: number) => ('"' + '""'.repeat(50) + '\n').repeat(n / 102)]) {
      expect(growth(split, make)).toBeLessThan(BOUND);
    }
  });
});
