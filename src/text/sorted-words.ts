// Lists of words sorted by UTF-16 code units (Array.prototype.sort's order for strings), searched in place: the
// saved word counts by binary search, the prebuilt word tables by their first characters. Nothing copies them into
// a Map at start-up.

/** The index of `word` in `words`, or -1. */
export function sortedIndexOf(words: readonly string[], word: string): number {
  let lo = 0;
  let hi = words.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const w = words[mid];
    if (w === word) return mid;
    if (w < word) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * A prebuilt word table (scripts/bundle.mjs writes these as JSON): one string of "\nword\tC" entries sorted by
 * word, C a character holding a small number (a score, the index of a list), searched in place with a native
 * indexOf inside the stretch of words that share the first character. One string parses in a fraction of the time
 * of an object with thousands of keys, and splitting it into an array for a binary search made thousands of strings
 * at every start-up (about 0.5 ms, and more for the garbage collector to copy).
 */
export interface CodedWords {
  entries: string;
  /**
   * Where the words whose first UTF-16 unit is c begin in `entries`: `starts[c]` for c below 128, `starts[128]`
   * for any other first unit; `starts[129]` is the length of `entries`.
   */
  starts: number[];
}

const CODE_ZERO = 'A'.charCodeAt(0);
const OTHER = 128;

const bucketOf = (word: string): number => {
  const c = word.charCodeAt(0);
  return c < OTHER ? c : OTHER;
};

/** The table of (word, number) entries; numbers are integers from 0 to 1,000. `what` names the source in errors. */
export function codedWords(entries: Iterable<readonly [string, number]>, what: string): CodedWords {
  const byWord = new Map(entries);
  const words = [...byWord.keys()].sort();
  let text = '';
  const starts: number[] = [];
  for (const w of words) {
    const n = byWord.get(w)!;
    if (w === '' || /[\n\t]/.test(w) || !Number.isInteger(n) || n < 0 || n > 1000) throw new Error(`${what}: unexpected entry ${JSON.stringify(w)}: ${n}`);
    while (starts.length <= bucketOf(w)) starts.push(text.length);
    text += `\n${w}\t${String.fromCharCode(CODE_ZERO + n)}`;
  }
  while (starts.length <= OTHER + 1) starts.push(text.length);
  return { entries: text, starts };
}

/** A word's number in the table (-1 when the word is not in it), and the table's words in order. */
export function readCodedWords(table: CodedWords): { numberOf(word: string): number; words(): string[] } {
  const { entries, starts } = table;
  // The stretch of each first character, cut out when first searched (a slice shares the table's characters), so
  // that a word the table lacks is not searched for to its end.
  const buckets: (string | undefined)[] = [];
  return {
    numberOf: (word) => {
      const b = bucketOf(word);
      const bucket = (buckets[b] ??= entries.slice(starts[b], starts[b + 1]));
      const at = bucket.indexOf(`\n${word}\t`);
      return at === -1 ? -1 : bucket.charCodeAt(at + word.length + 2) - CODE_ZERO;
    },
    words: () => entries.split('\n').slice(1).map((e) => e.slice(0, -2)),
  };
}
