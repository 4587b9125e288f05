import { describe, expect, it } from 'vitest';
import { StemCounts } from '../../src/community/stem-counts.js';
import { flatForms } from '../../src/community/count-tables.js';
import type { WordEntry } from '../../src/community/profile-types.js';
import { openExport } from '../../src/input/read-export.js';
import { measureItem } from '../../src/text/measure.js';
import { isContentStem } from '../../src/text/stopwords.js';
import { isLanguageToken } from '../../src/text/tokenize.js';
import type { Token } from '../../src/types.js';

interface Item {
  sentences: Token[][];
  e: number | null;
}

async function crumbClub(): Promise<Item[]> {
  const opened = await openExport('fixtures/community/crumb-club.csv');
  const items: Item[] = [];
  for await (const row of opened.rows) {
    const score = Number(row.values.score);
    const measured = measureItem(String(row.values.body ?? ''));
    items.push({ sentences: measured.sentences.map((tokens) => tokens.filter(isLanguageToken)), e: Number.isFinite(score) ? score : null });
  }
  return items;
}

/** The Maps keyed by stem, form and joined pair that StemCounts replaced, pruned as they were. */
class MapCounts {
  words = new Map<string, { n: number[]; lastItem: number; forms: Map<string, number> | null }>();
  pairs = new Map<string, number>();
  wordFloor = 0;
  pairFloor = 0;

  count(t: Token, itemNo: number, e: number | null): void {
    let w = this.words.get(t.stem);
    if (!w) this.words.set(t.stem, (w = { n: [0, 0, 0, 0, 0], lastItem: 0, forms: isContentStem(t.stem) ? new Map() : null }));
    w.n[0]++;
    w.forms?.set(t.norm, (w.forms.get(t.norm) ?? 0) + 1);
    if (w.lastItem !== itemNo) {
      w.lastItem = itemNo;
      w.n[1]++;
      if (e !== null) {
        w.n[2]++;
        w.n[3] += e;
        w.n[4] += e * e;
      }
    }
  }

  prune<V>(map: Map<string, V>, keep: number, floor: number, count: (v: V) => number): number {
    let f = floor;
    while (map.size > keep) {
      f++;
      for (const [k, v] of map) if (count(v) <= f) map.delete(k);
    }
    return f;
  }

  table(): Map<string, WordEntry> {
    return new Map([...this.words].map(([stem, w]) => [stem, [...w.n, flatForms(w.forms)] as WordEntry]));
  }
}

/** Counts items into both, pruning to `keep` stems and pairs whenever twice that many are held. */
function countBoth(items: readonly Item[], counts: StemCounts, reference: MapCounts, keep: number, firstItemNo = 1): void {
  items.forEach((item, k) => {
    const itemNo = firstItemNo + k;
    for (const tokens of item.sentences) {
      const entries = tokens.map((t) => counts.count(t, itemNo, item.e));
      tokens.forEach((t) => reference.count(t, itemNo, item.e));
      for (let i = 1; i < tokens.length; i++) {
        if (!entries[i - 1].content || !entries[i].content) continue;
        counts.addPair(entries[i - 1], entries[i]);
        const key = tokens[i - 1].stem + ' ' + tokens[i].stem;
        reference.pairs.set(key, (reference.pairs.get(key) ?? 0) + 1);
      }
    }
    if (counts.size > 2 * keep) {
      const floor = reference.wordFloor;
      reference.wordFloor = reference.prune(reference.words, keep, floor, (w) => w.n[0]);
      expect(counts.pruneStems(keep, floor)).toBe(reference.wordFloor);
    }
    if (counts.pairCount > 2 * keep) {
      const floor = reference.pairFloor;
      reference.pairFloor = reference.prune(reference.pairs, keep, floor, (n) => n);
      expect(counts.prunePairs(keep, floor)).toBe(reference.pairFloor);
    }
    expect(counts.size).toBe(reference.words.size);
    expect(counts.pairCount).toBe(reference.pairs.size);
  });
}

describe('StemCounts', () => {
  it('counts stems, surface forms and pairs of real text as Maps keyed by them do, without pruning', async () => {
    const items = await crumbClub();
    const counts = new StemCounts();
    const reference = new MapCounts();
    countBoth(items, counts, reference, 1e9);
    expect(reference.pairs.size).toBeGreaterThan(1000);
    expect(counts.words()).toEqual(reference.table());
    expect(counts.bigrams()).toEqual(reference.pairs);
  });

  it('prunes and compacts as the Maps did, and counts on correctly after (stems coming back, stale slots)', async () => {
    const items = await crumbClub();
    for (const keep of [5, 40, 300]) {
      const counts = new StemCounts();
      const reference = new MapCounts();
      // Twice over, so that stems pruned in the first pass come back in the second.
      countBoth(items, counts, reference, keep);
      countBoth(items, counts, reference, keep, items.length + 1);
      expect(reference.wordFloor).toBeGreaterThan(0);
      expect(reference.pairFloor).toBeGreaterThan(0);
      expect(counts.words()).toEqual(reference.table());
      expect(counts.bigrams()).toEqual(reference.pairs);
    }
  });

  it('keeps two counters of one thread apart though they share the words’ slots', async () => {
    const items = await crumbClub();
    const half = Math.floor(items.length / 2);
    const [a, b] = [new StemCounts(), new StemCounts()];
    const [ra, rb] = [new MapCounts(), new MapCounts()];
    // Alternating item by item, so each counter finds slots the other one set.
    for (let k = 0; k < half; k++) {
      countBoth([items[k]], a, ra, 40, k + 1);
      countBoth([items[half + k]], b, rb, 1e9, k + 1);
    }
    expect(a.words()).toEqual(ra.table());
    expect(a.bigrams()).toEqual(ra.pairs);
    expect(b.words()).toEqual(rb.table());
    expect(b.bigrams()).toEqual(rb.pairs);
  });
});
