// The calibration sample measured as a draft is, and its engagement design's term part, through stem ids.
//
// Why not logRatio and termEngagement once per item, and a Map of stems per thread for the design: those looked
// every token's stem up in two or three Maps (the counts, the background, the left-out counts); over a build's 2,000
// items of up to 400 stems that was most of its model and calibration stage. Here each distinct stem of the sample
// is looked up once (SampleIndex), and the items read arrays by stem id. The sums are the same terms added in the
// same order, so the same numbers to the last bit (test/community/sample-measures.test.ts holds them equal to the
// item-by-item computations).
import type { WordEntry } from './profile-types.js';
import { groupIndices } from '../evaluation/metrics.js';

/** The sample's stems as ids, with what the measures read of each stem looked up once. */
export class SampleIndex {
  /** Per sample item, its stems in order, as ids. */
  readonly items: Int32Array[];
  /** Per id: the community's counts of the stem (undefined: the profile does not hold it). */
  readonly entries: (WordEntry | undefined)[] = [];
  /** Per id: the stem. */
  readonly stems: string[] = [];
  /** Per id: 1 for a content stem. */
  readonly content: Uint8Array;

  constructor(stems: readonly (readonly string[])[], entry: (stem: string) => WordEntry | undefined, isContent: (stem: string) => boolean) {
    const idOf = new Map<string, number>();
    // Loops, not Int32Array.from with a mapping function, which V8 runs far more slowly.
    this.items = stems.map((list) => {
      const ids = new Int32Array(list.length);
      for (let k = 0; k < list.length; k++) {
        let id = idOf.get(list[k]);
        if (id === undefined) {
          idOf.set(list[k], (id = this.stems.length));
          this.stems.push(list[k]);
          this.entries.push(entry(list[k]));
        }
        ids[k] = id;
      }
      return ids;
    });
    this.content = new Uint8Array(this.stems.length);
    for (let id = 0; id < this.stems.length; id++) if (isContent(this.stems[id])) this.content[id] = 1;
  }

  get size(): number {
    return this.stems.length;
  }
}

/** What the calibration measures read of the community (a CommunityModel provides all of it). */
export interface SampleLookups {
  /** Language tokens the community's counts hold. */
  tokens: number;
  /** Distinct stems the counts hold. */
  stems: number;
  /** The stem's probability in general English. */
  prob(stem: string): number;
  /** Whether term engagement sums effects (a community without engagement counts content tokens only). */
  hasEngagement: boolean;
  /** A stem's engagement effect, its item's log-engagement `leaveOut` taken out (termEffect). */
  effect(entry: WordEntry | undefined, leaveOut: number | null): number;
}

export interface SampleMeasure {
  llrSum: number;
  llrN: number;
  engSum: number;
  engN: number;
}

/** Distinct stem ids with their counts: what is left out of the community's counts. */
interface LeftOut {
  ids: Int32Array;
  counts: Int32Array;
  tokens: number;
}

/**
 * Each sample item's language log ratio (logRatio) with its whole thread left out of the counts, as far as the
 * sample holds it (`threads`: each item's thread), and its term engagement (termEngagement) with its own
 * log-engagement (`engagement`) left out.
 */
export function measureSample(index: SampleIndex, threads: readonly (string | null)[], engagement: readonly (number | null)[], c: SampleLookups): SampleMeasure[] {
  const size = index.size;
  const count = new Float64Array(size);
  const held = new Uint8Array(size);
  const pBg = new Float64Array(size);
  const logBg = new Float64Array(size);
  for (let id = 0; id < size; id++) {
    const entry = index.entries[id];
    count[id] = entry?.[0] ?? 0;
    held[id] = entry !== undefined ? 1 : 0;
    pBg[id] = c.prob(index.stems[id]);
    logBg[id] = Math.log(pBg[id]);
  }
  const { items, content, entries } = index;
  const scratch = new Int32Array(size);
  const leftOut = (members: readonly number[]): LeftOut => {
    const ids: number[] = [];
    let tokens = 0;
    for (const m of members) {
      for (const id of items[m]) if (scratch[id]++ === 0) ids.push(id);
      tokens += items[m].length;
    }
    const out = { ids: Int32Array.from(ids), counts: new Int32Array(ids.length), tokens };
    for (let k = 0; k < ids.length; k++) {
      out.counts[k] = scratch[ids[k]];
      scratch[ids[k]] = 0;
    }
    return out;
  };
  // An item in a thread of two or more sample items leaves out the whole thread; any other item, itself.
  const byThread = new Map<string, LeftOut>();
  for (const group of groupIndices(threads)) if (group.length > 1) byThread.set(threads[group[0]]!, leftOut(group));

  const leave = new Int32Array(size);
  return items.map((ids, i) => {
    const out = (threads[i] !== null && byThread.get(threads[i]!)) || leftOut([i]);
    const N = c.tokens - out.tokens;
    let T = c.stems;
    for (let k = 0; k < out.ids.length; k++) {
      const id = out.ids[k];
      leave[id] = out.counts[k];
      if (held[id] === 1 && count[id] - out.counts[k] <= 0) T--;
    }
    let llrSum = 0;
    let engSum = 0;
    let engN = 0;
    const e = engagement[i];
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      const cw = Math.max(0, count[id] - leave[id]);
      llrSum += N + T > 0 ? Math.log((cw + T * pBg[id]) / (N + T)) - logBg[id] : 0;
      if (content[id] === 0) continue;
      engN++;
      if (c.hasEngagement) engSum += c.effect(entries[id], e);
    }
    for (let k = 0; k < out.ids.length; k++) leave[out.ids[k]] = 0;
    return { llrSum, llrN: ids.length, engSum, engN };
  });
}

/**
 * The engagement design's term part of each rated item (`rated`: sample indices, whose `engagement` is not null):
 * the mean over its content tokens of the stem's effect with the item's whole thread left out, as far as the rated
 * sample holds it (`effect(entry, summed log-engagement, items)`: termEffect). In a thread of two or more rated
 * items, a stem's left-out items are those of the thread that use it; otherwise the item alone.
 */
export function designTerms(
  index: SampleIndex,
  rated: readonly number[],
  threads: readonly (string | null)[],
  engagement: readonly (number | null)[],
  effect: (entry: WordEntry | undefined, leaveOut: number, items: number) => number,
): number[] {
  const { items, content, entries } = index;
  const users = new Int32Array(index.size);
  const summed = new Float64Array(index.size);
  // The last member that counted a stem (plus one), so each member counts a stem once.
  const counted = new Int32Array(index.size);
  const out = new Array<number>(rated.length).fill(0);
  const term = (r: number, shared: boolean): void => {
    const ids = items[rated[r]];
    const e = engagement[rated[r]]!;
    let sum = 0;
    let tokens = 0;
    for (let k = 0; k < ids.length; k++) {
      const id = ids[k];
      if (content[id] === 0) continue;
      tokens++;
      sum += shared ? effect(entries[id], summed[id], users[id]) : effect(entries[id], e, 1);
    }
    out[r] = tokens ? sum / tokens : 0;
  };
  const inGroup = new Uint8Array(rated.length);
  for (const group of groupIndices(rated.map((i) => threads[i]))) {
    if (group.length < 2) continue;
    for (const r of group) {
      inGroup[r] = 1;
      for (const id of items[rated[r]]) {
        if (counted[id] === r + 1) continue;
        counted[id] = r + 1;
        users[id]++;
        summed[id] += engagement[rated[r]]!;
      }
    }
    for (const r of group) term(r, true);
    for (const r of group) for (const id of items[rated[r]]) users[id] = summed[id] = counted[id] = 0;
  }
  for (let r = 0; r < rated.length; r++) if (inGroup[r] === 0) term(r, false);
  return out;
}
