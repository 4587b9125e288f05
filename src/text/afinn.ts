// The `sentiment` package's AFINN-165 word list, emoji table and negators, in the form valence.ts looks them up.
//
// Why a table of our own: JSON.parse of the package's word list (3,382 keys, each interned into one dictionary
// object) and emoji table took about 2 ms of every `score` run's start-up; splitting one sorted string takes
// about a third of a millisecond. The bundles (scripts/bundle.mjs) replace this module with one that reads the
// finished table from dist/bundle/afinn.txt, written by these same functions at build time.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packagePath } from '../paths.js';

/** Words sorted by UTF-16 code units and joined by `\n`; `scores[i]` is the score of word i as a character. */
export interface AfinnTable {
  words: string;
  scores: string;
}

/** The character that stands for a score: AFINN scores are the integers -5…5. */
export const SCORE_ZERO = 'f'.charCodeAt(0);

// The usual layout is tried first (one stat, against about 1 ms for a resolution), then Node's own resolution
// (an install that hoisted the package above this one).
function sentimentDir(): string {
  const own = packagePath('node_modules', 'sentiment');
  return existsSync(join(own, 'package.json')) ? own : dirname(createRequire(import.meta.url).resolve('sentiment/package.json'));
}

const readJson = (dir: string, path: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<string, unknown>;

export function afinnTable(): AfinnTable {
  const dir = sentimentDir();
  // The package merges the emoji table over the word list (Object.assign), so an emoji key wins.
  const merged = new Map<string, unknown>(Object.entries(readJson(dir, 'languages/en/labels.json')));
  for (const [k, v] of Object.entries(readJson(dir, 'build/emoji.json'))) merged.set(k, v);
  const words = [...merged.keys()].filter((k) => k.length > 0).sort();
  let scores = '';
  for (const w of words) {
    const v = merged.get(w);
    if (!Number.isInteger(v) || (v as number) < -5 || (v as number) > 5 || w.includes('\n')) throw new Error(`sentiment: unexpected word list entry ${JSON.stringify(w)}: ${String(v)}`);
    scores += String.fromCharCode(SCORE_ZERO + (v as number));
  }
  return { words: words.join('\n'), scores };
}

/** Read as the package reads it: a plain object, so inherited names ("constructor") are truthy too. */
export function afinnNegators(): Record<string, unknown> {
  return readJson(sentimentDir(), 'languages/en/negators.json');
}
