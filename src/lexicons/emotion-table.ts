// The emotion lexicon's terms (emotion.json) as one sorted list of stems, searched in place.
//
// Why: JSON.parse of emotion.json's `terms` (1,238 keys interned into one dictionary object, each with its own array)
// took about 1 ms of every run's start-up. Here each stem carries the index of its list of emotions (23 distinct
// lists); the bundles (scripts/bundle.mjs) read the finished table from dist/bundle/tables.json, written at
// build time by this same function.
import type { EmotionId } from '../types.js';
import { codedWords, type CodedWords } from '../text/sorted-words.js';
import type { Arousal, Valence } from './index.js';
import { readLexicon } from './read-lexicon.js';

export interface EmotionTable {
  categories: Record<EmotionId, { arousal: Arousal; valence: Valence }>;
  /** Each stem (or emoji) with the index of its list in `lists`. */
  terms: CodedWords;
  lists: EmotionId[][];
}

export function emotionTable(): EmotionTable {
  const raw = readLexicon('emotion.json') as { categories: EmotionTable['categories']; terms: Record<string, EmotionId[]> };
  const lists: EmotionId[][] = [];
  const index = new Map<string, number>();
  const entries = Object.entries(raw.terms).map(([stem, emotions]): [string, number] => {
    const key = emotions.join(',');
    let k = index.get(key);
    if (k === undefined) {
      k = lists.push(emotions) - 1;
      index.set(key, k);
    }
    return [stem, k];
  });
  return { categories: raw.categories, terms: codedWords(entries, 'emotion.json'), lists };
}
