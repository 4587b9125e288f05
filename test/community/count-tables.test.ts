// The saved forms of the count tables: packed bigrams round-trip, and damaged strings are recognised.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigramTable, packBigrams, unpackBigrams } from '../../src/community/count-tables.js';

// Stems as the tokenizer makes them: no whitespace, never empty.
const stem = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !/\s/.test(s));

describe('packBigrams / unpackBigrams', () => {
  it('round-trips any table of stem pairs', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(stem, stem, fc.integer({ min: 1, max: 1e9 })), { selector: ([a, b]) => `${a} ${b}`, maxLength: 40 }), (rows) => {
        const table = bigramTable(new Map(rows.map(([a, b, n]) => [`${a} ${b}`, n])));
        expect(unpackBigrams(packBigrams(table))).toEqual(table);
      }),
    );
  });

  it('reads the empty table and refuses damaged strings', () => {
    expect(unpackBigrams('')).toEqual({ pairs: [], counts: [] });
    expect(packBigrams({ pairs: ['cold retard', 'oven spring'], counts: [16, 12] })).toBe('cold retard 16 oven spring 12');
    for (const bad of ['cold retard', 'cold retard 16 oven', 'cold retard x', 'cold retard 0', 'cold retard 1.5', ' cold retard 1', 'cold  retard 1']) {
      expect(unpackBigrams(bad)).toBeNull();
    }
  });
});
