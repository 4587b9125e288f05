// Deterministic fold assignment by hash: the same keys and seed always give the same folds.
import { hashText } from '../community/hash.js';

/** A key's position in [0, 1) by its seeded hash (53 bits). */
export function hashUnit(key: string, seed = 0): number {
  return parseInt(hashText(key, seed), 16) / 2 ** 53;
}

/**
 * Fold (0…k−1) of each key: keys sorted by seeded hash and dealt round-robin, so folds differ in size by at
 * most one; equal keys (items of one thread) always land in the same fold.
 */
export function assignFolds(keys: readonly string[], k: number, seed = 0): number[] {
  const distinct = [...new Set(keys)];
  const h = new Map(distinct.map((key) => [key, hashText(key, seed)]));
  distinct.sort((a, b) => (h.get(a)! < h.get(b)! ? -1 : h.get(a)! > h.get(b)! ? 1 : a < b ? -1 : a > b ? 1 : 0));
  const fold = new Map(distinct.map((key, i) => [key, i % k]));
  return keys.map((key) => fold.get(key)!);
}
