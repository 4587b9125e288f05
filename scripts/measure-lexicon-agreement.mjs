#!/usr/bin/env node
// Measures how far resonate's emotion lexicon (src/lexicons/emotion.json) agrees with the Empath category word
// lists (Fast, Chen & Bernstein, CHI 2016; MIT licence), for the categories both have. Empath is used only here,
// as a yardstick: none of its words are copied into the lexicon.
//
// Usage: node scripts/measure-lexicon-agreement.mjs [path/to/categories.tsv] [--no-write]
//   default path: ../shared/reference/empath/categories.tsv relative to the repository root.
// Prints a markdown report and writes it into LEXICON-AGREEMENT.md between the markers
// <!-- agreement:start --> and <!-- agreement:end --> (the hand-written discussion around them is kept).
//
// Over Porter stems (the lexicon's keys; Empath words are lowercased and stemmed the same way), per category C:
//   covered   = our C terms that Empath has in any of its 194 categories
//   agree     = our C terms that Empath puts in C
//   precision = agree / covered
//   recall    = (Empath's C stems that we have in C) / (Empath's C stems)
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const WRITE = !args.includes('--no-write');
const tsvArg = args.find((a) => !a.startsWith('--'));
const tsvPath = tsvArg ? path.resolve(tsvArg) : path.resolve(root, '..', 'shared', 'reference', 'empath', 'categories.tsv');
if (!existsSync(tsvPath)) {
  console.error(`Empath categories not found at ${tsvPath}; pass the path to categories.tsv as the first argument.`);
  process.exit(2);
}

const SHARED = ['joy', 'trust', 'anticipation', 'surprise', 'anger', 'fear', 'sadness', 'disgust'];
// Our categories without an Empath counterpart (Empath has no awe, wonder or inspiration category).
const NO_COUNTERPART = { awe: 'Empath has no awe, wonder or inspiration category; the closest candidates (positive_emotion, divine, heroic) are broader or topical, so awe is not compared.' };

const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const stem = (w) => porter.stem(w.toLowerCase().replace(/[\u2018\u2019]/g, "'"));
const pct = (n, d) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)}%`);

const lexicon = JSON.parse(readFileSync(path.join(root, 'src', 'lexicons', 'emotion.json'), 'utf8'));
/** category -> Set(stem), words only (emoji are not in Empath) */
const ours = new Map(Object.keys(lexicon.categories).map((c) => [c, new Set()]));
for (const [key, cats] of Object.entries(lexicon.terms)) {
  if (!/^[\p{L}\p{M}']+$/u.test(key)) continue;
  for (const c of cats) ours.get(c).add(key);
}

/** Empath: category -> Set(stem), and stem -> Set(category) */
const empath = new Map();
const empathOf = new Map();
for (const line of readFileSync(tsvPath, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  const [name, ...words] = line.split('\t');
  const set = new Set(words.filter(Boolean).map((w) => stem(w.trim())));
  empath.set(name, set);
  for (const s of set) {
    if (!empathOf.has(s)) empathOf.set(s, new Set());
    empathOf.get(s).add(name);
  }
}

const rows = [];
const elsewhere = [];
for (const c of SHARED) {
  const mine = ours.get(c);
  const theirs = empath.get(c);
  if (!mine || !theirs) throw new Error(`category ${c} missing from ${mine ? 'Empath' : 'the lexicon'}`);
  const covered = [...mine].filter((s) => empathOf.has(s));
  const agree = covered.filter((s) => theirs.has(s));
  const found = [...theirs].filter((s) => mine.has(s));
  rows.push({ c, ours: mine.size, empath: theirs.size, covered: covered.length, agree: agree.length, found: found.length });
  // Where Empath puts the covered terms it does not file under the same category.
  const tally = new Map();
  for (const s of covered) if (!theirs.has(s)) for (const e of empathOf.get(s)) tally.set(e, (tally.get(e) ?? 0) + 1);
  const top = [...tally].sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0])).slice(0, 5);
  const missed = [...theirs].filter((s) => !mine.has(s)).sort(byCodeUnit);
  elsewhere.push({ c, top, agreeTerms: agree.sort(byCodeUnit), missed });
}

const total = rows.reduce((t, r) => ({ covered: t.covered + r.covered, agree: t.agree + r.agree, found: t.found + r.found, empath: t.empath + r.empath, ours: t.ours + r.ours }), { covered: 0, agree: 0, found: 0, empath: 0, ours: 0 });
const lines = [];
lines.push(`Lexicon: \`src/lexicons/emotion.json\` (${Object.keys(lexicon.terms).length} keys). Empath: \`${path.relative(root, tsvPath).split(path.sep).join('/')}\` (${empath.size} categories). Both stemmed with natural's Porter stemmer; emoji excluded.`);
lines.push('');
lines.push('| category | our terms | Empath words (stems) | ours known to Empath | ours in Empath\'s same category | precision | Empath\'s in ours | recall |');
lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const r of rows) lines.push(`| ${r.c} | ${r.ours} | ${r.empath} | ${r.covered} | ${r.agree} | ${pct(r.agree, r.covered)} | ${r.found} | ${pct(r.found, r.empath)} |`);
lines.push(`| **all eight (micro)** | ${total.ours} | ${total.empath} | ${total.covered} | ${total.agree} | ${pct(total.agree, total.covered)} | ${total.found} | ${pct(total.found, total.empath)} |`);
for (const c of Object.keys(NO_COUNTERPART)) lines.push(`| ${c} | ${ours.get(c)?.size ?? 0} | — | — | — | — | — | — |`);
lines.push('');
for (const [c, why] of Object.entries(NO_COUNTERPART)) lines.push(`*${c}*: ${why}`);
lines.push('');
lines.push('Where Empath files the covered terms it does not put in the same category (top five Empath categories, with counts), and the stems both put in the category:');
lines.push('');
lines.push('| category | Empath categories of our other covered terms | stems in both |');
lines.push('| --- | --- | --- |');
for (const e of elsewhere) lines.push(`| ${e.c} | ${e.top.map(([n, k]) => `${n} ${k}`).join(', ')} | ${e.agreeTerms.join(', ')} |`);
const report = lines.join('\n');
console.log(report);

if (WRITE) {
  const md = path.join(root, 'LEXICON-AGREEMENT.md');
  const start = '<!-- agreement:start -->';
  const end = '<!-- agreement:end -->';
  let text = existsSync(md) ? readFileSync(md, 'utf8') : `# Emotion lexicon: agreement with Empath\n\nCommand: \`npm run lexicon:agreement\` (\`node scripts/measure-lexicon-agreement.mjs [categories.tsv]\`)\n\n${start}\n${end}\n`;
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a === -1 || b < a) text = `${text.trimEnd()}\n\n${start}\n${end}\n`;
  const i = text.indexOf(start);
  const j = text.indexOf(end);
  writeFileSync(md, `${text.slice(0, i + start.length)}\n${report}\n${text.slice(j)}`);
}
