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
 * A prebuilt word table (scripts/bundle.mjs writes these as JSON): "\nword\tC" entries sorted by word, C a
 * character holding a small number (a score, the index of a list), searched in place with a native indexOf inside
 * the stretch of words that share the first character. One string parses in a fraction of the time of an object
 * with thousands of keys, and splitting it into an array for a binary search made thousands of strings at every
 * start-up (about 0.5 ms, and more for the garbage collector to copy). The words that start outside ASCII (emoji)
 * are a string of their own, so that one emoji does not make V8 hold, and search, the rest two bytes a character.
 */
export interface CodedWords {
  /** The entries of the words whose first UTF-16 unit is below 128. */
  entries: string;
  /** Where the words whose first unit is c begin in `entries`; `starts[128]` is its length. */
  starts: number[];
  /** The entries of the other words. */
  others: string;
}

const CODE_ZERO = 'A'.charCodeAt(0);
const ASCII = 128;

/** The table of (word, number) entries; numbers are integers from 0 to 1,000. `what` names the source in errors. */
export function codedWords(entries: Iterable<readonly [string, number]>, what: string): CodedWords {
  const byWord = new Map(entries);
  const words = [...byWord.keys()].sort();
  let text = '';
  let others = '';
  const starts: number[] = [];
  for (const w of words) {
    const n = byWord.get(w)!;
    if (w === '' || /[\n\t]/.test(w) || !Number.isInteger(n) || n < 0 || n > 1000) throw new Error(`${what}: unexpected entry ${JSON.stringify(w)}: ${n}`);
    const entry = `\n${w}\t${String.fromCharCode(CODE_ZERO + n)}`;
    const c = w.charCodeAt(0);
    if (c >= ASCII) {
      others += entry;
      continue;
    }
    while (starts.length <= c) starts.push(text.length);
    text += entry;
  }
  while (starts.length <= ASCII) starts.push(text.length);
  return { entries: text, starts, others };
}

/**
 * After this many lookups a table is read into a Map: a build looks up every distinct word of a community, most of
 * them absent, and each absent word searched its first character's whole stretch (up to tens of KB); a `score` run
 * looks up a few hundred and never pays for the Map.
 */
const MAP_AFTER = 2000;

/** A word's number in the table (-1 when the word is not in it), and the table's words in order. */
export function readCodedWords(table: CodedWords, mapAfter = MAP_AFTER): { numberOf(word: string): number; words(): string[] } {
  const { entries, starts, others } = table;
  // The stretch of each first character, cut out when first searched (a slice shares the table's characters), so
  // that a word the table lacks is not searched for to its end.
  const buckets: (string | undefined)[] = [];
  const lines = (): string[] => (entries + others).split('\n').slice(1);
  let asked = 0;
  let map: Map<string, number> | null = null;
  return {
    numberOf: (word) => {
      if (map === null && ++asked > mapAfter) map = new Map(lines().map((e) => [e.slice(0, -2), e.charCodeAt(e.length - 1) - CODE_ZERO]));
      if (map !== null) return map.get(word) ?? -1;
      const c = word.charCodeAt(0);
      const bucket = c < ASCII ? (buckets[c] ??= entries.slice(starts[c], starts[c + 1])) : others;
      const at = bucket.indexOf(`\n${word}\t`);
      return at === -1 ? -1 : bucket.charCodeAt(at + word.length + 2) - CODE_ZERO;
    },
    words: () => lines().map((e) => e.slice(0, -2)),
  };
}
