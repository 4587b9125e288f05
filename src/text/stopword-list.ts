// The stopword list: natural's English list and the contractions and fillers it lacks. Its own module so that
// stop-stems.ts can stem it without importing stopwords.ts (which imports those stems).
import { words as naturalStopwords } from 'natural/lib/natural/util/stopwords.js';

// Contractions and chat fillers that natural's list lacks; they carry no topic.
const EXTRA = [
  "i'm", "i've", "i'd", "i'll", "it's", "that's", "there's", "they're", "we're", "we've", "you're", "you've",
  "don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "can't", "won't", "wouldn't", "couldn't", "shouldn't",
  "let's", 'just', 'really', 'also', 'even', 'one', 'yes', 'yeah', 'ok', 'okay', 'thing', 'things', 'lot', 'bit',
  'get', 'gets', 'getting', 'go', 'going', 'know', 'think', 'want', 'use', 'used', 'im', 'ive', 'dont', 'cant',
  'will', 'shall', 'may', 'us', 'i', 'a', 'anyone', 'something', 'anything', 'everything', 'every', 'back',
  'first', 'time', 'new', 'good', 'day', 'make', 'made', 'put', 'try', 'tried', 'say', 'look',
];

export const STOPWORDS: ReadonlySet<string> = new Set([...naturalStopwords, ...EXTRA]);
