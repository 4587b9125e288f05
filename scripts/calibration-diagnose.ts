// Why a community's own held-out posts land off-centre on the language percentile (EVALUATION.md, "Why four
// calibration cells were off"). For each community of a data set, on the split of scripts/eval.ts:
//
// - the held-out items' raw language measure as the product reads a draft (parseDraft) and as the profile builder
//   reads an item (stripMarkup → measureItem), to see whether the two pipelines disagree;
// - each calibration sample item re-measured with its whole text left out (the sample keeps only its first 400
//   stems, so the rest of a long item stays in the model), with its whole training thread left out (not only the
//   siblings the sample holds), and with its near-duplicates in training left out too;
// - the median percentile of the held-out long posts and short items against the shipped references and against
//   each re-measured set, with the binomial 95% interval of each median;
// - where the comparable items of a long post sit in length relative to the post.
//
//   npx tsx scripts/calibration-diagnose.ts reddit|stackexchange OUT.json [--fold F] [community …]
//
// --fold F (1-4) holds out fold F instead of the eval's fold 0 (the other folds train), to see whether a cell's
// offset follows the community or the particular split.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analysisInput } from '../src/analyzers/analysis-input.js';
import { comparableItems, fractionalPercentile } from '../src/analyzers/calibrate.js';
import { languageRaw } from '../src/analyzers/language.js';
import { hashFolded, hexOfHash } from '../src/community/hash.js';
import { buildModel, logRatio } from '../src/community/model.js';
import { FLAT_TOKENS } from '../src/community/profile-builder.js';
import { median, medianInterval } from '../src/evaluation/median-interval.js';
import { parseDraft } from '../src/input/read-draft.js';
import { measureItem } from '../src/text/measure.js';
import { stripMarkup } from '../src/text/normalize.js';
import { isLanguageToken } from '../src/text/tokenize.js';
import { dumpTarget, readSplit, trainingProfile } from './eval-split.js';

const LONG_WORDS = 100;
const SHINGLE = 5;
const NEAR_DUPLICATE = 0.5;

const { dataset, outPath } = dumpTarget('calibration-diagnose', ' [--fold F] [community …]');
const rest = process.argv.slice(4);
const foldAt = rest.indexOf('--fold');
const heldFold = foldAt >= 0 ? Number(rest.splice(foldAt, 2)[1]) : 0;
const only = new Set(rest);

interface Counts {
  unigrams: Map<string, number>;
  n: number;
}
function countsOf(stems: readonly string[], into: Counts = { unigrams: new Map(), n: 0 }): Counts {
  for (const w of stems) {
    into.unigrams.set(w, (into.unigrams.get(w) ?? 0) + 1);
    into.n++;
  }
  return into;
}
/** Stems of an item as the profile builder reads it (all of them, not the sample's first 400). */
function builderStems(text: string): { stems: string[]; tokens: number } {
  const m = measureItem(stripMarkup(text.length > 20_000 ? text.slice(0, 20_000) : text).trim());
  return { stems: m.sentences.flatMap((s) => s.filter(isLanguageToken).map((t) => t.stem)), tokens: m.stats.tokens };
}
function shingles(stems: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= stems.length; i++) out.add(stems.slice(i, i + SHINGLE).join(' '));
  return out;
}
const r1 = (x: number): number => Math.round(x * 10) / 10;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

const read = await readSplit(dataset);
// Fold `heldFold` becomes fold 0 (held out) and fold 0 takes its place among the training folds.
const split = { ...read, folds: read.folds.map((f) => (f === heldFold ? 0 : f === 0 ? heldFold : f)) };
const tmp = mkdtempSync(join(tmpdir(), 'resonate-caldiag-'));
const report: Record<string, unknown> = {};
try {
  for (const community of split.communities) {
    if (only.size && !only.has(community)) continue;
    const model = buildModel(await trainingProfile(split, community, join(tmp, `${community}.ndjson`)));
    // Training items as the builder saw them.
    const train = split.items
      .filter((it, k) => it.community === community && split.folds[k] !== 0)
      .map((it) => ({ it, key: hexOfHash(hashFolded(stripMarkup(it.text.length > 20_000 ? it.text.slice(0, 20_000) : it.text).trim())), ...builderStems(it.text) }));
    const byKey = new Map(train.map((t, i) => [t.key, i]));
    const byThread = new Map<string, number[]>();
    train.forEach((t, i) => byThread.set(t.it.thread, [...(byThread.get(t.it.thread) ?? []), i]));
    const sh = train.map((t) => shingles(t.stems));
    const index = new Map<string, number[]>();
    sh.forEach((s, i) => s.forEach((g) => index.set(g, [...(index.get(g) ?? []), i])));
    /** Training items other than i (and its thread) sharing at least NEAR_DUPLICATE of i's shingles. */
    const nearDuplicates = (i: number): number[] => {
      const shared = new Map<number, number>();
      for (const g of sh[i]) for (const j of index.get(g)!) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + 1);
      const out: number[] = [];
      for (const [j, k] of shared) if (k / Math.min(sh[i].size, sh[j].size) >= NEAR_DUPLICATE && train[j].it.thread !== train[i].it.thread) out.push(j);
      return out;
    };
    const sample = model.profile.sample;
    const cal = model.calibration;
    let matched = 0;
    let truncated = 0;
    let withDup = 0;
    let threadOutside = 0;
    const shipped = new Map<object, number>();
    const wholeItem = new Map<object, number>();
    const wholeThread = new Map<object, number>();
    const noDup = new Map<object, number>();
    sample.forEach((s, k) => {
      const a = cal[k];
      shipped.set(a, languageRaw(a));
      const i = byKey.get(s.h);
      if (i === undefined) {
        wholeItem.set(a, languageRaw(a));
        wholeThread.set(a, languageRaw(a));
        noDup.set(a, languageRaw(a));
        return;
      }
      matched++;
      const t = train[i];
      if (t.stems.length > 400) truncated++;
      // Measured on the same (first 400) stems the sample holds; only what is left out of the model changes.
      const sentences = s.w.split('\n').map((line) => (line ? line.split(' ') : []));
      const own = countsOf(t.stems);
      const lmItem = logRatio(model, sentences, own);
      wholeItem.set(a, lmItem.n ? lmItem.sum / lmItem.n : Number.NaN);
      const thread = byThread.get(t.it.thread) ?? [i];
      if (thread.length > 1) threadOutside++;
      const th: Counts = { unigrams: new Map(), n: 0 };
      for (const j of thread) countsOf(train[j].stems, th);
      const lmThread = logRatio(model, sentences, th);
      wholeThread.set(a, lmThread.n ? lmThread.sum / lmThread.n : Number.NaN);
      const dups = nearDuplicates(i);
      if (dups.length) withDup++;
      for (const j of dups) if (!thread.includes(j)) countsOf(train[j].stems, th);
      const lmDup = logRatio(model, sentences, th);
      noDup.set(a, lmDup.n ? lmDup.sum / lmDup.n : Number.NaN);
    });
    const c = split.communities.indexOf(community);
    const held = split.items
      .filter((it, k) => it.community === community && split.folds[k] === 0)
      .flatMap((it) => {
        try {
          return [{ it, doc: parseDraft(it.text, it.id, true) }];
        } catch {
          return [];
        }
      });
    type Row = { words: number; raw: number; rawBuilder: number; p: Record<string, number>; windowLogRatio: number; windowShare400: number; refs: number };
    const rows: Row[] = held.map(({ it, doc }) => {
      const words = doc.stats.tokens;
      const raw = languageRaw(analysisInput(doc, model).draft.additive);
      const b = builderStems(it.text);
      const lmB = logRatio(model, [b.stems]);
      const { items } = comparableItems(model, words);
      const pct = (m: Map<object, number>, x: number): number => fractionalPercentile(x, items.map((a) => m.get(a)!).filter(Number.isFinite));
      const lens = items.map((a) => a.stats.tokens);
      return {
        words,
        raw,
        rawBuilder: lmB.n ? lmB.sum / lmB.n : Number.NaN,
        p: {
          shipped: pct(shipped, raw),
          builderPipeline: pct(shipped, lmB.n ? lmB.sum / lmB.n : Number.NaN),
          wholeItemOut: pct(wholeItem, raw),
          wholeThreadOut: pct(wholeThread, raw),
          nearDuplicatesOut: pct(noDup, raw),
        },
        windowLogRatio: lens.reduce((x, l) => x + Math.log(l / words), 0) / lens.length,
        windowShare400: lens.filter((l) => l > 400).length / lens.length,
        refs: items.length,
      };
    });
    const out: Record<string, unknown> = { community, heldFold, index: c, trainItems: train.length, sample: sample.length, matched, truncated, threadsWithOutsideSiblings: threadOutside, withNearDuplicate: withDup };
    for (const l of ['long', 'short'] as const) {
      const rs = rows.filter((r) => (r.words >= LONG_WORDS) === (l === 'long') && Number.isFinite(r.raw));
      const cell: Record<string, unknown> = { n: rs.length, medianWords: median(rs.map((r) => r.words)) };
      for (const k of Object.keys(rs[0]?.p ?? {})) {
        const ps = rs.map((r) => r.p[k]).filter(Number.isFinite);
        const ci = medianInterval(ps.map(Math.round));
        cell[k] = { median: r1(median(ps.map(Math.round))), low: ci.low, high: ci.high };
      }
      cell.shippedPercentiles = rs.map((r) => Math.round(r.p.shipped));
      cell.meanRawDraft = r3(rs.reduce((x, r) => x + r.raw, 0) / rs.length);
      cell.meanRawBuilder = r3(rs.reduce((x, r) => x + r.rawBuilder, 0) / rs.length);
      cell.meanWindowLogRatio = r3(rs.reduce((x, r) => x + r.windowLogRatio, 0) / rs.length);
      cell.meanWindowShareOver400 = r3(rs.reduce((x, r) => x + r.windowShare400, 0) / rs.length);
      cell.medianRefs = median(rs.map((r) => r.refs));
      out[l] = cell;
    }
    // The sample's own relation of raw measure to length (items of 30+ words): slope per doubling of length.
    const pts = sample.flatMap((s, k) => (s.st[FLAT_TOKENS] >= 30 && Number.isFinite(shipped.get(cal[k])!) ? [[Math.log2(s.st[FLAT_TOKENS]), shipped.get(cal[k])!]] : []));
    const mx = pts.reduce((x, p) => x + p[0], 0) / pts.length;
    const my = pts.reduce((x, p) => x + p[1], 0) / pts.length;
    const slope = pts.reduce((x, p) => x + (p[0] - mx) * (p[1] - my), 0) / pts.reduce((x, p) => x + (p[0] - mx) ** 2, 0);
    out.rawPerDoublingOfLength = r3(slope);
    report[community] = out;
    process.stdout.write(JSON.stringify(out) + '\n');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
writeFileSync(outPath, JSON.stringify(report, null, 2) + '\n');
