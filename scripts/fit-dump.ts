// Dumps what the community-fit analysis needs (scripts/fit-ceiling.py): the split of scripts/eval.ts, each
// community profile's stem counts, the background probability of every stem seen, and the stems (and surface
// forms) of every training and held-out item, read as drafts exactly as the evaluation reads them.
//
//   npx tsx scripts/fit-dump.ts reddit|stackexchange OUT.json
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { background } from '../src/community/background.js';
import { hashText } from '../src/community/hash.js';
import { parseDraft } from '../src/input/read-draft.js';
import { isLanguageToken } from '../src/text/tokenize.js';
import { isContentStem } from '../src/text/stopwords.js';
import { dumpTarget, MIN_CHARS, readSplit, trainingProfile } from './eval-split.js';

const PER_COMMUNITY = 150;

const { dataset, outPath } = dumpTarget('fit-dump', '');

const split = await readSplit(dataset);
const { items, communities, folds } = split;
const tmp = mkdtempSync(join(tmpdir(), 'resonate-fitdump-'));
const counts: { words: Record<string, number>; items: Record<string, number>; tokens: number }[] = [];
try {
  for (const c of communities) {
    const p = await trainingProfile(split, c, join(tmp, `${c}.ndjson`));
    counts.push({
      // counts.words.counts holds five numbers per stem: count, document frequency, …
      words: Object.fromEntries(p.counts.words.stems.map((s, i) => [s, p.counts.words.counts[5 * i]])),
      items: Object.fromEntries(p.counts.words.stems.map((s, i) => [s, p.counts.words.counts[5 * i + 1]])),
      tokens: p.counts.tokens,
    });
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const docs: { c: number; id: string; fold: number; chosen: boolean; text: string; stems: string[]; norms: string[] }[] = [];
items.forEach((it, k) => {
  let doc;
  try {
    doc = parseDraft(it.text, it.id, true);
  } catch {
    return;
  }
  const toks = doc.sentences.flatMap((s) => s.tokens.filter(isLanguageToken));
  docs.push({ c: communities.indexOf(it.community), id: it.id, fold: folds[k], chosen: false, text: it.text, stems: toks.map((t) => t.stem), norms: toks.map((t) => t.norm) });
});
// The evaluation's subsample: per community, held-out items of 80+ characters with the smallest id hashes.
communities.forEach((_, c) => {
  docs
    .filter((d) => d.c === c && d.fold === 0 && d.text.length >= MIN_CHARS)
    .sort((a, b) => (hashText(a.id) < hashText(b.id) ? -1 : 1))
    .slice(0, PER_COMMUNITY)
    .forEach((d) => (d.chosen = true));
});
const bg = background();
const vocab = new Set<string>();
for (const cc of counts) for (const s of Object.keys(cc.words)) vocab.add(s);
for (const d of docs) for (const s of d.stems) vocab.add(s);
const bgProb: Record<string, number> = {};
// The background's two registers, so variants can mix them otherwise (scripts/background-variants.py).
const bgCounts: Record<string, [number, number]> = {};
const content: Record<string, boolean> = {};
for (const s of [...vocab].sort()) {
  bgProb[s] = bg.prob(s);
  bgCounts[s] = bg.counts(s);
  content[s] = isContentStem(s);
}
const bgTotals = { spoken: bg.totals[0], written: bg.totals[1], size: bg.size };
writeFileSync(outPath, JSON.stringify({ communities, counts, bgProb, bgCounts, bgTotals, content, docs }));
process.stdout.write(`${dataset}: ${communities.length} communities, ${docs.length} documents, ${docs.filter((d) => d.chosen).length} chosen, ${vocab.size} stems\n`);
