// Lists of words sorted by UTF-16 code units (Array.prototype.sort's order for strings), searched in place by
// binary search: the saved word counts and the prebuilt word tables are such lists, so nothing copies them into a
// Map at start-up.

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
 * A prebuilt word table (scripts/bundle.mjs writes these as JSON): the words sorted and joined by `\n`, and for
 * each word one character holding a small number (a score, the index of a list). Two strings parse in a fraction of
 * the time of an object with thousands of keys.
 */
export interface CodedWords {
  words: string;
  codes: string;
}

const CODE_ZERO = 'A'.charCodeAt(0);

/** The table of (word, number) entries; numbers are integers from 0 to 1,000. `what` names the source in errors. */
export function codedWords(entries: Iterable<readonly [string, number]>, what: string): CodedWords {
  const byWord = new Map(entries);
  const words = [...byWord.keys()].sort();
  let codes = '';
  for (const w of words) {
    const n = byWord.get(w)!;
    if (w.includes('\n') || !Number.isInteger(n) || n < 0 || n > 1000) throw new Error(`${what}: unexpected entry ${JSON.stringify(w)}: ${n}`);
    codes += String.fromCharCode(CODE_ZERO + n);
  }
  return { words: words.join('\n'), codes };
}

/** The table's words, and a word's number (-1 when the word is not in the table). */
export function readCodedWords(table: CodedWords): { words: string[]; numberOf(word: string): number } {
  const words = table.words.split('\n');
  return {
    words,
    numberOf: (word) => {
      const i = sortedIndexOf(words, word);
      return i === -1 ? -1 : table.codes.charCodeAt(i) - CODE_ZERO;
    },
  };
}
