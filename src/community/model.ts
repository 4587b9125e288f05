// Turns a saved profile into what the analyzers read: a smoothed language model, distinctive terms,
// engagement effects and the calibration sample re-measured with each item left out of the model.
import type { TextStats } from '../types.js';
import { EMOTIONS } from '../lexicons/index.js';
import { isContentStem } from '../text/stopwords.js';
import { isPlatformStem } from '../lexicons/platform-words.js';
import { bigramMap, forEachForm } from './count-tables.js';
import { WordCounts } from './word-counts.js';
import { addStats, CUES, emptyStats } from '../text/measure.js';
import { background, WRITTEN_SHARE, type Background } from './background.js';
import { firstAtLeast } from '../text/sorted-numbers.js';
import { ENG_SCALE, unflattenStats } from './profile-builder.js';
import type { CommunityProfileData, EngagementSums, SampleItem, WordEntry } from './profile-types.js';
import { assignFolds } from '../evaluation/folds.js';
import { BACKTEST_DEFAULTS, noReliableReading, pairingOf, pairwiseResult, threadKeys } from '../evaluation/ordering.js';
import { groupIndices } from '../evaluation/metrics.js';
import { designTerms, measureSample, SampleIndex } from './sample-measures.js';

/** Items a term must appear in before its engagement effect is taken at half strength. */
export const EFFECT_SHRINK = 10;
/** Informative-prior strength for the log-odds of distinctive terms (Monroe, Colaresi & Quinn 2008). */
export const LOG_ODDS_PRIOR = 1000;

export interface DistinctiveTerm {
  stem: string;
  /** The community's most frequent surface form of the stem. */
  term: string;
  count: number;
  /** Share of items that use it. */
  itemShare: number;
  /** Log-odds ratio z-score, community vs general English. */
  z: number;
}

/** Additive measurements of any text (a draft, an item, a bundle of items). */
export interface Additive {
  stats: TextStats;
  /** Sum over language tokens of log P(community) − log P(general English). */
  llrSum: number;
  llrN: number;
  /** Sum of engagement effects over content tokens, and the number of content tokens. */
  engSum: number;
  engN: number;
}

/**
 * An item of the calibration sample: its measurements, with its stats kept flat as saved (`st`) and made into a
 * TextStats only when read. Scoring reads every item's length from the flat stats (calibrate.ts) and the stats of
 * the items comparable to the draft only: making a TextStats of all 460 items of a small profile was ~0.5 ms of
 * every `score`.
 */
export class SampleAdditive implements Additive {
  private made: TextStats | undefined;

  constructor(
    readonly st: readonly number[],
    readonly llrSum: number,
    readonly llrN: number,
    readonly engSum: number,
    readonly engN: number,
  ) {}

  get stats(): TextStats {
    return (this.made ??= unflattenStats(this.st));
  }
}

export interface FeatureEffect {
  feature: string;
  /** Mean log-engagement of items with the feature minus the mean of all items (shrunk). */
  effect: number;
  z: number;
  items: number;
}

/**
 * Where a text's length falls among the community's rated sample items: the length part of the engagement
 * measure is its quantile (share of those items that are shorter, ties half), weighted by EngagementWeights.
 * A quantile, not raw length, so a draft longer than anything the community wrote gets the lift of its longest
 * items and no extrapolation beyond them.
 */
export interface LengthEffect {
  /** Sorted word counts of the sample items with engagement. */
  lengths: Float64Array;
  items: number;
}

/**
 * The mean length quantile of the rated sample items themselves, subtracted so that a text of typical length gets
 * no lift: exactly 1/2, as each pair of items adds 1 to the sum of quantiles (one is shorter; or, tied, half each)
 * and there are n²/2 pairs, self-pairs at half. (Summed item by item in floating point it was 1/2 give or take a
 * rounding.)
 */
const MEAN_LENGTH_QUANTILE = 0.5;

/**
 * Weights of the raw engagement measure's three parts, fitted jointly by ridge least squares of log-engagement
 * over the calibration sample's rated items. Estimated one by one, the parts double-count what they share
 * (long items use more of the terms that long, well-voted items use); fitted together, each weight is what
 * its part adds given the others.
 */
export interface EngagementWeights {
  /** On the mean engagement effect of the text's content terms. */
  term: number;
  /** On the length rank minus the sample's mean rank (so: log-engagement, longest vs shortest). */
  length: number;
  /** On the feature lift: the emotion and cue effects, weighted by how much of each the text shows. */
  features: number;
  /** Rated sample items the fit used (0: too few, the parts are added with weight 1 and no length term). */
  items: number;
}

/** Ridge penalty per rated sample item, on standardised parts: shrinks weights that the sample barely supports. */
export const ENGAGEMENT_RIDGE = 0.1;

/**
 * In a community whose items compete within threads (answers under one question, replies in one discussion), the
 * share of the fitted term and feature weights kept. The pooled fit learns them mostly from differences *between*
 * threads (a popular topic's words), which do not order the items of one thread; length does. Chosen on three of
 * the six Stack Exchange sites (ai, cardano, matheducators: answer pairs ordered best at 0.15 among 0–1) and
 * reported on the other three (EVALUATION.md). Without threads (every post its own thread) the fit is kept whole.
 */
export const THREAD_CONTENT_SHARE = 0.15;
/** Sample threads with two or more rated items before a community counts as one whose items compete in threads. */
export const MIN_SAMPLE_THREADS = 10;

/**
 * The engagement measure checked on the community's own history, as `resonate backtest` checks a score: the rated
 * sample items dealt into folds by thread (BACKTEST_DEFAULTS: 5 folds, seed 1), the weights fitted on the other folds
 * and applied to each, and the predictions' ordering of same-thread pairs (or all pairs, without threads) with a
 * bootstrap interval (1000 resamples). `caveat` is noReliableReading's verdict: why the history supports no
 * engagement reading, or null when it does.
 */
export interface EngagementCheck {
  pairwise: number;
  low: number;
  high: number;
  pairs: number;
  pairing: 'thread' | 'all';
  caveat: string | null;
}

/** Share of the community's sample items shorter than `words` (ties count half). */
export function lengthQuantile(effect: LengthEffect, words: number): number {
  const a = effect.lengths;
  const lo = firstAtLeast(a, words);
  let eq = lo;
  while (eq < a.length && a[eq] === words) eq++;
  return a.length ? (lo + (eq - lo) / 2) / a.length : 0.5;
}

export interface CommunityModel {
  profile: CommunityProfileData;
  background: Background;
  words: WordCounts;
  /** Built on first use: only `profile show` reads the phrases, and building the map is part of every start-up. */
  readonly bigrams: Map<string, number>;
  tokens: number;
  stats: TextStats;
  hasEngagement: boolean;
  distinctive: DistinctiveTerm[];
  featureEffects: Map<string, FeatureEffect>;
  /** The community's item lengths, for the length part of the engagement measure (null without engagement). */
  lengthEffect: LengthEffect | null;
  /** Weights of the raw engagement measure's parts (see EngagementWeights). */
  engagementWeights: EngagementWeights;
  /**
   * How well the engagement measure orders the community's own rated sample items (EngagementCheck), computed on
   * first use: null without engagement.
   */
  readonly engagementCheck: EngagementCheck | null;
  /** The calibration sample, each item measured with itself left out of the model. */
  calibration: SampleAdditive[];
  /** Emotion hits of the top quarter of sample items by engagement (null without engagement). */
  topEmotionMix: Record<string, number> | null;
  /** The terms whose items this community engages with most (empty without engagement). */
  rewardedTerms: RewardedTerm[];
  surface(stem: string): string;
  isContentStem(stem: string): boolean;
}


/**
 * Names how sample items are measured (language model, engagement effects). Change it whenever `logRatio`,
 * `termEngagement`, `topEmotionMix` or their constants change, so profiles saved with older measurements are
 * re-measured.
 */
export const MEASUREMENT_METHOD = `witten-bell-unigram-thread-out/2+background-en/2-written-${WRITTEN_SHARE}+term-engagement/1+joint-engagement-weights/2-thread-share-0.15+check/1`;

/**
 * Names how distinctive terms are chosen (`distinctiveTerms`: log-odds against the background list with
 * LOG_ODDS_PRIOR, content stems only, no platform words). Change it whenever any of those change, so stored terms are chosen again.
 */
export const DISTINCTIVE_METHOD = `log-odds-informative-prior-1000+background-en/2-written-${WRITTEN_SHARE}+no-platform-words/1`;

/**
 * Names how rewarded terms are ranked (`rewardedTerms`: content stems in at least REWARDED_MIN_ITEMS rated items, by
 * `termEffect`, the top REWARDED_TERMS). Change it whenever any of those change, so stored terms are ranked again.
 */
export const REWARDED_METHOD = 'term-effect-shrunk/1+content-min-20-items-z2+no-platform-words+top-15';
/**
 * Rated items a term or a habit must be seen in before a report calls it rewarded, and it must stand out from the
 * community's spread of engagement (z > REWARDED_MIN_Z): a "rewarded term" seen in 5-14 items was mostly one
 * thread's luck. See README, "What is measured".
 */
export const REWARDED_MIN_ITEMS = 20;
export const REWARDED_MIN_Z = 2;
const REWARDED_TERMS = 15;

/** A habit (emotion or conversation cue) that this community's well-received items show more, with enough support. */
export const isRewardedFeature = (f: FeatureEffect): boolean => f.z > REWARDED_MIN_Z && f.effect > 0 && f.items >= REWARDED_MIN_ITEMS;

/** A term with the shrunk log-engagement effect of the items using it (termEffect) and how many rated items do. */
export interface RewardedTerm {
  stem: string;
  effect: number;
  items: number;
}

/** The profile with its sample's measurements, distinctive and rewarded terms stored, so that scoring skips them. */
export function withDerived(profile: CommunityProfileData): CommunityProfileData {
  const { derived: _old, ...rest } = profile;
  const model = buildModel(rest);
  const w = model.engagementWeights;
  return {
    ...rest,
    derived: {
      method: MEASUREMENT_METHOD,
      calibration: model.calibration.map((a) => [a.llrSum, a.llrN, a.engSum, a.engN]),
      engagement: [w.term, w.length, w.features, w.items],
      ...(model.engagementCheck ? { engagementCheck: model.engagementCheck } : {}),
      ...(model.topEmotionMix ? { topEmotionMix: model.topEmotionMix } : {}),
      distinctive: { method: DISTINCTIVE_METHOD, terms: model.distinctive },
      rewarded: { method: REWARDED_METHOD, terms: model.rewardedTerms },
    },
  };
}

/** The rewarded terms stored in the profile, when ranked the way this version ranks them. */
function storedRewarded(profile: CommunityProfileData): RewardedTerm[] | null {
  const stored = profile.derived?.rewarded;
  return stored?.method === REWARDED_METHOD ? stored.terms : null;
}

/**
 * Content stems used in at least REWARDED_MIN_ITEMS rated items whose mean engagement stands out (z > REWARDED_MIN_Z),
 * by the engagement effect of those items; ties by
 * stem. A ranking of the whole vocabulary: saved profiles store it (`derived.rewarded`), as 31,800 stems took
 * a cold `score` about 20 ms.
 */
function rewardedTerms(words: WordCounts, all: EngagementSums): RewardedTerm[] {
  const ranked: RewardedTerm[] = [];
  const meanAll = all.s / all.n / ENG_SCALE;
  const sd = Math.sqrt(Math.max(1e-9, all.q / all.n / ENG_SCALE ** 2 - meanAll * meanAll));
  words.forEach((w, stem) => {
    if (w[2] < REWARDED_MIN_ITEMS || !isContentStem(stem) || isPlatformStem(stem)) return;
    const z = (w[3] / w[2] / ENG_SCALE - meanAll) / (sd / Math.sqrt(w[2]));
    const effect = termEffect(w, meanAll);
    if (effect > 0 && z > REWARDED_MIN_Z) ranked.push({ stem, effect, items: w[2] });
  });
  ranked.sort((a, b) => b.effect - a.effect || (a.stem < b.stem ? -1 : 1));
  ranked.length = Math.min(ranked.length, REWARDED_TERMS);
  return ranked;
}

/**
 * Whether the profile holds its sample's measurements as this version makes them. When not (a profile saved by
 * another version, or without them), buildModel measures the sample again on every load: the scores are the same,
 * the wait is not.
 */
export function sampleMeasuredCurrently(profile: CommunityProfileData): boolean {
  return profile.derived?.method === MEASUREMENT_METHOD && profile.derived.calibration.length === profile.sample.length;
}

/** The distinctive terms stored in the profile, when chosen the way this version chooses them. */
function storedDistinctive(profile: CommunityProfileData): DistinctiveTerm[] | null {
  const stored = profile.derived?.distinctive;
  return stored?.method === DISTINCTIVE_METHOD ? stored.terms : null;
}

/**
 * The model of one community from its profile. `bg` replaces the shipped background (the evaluation compares
 * backgrounds): measurements stored in the profile were made against the shipped one, so with another they are
 * made again.
 */
export function buildModel(data: CommunityProfileData, bg: Background = background()): CommunityModel {
  const profile = bg === background() ? data : { ...data, derived: undefined };
  const words = new WordCounts(profile.counts.words);
  let bigrams: Map<string, number> | undefined;
  let check: EngagementCheck | null | undefined;
  const storedCheck = profile.derived?.method === MEASUREMENT_METHOD ? (profile.derived.engagementCheck ?? null) : null;
  const tokens = profile.counts.tokens;
  const eng = profile.counts.engagement;
  const hasEngagement = eng.n >= 20;
  const meanAll = eng.n ? eng.s / eng.n / ENG_SCALE : 0;

  const model: CommunityModel = {
    profile,
    background: bg,
    words,
    get bigrams() {
      return (bigrams ??= bigramMap(profile.counts.bigrams));
    },
    tokens,
    stats: unflattenStats(profile.counts.stats),
    hasEngagement,
    distinctive: storedDistinctive(profile) ?? distinctiveTerms(words, tokens, profile.counts.items, bg, isContentStem),
    featureEffects: featureEffects(profile.counts.features, eng),
    lengthEffect: hasEngagement ? lengthEffect(profile) : null,
    engagementWeights: { term: 1, length: 0, features: 1, items: 0 },
    get engagementCheck() {
      if (check === undefined) check = hasEngagement ? (storedCheck ?? checkEngagement(model)) : null;
      return check;
    },
    calibration: [],
    topEmotionMix: null,
    rewardedTerms: hasEngagement ? (storedRewarded(profile) ?? rewardedTerms(words, eng)) : [],
    surface: (s) => topSurface(words.get(s)) ?? s,
    isContentStem,
  };

  const sample = profile.sample;
  const stored = sampleMeasuredCurrently(profile) ? profile.derived!.calibration : null;
  // The language measure leaves out the item's whole thread as far as the sample holds it: its question and
  // sibling answers share its topic words, which a new post (a draft) would not find in the model.
  const measured = stored
    ? null
    : measureSample(
        sampleIndex(model),
        sample.map((item) => item.t),
        sample.map((item) => item.e),
        { tokens, stems: words.size, prob: (s) => bg.prob(s), hasEngagement, effect: (entry, e) => termEffect(entry, meanAll, e) },
      );
  model.calibration = sample.map((item, i) => {
    // Indexed, not destructured: array destructuring steps an iterator, which allocates in cold code.
    if (stored) {
      const row = stored[i];
      return new SampleAdditive(item.st, row[0], row[1], row[2], row[3]);
    }
    const m = measured![i];
    return new SampleAdditive(item.st, m.llrSum, m.llrN, m.engSum, m.engN);
  });

  if (hasEngagement) {
    model.topEmotionMix = (stored && profile.derived!.topEmotionMix) || topEmotionMix(model);
    const w = stored && profile.derived!.engagement;
    model.engagementWeights = w ? { term: w[0], length: w[1], features: w[2], items: w[3] } : fitEngagementWeights(model);
  }
  return model;
}

/**
 * The emotion hits of the top quarter of rated sample items by engagement (ties by sample order). Saved profiles
 * store it (`derived.topEmotionMix`): the sort ran its comparator ~4,000 times, cold, in every `score`.
 */
function topEmotionMix(model: CommunityModel): Record<string, number> {
  const sample = model.profile.sample;
  const rated = sample.map((s, i) => ({ e: s.e, i })).filter((x): x is { e: number; i: number } => x.e !== null);
  rated.sort((a, b) => b.e - a.e || a.i - b.i);
  const top = rated.slice(0, Math.max(1, Math.floor(rated.length / 4)));
  const sum = emptyStats();
  for (const { i } of top) addStats(sum, model.calibration[i].stats);
  return Object.fromEntries(EMOTIONS.map((e) => [e, sum.emotions[e]]));
}

/** A sample item's stems in order (stored as lines of space-separated stems, a line per sentence). */
function sampleStems(item: SampleItem): string[] {
  const out: string[] = [];
  for (const line of item.w.split('\n')) if (line) for (const stem of line.split(' ')) out.push(stem);
  return out;
}

// The calibration measures and the engagement design read the sample through one index of its stems.
const indexes = new WeakMap<CommunityModel, SampleIndex>();

function sampleIndex(model: CommunityModel): SampleIndex {
  let index = indexes.get(model);
  if (!index) indexes.set(model, (index = new SampleIndex(model.profile.sample.map(sampleStems), (s) => model.words.get(s), isContentStem)));
  return index;
}

function topSurface(entry: WordEntry | undefined): string | undefined {
  if (!entry) return undefined;
  let best: string | undefined;
  let bestN = -1;
  forEachForm(entry[5], (form, n) => {
    if (n > bestN || (n === bestN && form < best!)) [best, bestN] = [form, n];
  });
  return best;
}

/** What logRatio leaves out of the community's counts: the stems of an item (or of its thread), counted. */
interface OwnCounts {
  unigrams: Map<string, number>;
  n: number;
}

/**
 * Log-likelihood ratio of stems under the community's unigram model against general English. The community
 * model is smoothed toward general English by Witten–Bell: the weight of the background is the number of
 * distinct stems T the community has used, so P(w) = (c(w) + T·P_bg(w)) / (N + T) — a community that keeps
 * meeting new words leans on general English more. Bigrams are not used: on communities of a few thousand
 * posts their evidence was mostly whether generic collocations happened to be seen, and it lowered how well
 * the measure tells communities apart (EVALUATION.md). `leaveOut` removes an item's own counts (and the
 * stems only it used) so sample items are judged like a draft.
 */
export function logRatio(model: CommunityModel, sentences: readonly (readonly string[])[], leaveOut?: OwnCounts): { sum: number; n: number; perToken: number[][] } {
  const N = model.tokens - (leaveOut?.n ?? 0);
  let T = model.words.size;
  if (leaveOut) for (const [w, k] of leaveOut.unigrams) if ((model.words.get(w)?.[0] ?? 0) - k <= 0 && model.words.has(w)) T--;
  let sum = 0;
  let n = 0;
  const perToken: number[][] = [];
  // Indexed: for…of steps an iterator, which allocates while the code is still cold (every token of a draft).
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    const row: number[] = [];
    for (let k = 0; k < s.length; k++) {
      const w = s[k];
      const pBg = model.background.prob(w);
      const cw = Math.max(0, (model.words.get(w)?.[0] ?? 0) - (leaveOut?.unigrams.get(w) ?? 0));
      const r = N + T > 0 ? Math.log((cw + T * pBg) / (N + T)) - Math.log(pBg) : 0;
      row.push(r);
      sum += r;
      n++;
    }
    perToken.push(row);
  }
  return { sum, n, perToken };
}

/**
 * Engagement effect of one stem: how much more the items using it were engaged with than the average item.
 * `leaveOut` is the summed log-engagement of `leaveOutItems` items (default one) to take out of the counts.
 */
export function termEffect(entry: WordEntry | undefined, meanAll: number, leaveOut?: number | null, leaveOutItems = 1): number {
  if (!entry) return 0;
  const n = entry[2] - (leaveOut != null ? leaveOutItems : 0);
  if (n < 2) return 0;
  const mean = (entry[3] - (leaveOut ?? 0)) / n / ENG_SCALE;
  return (mean - meanAll) * (n / (n + EFFECT_SHRINK));
}

export function termEngagement(
  model: CommunityModel,
  sentences: readonly (readonly string[])[],
  leaveOut: { e: number | null; stems: Map<string, number> } | null,
  meanAll: number,
): { sum: number; n: number } {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i];
    for (let k = 0; k < s.length; k++) {
      const w = s[k];
      if (!model.isContentStem(w)) continue;
      n++;
      if (model.hasEngagement) sum += termEffect(model.words.get(w), meanAll, leaveOut && leaveOut.stems.has(w) ? leaveOut.e : null);
    }
  }
  return { sum, n };
}

// The emotion and cue effects in EMOTIONS and CUES order, once per model: featureLift runs for every calibration
// item, and naming each feature to look it up cost a 2,000-item sample 28,000 strings and Map lookups per score.
const liftEffects = new WeakMap<CommunityModel, { emotions: number[]; cues: number[] }>();

function liftEffectsOf(model: CommunityModel): { emotions: number[]; cues: number[] } {
  let effects = liftEffects.get(model);
  if (!effects) {
    const effect = (feature: string): number => model.featureEffects.get(feature)?.effect ?? 0;
    effects = { emotions: EMOTIONS.map((e) => effect(`emotion:${e}`)), cues: CUES.map((c) => effect(`cue:${c}`)) };
    liftEffects.set(model, effects);
  }
  return effects;
}

/** The emotion and cue effects, weighted by how much of each the text shows (featureShares() without a Map). */
export function featureLift(model: CommunityModel, s: TextStats): number {
  const n = Math.max(1, s.sentences);
  const { emotions, cues } = liftEffectsOf(model);
  let lift = 0;
  for (let i = 0; i < EMOTIONS.length; i++) lift += emotions[i] * Math.min(1, s.emotions[EMOTIONS[i]] / n);
  for (let i = 0; i < CUES.length; i++) lift += cues[i] * (s.cues[CUES[i]] / n);
  return lift;
}

/**
 * The raw engagement measure's parts for a text: mean term effect, centred length rank, feature lift. The
 * engagement analyzer combines them with the model's EngagementWeights.
 */
export function engagementParts(model: CommunityModel, a: Additive): [number, number, number] {
  const le = model.lengthEffect;
  return [a.engN > 0 ? a.engSum / a.engN : 0, le ? lengthQuantile(le, a.stats.tokens) - MEAN_LENGTH_QUANTILE : 0, featureLift(model, a.stats)];
}

/**
 * What the engagement weights are fitted on: per rated sample item, its three parts and its log-engagement, and
 * its thread. An item's term part leaves out its whole thread as far as the sample holds it (the item and its
 * sampled siblings): siblings share the thread's topic words and its popularity, and counting their votes would
 * let the term part predict the thread rather than the item, overweighting it. A draft is new to the community,
 * so no leave-out applies to it.
 */
export interface EngagementDesign {
  /** Per rated sample item: [term, length, features]. */
  X: number[][];
  /** Log-engagement of each. */
  Y: number[];
  /** Thread id of each (null when the export has none). */
  threads: (string | null)[];
}

// A build fits the weights and checks them on the same design: worked out once per model.
const designs = new WeakMap<CommunityModel, EngagementDesign>();

export function engagementDesign(model: CommunityModel): EngagementDesign {
  let design = designs.get(model);
  if (!design) designs.set(model, (design = designOf(model)));
  return design;
}

function designOf(model: CommunityModel): EngagementDesign {
  const sample = model.profile.sample;
  const eng = model.profile.counts.engagement;
  const meanAll = eng.n ? eng.s / eng.n / ENG_SCALE : 0;
  const rated: number[] = [];
  for (let i = 0; i < sample.length; i++) if (sample[i].e !== null) rated.push(i);
  const terms = designTerms(
    sampleIndex(model),
    rated,
    sample.map((item) => item.t),
    sample.map((item) => item.e),
    (entry, e, k) => termEffect(entry, meanAll, e, k),
  );
  const X: number[][] = [];
  const Y: number[] = [];
  const threads: (string | null)[] = [];
  rated.forEach((i, r) => {
    const parts = engagementParts(model, model.calibration[i]);
    parts[0] = terms[r];
    X.push(parts);
    Y.push(sample[i].e! / ENG_SCALE);
    threads.push(sample[i].t);
  });
  return { X, Y, threads };
}

/** Ridge fit of log-engagement on the three parts over the sample's rated items (engagementDesign). */
function fitEngagementWeights(model: CommunityModel): EngagementWeights {
  if (!model.lengthEffect) return { term: 1, length: 0, features: 1, items: 0 };
  const { X, Y, threads } = engagementDesign(model);
  const n = X.length;
  if (n < 20) return { term: 1, length: 0, features: 1, items: 0 };
  return fitWeights(X, Y, threaded(threads));
}

/** The ridge weights on these rows, the term and feature weights cut to THREAD_CONTENT_SHARE when `threaded`. */
function fitWeights(X: readonly number[][], Y: readonly number[], threaded: boolean): EngagementWeights {
  const [term, length, features] = ridge(X, Y, ENGAGEMENT_RIDGE * X.length);
  const share = threaded ? THREAD_CONTENT_SHARE : 1;
  return { term: share * term, length, features: share * features, items: X.length };
}

/** Whether the sample holds at least MIN_SAMPLE_THREADS threads with two or more rated items. */
function threaded(threads: readonly (string | null)[]): boolean {
  return groupIndices(threads).filter((g) => g.length > 1).length >= MIN_SAMPLE_THREADS;
}

/** EngagementCheck: the weights cross-fitted over folds of the rated sample items, their ordering judged. */
function checkEngagement(model: CommunityModel): EngagementCheck {
  const { X, Y, threads } = engagementDesign(model);
  const keys = threadKeys(threads);
  const { folds, seed, resamples } = BACKTEST_DEFAULTS;
  const fold = assignFolds(keys, folds, seed);
  const isThreaded = threaded(threads);
  const pred = new Array<number>(X.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const train = X.flatMap((_, i) => (fold[i] !== f ? [i] : []));
    if (train.length < 20 || !model.lengthEffect) continue; // too few to fit: the held-out fold ties at 0
    const w = fitWeights(
      train.map((i) => X[i]),
      train.map((i) => Y[i]),
      isThreaded,
    );
    X.forEach((x, i) => {
      if (fold[i] === f) pred[i] = w.term * x[0] + w.length * x[1] + w.features * x[2];
    });
  }
  const p = pairingOf(Y, keys);
  const r = pairwiseResult(pred, Y, p, { resamples, seed });
  return { pairwise: r.pairwise, low: r.pairwiseInterval.low, high: r.pairwiseInterval.high, pairs: p.pairs, pairing: p.pairing, caveat: noReliableReading(r, p) };
}

/** Ridge least squares with an intercept (not penalised), on standardised columns; weights on the raw scale. */
export function ridge(X: readonly number[][], Y: readonly number[], lambda: number): number[] {
  const n = X.length;
  const p = X[0].length;
  const mx = Array.from({ length: p }, (_, k) => X.reduce((a, r) => a + r[k], 0) / n);
  const my = Y.reduce((a, b) => a + b, 0) / n;
  const sd = mx.map((m, k) => Math.sqrt(X.reduce((a, r) => a + (r[k] - m) ** 2, 0) / n));
  const A = Array.from({ length: p }, () => new Array<number>(p + 1).fill(0));
  for (let r = 0; r < n; r++) {
    const z = X[r].map((v, k) => (sd[k] > 0 ? (v - mx[k]) / sd[k] : 0));
    for (let i = 0; i < p; i++) {
      for (let j = 0; j < p; j++) A[i][j] += z[i] * z[j];
      A[i][p] += z[i] * (Y[r] - my);
    }
  }
  for (let i = 0; i < p; i++) A[i][i] += lambda;
  // Gauss–Jordan with partial pivoting; the penalty keeps the system positive definite.
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(A[r][c]) > Math.abs(A[piv][c])) piv = r;
    [A[c], A[piv]] = [A[piv], A[c]];
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = A[r][c] / A[c][c];
      for (let k = c; k <= p; k++) A[r][k] -= f * A[c][k];
    }
  }
  return A.map((row, k) => (sd[k] > 0 ? row[p] / row[k] / sd[k] : 0));
}

/** The sorted lengths of the sample items that have engagement. */
function lengthEffect(profile: CommunityProfileData): LengthEffect | null {
  const rated = profile.sample.filter((item) => item.e !== null);
  const n = rated.length;
  if (n < 3) return null;
  // A typed array sorts numbers natively; a comparator function ran ~4,000 times cold for a 460-item sample.
  const lengths = Float64Array.from(rated, (item) => item.st[1]).sort();
  return { lengths, items: n };
}

function featureEffects(features: Record<string, EngagementSums>, all: EngagementSums): Map<string, FeatureEffect> {
  const out = new Map<string, FeatureEffect>();
  if (all.n < 2) return out;
  const mean = all.s / all.n / ENG_SCALE;
  const variance = Math.max(1e-9, all.q / all.n / ENG_SCALE ** 2 - mean * mean);
  for (const [feature, f] of Object.entries(features)) {
    if (f.n < 2) continue;
    const fm = f.s / f.n / ENG_SCALE;
    const z = (fm - mean) / Math.sqrt(variance / f.n);
    out.set(feature, { feature, effect: (fm - mean) * (f.n / (f.n + EFFECT_SHRINK)), z, items: f.n });
  }
  return out;
}

function distinctiveTerms(
  words: WordCounts,
  tokens: number,
  items: number,
  bg: Background,
  isContent: (s: string) => boolean,
): DistinctiveTerm[] {
  const out: DistinctiveTerm[] = [];
  const nB = bg.total;
  words.forEach((entry, stem) => {
    const yC = entry[0];
    if (yC < 3 || entry[1] < 2 || !isContent(stem) || isPlatformStem(stem)) return;
    // The background's count of the stem, as its mixed probability of the two registers' tokens.
    const yB = bg.prob(stem) * nB;
    const alpha = LOG_ODDS_PRIOR * bg.prob(stem);
    const delta = Math.log((yC + alpha) / (tokens + LOG_ODDS_PRIOR - yC - alpha)) - Math.log((yB + alpha) / (nB + LOG_ODDS_PRIOR - yB - alpha));
    const z = delta / Math.sqrt(1 / (yC + alpha) + 1 / (yB + alpha));
    if (z > 0) out.push({ stem, term: topSurface(entry) ?? stem, count: yC, itemShare: entry[1] / Math.max(1, items), z });
  });
  out.sort((a, b) => b.z - a.z || (a.stem < b.stem ? -1 : 1));
  return out.slice(0, 50);
}
