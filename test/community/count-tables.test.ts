// The saved forms of the count tables: packed bigrams and word tables round-trip, and damaged strings are recognised.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bigramTable, flatForms, forEachForm, packBigrams, unpackBigrams, wordTable } from '../../src/community/count-tables.js';
import type { WordEntry } from '../../src/community/profile-types.js';
import { WordCounts } from '../../src/community/word-counts.js';
import { InputError } from '../../src/errors.js';

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

describe('wordTable / WordCounts', () => {
  const entry = fc.tuple(
    fc.nat(1e6),
    fc.nat(1e6),
    fc.nat(1e6),
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.nat(1e12),
    fc.uniqueArray(fc.tuple(stem, fc.integer({ min: 1, max: 1e6 })), { selector: ([f]) => f, maxLength: 4 }),
  );
  const words = fc.uniqueArray(fc.tuple(stem, entry), { selector: ([s]) => s, maxLength: 60 }).map(
    (rows) => new Map(rows.map(([s, [a, b, c, d, e, forms]]): [string, WordEntry] => [s, [a, b, c, d, e, flatForms(new Map(forms))]])),
  );

  it('finds every stem with its entry, and nothing else', () => {
    fc.assert(
      fc.property(words, fc.array(stem, { maxLength: 10 }), (map, others) => {
        const counts = new WordCounts(wordTable(map));
        expect(counts.size).toBe(map.size);
        for (const [s, e] of map) expect(counts.get(s)).toEqual(e);
        for (const s of others) expect(counts.get(s)).toEqual(map.get(s));
        const seen: string[] = [];
        counts.forEach((e, s) => {
          expect(e).toEqual(map.get(s));
          seen.push(s);
        });
        expect(seen).toEqual([...map.keys()].sort());
      }),
    );
  });

  it('keeps surface forms as saved, read in order, and refuses a damaged forms string as a corrupt profile', () => {
    const forms = flatForms(new Map([['crumbs', 1], ['crumb', 2]]));
    expect(forms).toBe('crumb 2 crumbs 1');
    const table = wordTable(new Map<string, WordEntry>([['crumb', [3, 2, 1, 5, 25, forms]], ['loaf', [1, 1, 0, 0, 0, '']]]));
    expect(table).toEqual({ stems: ['crumb', 'loaf'], counts: [3, 2, 1, 5, 25, 1, 1, 0, 0, 0], forms: ['crumb 2 crumbs 1', ''] });
    const read: [string, number][] = [];
    forEachForm(new WordCounts(table).get('crumb')![5], (form, n) => read.push([form, n]));
    expect(read).toEqual([['crumb', 2], ['crumbs', 1]]);
    for (const bad of ['crumb 2 crumbs', 'crumb x', 'crumb 0', ' crumb 1']) {
      expect(() => forEachForm(bad, () => undefined)).toThrow(InputError);
      expect(() => forEachForm(bad, () => undefined)).toThrow(/incomplete or corrupt \(surface forms/);
    }
  });
});
