// A profile's word and bigram counts in the layout profiles are saved in: sorted keys with flat arrays and strings.
//
// Why: a cold JSON.parse of a 215 KB profile took 6.8 ms with an object per stem's surface forms (each a new object
// shape for V8) and 2.3 ms with arrays; flat numbers and one string of forms per stem spare a 5 MB profile most of
// its 100,000 small arrays, which every `score` parsed and the garbage collector then copied.
import { InputError } from '../errors.js';
import type { BigramTable, SurfaceForms, WordEntry, WordTable } from './profile-types.js';

export function wordTable(words: ReadonlyMap<string, WordEntry>): WordTable {
  const stems = [...words.keys()].sort();
  const counts: number[] = [];
  const forms: string[] = [];
  for (const stem of stems) {
    const e = words.get(stem)!;
    counts.push(e[0], e[1], e[2], e[3], e[4]);
    forms.push(e[5]);
  }
  return { stems, counts, forms };
}

/** The entry of the table's i-th stem. */
export function wordEntryAt(table: WordTable, i: number): WordEntry {
  const k = 5 * i;
  const c = table.counts;
  return [c[k], c[k + 1], c[k + 2], c[k + 3], c[k + 4], table.forms[i]];
}

export function bigramTable(bigrams: ReadonlyMap<string, number>): BigramTable {
  const pairs = [...bigrams.keys()].sort();
  return { pairs, counts: pairs.map((p) => bigrams.get(p)!) };
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
    const count = savedCount(parts[i + 2]);
    if (parts[i] === '' || parts[i + 1] === '' || count === null) return null;
    table.pairs.push(`${parts[i]} ${parts[i + 1]}`);
    table.counts.push(count);
  }
  return table;
}

/** Surface forms with their counts as saved ("form n form n …", forms in code-unit order). */
export function flatForms(forms: ReadonlyMap<string, number> | null): SurfaceForms {
  if (!forms) return '';
  const parts: (string | number)[] = [];
  for (const form of [...forms.keys()].sort()) parts.push(form, forms.get(form)!);
  return parts.join(' ');
}

/** Each surface form with its count; a damaged string is refused as a corrupt profile. */
export function forEachForm(forms: SurfaceForms, fn: (form: string, n: number) => void): void {
  if (forms === '') return;
  const parts = forms.split(' ');
  if (parts.length % 2 !== 0) damagedForms(forms);
  for (let i = 0; i < parts.length; i += 2) {
    const n = savedCount(parts[i + 1]);
    if (parts[i] === '' || n === null) damagedForms(forms);
    fn(parts[i], n);
  }
}

/** A count in a saved string (bigrams, surface forms): a whole number of at least 1, else null. */
function savedCount(text: string): number | null {
  const n = Number(text);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

function damagedForms(forms: string): never {
  const shown = forms.length > 60 ? `${forms.slice(0, 60)}…` : forms;
  throw new InputError(`a profile is incomplete or corrupt (surface forms "${shown}")`, 'rebuild it with: resonate profile build <export> -o <profile>');
}
