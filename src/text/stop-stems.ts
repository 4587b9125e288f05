// The stems of the stopwords, which isContentStem leaves out. A module of its own so that the bundles prebuild it
// (scripts/bundle.mjs): stemming the ~300 words at start-up, cold, was about half a millisecond of every run.
import { stem } from './stem.js';
import { STOPWORDS } from './stopword-list.js';

export function stopStems(): string[] {
  return [...new Set([...STOPWORDS].map((w) => stem(w)))].sort();
}
