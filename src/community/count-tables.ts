// A profile's word and bigram counts as parallel arrays sorted by key: the layout profiles are saved in.
//
// Why arrays and not objects keyed by stem: a cold JSON.parse of a 215 KB profile took 6.8 ms with one object per
// stem's surface forms (each a new object shape for V8) and 2.3 ms with this layout, on every `score` run.
import type { BigramTable, SurfaceForms, WordEntry, WordTable } from './profile-types.js';

export function wordTable(words: ReadonlyMap<string, WordEntry>): WordTable {
  const stems = [...words.keys()].sort();
  return { stems, entries: stems.map((s) => words.get(s)!) };
}

export function bigramTable(bigrams: ReadonlyMap<string, number>): BigramTable {
  const pairs = [...bigrams.keys()].sort();
  return { pairs, counts: pairs.map((p) => bigrams.get(p)!) };
}

export function wordMap(table: WordTable): Map<string, WordEntry> {
  const out = new Map<string, WordEntry>();
  for (let i = 0; i < table.stems.length; i++) out.set(table.stems[i], table.entries[i]);
  return out;
}

export function bigramMap(table: BigramTable): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < table.pairs.length; i++) out.set(table.pairs[i], table.counts[i]);
  return out;
}

/**
 * The bigram table as saved since format 3: one string of "stemA stemB count" triples separated by single spaces
 * (stems never contain whitespace). `score` never reads the phrases, and one string costs JSON.parse a copy where
 * two arrays of up to 50,000 entries cost 100,000 allocations (a 5.4 MB profile: 10 ms of parsing, and more
 * in garbage collection).
 */
export function packBigrams(table: BigramTable): string {
  const parts: string[] = [];
  for (let i = 0; i < table.pairs.length; i++) parts.push(table.pairs[i], String(table.counts[i]));
  return parts.join(' ');
}

/** The table from its saved string, or null when the string is not a list of such triples. */
export function unpackBigrams(packed: string): BigramTable | null {
  const table: BigramTable = { pairs: [], counts: [] };
  if (packed === '') return table;
  const parts = packed.split(' ');
  if (parts.length % 3 !== 0) return null;
  for (let i = 0; i < parts.length; i += 3) {
    const count = Number(parts[i + 2]);
    if (parts[i] === '' || parts[i + 1] === '' || !Number.isSafeInteger(count) || count < 1) return null;
    table.pairs.push(`${parts[i]} ${parts[i + 1]}`);
    table.counts.push(count);
  }
  return table;
}

/** Surface forms with their counts as [form, n, form, n, …], forms in code-unit order. */
export function flatForms(forms: ReadonlyMap<string, number> | null): SurfaceForms {
  if (!forms) return [];
  const out: SurfaceForms = [];
  for (const form of [...forms.keys()].sort()) out.push(form, forms.get(form)!);
  return out;
}

export function forEachForm(forms: SurfaceForms, fn: (form: string, n: number) => void): void {
  for (let i = 0; i + 1 < forms.length; i += 2) fn(forms[i] as string, forms[i + 1] as number);
}
