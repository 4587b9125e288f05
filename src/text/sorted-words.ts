// Lookup in a list of words sorted by UTF-16 code units (Array.prototype.sort's order for strings): the saved word
// counts and the prebuilt word tables are such lists, searched in place instead of copied into a Map at start-up.

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
