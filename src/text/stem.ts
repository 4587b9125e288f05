// Porter stemming behind a cache: the stemmer is the slowest step per token, vocabularies are small.
import { porter } from './porter.js';

const cache = new Map<string, string>();
// Bounds the cache on pathological inputs (random strings) without hurting real vocabularies.
const CACHE_LIMIT = 400_000;

export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    s = porterStem(word);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(word, s);
  }
  return s;
}

/** The stem without the cache, for callers that keep their own (the tokenizer caches each word's forms). */
export function porterStem(word: string): string {
  // Possessives and elided endings match their base word: "baker's" → "baker".
  const base = word.endsWith("'s") ? word.slice(0, -2) : word;
  return base.length > 2 && /^[a-z']+$/.test(base) ? porter(base) : base;
}
