import { describe, expect, it } from 'vitest';
import { HashSet, hashNumber } from '../../src/community/hash.js';

describe('HashSet', () => {
  it('agrees with a Set on many values, including values that share a shard and near the 2^53 limit', () => {
    const set = new HashSet();
    const reference = new Set<number>();
    const values: number[] = [];
    for (let i = 0; i < 60_000; i++) values.push(hashNumber(`row ${i % 45_000}`));
    for (let i = 0; i < 3000; i++) values.push(i * 256, 2 ** 53 - 1 - i * 256, 7 + i * 256);
    for (const v of values) {
      expect(set.add(v)).toBe(!reference.has(v));
      reference.add(v);
    }
    expect(set.size).toBe(reference.size);
    for (const v of [...reference].slice(0, 5000)) expect(set.add(v)).toBe(false);
    expect(set.size).toBe(reference.size);
  });
});
