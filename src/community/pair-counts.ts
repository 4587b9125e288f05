// Counts of stem pairs (the phrases of a profile) while building, keyed by the first stem and then the second.
//
// Why not one Map keyed by "first second": every pair counted made that key, a new string that had to be flattened
// and hashed for the lookup. The stems are the tokenizer's interned strings, whose hashes V8 keeps, so two lookups
// cost less than one made key. Only finish() builds the joined keys, once per distinct pair.

export class PairCounts {
  private readonly byFirst = new Map<string, Map<string, number>>();
  /** Distinct pairs held. */
  size = 0;

  add(first: string, second: string): void {
    let seconds = this.byFirst.get(first);
    if (seconds === undefined) {
      seconds = new Map();
      this.byFirst.set(first, seconds);
    }
    const n = seconds.get(second);
    if (n === undefined) {
      seconds.set(second, 1);
      this.size++;
    } else seconds.set(second, n + 1);
  }

  /**
   * Lossy pruning, as pruneMap does for a flat map: drops pairs counted at or below a rising floor until at most
   * `keep` remain. Returns the new floor.
   */
  prune(keep: number, floor: number): number {
    let f = floor;
    while (this.size > keep) {
      f++;
      for (const [first, seconds] of this.byFirst) {
        for (const [second, n] of seconds) {
          if (n <= f) {
            seconds.delete(second);
            this.size--;
          }
        }
        if (seconds.size === 0) this.byFirst.delete(first);
      }
    }
    return f;
  }

  /** The counts keyed "first second". */
  toMap(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [first, seconds] of this.byFirst) for (const [second, n] of seconds) out.set(first + ' ' + second, n);
    return out;
  }
}
