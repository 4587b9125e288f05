// Counts of stem pairs (the phrases of a profile) while building, keyed by the two stems' ids (see stem-counts.ts).
//
// Why ids in typed arrays: keyed by the stems themselves (a Map of second stems per first stem), counting a pair took
// two Map lookups and a Map write; here it is one hash of two integers and a probe of three flat arrays, with nothing
// for the garbage collector. Only toMap() builds the joined "first second" keys, once per distinct pair.
import { risingFloor } from './lossy-floor.js';

/** Empty slot marker in `firsts` (ids are non-negative). */
const EMPTY = -1;
/** Largest share of the slots in use before the table doubles (linear probing stays short below this). */
const MAX_LOAD = 0.5;

export class PairCounts {
  private firsts: Int32Array;
  private seconds: Int32Array;
  /** Float64: exact however large a count grows. */
  private counts: Float64Array;
  private mask: number;
  /** Distinct pairs held. */
  size = 0;

  constructor(capacity = 1024) {
    this.firsts = new Int32Array(capacity).fill(EMPTY);
    this.seconds = new Int32Array(capacity);
    this.counts = new Float64Array(capacity);
    this.mask = capacity - 1;
  }

  /** Counts one occurrence of the pair (first, second) of stem ids. */
  add(first: number, second: number): void {
    const mask = this.mask;
    const firsts = this.firsts;
    let slot = pairHash(first, second) & mask;
    for (;;) {
      const f = firsts[slot];
      if (f === EMPTY) break;
      if (f === first && this.seconds[slot] === second) {
        this.counts[slot]++;
        return;
      }
      slot = (slot + 1) & mask;
    }
    if (this.size + 1 > (mask + 1) * MAX_LOAD) {
      this.rebuild((mask + 1) * 2, 0, (id) => id);
      this.put(first, second, 1);
    } else {
      firsts[slot] = first;
      this.seconds[slot] = second;
      this.counts[slot] = 1;
    }
    this.size++;
  }

  /**
   * Lossy pruning: drops pairs counted at or below a floor that rises one at a time until at most `keep` remain.
   * Returns the new floor (recorded in the profile: counts below it are incomplete).
   */
  prune(keep: number, floor: number): number {
    const { floor: f } = risingFloor(this.size, keep, floor, (above) => {
      let n = 0;
      for (let i = 0; i <= this.mask; i++) if (this.firsts[i] !== EMPTY && this.counts[i] > above) n++;
      return n;
    });
    if (f > floor) this.rebuild(this.mask + 1, f, (id) => id);
    return f;
  }

  /** Calls `fn` with both stem ids of every pair held (stem-counts.ts keeps the ids that pairs use). */
  forEachId(fn: (id: number) => void): void {
    for (let i = 0; i <= this.mask; i++) {
      if (this.firsts[i] === EMPTY) continue;
      fn(this.firsts[i]);
      fn(this.seconds[i]);
    }
  }

  /** Renumbers the stems of every pair held (ids of stems that are compacted). */
  renumber(newId: (id: number) => number): void {
    this.rebuild(this.mask + 1, 0, newId);
  }

  /** The counts keyed "first second", by the stem of each id. */
  toMap(stemOf: (id: number) => string): Map<string, number> {
    const out = new Map<string, number>();
    for (let i = 0; i <= this.mask; i++) {
      if (this.firsts[i] !== EMPTY) out.set(stemOf(this.firsts[i]) + ' ' + stemOf(this.seconds[i]), this.counts[i]);
    }
    return out;
  }

  /** Re-inserts the pairs counted above `floor` into `capacity` slots, their ids mapped by `newId`. */
  private rebuild(capacity: number, floor: number, newId: (id: number) => number): void {
    const { firsts, seconds, counts } = this;
    this.firsts = new Int32Array(capacity).fill(EMPTY);
    this.seconds = new Int32Array(capacity);
    this.counts = new Float64Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let i = 0; i < firsts.length; i++) {
      if (firsts[i] === EMPTY || counts[i] <= floor) continue;
      this.put(newId(firsts[i]), newId(seconds[i]), counts[i]);
      this.size++;
    }
  }

  /** Writes a pair known to be absent, with room to spare. */
  private put(first: number, second: number, n: number): void {
    let slot = pairHash(first, second) & this.mask;
    while (this.firsts[slot] !== EMPTY) slot = (slot + 1) & this.mask;
    this.firsts[slot] = first;
    this.seconds[slot] = second;
    this.counts[slot] = n;
  }
}

/** Mixes two ids into 32 bits whose low bits (the ones the mask keeps) depend on both. */
function pairHash(first: number, second: number): number {
  let h = Math.imul(first, 0x9e3779b1) ^ second;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return h ^ (h >>> 13);
}
