// The `sentiment` package's AFINN-165 word list, emoji table and negators, in the form valence.ts looks them up.
// The prebuilt word tables (this one, the lexicons, the stopword stems) are kept because they pay: made at start-up
// instead (bench/replacements/tables-at-start-up.patch, `npm run bench:replacements`), `score` 11.9 % slower (14.3 % in an earlier run);
// test/text/sorted-words.test.ts, test/text/stopwords.test.ts and test/lexicons/emotion-table.test.ts keep them equal.
//
// Why a table of our own: JSON.parse of the package's word list (3,382 keys, each interned into one dictionary
// object) and emoji table took about 2 ms of every `score` run's start-up; one sorted string is searched in place
// (src/text/sorted-words.ts). The bundles (scripts/bundle.mjs) replace this module with one that reads the
// finished table from dist/bundle/tables.json, written by these same functions at build time.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { packagePath } from '../paths.js';
import { codedWords, type CodedWords } from './sorted-words.js';

/** AFINN scores are the integers -5…5; the table holds score + 5. */
export const SCORE_OFFSET = 5;

// The usual layout is tried first (one stat, against about 1 ms for a resolution), then Node's own resolution
// (an install that hoisted the package above this one).
function sentimentDir(): string {
  const own = packagePath('node_modules', 'sentiment');
  return existsSync(join(own, 'package.json')) ? own : dirname(createRequire(import.meta.url).resolve('sentiment/package.json'));
}

const readJson = (dir: string, path: string): Record<string, unknown> => JSON.parse(readFileSync(join(dir, path), 'utf8')) as Record<string, unknown>;

/** Each word with its score + SCORE_OFFSET. */
export function afinnTable(): CodedWords {
  const dir = sentimentDir();
  // The package merges the emoji table over the word list (Object.assign), so an emoji key wins.
  const merged = new Map<string, unknown>(Object.entries(readJson(dir, 'languages/en/labels.json')));
  for (const [k, v] of Object.entries(readJson(dir, 'build/emoji.json'))) merged.set(k, v);
  // A token is never empty, so an empty key could never score.
  const entries = [...merged].filter(([k]) => k.length > 0).map(([k, v]): [string, number] => [k, (v as number) + SCORE_OFFSET]);
  return codedWords(entries, 'sentiment word list');
}

/** Read as the package reads it: a plain object, so inherited names ("constructor") are truthy too. */
export function afinnNegators(): Record<string, unknown> {
  return readJson(sentimentDir(), 'languages/en/negators.json');
}
