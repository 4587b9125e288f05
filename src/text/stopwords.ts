// Stopwords: excluded from topical statistics (distinctive terms, off-vocabulary), kept for the language model.
import { STOPWORDS } from './stopword-list.js';
import { stopStems } from './stop-stems.js';

export { STOPWORDS };

export function isStopword(norm: string): boolean {
  return STOPWORDS.has(norm);
}

const STOP_STEMS: ReadonlySet<string> = new Set(stopStems());

/** A stem that can carry a topic: not a stopword's stem, not a one-letter token, not a mention or number. */
export function isContentStem(s: string): boolean {
  return s.length > 1 && !STOP_STEMS.has(s) && s !== '@' && s !== '#';
}
