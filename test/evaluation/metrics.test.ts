// Rank metrics with hand-checked numbers on tiny inputs.
import { describe, expect, it } from 'vitest';
import { auc, averageRanks, groupIndices, groupedPairCounts, ownRank, pairCounts, pairwiseAccuracy, pearson, spearman } from '../../src/evaluation/metrics.js';

describe('ranks and correlations', () => {
  it('gives ties the mean of the ranks they span', () => {
    expect(averageRanks([10, 20, 20, 5])).toEqual([2, 3.5, 3.5, 1]);
  });
  it('computes Spearman as Pearson on ranks', () => {
    expect(spearman([1, 2, 3], [10, 20, 30])).toBeCloseTo(1, 12);
    expect(spearman([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    // ranks differ by 0, 1, 1, 0 → 1 − 6·2 / (4·(16 − 1)) = 0.8
    expect(spearman([1, 2, 3, 4], [1, 3, 2, 4])).toBeCloseTo(0.8, 12);
    // monotone but not linear: Spearman 1, Pearson below 1
    expect(spearman([1, 2, 3], [1, 10, 1000])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [1, 10, 1000])).toBeLessThan(1);
    expect(spearman([1, 1, 1], [1, 2, 3])).toBeNaN();
  });
});

describe('AUC', () => {
  it('is the share of positive–negative pairs ordered right, ties half', () => {
    expect(auc([3, 4], [1, 2])).toBe(1);
    // (1,2) wrong, (1,4) wrong, (3,2) right, (3,4) wrong → 1/4
    expect(auc([1, 3], [2, 4])).toBe(0.25);
    // (2,2) tie ½, (2,1), (3,2), (3,1) right → 3.5/4
    expect(auc([2, 3], [2, 1])).toBe(0.875);
    expect(auc([], [1])).toBeNaN();
  });
});

describe('pairwise accuracy', () => {
  it('counts pairs with different outcomes; prediction ties count half', () => {
    expect(pairCounts([1, 2, 3], [1, 2, 3])).toEqual({ correct: 3, pairs: 3 });
    // (0,1) tied prediction ½, (0,2) and (1,2) right → 2.5 of 3
    expect(pairCounts([1, 1, 3], [1, 2, 3])).toEqual({ correct: 2.5, pairs: 3 });
    // outcomes 1, 1, 2: only (0,2) and (1,2) are pairs; 3 > 2 is wrong, 1 < 2 is right
    expect(pairCounts([3, 1, 2], [1, 1, 2])).toEqual({ correct: 1, pairs: 2 });
  });
  it('agrees with counting every pair by hand', () => {
    const pred = [0.3, 0.1, 0.9, 0.1, 0.5, 0.7, 0.2];
    const truth = [2, 1, 5, 3, 3, 0, 2];
    let correct = 0;
    let pairs = 0;
    for (let i = 0; i < pred.length; i++) {
      for (let j = i + 1; j < pred.length; j++) {
        if (truth[i] === truth[j]) continue;
        pairs++;
        const hi = truth[i] > truth[j] ? i : j;
        const lo = hi === i ? j : i;
        correct += pred[hi] > pred[lo] ? 1 : pred[hi] === pred[lo] ? 0.5 : 0;
      }
    }
    expect(pairCounts(pred, truth)).toEqual({ correct, pairs });
  });
  it('pairs only within groups', () => {
    const groups = groupIndices(['q1', 'q1', 'q2', 'q2', null]);
    expect(groups).toEqual([
      [0, 1],
      [2, 3],
    ]);
    // q1 ordered right, q2 wrong; items of different questions are never compared
    expect(groupedPairCounts([1, 2, 2, 1, 9], [1, 2, 1, 2, 0], groups)).toEqual({ correct: 1, pairs: 2 });
    expect(pairwiseAccuracy([1, 2, 2, 1, 9], [1, 2, 1, 2, 0], groups)).toBe(0.5);
  });
});

describe('own rank', () => {
  it('uses the mid-rank for ties and splits the top-1 credit', () => {
    expect(ownRank([0.1, 0.5, 0.3], 1)).toEqual({ rank: 1, top1: 1 });
    expect(ownRank([0.1, 0.5, 0.5], 1)).toEqual({ rank: 1.5, top1: 0.5 });
    expect(ownRank([0.9, 0.5, 0.7], 1)).toEqual({ rank: 3, top1: 0 });
  });
});
