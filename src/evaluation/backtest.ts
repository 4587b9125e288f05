// k-fold backtest of the reading on a community's own history: build a profile from k−1 folds, score the
// held-out items, and measure how well each score orders higher-engagement items above lower ones.
import type { ColumnMap, DimensionResult, Document } from '../types.js';
import { ProfileBuilder, type ItemInput } from '../community/profile-builder.js';
import { buildModel, type CommunityModel } from '../community/model.js';
import { PROFILE_FORMAT_VERSION, type CommunityProfileData } from '../community/profile-types.js';
import { analysisInput } from '../analyzers/analysis-input.js';
import { runAnalyzers } from '../analyzers/index.js';
import { overallScore } from '../report/overall.js';
import { parseDraft } from '../input/read-draft.js';
import { TOOL_VERSION } from '../version.js';
import { hashText } from '../community/hash.js';
import { assignFolds } from './folds.js';
import type { Interval } from './bootstrap.js';
import { noReliableReading, pairingOf, pairwiseResult, spearmanResult, threadKeys } from './ordering.js';

export interface BacktestOptions {
  folds: number;
  seed: number;
  /** Most held-out items scored (whole threads, in seeded hash order); keeps large exports quick. */
  maxItems: number;
  resamples: number;
}

export const PREDICTORS = ['overall', 'language', 'emotion', 'engagement', 'conversation', 'length'] as const;
export type Predictor = (typeof PREDICTORS)[number];

export interface PredictorResult {
  predictor: Predictor;
  pairwise: number;
  pairwiseInterval: Interval;
  spearman: number;
  spearmanInterval: Interval;
}

export interface BacktestResult {
  folds: number;
  seed: number;
  /** 'thread': pairs within the same thread; 'all': all pairs of held-out items. */
  pairing: 'thread' | 'all';
  items: number;
  scored: number;
  pairs: number;
  threads: number | null;
  results: PredictorResult[];
  /**
   * Why the engagement score is no reliable reading on this history (noReliableReading, the rule the score report's
   * own check applies), or null when it is one.
   */
  engagementCaveat: string | null;
}

/** Scores of one document against one community: the analyzers as buildReport runs them (no highlights). */
export function dimensionScores(doc: Document, model: CommunityModel): Record<Exclude<Predictor, 'length'>, number | null> {
  const input = analysisInput(doc, model);
  const dims: DimensionResult[] = runAnalyzers(input);
  const by = (id: string): number | null => dims.find((d) => d.id === id)?.score ?? null;
  return { overall: overallScore(dims), language: by('language'), emotion: by('emotion'), engagement: by('engagement'), conversation: by('conversation') };
}

/** A profile from in-memory items, shaped as buildProfile's (no sources: the items are folds of one export). */
export function profileFromItems(items: readonly ItemInput[], columns: ColumnMap, sampleSize = 2000): CommunityProfileData {
  const b = new ProfileBuilder(sampleSize);
  for (const it of items) b.add(it);
  const { counts, sample, prunedBelow } = b.finish();
  return {
    formatVersion: PROFILE_FORMAT_VERSION,
    kind: 'resonate-community-profile',
    tool: { name: 'resonate', version: TOOL_VERSION },
    sources: [],
    columns,
    build: { sampleSize, maxWords: 200_000, maxBigrams: 400_000, since: null, until: null, prunedBelow },
    summary: { rowsRead: items.length, itemsUsed: counts.items, skipped: b.skipped, problems: [] },
    counts,
    sample,
  };
}

export function runBacktest(items: readonly ItemInput[], columns: ColumnMap, options: BacktestOptions): BacktestResult {
  const k = options.folds;
  // Items of one thread share a fold, so a held-out item's thread never trains the profile that scores it.
  const keys = threadKeys(items.map((it) => it.thread));
  const fold = assignFolds(keys, k, options.seed);
  // Cap the work: whole threads (or items) in seeded hash order until maxItems engaged items are taken.
  const engagedKeys = [...new Set(keys.filter((_, i) => items[i].engagement !== null))].sort((a, b) => {
    const ha = hashText(a, options.seed);
    const hb = hashText(b, options.seed);
    return ha < hb ? -1 : ha > hb ? 1 : 0;
  });
  const perKey = new Map<string, number>();
  keys.forEach((key, i) => items[i].engagement !== null && perKey.set(key, (perKey.get(key) ?? 0) + 1));
  const taken = new Set<string>();
  let count = 0;
  for (const key of engagedKeys) {
    if (count >= options.maxItems) break;
    taken.add(key);
    count += perKey.get(key)!;
  }

  const scored: { truth: number; key: string; preds: Record<Predictor, number> }[] = [];
  for (let f = 0; f < k; f++) {
    const held = items.map((_, i) => i).filter((i) => fold[i] === f && items[i].engagement !== null && taken.has(keys[i]));
    if (held.length === 0) continue;
    const model = buildModel(profileFromItems(items.filter((_, i) => fold[i] !== f), columns));
    for (const i of held) {
      let doc: Document;
      try {
        doc = parseDraft(items[i].text, `item ${i + 1}`, true);
      } catch {
        continue; // no prose to read (a link or code only)
      }
      const s = dimensionScores(doc, model);
      // An unscorable dimension ranks lowest (−1) rather than dropping the item from every comparison.
      const v = (x: number | null): number => x ?? -1;
      scored.push({
        truth: items[i].engagement!,
        key: keys[i],
        preds: { overall: v(s.overall), language: v(s.language), emotion: v(s.emotion), engagement: v(s.engagement), conversation: v(s.conversation), length: doc.stats.tokens },
      });
    }
  }

  const truth = scored.map((s) => s.truth);
  const p = pairingOf(
    truth,
    scored.map((s) => s.key),
  );
  const boot = { resamples: options.resamples, seed: options.seed };
  const results = PREDICTORS.map((predictor): PredictorResult => {
    const pred = scored.map((s) => s.preds[predictor]);
    return { predictor, ...pairwiseResult(pred, truth, p, boot), ...spearmanResult(pred, truth, p, boot) };
  });
  return {
    folds: k,
    seed: options.seed,
    pairing: p.pairing,
    items: items.length,
    scored: scored.length,
    pairs: p.pairs,
    threads: p.threads,
    results,
    engagementCaveat: noReliableReading(results.find((x) => x.predictor === 'engagement')!, p),
  };
}

const pct = (x: number): string => (Number.isFinite(x) ? `${Math.round(100 * x)}%` : 'n/a');
const range = (i: Interval): string => (Number.isFinite(i.low) ? `${Math.round(100 * i.low)}–${Math.round(100 * i.high)}%` : 'n/a');
const num = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');

/** The plain-words reading of a backtest, e.g. "… orders same-thread pairs correctly 61% of the time (57–65%); length alone: 52%". */
export function backtestSentence(r: BacktestResult): string {
  const overall = r.results.find((x) => x.predictor === 'overall')!;
  const length = r.results.find((x) => x.predictor === 'length')!;
  const what = r.pairing === 'thread' ? 'same-thread pairs' : 'pairs of items';
  return (
    `In this community, the reading orders ${what} correctly ${pct(overall.pairwise)} of the time ` +
    `(${range(overall.pairwiseInterval)}); length alone: ${pct(length.pairwise)}.`
  );
}

export function formatBacktestText(r: BacktestResult): string {
  const lines = [
    backtestSentence(r),
    '',
    `${r.folds}-fold backtest (seed ${r.seed}): ${r.scored} held-out items scored of ${r.items}; ` +
      (r.pairing === 'thread' ? `${r.pairs} same-thread pairs with different engagement in ${r.threads} threads.` : `${r.pairs} pairs with different engagement (no threads in the export).`),
    '',
    `${'score'.padEnd(14)}${'pairwise accuracy'.padEnd(26)}Spearman`,
    ...r.results.map(
      (x) =>
        `${(x.predictor === 'length' ? 'length alone' : x.predictor).padEnd(14)}` +
        `${`${pct(x.pairwise)} (${range(x.pairwiseInterval)})`.padEnd(26)}` +
        `${num(x.spearman)} (${num(x.spearmanInterval.low)} to ${num(x.spearmanInterval.high)})`,
    ),
    ...(r.engagementCaveat ? ['', `Engagement: no reliable reading: ${r.engagementCaveat}.`] : []),
    '',
    '95% intervals: bootstrap over ' + (r.pairing === 'thread' ? 'threads' : 'items') + '. 50% is chance. A resonance reading is not a virality prediction:',
    'this says how far its ordering of your own past posts can be trusted, not how far a new one will spread.',
  ];
  return lines.join('\n') + '\n';
}
