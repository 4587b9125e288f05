// A profile's word counts, read by stem on demand.
//
// Why not a Map of every stem: scoring one draft looks up a few hundred stems, and a Map of a real community's
// 30,000 (and their entries) cost each `score` more to build than the lookups cost. The stems are sorted, so a
// lookup is a binary search; each stem's entry is made once, when first asked for.
import { wordEntryAt } from './count-tables.js';
import type { WordEntry, WordTable } from './profile-types.js';
import { sortedIndexOf } from '../text/sorted-words.js';

export class WordCounts {
  private readonly found = new Map<string, WordEntry | null>();

  constructor(private readonly table: WordTable) {}

  get size(): number {
    return this.table.stems.length;
  }

  get(stem: string): WordEntry | undefined {
    let entry = this.found.get(stem);
    if (entry === undefined) {
      const i = this.indexOf(stem);
      entry = i < 0 ? null : wordEntryAt(this.table, i);
      this.found.set(stem, entry);
    }
    return entry ?? undefined;
  }

  has(stem: string): boolean {
    return this.get(stem) !== undefined;
  }

  /** Every stem in code-unit order, as Map.prototype.forEach passes them. */
  forEach(fn: (entry: WordEntry, stem: string) => void): void {
    for (let i = 0; i < this.table.stems.length; i++) fn(wordEntryAt(this.table, i), this.table.stems[i]);
  }

  private indexOf(stem: string): number {
    return sortedIndexOf(this.table.stems, stem);
  }
}
