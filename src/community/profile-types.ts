// The saved community profile: additive counts (so profiles merge by adding) plus a bounded calibration sample.
import type { ColumnMap, SkipReason, SourceSummary } from '../types.js';

/**
 * 3: word counts as flat arrays with surface forms as strings (WordTable), read by stem on demand; bigram counts as
 * one string (count-tables.ts, packBigrams), read on first use. 2: an entry array per stem and bigrams as parallel
 * arrays. Versions 1 (objects keyed by stem) and 2 are read too.
 */
export const PROFILE_FORMAT_VERSION = 3;

/** Sum, sum of squares and count of log-engagement over a set of items. */
export interface EngagementSums {
  n: number;
  s: number;
  q: number;
}

/**
 * A stem's surface forms with their counts, as "form n form n …" in code-unit order of the forms (single spaces:
 * tokens hold no whitespace; '' for none). Kept as saved: read (count-tables.ts, forEachForm) only for the few stems
 * a report names, and when profiles merge.
 */
export type SurfaceForms = string;

/** [count, documentFrequency, itemsWithEngagement, engagementSum, engagementSquares, surfaceForms]. */
export type WordEntry = [number, number, number, number, number, SurfaceForms];

/**
 * Stems in code-unit order. Per stem, at 5 × its index in `counts`: count, document frequency, items with engagement,
 * engagement sum, engagement squares; at its index in `forms`: its SurfaceForms.
 */
export interface WordTable {
  stems: string[];
  counts: number[];
  forms: string[];
}

/** "stemA stemB" pairs in code-unit order, each with its count at the same index. */
export interface BigramTable {
  pairs: string[];
  counts: number[];
}

/** One item of the calibration sample: enough to re-measure it against any model without the export. */
export interface SampleItem {
  /** Hash of the item's normalised text; the sample keeps the k smallest, which makes it mergeable. */
  h: string;
  /** log-engagement, or null. */
  e: number | null;
  /** Thread id, or null. */
  t: string | null;
  /** TextStats flattened: sentences, tokens, valence, emotions…, cues… (EMOTIONS and CUES order). */
  st: number[];
  /** Language-model stems, space-separated, sentences separated by '\n'. */
  w: string;
}

export interface ProfileCounts {
  items: number;
  tokens: number;
  /** TextStats summed over all items, flattened like SampleItem.st. */
  stats: number[];
  words: WordTable;
  /** Pairs of stems adjacent within a sentence. */
  bigrams: BigramTable;
  engagement: EngagementSums;
  /** Per feature ('emotion:joy', 'cue:question', 'length:long' …): engagement of items showing it. */
  features: Record<string, EngagementSums>;
  /** "YYYY-MM" → items. */
  months: Record<string, number>;
  /** Epoch ms of the first and last dated item. */
  firstTime: number | null;
  lastTime: number | null;
}

export interface ProfileSummary {
  rowsRead: number;
  itemsUsed: number;
  skipped: Record<SkipReason, number>;
  /** First few unreadable rows with their line numbers. */
  problems: { source: string; line: number; reason: string }[];
}

export interface ProfileBuildOptions {
  sampleSize: number;
  maxWords: number;
  maxBigrams: number;
  since: string | null;
  until: string | null;
}

export interface CommunityProfileData {
  formatVersion: number;
  kind: 'resonate-community-profile';
  tool: { name: 'resonate'; version: string };
  sources: SourceSummary[];
  columns: ColumnMap;
  build: ProfileBuildOptions & { prunedBelow: { words: number; bigrams: number } };
  summary: ProfileSummary;
  counts: ProfileCounts;
  sample: SampleItem[];
  /**
   * Derived from counts and sample so that scoring need not re-measure the sample: per sample item
   * [llrSum, llrN, engSum, engN] and the engagement weights fitted on them, computed by the measurement method
   * named in `method`. Ignored (and recomputed) when the method differs from the running tool's. `distinctive` and
   * `rewarded` hold the community's distinctive and most rewarded terms, each chosen the way its own `method` names;
   * older profiles lack them.
   */
  derived?: {
    method: string;
    calibration: [number, number, number, number][];
    /** The fitted engagement weights [term, length, features, items] (see EngagementWeights in model.ts). */
    engagement?: [number, number, number, number];
    /** The engagement measure checked on the sample (EngagementCheck in model.ts); absent without engagement. */
    engagementCheck?: { pairwise: number; low: number; high: number; pairs: number; pairing: 'thread' | 'all'; caveat: string | null };
    /** Emotion hits of the top quarter of rated sample items (the model's topEmotionMix); absent without engagement. */
    topEmotionMix?: Record<string, number>;
    distinctive?: { method: string; terms: { stem: string; term: string; count: number; itemShare: number; z: number }[] };
    /** The most rewarded terms (the model's RewardedTerm list), ranked the way its `method` names; older profiles lack it. */
    rewarded?: { method: string; terms: { stem: string; effect: number; items: number }[] };
  };
}
