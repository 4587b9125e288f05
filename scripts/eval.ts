// `npm run eval`: measures the reading on real communities nobody on the team wrote (../shared/eval), side by side
// with simple baselines. Uses the real code paths: buildProfile → buildModel → analysisInput → the analyzers.
//
//   npx tsx scripts/eval.ts [--held-out N] [--scored N] [--json FILE] [--only reddit|stackexchange] [--check N] [--no-protocol] [--calibration-splits N (5)]
//
// Design (see EVALUATION.md): items are split 80/20 by a hash of their thread id (a Reddit post is its own
// thread, so this is the item id there; on Stack Exchange whole question threads are held out, so an answer's
// question never trains the profile it is scored against). Profiles are built from the 80% with buildProfile on
// a temporary NDJSON export; held-out items are read as drafts (parseDraft) and scored.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel, logRatio, type CommunityModel } from '../src/community/model.js';
import { backgroundFrom, WRITTEN_SHARE } from '../src/community/background.js';
import { packagePath } from '../src/paths.js';
import { hashText } from '../src/community/hash.js';
import { analysisInput } from '../src/analyzers/analysis-input.js';
import { runAnalyzers } from '../src/analyzers/index.js';
import { languageRaw } from '../src/analyzers/language.js';
import { calibrate, COMPARABLE, type ComparableRule } from '../src/analyzers/calibrate.js';
import { engagementRaw } from '../src/analyzers/engagement.js';
import { overallScore } from '../src/report/overall.js';
import { buildReport } from '../src/report/build-report.js';
import { parseDraft } from '../src/input/read-draft.js';
import { isLanguageToken } from '../src/text/tokenize.js';
import type { DimensionResult, Document } from '../src/types.js';
import { type Dataset, FILES, type Item, MIN_CHARS, missingData, readSplit, trainingProfile } from './eval-split.js';
import { auc, groupIndices, ownRank, pairwiseAccuracy, spearman } from '../src/evaluation/metrics.js';
import { bootstrapInterval } from '../src/evaluation/bootstrap.js';
import { median } from '../src/evaluation/median-interval.js';

const CLOSE_PAIRS: [string, string][] = [
  ['relationships', 'relationship_advice'],
  ['TalesFromRetail', 'talesfromtechsupport'],
  ['personalfinance', 'investing'],
  ['learnprogramming', 'cscareerquestions'],
  ['Fitness', 'loseit'],
];

/** The data's folds: the eval holds out fold 0; the pooled calibration tables hold out each in turn. */
const SPLITS = 5;

interface Args {
  heldOut: number;
  scored: number;
  json: string | null;
  only: Dataset | null;
  check: number;
  protocol: boolean;
  /** Splits the calibration tables pool (each item held out once); 1: the eval's split alone. */
  splits: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { heldOut: 150, scored: 40, json: null, only: null, check: 20, protocol: true, splits: SPLITS };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--held-out') args.heldOut = Number(argv[++i]);
    else if (a === '--scored') args.scored = Number(argv[++i]);
    else if (a === '--json') args.json = argv[++i];
    else if (a === '--only') args.only = argv[++i] as Dataset;
    else if (a === '--check') args.check = Number(argv[++i]);
    else if (a === '--no-protocol') args.protocol = false;
    else if (a === '--calibration-splits') args.splits = Math.min(SPLITS, Math.max(1, Math.floor(Number(argv[++i])) || 1));
    else throw new Error(`unknown argument ${a}`);
  }
  return args;
}

// ---------------------------------------------------------------------------------------------------------------
// Scoring one document against one community: the analyzers exactly as buildReport runs them, minus highlights
// and suggestions (which do not change any score). `--check N` verifies equality with buildReport on N pairs.

interface Scored {
  languageRaw: number;
  language: number | null;
  /** The language percentile unrounded (what orders texts the integer score shows as 0 or 100). */
  languagePercentile: number | null;
  emotion: number | null;
  engagement: number | null;
  engagementRaw: number | null;
  conversation: number | null;
  overall: number | null;
}

function scoreDoc(doc: Document, model: CommunityModel): Scored {
  const input = analysisInput(doc, model);
  const dims: DimensionResult[] = runAnalyzers(input);
  const by = (id: string): number | null => dims.find((d) => d.id === id)?.score ?? null;
  return {
    languageRaw: languageRaw(input.draft.additive),
    language: by('language'),
    languagePercentile: dims.find((d) => d.id === 'language')?.percentile ?? by('language'),
    emotion: by('emotion'),
    engagement: by('engagement'),
    engagementRaw: model.hasEngagement ? engagementRaw(input.draft.additive, model) : null,
    conversation: by('conversation'),
    overall: overallScore(dims),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Baselines, computed from the same training profiles' counts.

interface Baselines {
  tfidf(doc: Document, c: number): number;
  llr(doc: Document, c: number): number;
  afinnFit(doc: Document, c: number): number;
  lengthFit(doc: Document, c: number): number;
}

/** A document's language stems, sentence by sentence (as analysisInput reads them). */
const sentenceStems = (doc: Document): string[][] => doc.sentences.map((s) => s.tokens.filter(isLanguageToken).map((t) => t.stem));
const stemsOf = (doc: Document): string[] => sentenceStems(doc).flat();

function baselines(models: CommunityModel[]): Baselines {
  // tf-idf: idf over all training items of the dataset; each community's centroid is its summed term counts × idf.
  const df = new Map<string, number>();
  const all = new Map<string, number>();
  let items = 0;
  let allTokens = 0;
  for (const m of models) {
    items += m.profile.counts.items;
    allTokens += m.tokens;
    m.words.forEach((w, s) => {
      df.set(s, (df.get(s) ?? 0) + w[1]);
      all.set(s, (all.get(s) ?? 0) + w[0]);
    });
  }
  const V = all.size + 1;
  const idf = (s: string): number => Math.log(items / (df.get(s) ?? 0.5));
  const centroidNorm = models.map((m) => {
    let sq = 0;
    m.words.forEach((w, s) => (sq += (w[0] * idf(s)) ** 2));
    return Math.sqrt(sq);
  });
  const valencePerWord = models.map((m) => m.stats.valence / Math.max(1, m.stats.tokens));
  const meanLogLength = models.map((m) => {
    const xs = m.profile.sample.map((s) => Math.log1p(s.st[1]));
    return xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  });
  return {
    tfidf(doc, c) {
      const tf = new Map<string, number>();
      for (const s of stemsOf(doc)) tf.set(s, (tf.get(s) ?? 0) + 1);
      let dot = 0;
      let sq = 0;
      for (const [s, n] of tf) {
        const w = n * idf(s);
        sq += w * w;
        dot += w * (models[c].words.get(s)?.[0] ?? 0) * idf(s);
      }
      return sq && centroidNorm[c] ? dot / Math.sqrt(sq) / centroidNorm[c] : 0;
    },
    // Unigram log-likelihood ratio, community vs all communities, add-1 smoothing; mean per token.
    llr(doc, c) {
      const m = models[c];
      let sum = 0;
      let n = 0;
      for (const s of stemsOf(doc)) {
        sum += Math.log(((m.words.get(s)?.[0] ?? 0) + 1) / (m.tokens + V)) - Math.log(((all.get(s) ?? 0) + 1) / (allTokens + V));
        n++;
      }
      return n ? sum / n : 0;
    },
    afinnFit: (doc, c) => -Math.abs(doc.stats.valence / Math.max(1, doc.stats.tokens) - valencePerWord[c]),
    lengthFit: (doc, c) => -Math.abs(Math.log1p(doc.stats.tokens) - meanLogLength[c]),
  };
}

// ---------------------------------------------------------------------------------------------------------------

interface Prepared {
  dataset: Dataset;
  communities: string[];
  models: CommunityModel[];
  base: Baselines;
  /** Held-out items with a readable document, per community index. */
  heldOut: { item: Item; doc: Document; c: number }[];
}

/**
 * Profiles of every community's training folds and its held-out documents. `heldFold` (0–4) is the fold held out:
 * 0 is the eval's split; the pooled calibration tables hold out the others too, fold 0 taking the held one's place.
 */
async function prepare(dataset: Dataset, tmp: string, heldFold = 0): Promise<Prepared> {
  const read = await readSplit(dataset);
  const split = heldFold === 0 ? read : { ...read, folds: read.folds.map((f) => (f === heldFold ? 0 : f === 0 ? heldFold : f)) };
  const { items, communities, folds } = split;
  const models: CommunityModel[] = [];
  for (const c of communities) models.push(buildModel(await trainingProfile(split, c, join(tmp, `${dataset}-${c}.ndjson`))));
  const heldOut: Prepared['heldOut'] = [];
  items.forEach((item, k) => {
    if (folds[k] !== 0) return;
    try {
      heldOut.push({ item, doc: parseDraft(item.text, item.id, true), c: communities.indexOf(item.community) });
    } catch {
      // no prose (a link or code only): not a draft anyone would score
    }
  });
  return { dataset, communities, models, base: baselines(models), heldOut };
}

// ---------------------------------------------------------------------------------------------------------------
// Community fit.

const FIT_MEASURES = [
  'language raw',
  'language score',
  'language percentile',
  'overall score',
  'tf-idf cosine',
  'unigram LLR (add-1)',
  'AFINN fit',
  'length fit',
  // The percentile scores are computed on a prefix of the items (slow): the raw measure and the tf-idf baseline on
  // exactly those items too, so that score and baseline are compared on the same items.
  'language raw, scored items',
  'tf-idf cosine, scored items',
] as const;
type FitMeasure = (typeof FIT_MEASURES)[number];

interface FitRow {
  measure: FitMeasure;
  items: number;
  itemAuc: number;
  profileAuc: number;
  top1: number;
  mrr: number;
  pairs: Record<string, number>;
}

/**
 * The overall's combination constant and the engagement measure's thread content share were chosen on the
 * communities with an even index (in name order) of each data set; the others are the report half.
 */
const isTuneHalf = (c: number): boolean => c % 2 === 0;

/** Per community, its held-out items of 80+ characters in a deterministic order (smallest id hash first). */
function fitOrder(p: Prepared): Prepared['heldOut'][] {
  return p.communities.map((_, c) =>
    p.heldOut.filter((h) => h.c === c && h.item.text.length >= MIN_CHARS).sort((a, b) => (hashText(a.item.id) < hashText(b.item.id) ? -1 : 1)),
  );
}

function communityFit(
  p: Prepared,
  perCommunity: number,
  scoredPerCommunity: number,
): {
  rows: FitRow[];
  n: number;
  scored: number;
  reportHalf: { communities: string[]; language: number; overall: number };
  bands: Record<'own' | 'other', { strong: number; moderate: number; n: number }>;
} {
  const { communities, models, base } = p;
  const ordered = fitOrder(p);
  const chosen = ordered.flatMap((hs) => hs.slice(0, perCommunity));
  // The percentile scores run every analyzer with its calibration (slow): a smaller prefix of the same order.
  const scoredSet = ordered.flatMap((hs) => hs.slice(0, scoredPerCommunity));
  // scores[measure][item][community]
  const scores = new Map<FitMeasure, { items: typeof chosen; s: number[][] }>();
  const put = (m: FitMeasure, items: typeof chosen, f: (doc: Document, c: number) => number): void => {
    scores.set(m, { items, s: items.map((h) => models.map((_, c) => f(h.doc, c))) });
  };
  put('language raw', chosen, (doc, c) => languageRaw(analysisInput(doc, models[c]).draft.additive));
  const full = new Map(scoredSet.map((h) => [h, models.map((m) => scoreDoc(h.doc, m))]));
  scores.set('language score', { items: scoredSet, s: scoredSet.map((h) => full.get(h)!.map((r) => r.language ?? -1)) });
  scores.set('language percentile', { items: scoredSet, s: scoredSet.map((h) => full.get(h)!.map((r) => r.languagePercentile ?? -1)) });
  scores.set('overall score', { items: scoredSet, s: scoredSet.map((h) => full.get(h)!.map((r) => r.overall ?? -1)) });
  put('tf-idf cosine', chosen, base.tfidf);
  put('unigram LLR (add-1)', chosen, base.llr);
  put('AFINN fit', chosen, base.afinnFit);
  put('length fit', chosen, base.lengthFit);
  put('language raw, scored items', scoredSet, (doc, c) => languageRaw(analysisInput(doc, models[c]).draft.additive));
  put('tf-idf cosine, scored items', scoredSet, base.tfidf);
  const rows = FIT_MEASURES.map((measure): FitRow => {
    const { items, s } = scores.get(measure)!;
    let beat = 0;
    let pairs = 0;
    let top1 = 0;
    let rr = 0;
    items.forEach((h, i) => {
      const r = ownRank(s[i], h.c);
      top1 += r.top1;
      rr += 1 / r.rank;
      for (let c = 0; c < communities.length; c++) {
        if (c === h.c) continue;
        pairs++;
        beat += s[i][h.c] > s[i][c] ? 1 : s[i][h.c] === s[i][c] ? 0.5 : 0;
      }
    });
    // Profile-wise AUC: against one profile, its own held-out items against everyone else's (same reference).
    const profileAucs = communities.map((_, c) =>
      auc(
        items.flatMap((h, i) => (h.c === c ? [s[i][c]] : [])),
        items.flatMap((h, i) => (h.c !== c ? [s[i][c]] : [])),
      ),
    );
    const pairRates: Record<string, number> = {};
    for (const [a, b] of CLOSE_PAIRS) {
      const ia = communities.indexOf(a);
      const ib = communities.indexOf(b);
      if (ia < 0 || ib < 0) continue;
      let ok = 0;
      let n = 0;
      items.forEach((h, i) => {
        if (h.c !== ia && h.c !== ib) return;
        const other = h.c === ia ? ib : ia;
        ok += s[i][h.c] > s[i][other] ? 1 : s[i][h.c] === s[i][other] ? 0.5 : 0;
        n++;
      });
      pairRates[`${a}/${b}`] = ok / n;
    }
    return {
      measure,
      items: items.length,
      itemAuc: beat / pairs,
      profileAuc: profileAucs.reduce((x, y) => x + y, 0) / profileAucs.length,
      top1: top1 / items.length,
      mrr: rr / items.length,
      pairs: pairRates,
    };
  });
  // The overall's constants were chosen on the even-indexed communities (TUNE_HALF): the same-item AUC of the
  // percentile scores on the other half alone, where the choice saw nothing.
  const report = new Set(communities.flatMap((_, c) => (isTuneHalf(c) ? [] : [c])));
  const halfAuc = (measure: FitMeasure): number => {
    const { items, s } = scores.get(measure)!;
    let beat = 0;
    let pairs = 0;
    items.forEach((h, i) => {
      if (!report.has(h.c)) return;
      for (const c of report) {
        if (c === h.c) continue;
        pairs++;
        beat += s[i][h.c] > s[i][c] ? 1 : s[i][h.c] === s[i][c] ? 0.5 : 0;
      }
    });
    return beat / pairs;
  };
  const reportHalf = { communities: [...report].map((c) => communities[c]), language: halfAuc('language score'), overall: halfAuc('overall score') };
  // What a writer reads: how often the overall puts an item in the "strong" (70+) or at least "moderate" (50+) band,
  // against its own community and against the others.
  const bands = { own: { strong: 0, moderate: 0, n: 0 }, other: { strong: 0, moderate: 0, n: 0 } };
  const overall = scores.get('overall score')!;
  overall.items.forEach((h, i) => {
    overall.s[i].forEach((v, c) => {
      const b = c === h.c ? bands.own : bands.other;
      b.n++;
      if (v >= 70) b.strong++;
      if (v >= 50) b.moderate++;
    });
  });
  return { rows, n: chosen.length, scored: scoredSet.length, reportHalf, bands };
}

// ---------------------------------------------------------------------------------------------------------------
// Engagement.

const ENG_MEASURES = ['engagement raw', 'engagement score', 'overall score', 'language raw', 'length (words)', 'AFINN valence', 'tf-idf cosine', 'unigram LLR (add-1)'] as const;
type EngMeasure = (typeof ENG_MEASURES)[number];

type HeldOut = Prepared['heldOut'][number];

// A held-out item scored against its own community's profile, once: the engagement and calibration tables both read it.
const ownScores = new WeakMap<HeldOut, Scored & { tokens: number }>();
function ownScore(p: Prepared, h: HeldOut): Scored & { tokens: number } {
  let r = ownScores.get(h);
  if (!r) ownScores.set(h, (r = { ...scoreDoc(h.doc, p.models[h.c]), tokens: h.doc.stats.tokens }));
  return r;
}

function engagementPredictors(p: Prepared, h: HeldOut): Record<EngMeasure, number> {
  const r = ownScore(p, h);
  return {
    'engagement raw': r.engagementRaw ?? 0,
    'engagement score': r.engagement ?? -1,
    'overall score': r.overall ?? -1,
    'language raw': r.languageRaw,
    'length (words)': h.doc.stats.tokens,
    'AFINN valence': h.doc.stats.valence,
    'tf-idf cosine': p.base.tfidf(h.doc, h.c),
    'unigram LLR (add-1)': p.base.llr(h.doc, h.c),
  };
}

interface EngRow {
  measure: EngMeasure;
  /** Pooled over the report half's communities (answer pairs only). */
  reportHalf?: number;
  /** Over the communities whose engagement reading is shown, with its interval (answer pairs only). */
  shown?: { value: number; low: number; high: number };
  value: number;
  low: number;
  high: number;
  perCommunity: Record<string, number>;
}

/** Stack Exchange: answers under the same held-out question with different scores. */
function answerPairs(p: Prepared): { rows: EngRow[]; pairs: number; threads: number } {
  const answers = p.heldOut.filter((h) => h.item.kind === 'answer');
  const preds = answers.map((h) => engagementPredictors(p, h));
  const truth = answers.map((h) => h.item.score);
  const groups = groupIndices(answers.map((h) => `${h.item.community}/${h.item.thread}`)).filter((g) => g.length > 1);
  let pairs = 0;
  for (const g of groups) for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) if (truth[g[i]] !== truth[g[j]]) pairs++;
  // The questions of the communities whose engagement reading is shown (no "no reliable reading" caveat).
  const shown = groups.filter((g) => !p.models[answers[g[0]].c].engagementCheck?.caveat);
  const rows = ENG_MEASURES.map((measure): EngRow => {
    const pred = preds.map((x) => x[measure]);
    const value = pairwiseAccuracy(pred, truth, groups);
    const ci = bootstrapInterval(groups, (sample) => pairwiseAccuracy(pred, truth, sample), { resamples: 300, seed: 7 });
    const perCommunity: Record<string, number> = {};
    p.communities.forEach((name, c) => {
      const gs = groups.filter((g) => answers[g[0]].c === c);
      if (gs.length) perCommunity[name.replace('.stackexchange', '')] = pairwiseAccuracy(pred, truth, gs);
    });
    const half = groups.filter((g) => !isTuneHalf(answers[g[0]].c));
    const ciShown = bootstrapInterval(shown, (sample) => pairwiseAccuracy(pred, truth, sample), { resamples: 300, seed: 7 });
    return {
      measure,
      value,
      low: ci.low,
      high: ci.high,
      perCommunity,
      reportHalf: pairwiseAccuracy(pred, truth, half),
      shown: { value: pairwiseAccuracy(pred, truth, shown), low: ciShown.low, high: ciShown.high },
    };
  });
  return { rows, pairs, threads: groups.length };
}

/** Reddit: Spearman between each predictor and the post's score within each community (held-out posts). */
function redditSpearman(p: Prepared): { rows: EngRow[]; n: number } {
  const perCommunity = p.communities.map((_, c) => {
    const hs = p.heldOut.filter((h) => h.c === c);
    return { preds: hs.map((h) => engagementPredictors(p, h)), truth: hs.map((h) => h.item.score) };
  });
  const rows = ENG_MEASURES.map((measure): EngRow => {
    const rhos = perCommunity.map((x) => spearman(x.preds.map((q) => q[measure]), x.truth));
    const finite = rhos.filter(Number.isFinite);
    return {
      measure,
      value: finite.reduce((a, b) => a + b, 0) / finite.length,
      low: Math.min(...finite),
      high: Math.max(...finite),
      perCommunity: Object.fromEntries(p.communities.map((n, c) => [n, rhos[c]])),
    };
  });
  return { rows, n: perCommunity.reduce((s, x) => s + x.truth.length, 0) };
}

// ---------------------------------------------------------------------------------------------------------------
// Calibration you can check: where a community's own held-out items land on each dimension. Honest percentiles
// spread them evenly over 0-100 (median near 50, about 10% below 10 and 10% above 90).

const DIMENSIONS = ['language', 'emotion', 'engagement', 'conversation'] as const;
type Dimension = (typeof DIMENSIONS)[number];
/** Held-out items of this many words or more are "long posts"; shorter ones "short items". */
const LONG_WORDS = 100;
const LENGTHS = ['long', 'short'] as const;
type LengthClass = (typeof LENGTHS)[number];
const lengthClass = (words: number): LengthClass => (words >= LONG_WORDS ? 'long' : 'short');

interface Spread {
  n: number;
  median: number;
  /**
   * The median's 95% interval (language only; NaN elsewhere and under MIN_INTERVAL_ITEMS items): a seeded bootstrap
   * over threads, so Stack Exchange items of one held-out thread (a question, its answers and comments, which share
   * a topic) are resampled together; on Reddit every post is its own thread.
   */
  low: number;
  high: number;
  below10: number;
  above90: number;
}

/** Fewer items than this and the median's interval is not given (the binomial bound: 6 items can reach 95%). */
const MIN_INTERVAL_ITEMS = 6;

function spreadOf(xs: readonly { v: number; thread: string }[], interval: boolean): Spread {
  const s = xs.map((x) => x.v).sort((a, b) => a - b);
  const n = s.length;
  let low = Number.NaN;
  let high = Number.NaN;
  if (interval && n >= MIN_INTERVAL_ITEMS) {
    const byThread = new Map<string, number[]>();
    for (const x of xs) byThread.set(x.thread, [...(byThread.get(x.thread) ?? []), x.v]);
    ({ low, high } = bootstrapInterval([...byThread.values()], (sample) => median(sample.flat()), { resamples: 1000, seed: 7 }));
  }
  return { n, median: median(s), low, high, below10: n ? s.filter((x) => x < 10).length / n : Number.NaN, above90: n ? s.filter((x) => x > 90).length / n : Number.NaN };
}

/** How many of each community's most upvoted long held-out posts `logTopPosts` scores. */
const TOP_POSTS = 20;

/**
 * The issue that started the calibration work: a community's own best long posts read as foreign (language 0–9).
 * Per community, its TOP_POSTS most upvoted held-out posts of LONG_WORDS+ words, scored against its own profile.
 */
function logTopPosts(log: (s?: string) => void, p: Prepared, file: string): void {
  log(`## ${file}: each community's ${TOP_POSTS} most upvoted held-out posts of ${LONG_WORDS}+ words, language score against their own profile (honest: median near 50, ~10% below 10)`);
  log();
  log(`| community | posts | the five most upvoted | median | below 10 |`);
  log('|---|---|---|---|---|');
  const all: number[] = [];
  p.communities.forEach((name, c) => {
    const top = p.heldOut
      .filter((h) => h.c === c && h.doc.stats.tokens >= LONG_WORDS)
      .sort((a, b) => b.item.score - a.item.score || (a.item.id < b.item.id ? -1 : 1))
      .slice(0, TOP_POSTS)
      .map((h) => ownScore(p, h).language ?? -1);
    all.push(...top);
    log(`| ${name} | ${top.length} | ${top.slice(0, 5).join(', ')} | ${top.length ? median(top) : 'n/a'} | ${top.filter((x) => x < 10).length} |`);
  });
  log();
  const below = all.filter((x) => x < 10).length;
  log(`All ${all.length}: median ${median(all)}, ${below} below 10 (${((100 * below) / all.length).toFixed(1)}%), ${all.filter((x) => x >= 50).length} at 50 or above.`);
  log();
}

type OwnScored = { r: Scored & { tokens: number }; thread: string }[];

/** Per community: each own held-out item's scores against its own profile, with its thread. */
function ownScored(p: Prepared): Record<string, OwnScored> {
  return Object.fromEntries(p.communities.map((name, c) => [name, p.heldOut.filter((h) => h.c === c).map((h) => ({ r: ownScore(p, h), thread: h.item.thread }))]));
}

/** Per community, dimension and length class: the spread of the own held-out items' scores (all held-out items). */
function ownSpreads(byCommunity: Record<string, OwnScored>): Record<string, Record<Dimension, Record<LengthClass, Spread>>> {
  const out: Record<string, Record<Dimension, Record<LengthClass, Spread>>> = {};
  Object.entries(byCommunity).forEach(([name, scored]) => {
    out[name] = Object.fromEntries(
      DIMENSIONS.map((d) => [
        d,
        Object.fromEntries(
          LENGTHS.map((l) => [
            l,
            spreadOf(
              scored.filter(({ r }) => lengthClass(r.tokens) === l && r[d] !== null).map(({ r, thread }) => ({ v: r[d]!, thread })),
              d === 'language',
            ),
          ]),
        ),
      ]),
    ) as Record<Dimension, Record<LengthClass, Spread>>;
  });
  return out;
}

/** Communities whose spread is based on fewer items than this are listed but not counted as the worst. */
const MIN_SPREAD_ITEMS = 20;

function logSpreads(log: (s?: string) => void, file: string, spreads: ReturnType<typeof ownSpreads>, pooled = ''): void {
  const names = Object.keys(spreads);
  const pc = (x: number): string => (Number.isFinite(x) ? `${Math.round(100 * x)}%` : 'n/a');
  const md = (x: number): string => (Number.isFinite(x) ? String(Math.round(x * 10) / 10) : 'n/a');
  log(`## ${file}: calibration${pooled}, the language percentile of each community's own held-out items against its own profile (long posts: ${LONG_WORDS}+ words; honest: median near 50, ~10% below 10, ~10% above 90)`);
  log();
  log(`Each median with its 95% interval (seeded bootstrap over held-out threads, 1000 resamples; n/a under ${MIN_INTERVAL_ITEMS} items); "50 in" says whether 50 lies inside it. It covers the sampling of the held-out items, not of the profile's own items (another split changes both; EVALUATION.md, "Why four calibration cells were off").`);
  log();
  log('| community | long posts | median (95% interval) | 50 in | below 10 | above 90 | short items | median (95% interval) | 50 in | below 10 | above 90 |');
  log('|---|---|---|---|---|---|---|---|---|---|---|');
  const ci = (s: Spread): string => `${md(s.median)} (${Number.isFinite(s.low) ? `${md(s.low)}–${md(s.high)}` : 'n/a'})`;
  const inside = (s: Spread): string => (Number.isFinite(s.low) ? (s.low <= 50 && 50 <= s.high ? 'yes' : '**no**') : 'n/a');
  for (const n of names) {
    const { long, short } = spreads[n].language;
    log(`| ${n} | ${long.n} | ${ci(long)} | ${inside(long)} | ${pc(long.below10)} | ${pc(long.above90)} | ${short.n} | ${ci(short)} | ${inside(short)} | ${pc(short.below10)} | ${pc(short.above90)} |`);
  }
  log();
  const cells = names.flatMap((n) => LENGTHS.map((l) => ({ n, l, s: spreads[n].language[l] }))).filter((c) => c.s.n >= MIN_SPREAD_ITEMS);
  const off = cells.filter((c) => c.s.median < 40 || c.s.median > 60);
  const excluded = cells.filter((c) => c.s.low > 50 || c.s.high < 50);
  const cellName = (c: (typeof cells)[number]): string => `${c.n} ${c.l} ${md(c.s.median)} (${md(c.s.low)}–${md(c.s.high)})`;
  log(
    `Cells of ${MIN_SPREAD_ITEMS}+ items: ${cells.length}; median outside 40–60: ${off.length}${off.length ? ` (${off.map(cellName).join('; ')})` : ''}; 50 outside the median's 95% interval: ${excluded.length}${excluded.length ? ` (${excluded.map(cellName).join('; ')})` : ''} — with honest percentiles about 5% of cells (${(0.05 * cells.length).toFixed(1)}) would be, by chance.`,
  );
  log();
  log(`## ${file}: calibration${pooled}, every dimension (own held-out items; medians over communities with ${MIN_SPREAD_ITEMS}+ items of the length class)`);
  log();
  log('| dimension | items | communities | lowest median | highest median | median of medians | mean share below 10 | mean share above 90 | worst community (median farthest from 50) |');
  log('|---|---|---|---|---|---|---|---|---|');
  for (const d of DIMENSIONS) {
    for (const l of LENGTHS) {
      const rows = names.map((n) => ({ n, s: spreads[n][d][l] })).filter((r) => r.s.n >= MIN_SPREAD_ITEMS);
      if (!rows.length) {
        log(`| ${d} | ${l} | 0 | n/a | n/a | n/a | n/a | n/a | n/a |`);
        continue;
      }
      const meds = rows.map((r) => r.s.median).sort((a, b) => a - b);
      const worst = rows.reduce((a, b) => (Math.abs(b.s.median - 50) > Math.abs(a.s.median - 50) ? b : a));
      const mean = (f: (s: Spread) => number): number => rows.reduce((a, r) => a + f(r.s), 0) / rows.length;
      log(`| ${d} | ${l} | ${rows.length} | ${md(meds[0])} | ${md(meds[meds.length - 1])} | ${md(median(meds))} | ${pc(mean((s) => s.below10))} | ${pc(mean((s) => s.above90))} | ${worst.n} (${md(worst.s.median)}, ${worst.s.n} items) |`);
    }
  }
  log();
}

// ---------------------------------------------------------------------------------------------------------------
// Leave-communities-out: the calibration constants (COMPARABLE in src/analyzers/calibrate.ts) are chosen on half of
// the communities (every other one in name order, per data set) and reported on the other half.

const GRID: ComparableRule[] = [20, 50, 100].flatMap((items) => [1.25, 1.5, 2].flatMap((ratio) => [3, 4, 8].map((maxRatio) => ({ items, ratio, maxRatio }))));
const ruleName = (r: ComparableRule): string => `items ${r.items}, ratio ${r.ratio}, max ${r.maxRatio}`;

/**
 * How far own held-out items' language percentiles are from uniform: the mean over deciles q of |share below q − q|,
 * averaged over the (community, length class) cells of a half that hold 20+ items. Sums per rule and half.
 */
interface ProtocolSums {
  error: number[][];
  cells: number[][];
}

/** How far percentiles are from uniform: the mean over the deciles q of |share below q − q|; 0 is perfectly honest. */
function calibrationError(percentiles: readonly number[]): number {
  let err = 0;
  for (let q = 10; q <= 90; q += 10) err += Math.abs(percentiles.filter((x) => x < q).length / percentiles.length - q / 100);
  return err / 9;
}

function protocolSums(p: Prepared, into: ProtocolSums): void {
  p.communities.forEach((_, c) => {
    const half = c % 2;
    const hs = p.heldOut.filter((h) => h.c === c);
    const input = hs.map((h) => ({ words: h.doc.stats.tokens, raw: languageRaw(analysisInput(h.doc, p.models[c]).draft.additive) })).filter((x) => Number.isFinite(x.raw));
    GRID.forEach((rule, g) => {
      for (const l of LENGTHS) {
        const ps = input.filter((x) => lengthClass(x.words) === l).map((x) => calibrate(p.models[c], x.words, x.raw, languageRaw, rule)?.score ?? Number.NaN).filter(Number.isFinite);
        if (ps.length < MIN_SPREAD_ITEMS) continue;
        into.error[g][half] += calibrationError(ps);
        into.cells[g][half]++;
      }
    });
  });
}

function logProtocol(log: (s?: string) => void, sums: ProtocolSums, datasets: string): void {
  const err = (g: number, half: number): number => sums.error[g][half] / sums.cells[g][half];
  let chosen = 0;
  GRID.forEach((_, g) => {
    if (err(g, 0) < err(chosen, 0) - 1e-12) chosen = g;
  });
  const shipped = GRID.findIndex((r) => ruleName(r) === ruleName(COMPARABLE));
  log(`## Leave-communities-out (${datasets}): calibration constants chosen on half A (every other community by name: 1st, 3rd, …), reported on half B`);
  log();
  log(`Calibration error: mean over deciles q of |share of own held-out items below q − q|, language percentile, averaged over (community, long/short) cells of 20+ items (A: ${sums.cells[0][0]} cells, B: ${sums.cells[0][1]}). 0 is perfectly honest.`);
  log();
  log('| comparable items rule | error on A (choosing) | error on B (reporting) | |');
  log('|---|---|---|---|');
  GRID.forEach((r, g) => log(`| ${ruleName(r)} | ${f3(err(g, 0))} | ${f3(err(g, 1))} | ${[g === chosen ? 'chosen on A' : '', g === shipped ? 'shipped' : ''].filter(Boolean).join(', ')} |`));
  log();
  log(`Chosen on A: ${ruleName(GRID[chosen])} → error on B ${f3(err(chosen, 1))} (best possible on B: ${f3(Math.min(...GRID.map((_, g) => err(g, 1))))}). Shipped: ${ruleName(COMPARABLE)}${shipped === chosen ? ' (the rule chosen on A)' : ' (NOT the rule chosen on A)'}.`);
  log();
}

// ---------------------------------------------------------------------------------------------------------------
// Leave-communities-out for the background's written share (WRITTEN_SHARE in src/community/background.ts): every
// share of a grid rebuilds the profiles' models against that background, and is judged by how well the language
// percentile tells a held-out item's own community from the others of the same half (same-item AUC, top-1), with
// the calibration error of own held-out items beside it. Chosen on half A, reported on half B.

const WRITTEN_GRID = [0, 0.25, 0.5, 0.75, 1];

/** Sums per share and half: same-item pairs won, pairs, top-1 hits, items; calibration error and cells. */
interface BackgroundSums {
  beat: number[][];
  pairs: number[][];
  top1: number[][];
  items: number[][];
  error: number[][];
  cells: number[][];
}

const backgroundSumsOf = (): BackgroundSums => {
  const zero = (): number[][] => WRITTEN_GRID.map(() => [0, 0]);
  return { beat: zero(), pairs: zero(), top1: zero(), items: zero(), error: zero(), cells: zero() };
};

function backgroundSums(p: Prepared, perCommunity: number, into: BackgroundSums): void {
  const text = readFileSync(packagePath('data', 'background-en.tsv'), 'latin1');
  const chosen = fitOrder(p).flatMap((hs) => hs.slice(0, perCommunity));
  const chosenStems = chosen.map((h) => sentenceStems(h.doc));
  const own = p.heldOut.map((h) => ({ h, stems: sentenceStems(h.doc) }));
  const percentileOf = (m: CommunityModel, doc: Document, stems: string[][]): number => {
    const lm = logRatio(m, stems);
    return (lm.n > 0 ? calibrate(m, doc.stats.tokens, lm.sum / lm.n, languageRaw)?.percentile : undefined) ?? -1;
  };
  WRITTEN_GRID.forEach((share, g) => {
    const bg = backgroundFrom(text, share);
    const models = p.models.map((m) => buildModel(m.profile, bg));
    chosen.forEach((h, i) => {
      const half = h.c % 2;
      const rivals = p.communities.flatMap((_, c) => (c % 2 === half ? [c] : []));
      const s = new Map(rivals.map((c) => [c, percentileOf(models[c], h.doc, chosenStems[i])]));
      const mine = s.get(h.c)!;
      let above = 0;
      let tied = 0;
      for (const c of rivals) {
        if (c === h.c) continue;
        const v = s.get(c)!;
        into.beat[g][half] += mine > v ? 1 : mine === v ? 0.5 : 0;
        into.pairs[g][half]++;
        if (v > mine) above++;
        else if (v === mine) tied++;
      }
      into.top1[g][half] += above === 0 ? 1 / (tied + 1) : 0;
      into.items[g][half]++;
    });
    p.communities.forEach((_, c) => {
      const mine = own.filter((o) => o.h.c === c);
      for (const l of LENGTHS) {
        const ps = mine.filter((o) => lengthClass(o.h.doc.stats.tokens) === l).map((o) => percentileOf(models[c], o.h.doc, o.stems)).filter((x) => x >= 0);
        if (ps.length < MIN_SPREAD_ITEMS) continue;
        into.error[g][c % 2] += calibrationError(ps);
        into.cells[g][c % 2]++;
      }
    });
  });
}

function logBackgroundProtocol(log: (s?: string) => void, sums: BackgroundSums, datasets: string): void {
  const at = (xs: number[][], ys: number[][], g: number, half: number): number => xs[g][half] / ys[g][half];
  const aucOf = (g: number, half: number): number => at(sums.beat, sums.pairs, g, half);
  let chosen = 0;
  WRITTEN_GRID.forEach((_, g) => {
    if (aucOf(g, 0) > aucOf(chosen, 0) + 1e-12) chosen = g;
  });
  log(`## Leave-communities-out (${datasets}): the background's written share chosen on half A, reported on half B`);
  log();
  log(`Each share rebuilds every model against general English of that mix (0: spoken only, the SUBTLEXus subtitles; 1: written only, the Brown Corpus). Same-item AUC and top-1 of the language percentile among the communities of one half (${sums.items[0][0]} items of half A, ${sums.items[0][1]} of half B); calibration error as in the previous table (0 is perfectly honest).`);
  log();
  log('| written share | same-item AUC, A (choosing) | top-1, A | calibration error, A | same-item AUC, B (reporting) | top-1, B | calibration error, B | |');
  log('|---|---|---|---|---|---|---|---|');
  WRITTEN_GRID.forEach((share, g) => {
    const notes = [g === chosen ? 'chosen on A' : '', share === WRITTEN_SHARE ? 'shipped' : ''].filter(Boolean).join(', ');
    log(`| ${share} | ${f3(aucOf(g, 0))} | ${f3(at(sums.top1, sums.items, g, 0))} | ${f3(at(sums.error, sums.cells, g, 0))} | ${f3(aucOf(g, 1))} | ${f3(at(sums.top1, sums.items, g, 1))} | ${f3(at(sums.error, sums.cells, g, 1))} | ${notes} |`);
  });
  log();
  const shipped = WRITTEN_GRID.indexOf(WRITTEN_SHARE);
  log(`Chosen on A: written share ${WRITTEN_GRID[chosen]} → same-item AUC on B ${f3(aucOf(chosen, 1))} (spoken only: ${f3(aucOf(0, 1))}). Shipped: ${WRITTEN_SHARE}${shipped === chosen ? ' (the share chosen on A)' : ' (NOT the share chosen on A)'}.`);
  log();
}

// ---------------------------------------------------------------------------------------------------------------

/** Confirms that scoreDoc gives what buildReport gives (the product's own path) on a few item × profile pairs. */
function checkAgainstReport(p: Prepared, n: number): void {
  for (let i = 0; i < Math.min(n, p.heldOut.length); i++) {
    const h = p.heldOut[Math.floor((i * p.heldOut.length) / n)];
    const c = (h.c + i) % p.models.length;
    const mine = scoreDoc(h.doc, p.models[c]);
    const report = buildReport(h.doc, p.models[c]);
    if (report.overall.score !== mine.overall || report.dimensions[0].score !== mine.language) {
      throw new Error(`eval scoring drifted from buildReport on ${h.item.id}: ${mine.overall} vs ${report.overall.score}`);
    }
  }
}

const f3 = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '  n/a');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const missing = missingData(Object.keys(FILES) as Dataset[], 'eval');
  if (missing) {
    process.stderr.write(missing + '\n');
    process.exitCode = 2;
    return;
  }
  const t0 = performance.now();
  const tmp = mkdtempSync(join(tmpdir(), 'resonate-eval-'));
  const out: Record<string, unknown> = { heldOutPerCommunity: args.heldOut };
  const lines: string[] = [];
  const log = (s = ''): void => {
    lines.push(s);
    process.stdout.write(s + '\n');
  };
  try {
    const datasets: Dataset[] = args.only ? [args.only] : ['reddit', 'stackexchange'];
    const protocol: ProtocolSums = { error: GRID.map(() => [0, 0]), cells: GRID.map(() => [0, 0]) };
    const backgroundProtocol = backgroundSumsOf();
    for (const dataset of datasets) {
      const t = performance.now();
      const p = await prepare(dataset, tmp);
      const prepSecs = (performance.now() - t) / 1000;
      if (args.check) checkAgainstReport(p, args.check);
      const fit = communityFit(p, args.heldOut, args.scored);
      const fitSecs = (performance.now() - t) / 1000 - prepSecs;
      log(`## ${FILES[dataset]}: community fit (${p.communities.length} communities; held-out items of ${MIN_CHARS}+ characters, each scored against every profile: ${fit.n} for raw measures and baselines, the first ${fit.scored} of them for percentile scores)`);
      log();
      const pairNames = Object.keys(fit.rows[0].pairs);
      const short = (s: string): string => s.replace(/relationship_advice/, 'rel_advice').replace(/talesfromtechsupport/, 'tfts').replace(/TalesFromRetail/, 'TFR').replace(/learnprogramming/, 'learnprog').replace(/cscareerquestions/, 'cscareer').replace(/personalfinance/, 'pf');
      log(`| measure | items | AUC own vs other (same item) | AUC per profile | top-1 | MRR |${pairNames.map((n) => ` ${short(n)} |`).join('')}`);
      log(`|---|---|---|---|---|---|${pairNames.map(() => '---|').join('')}`);
      for (const r of fit.rows) log(`| ${r.measure} | ${r.items} | ${f3(r.itemAuc)} | ${f3(r.profileAuc)} | ${f3(r.top1)} | ${f3(r.mrr)} |${pairNames.map((n) => ` ${f3(r.pairs[n])} |`).join('')}`);
      log();
      log(`Report half (the overall's constants were chosen on the other communities): same-item AUC among ${fit.reportHalf.communities.join(', ')}: overall score ${f3(fit.reportHalf.overall)}, language score ${f3(fit.reportHalf.language)}.`);
      log();
      const share = (k: number, n: number): string => `${((100 * k) / n).toFixed(1)}%`;
      const { own: mine, other } = fit.bands;
      log(`Overall bands of the ${fit.scored} scored items: against their own community ${share(mine.strong, mine.n)} strong (70+) and ${share(mine.moderate, mine.n)} at least moderate (50+); against each other community ${share(other.strong, other.n)} strong and ${share(other.moderate, other.n)} at least moderate (${other.n} item × community pairs).`);
      log();
      log(`Engagement check per community (the reading's own check of its history, as \`resonate backtest\` judges it; a caveat makes the engagement score null with "no reliable reading"):`);
      log();
      log('| community | pairing | pairs | pairwise accuracy (95% CI) | reading |');
      log('|---|---|---|---|---|');
      p.models.forEach((m, c) => {
        const k = m.engagementCheck;
        if (k) log(`| ${p.communities[c]} | ${k.pairing} | ${k.pairs} | ${f3(k.pairwise)} (${f3(k.low)}–${f3(k.high)}) | ${k.caveat ? 'no reliable reading' : 'shown'} |`);
      });
      log();
      if (dataset === 'stackexchange') {
        const eng = answerPairs(p);
        log(`## ${FILES[dataset]}: engagement, answers under the same held-out question (${eng.pairs} pairs with different scores, ${eng.threads} questions)`);
        log();
        const names = Object.keys(eng.rows[0].perCommunity);
        log(`| predictor | pairwise accuracy | 95% CI (bootstrap over questions) | where the engagement reading is shown (95% CI) | report half |${names.map((n) => ` ${n} |`).join('')}`);
        log(`|---|---|---|---|---|${names.map(() => '---|').join('')}`);
        const sh = (r: EngRow): string => (r.shown ? `${f3(r.shown.value)} (${f3(r.shown.low)}–${f3(r.shown.high)})` : 'n/a');
        for (const r of eng.rows) log(`| ${r.measure} | ${f3(r.value)} | ${f3(r.low)}–${f3(r.high)} | ${sh(r)} | ${f3(r.reportHalf ?? Number.NaN)} |${names.map((n) => ` ${f3(r.perCommunity[n])} |`).join('')}`);
        const hidden = p.communities.filter((_, c) => p.models[c].engagementCheck?.caveat).map((n) => n.replace('.stackexchange', ''));
        log();
        log(`Engagement shown as "no reliable reading" (its own check at chance): ${hidden.length ? hidden.join(', ') : 'none'}; the engagement score is null there and counts as a tie in the first column.`);
        log();
        out[`${dataset}-engagement`] = eng;
      } else {
        const eng = redditSpearman(p);
        log(`## ${FILES[dataset]}: engagement, Spearman with the post's score within each community (${eng.n} held-out posts; all are top-1000 posts, so the low end is truncated)`);
        log();
        log('| predictor | mean Spearman | min | max |');
        log('|---|---|---|---|');
        for (const r of eng.rows) log(`| ${r.measure} | ${f3(r.value)} | ${f3(r.low)} | ${f3(r.high)} |`);
        log();
        out[`${dataset}-engagement`] = eng;
      }
      out[`${dataset}-fit`] = fit;
      const own = ownScored(p);
      const spreads = ownSpreads(own);
      logSpreads(log, FILES[dataset], spreads);
      logTopPosts(log, p, FILES[dataset]);
      out[`${dataset}-calibration`] = spreads;
      if (args.protocol) {
        const tp = performance.now();
        protocolSums(p, protocol);
        backgroundSums(p, args.heldOut, backgroundProtocol);
        log(`(${dataset}: leave-communities-out protocols ${((performance.now() - tp) / 1000).toFixed(1)} s)`);
        log();
      }
      if (args.splits > 1) {
        // One split's cells of 40-200 items swing by more than their intervals say (the profile's own items change
        // with the split too): every item held out once, each against the profile of the other four folds.
        const ts = performance.now();
        const pooledScores = Object.fromEntries(Object.entries(own).map(([name, xs]) => [name, [...xs]]));
        for (let f = 1; f < args.splits; f++) {
          const q = await prepare(dataset, tmp, f);
          for (const [name, xs] of Object.entries(ownScored(q))) pooledScores[name].push(...xs);
        }
        const pooled = ownSpreads(pooledScores);
        logSpreads(log, FILES[dataset], pooled, ` pooled over ${args.splits} splits (every item held out once, against the profile of the other folds)`);
        out[`${dataset}-calibration-pooled`] = pooled;
        log(`(${dataset}: the ${args.splits - 1} further splits ${((performance.now() - ts) / 1000).toFixed(1)} s)`);
        log();
      }
      log(`(${dataset}: profiles and documents ${prepSecs.toFixed(1)} s, community fit ${fitSecs.toFixed(1)} s, total ${((performance.now() - t) / 1000).toFixed(1)} s)`);
      log();
    }
    if (args.protocol) {
      logProtocol(log, protocol, datasets.map((d) => FILES[d]).join(' + '));
      logBackgroundProtocol(log, backgroundProtocol, datasets.map((d) => FILES[d]).join(' + '));
    }
    log(`Total: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    if (args.json) writeFileSync(args.json, JSON.stringify(out, null, 2) + '\n');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
