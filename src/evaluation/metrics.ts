// Rank metrics for evaluating a reading against known outcomes: AUC, Spearman, pairwise (concordance) accuracy.

/** Average ranks (1-based), ties sharing the mean of the ranks they span. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const ranks = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1]] === values[order[i]]) j++;
    const r = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) ranks[order[k]] = r;
    i = j + 1;
  }
  return ranks;
}

/** Pearson correlation; NaN when either side is constant or there are fewer than 2 values. */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  if (n < 2 || y.length !== n) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i];
    my += y[i];
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? Number.NaN : sxy / Math.sqrt(sxx * syy);
}

/** Spearman rank correlation: Pearson on average ranks (the tie-corrected form). */
export function spearman(x: readonly number[], y: readonly number[]): number {
  return pearson(averageRanks(x), averageRanks(y));
}

/**
 * Area under the ROC curve of `positives` against `negatives` (Mann–Whitney U / (n₊ n₋)): the probability
 * that a random positive scores above a random negative, ties counting half. NaN when a side is empty.
 */
export function auc(positives: readonly number[], negatives: readonly number[]): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const ranks = averageRanks([...positives, ...negatives]);
  let sum = 0;
  for (let i = 0; i < positives.length; i++) sum += ranks[i];
  const p = positives.length;
  return (sum - (p * (p + 1)) / 2) / (p * negatives.length);
}

export interface PairCounts {
  /** Pairs ordered correctly, plus half of those the prediction ties. */
  correct: number;
  /** Pairs whose outcomes differ (pairs with tied outcomes say nothing about order). */
  pairs: number;
}

/**
 * Counts, over all pairs of items with different `truth`, how often `pred` orders them the same way
 * (ties in `pred` count half). O(n log n): items sorted by truth, predictions counted in a Fenwick tree.
 */
export function pairCounts(pred: readonly number[], truth: readonly number[]): PairCounts {
  const n = pred.length;
  if (n < 2) return { correct: 0, pairs: 0 };
  const predRank = denseRanks(pred);
  const size = Math.max(...predRank) + 1;
  const tree = new Float64Array(size + 1);
  const add = (i: number): void => {
    for (let k = i + 1; k <= size; k += k & -k) tree[k]++;
  };
  // Items inserted so far with dense prediction rank < i.
  const below = (i: number): number => {
    let s = 0;
    for (let k = i; k > 0; k -= k & -k) s += tree[k];
    return s;
  };
  const order = truth.map((_, i) => i).sort((a, b) => truth[a] - truth[b] || a - b);
  let correct = 0;
  let pairs = 0;
  let inserted = 0;
  for (let i = 0; i < n; ) {
    let j = i;
    while (j + 1 < n && truth[order[j + 1]] === truth[order[i]]) j++;
    // Every earlier-inserted item has strictly lower truth than this group.
    for (let k = i; k <= j; k++) {
      const r = predRank[order[k]];
      const lower = below(r);
      const equal = below(r + 1) - lower;
      correct += lower + equal / 2;
      pairs += inserted;
    }
    for (let k = i; k <= j; k++) add(predRank[order[k]]);
    inserted += j - i + 1;
    i = j + 1;
  }
  return { correct, pairs };
}

/**
 * pairCounts over a multiset of the items, given as how many times each is taken (`weights`), without building or
 * sorting the multiset: the items are sorted and ranked once. A bootstrap over all pairs calls it once per
 * resample. Copies of one item share its outcome, so they never pair with each other, as in pairCounts.
 */
export function weightedPairCounts(pred: readonly number[], truth: readonly number[]): (weights: ArrayLike<number>) => PairCounts {
  const n = pred.length;
  const sorted = truth.map((_, i) => i).sort((a, b) => truth[a] - truth[b] || a - b);
  const ranks = denseRanks(pred);
  const size = n ? Math.max(...ranks) + 1 : 0;
  // Items in truth order with their prediction ranks; where each run of equal truth ends.
  const order = Int32Array.from(sorted);
  const rankOf = Int32Array.from(sorted, (i) => ranks[i]);
  const runEnds: number[] = [];
  for (let i = 0; i < n; i++) if (i + 1 === n || truth[sorted[i + 1]] !== truth[sorted[i]]) runEnds.push(i + 1);
  // Fenwick tree of the weight inserted below each rank, and the weight at each rank itself (the ties).
  const tree = new Float64Array(size + 1);
  const atRank = new Float64Array(size);
  return (weights) => {
    tree.fill(0);
    atRank.fill(0);
    let correct = 0;
    let pairs = 0;
    let inserted = 0;
    let start = 0;
    for (let e = 0; e < runEnds.length; e++) {
      const end = runEnds[e];
      let added = 0;
      for (let k = start; k < end; k++) {
        const w = weights[order[k]];
        if (w === 0) continue;
        const r = rankOf[k];
        let lower = 0;
        for (let j = r; j > 0; j -= j & -j) lower += tree[j];
        correct += w * (lower + atRank[r] / 2);
        pairs += w * inserted;
        added += w;
      }
      for (let k = start; k < end; k++) {
        const w = weights[order[k]];
        if (w === 0) continue;
        const r = rankOf[k];
        atRank[r] += w;
        for (let j = r + 1; j <= size; j += j & -j) tree[j] += w;
      }
      inserted += added;
      start = end;
    }
    return { correct, pairs };
  };
}

function denseRanks(values: readonly number[]): number[] {
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  const index = new Map(sorted.map((v, i) => [v, i]));
  return values.map((v) => index.get(v)!);
}

/** Groups item indices by key (null keys: each item alone, so it forms no pairs). */
export function groupIndices(groups: readonly (string | null)[]): number[][] {
  const byKey = new Map<string, number[]>();
  const out: number[][] = [];
  groups.forEach((g, i) => {
    if (g === null) return;
    let list = byKey.get(g);
    if (!list) {
      byKey.set(g, (list = []));
      out.push(list);
    }
    list.push(i);
  });
  return out;
}

/** Pair counts within each group of indices, summed. */
export function groupedPairCounts(pred: readonly number[], truth: readonly number[], groups: readonly (readonly number[])[]): PairCounts {
  let correct = 0;
  let pairs = 0;
  for (const g of groups) {
    if (g.length < 2) continue;
    const c = pairCounts(
      g.map((i) => pred[i]),
      g.map((i) => truth[i]),
    );
    correct += c.correct;
    pairs += c.pairs;
  }
  return { correct, pairs };
}

/** Share of differently-scored pairs (within groups when given) that `pred` orders correctly; NaN without pairs. */
export function pairwiseAccuracy(pred: readonly number[], truth: readonly number[], groups?: readonly (readonly number[])[]): number {
  const c = groups ? groupedPairCounts(pred, truth, groups) : pairCounts(pred, truth);
  return c.pairs ? c.correct / c.pairs : Number.NaN;
}

/**
 * Position of the own entry among scores (1 = best), ties sharing the mid-rank; and the top-1 credit, split
 * evenly among tied leaders. Used for top-1 accuracy and mean reciprocal rank.
 */
export function ownRank(scores: readonly number[], own: number): { rank: number; top1: number } {
  let greater = 0;
  let equal = 0;
  for (let i = 0; i < scores.length; i++) {
    if (i === own) continue;
    if (scores[i] > scores[own]) greater++;
    else if (scores[i] === scores[own]) equal++;
  }
  return { rank: 1 + greater + equal / 2, top1: greater === 0 ? 1 / (1 + equal) : 0 };
}
