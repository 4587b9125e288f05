// The emotion lexicon's terms (emotion.json) as one sorted list of stems, searched in place.
//
// Why: JSON.parse of emotion.json's `terms` (1,238 keys interned into one dictionary object, each with its own array)
// took about 1 ms of every run's start-up. Here each stem has one character naming its list of emotions (23 distinct
// lists); the bundles (scripts/bundle.mjs) read the finished table from dist/bundle/emotion-table.json, written at
// build time by this same function.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { EmotionId } from '../types.js';
import type { Arousal, Valence } from './index.js';

export interface EmotionTable {
  categories: Record<EmotionId, { arousal: Arousal; valence: Valence }>;
  /** The stems (or emoji), sorted by UTF-16 code units and joined by `\n`. */
  stems: string;
  /** One character per stem: `A` + the index of its list in `lists`. */
  codes: string;
  lists: EmotionId[][];
}

export const FIRST_CODE = 'A'.charCodeAt(0);

export function emotionTable(): EmotionTable {
  const raw = JSON.parse(readFileSync(packagePath('src', 'lexicons', 'emotion.json'), 'utf8')) as {
    categories: EmotionTable['categories'];
    terms: Record<string, EmotionId[]>;
  };
  const stems = Object.keys(raw.terms).sort();
  const lists: EmotionId[][] = [];
  const index = new Map<string, number>();
  let codes = '';
  for (const stem of stems) {
    if (stem.includes('\n')) throw new Error(`emotion.json: a term holds a line break: ${JSON.stringify(stem)}`);
    const key = raw.terms[stem].join(',');
    let k = index.get(key);
    if (k === undefined) {
      k = lists.push(raw.terms[stem]) - 1;
      index.set(key, k);
    }
    codes += String.fromCharCode(FIRST_CODE + k);
  }
  return { categories: raw.categories, stems: stems.join('\n'), codes, lists };
}
