// How well a prediction orders items by engagement, the way `resonate backtest` measures it: within threads when
// the items share threads (same topic, same moment), else over all pairs; pairwise accuracy with a bootstrap
// interval over threads (or items); and the verdict on whether that supports a reading at all. The backtest and
// the engagement dimension's own check of the community's history (model.ts) both use it, so a report's
// "no reliable reading" and the backtest's say the same thing for the same reason.
import { groupedPairCounts, pairCounts, spearman, weightedPairCounts, type PairCounts } from './metrics.js';
import { bootstrapInterval, bootstrapWeighted, type Interval } from './bootstrap.js';
import { pct } from '../wording.js';

export interface Pairing {
  /** 'thread': pairs within the same thread; 'all': all pairs of items. */
  pairing: 'thread' | 'all';
  /** Bootstrap units: threads of two or more items, or single items. */
  units: number[][];
  /** Pairs with different engagement that the accuracy counts. */
  pairs: number;
  threads: number | null;
}

/**
 * `resonate backtest`'s defaults: folds, seed (of the folds and the bootstrap) and bootstrap resamples. The
 * engagement dimension's own check of a community's history (model.ts) uses them too, so the two judge alike.
 */
export const BACKTEST_DEFAULTS = { folds: 5, seed: 1, resamples: 1000 } as const;

/** Pairing keys: an item's thread, or a key of its own when it has none (so it pairs across, never within). */
export const threadKeys = (threads: readonly (string | null)[]): string[] => threads.map((t, i) => (t !== null ? `t:${t}` : `i:${i}`));

/** Fewer pairs with different engagement than this and no ordering of them is a reading. */
export const MIN_PAIRS = 30;

/** How items pair up: by key (thread, or a key of its own per item); within threads when any thread has a pair. */
export function pairingOf(truth: readonly number[], keys: readonly string[]): Pairing {
  const byKey = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  const threadGroups = [...byKey.values()].filter((g) => g.length > 1);
  const threadPairs = groupedPairCounts(truth, truth, threadGroups).pairs;
  if (threadPairs > 0) return { pairing: 'thread', units: threadGroups, pairs: threadPairs, threads: threadGroups.length };
  return { pairing: 'all', units: truth.map((_, i) => [i]), pairs: pairCounts(truth, truth).pairs, threads: null };
}

/** Share of the pairing's pairs that `pred` orders like `truth` (ties half), over the given units. */
export function orderedShare(pred: readonly number[], truth: readonly number[], p: Pairing, units: readonly (readonly number[])[] = p.units): number {
  const c = p.pairing === 'thread' ? groupedPairCounts(pred, truth, units) : pairCounts(...pick(pred, truth, units.flat()));
  return c.pairs ? c.correct / c.pairs : Number.NaN;
}

/** Pairwise accuracy and its bootstrap interval (seeded: the same data and seed give the same interval). */
export function pairwiseResult(pred: readonly number[], truth: readonly number[], p: Pairing, boot: { resamples: number; seed: number }): { pairwise: number; pairwiseInterval: Interval } {
  if (p.pairing === 'all') {
    // Each unit is one item: a resample is how many times each item was drawn (the same draws, the same shares).
    const items = p.units.map((u) => u[0]);
    const counts = weightedPairCounts(...pick(pred, truth, items));
    const share = (weights: Uint32Array): number => {
      const c = counts(weights);
      return c.pairs ? c.correct / c.pairs : Number.NaN;
    };
    return { pairwise: orderedShare(pred, truth, p), pairwiseInterval: bootstrapWeighted(items.length, share, boot) };
  }
  // Within threads the counts add up thread by thread: count each thread once and resample the counts (the same
  // draws and sums as counting each resampled thread again, without re-sorting it a thousand times).
  const counts = p.units.map((g) => groupedPairCounts(pred, truth, [g]));
  const share = (cs: readonly PairCounts[]): number => {
    let correct = 0;
    let pairs = 0;
    for (let i = 0; i < cs.length; i++) {
      correct += cs[i].correct;
      pairs += cs[i].pairs;
    }
    return pairs ? correct / pairs : Number.NaN;
  };
  return { pairwise: share(counts), pairwiseInterval: bootstrapInterval(counts, share, boot) };
}

/** Spearman's correlation over the pairing's items and its bootstrap interval. */
export function spearmanResult(pred: readonly number[], truth: readonly number[], p: Pairing, boot: { resamples: number; seed: number }): { spearman: number; spearmanInterval: Interval } {
  const rho = (units: readonly (readonly number[])[]): number => spearman(...pick(pred, truth, units.flat()));
  return { spearman: rho(p.units), spearmanInterval: bootstrapInterval(p.units, rho, boot) };
}

function pick(pred: readonly number[], truth: readonly number[], idx: readonly number[]): [number[], number[]] {
  return [idx.map((i) => pred[i]), idx.map((i) => truth[i])];
}

/** "same-thread pairs" or "pairs of items". */
export const pairsWhat = (p: Pick<Pairing, 'pairing'>): string => (p.pairing === 'thread' ? 'same-thread pairs' : 'pairs of items');

/**
 * Why an ordering is no reliable reading, or null when it is one: too few pairs to tell, or a 95% interval that
 * reaches down to chance (50%) or below.
 */
export function noReliableReading(r: { pairwise: number; pairwiseInterval: Interval }, p: Pick<Pairing, 'pairing' | 'pairs'>): string | null {
  if (p.pairs < MIN_PAIRS) return `only ${p.pairs} ${pairsWhat(p)} with different engagement in its history (at least ${MIN_PAIRS} are needed to tell)`;
  if (!Number.isFinite(r.pairwise) || !(r.pairwiseInterval.low > 0.5)) {
    return `on its own history it orders ${pairsWhat(p)} correctly ${pct(r.pairwise)} of the time (${pct(r.pairwiseInterval.low)}–${pct(r.pairwiseInterval.high)}), which is chance`;
  }
  return null;
}
