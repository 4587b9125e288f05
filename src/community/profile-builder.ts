// Accumulates community items into mergeable counts and a bottom-k calibration sample, in bounded memory.
import type { CueId, EmotionId, SkipReason, TextStats } from '../types.js';
import { EMOTIONS } from '../lexicons/index.js';
import { addStats, CUES, emptyStats, measureItem } from '../text/measure.js';
import { isLanguageToken, TokenPool } from '../text/tokenize.js';
import { stripMarkup } from '../text/normalize.js';
import { bigramTable, wordTable } from './count-tables.js';
import { HashSet, hashFolded, hexOfHash } from './hash.js';
import { StemCounts, type StemEntry } from './stem-counts.js';
import type { EngagementSums, ProfileCounts, SampleItem } from './profile-types.js';

export const DEFAULT_SAMPLE_SIZE = 2000;
export const DEFAULT_MAX_WORDS = 200_000;
/** Bigrams only feed the phrases `profile show` lists (the language model is unigram), so few are kept. */
export const DEFAULT_MAX_BIGRAMS = 50_000;
/** Longest text measured per item; longer cells are read up to here (a 10 MB cell is not a comment). */
export const MAX_ITEM_CHARS = 20_000;
const MAX_SAMPLE_TOKENS = 400;

export const SKIP_REASONS: readonly SkipReason[] = ['empty', 'duplicate', 'deleted', 'bot', 'malformed', 'outOfRange'];

const DELETED = /^\[?(?:deleted|removed)(?: by (?:user|moderator|author))?\]?\.?$/i;
const BOT = /\bI am a bot\b|this action was performed automatically|^beep boop\b/i;
const BOT_AUTHOR = /^(?:automoderator|.*[-_]?bot)$/i;

export function flattenStats(s: TextStats): number[] {
  return [s.sentences, s.tokens, s.valence, ...EMOTIONS.map((e) => s.emotions[e]), ...CUES.map((c) => s.cues[c])];
}

// Loops, not Object.fromEntries over mapped pairs: a score unflattens every calibration sample's stats at start-up.
export function unflattenStats(a: readonly number[]): TextStats {
  const emotions = {} as Record<EmotionId, number>;
  for (let i = 0; i < EMOTIONS.length; i++) emotions[EMOTIONS[i]] = a[3 + i];
  const cues = {} as Record<CueId, number>;
  for (let i = 0; i < CUES.length; i++) cues[CUES[i]] = a[3 + EMOTIONS.length + i];
  return { sentences: a[0], tokens: a[1], valence: a[2], emotions, cues };
}

/** Where flattened stats hold the sentence and language-token counts. */
export const FLAT_SENTENCES = 0;
export const FLAT_TOKENS = 1;

/**
 * Engagement on a log scale, signed (heavy-tailed vote counts otherwise let a few posts decide everything),
 * stored as an integer in units of 1/ENG_SCALE so that sums are exact and merged shards add up to the whole.
 */
export const ENG_SCALE = 10_000;
export function logEngagement(value: number): number {
  return Math.round(Math.sign(value) * Math.log1p(Math.abs(value)) * ENG_SCALE);
}

export function emptyCounts(): ProfileCounts {
  return {
    items: 0,
    tokens: 0,
    stats: new Array(3 + EMOTIONS.length + CUES.length).fill(0),
    words: { stems: [], counts: [], forms: [] },
    bigrams: { pairs: [], counts: [] },
    engagement: { n: 0, s: 0, q: 0 },
    features: {},
    months: {},
    firstTime: null,
    lastTime: null,
  };
}

export function addSums(into: EngagementSums, e: number): void {
  into.n++;
  into.s += e;
  into.q += e * e;
}

export interface ItemInput {
  text: string;
  engagement: number | null;
  time: number | null;
  thread: string | null;
  author: string | null;
}

/** What measuring an accepted item reads besides its text (the author only decides whether it is accepted). */
export type MeasureInput = Pick<ItemInput, 'engagement' | 'time' | 'thread'>;

export class ProfileBuilder {
  readonly counts: ProfileCounts = emptyCounts();
  readonly skipped: Record<SkipReason, number> = Object.fromEntries(SKIP_REASONS.map((r) => [r, 0])) as Record<SkipReason, number>;
  private readonly stems = new StemCounts();
  private readonly seen = new HashSet();
  private itemNo = 0;
  /** The items' stats summed (flattened into counts.stats by finish(): flattening per item made three arrays). */
  private readonly stats = emptyStats();
  /** The tokens of the item being measured (nothing keeps a token past its item). */
  private readonly tokens = new TokenPool();
  /** The entries of one sentence's language tokens, from index 0 (reused for every sentence; may hold more past them). */
  private readonly sentenceEntries: StemEntry[] = [];
  private sample: SampleItem[] = [];
  /** The largest key in the sample once it is full (-1: none yet); keys are hash numbers. */
  private sampleMax = -1;
  private monthFrom = 0;
  private monthTo = 0;
  private monthKey = '';
  prunedWordsBelow = 0;
  prunedBigramsBelow = 0;

  constructor(
    private readonly sampleSize = DEFAULT_SAMPLE_SIZE,
    private readonly maxWords = DEFAULT_MAX_WORDS,
    private readonly maxBigrams = DEFAULT_MAX_BIGRAMS,
  ) {}

  skip(reason: SkipReason): void {
    this.skipped[reason]++;
  }

  /** Adds one row's item; returns the skip reason when it is not used. */
  add(item: ItemInput): SkipReason | null {
    const accepted = this.accept(item);
    if (typeof accepted === 'string') return accepted;
    this.addAccepted(accepted.key, accepted.text, item);
    return null;
  }

  /**
   * Decides whether a row is used (counting the skip when not) and returns the key and text to measure.
   * Cheap and order-dependent (duplicates), so it runs where the rows are read; measuring can run elsewhere.
   */
  accept(item: ItemInput): { key: number; text: string } | SkipReason {
    const text = stripMarkup(item.text.length > MAX_ITEM_CHARS ? item.text.slice(0, MAX_ITEM_CHARS) : item.text);
    const trimmed = text.trim();
    const reason = !/[\p{L}\p{N}\p{Extended_Pictographic}]/u.test(trimmed)
      ? 'empty'
      : DELETED.test(trimmed)
        ? 'deleted'
        : BOT.test(trimmed) || (item.author !== null && BOT_AUTHOR.test(item.author))
          ? 'bot'
          : null;
    if (reason) return this.rejected(reason);
    const key = hashFolded(trimmed);
    if (!this.seen.add(key)) return this.rejected('duplicate');
    return { key, text: trimmed };
  }

  private rejected(reason: SkipReason): SkipReason {
    this.skipped[reason]++;
    return reason;
  }

  /** Measures an accepted item into the counts and offers it to the sample. */
  addAccepted(key: number, text: string, item: MeasureInput): void {
    const c = this.counts;
    const measured = measureItem(text, this.tokens);
    const e = item.engagement === null ? null : logEngagement(item.engagement);
    const sentences: string[] = [];
    const itemNo = ++this.itemNo;
    // The sample's text is built only for an item the sample would take (the same test offerSample makes).
    const sampled = this.sample.length < this.sampleSize || key < this.sampleMax;
    let sampleTokens = 0;
    const entries = this.sentenceEntries;
    for (const tokens of measured.sentences) {
      // Written over, not emptied and pushed to: emptying an array drops its storage, which pushing then regrows.
      let n = 0;
      for (const t of tokens) if (isLanguageToken(t)) entries[n++] = this.stems.count(t, itemNo, e);
      // Only phrases of two content words are ever shown, so only those are counted.
      for (let i = 1; i < n; i++) if (entries[i - 1].content && entries[i].content) this.stems.addPair(entries[i - 1], entries[i]);
      if (sampled && sampleTokens < MAX_SAMPLE_TOKENS && n > 0) {
        const kept = entries.slice(0, Math.min(n, MAX_SAMPLE_TOKENS - sampleTokens));
        sampleTokens += kept.length;
        sentences.push(kept.map((entry) => entry.stem).join(' '));
      }
    }
    c.items++;
    c.tokens += measured.stats.tokens;
    addStats(this.stats, measured.stats);
    if (e !== null) {
      addSums(c.engagement, e);
      for (const f of presentFeatures(measured.stats)) addSums((c.features[f] ??= { n: 0, s: 0, q: 0 }), e);
    }
    if (item.time !== null) {
      c.firstTime = c.firstTime === null ? item.time : Math.min(c.firstTime, item.time);
      c.lastTime = c.lastTime === null ? item.time : Math.max(c.lastTime, item.time);
      const month = this.monthOf(item.time);
      c.months[month] = (c.months[month] ?? 0) + 1;
    }
    if (sampled) this.offerSample(key, { h: hexOfHash(key), e, t: item.thread, st: flattenStats(measured.stats), w: sentences.join('\n') });
    if (this.stems.size > 2 * this.maxWords) this.pruneWords();
    if (this.stems.pairCount > 2 * this.maxBigrams) this.pruneBigrams();
  }

  /** "YYYY-MM" of a time; the last month's bounds are kept, as items mostly come in time order. */
  private monthOf(time: number): string {
    if (time >= this.monthFrom && time < this.monthTo) return this.monthKey;
    const d = new Date(time);
    const month = d.toISOString().slice(0, 7);
    const y = d.getUTCFullYear();
    if (y >= 1000 && y <= 9999) {
      this.monthFrom = Date.UTC(y, d.getUTCMonth(), 1);
      this.monthTo = Date.UTC(y, d.getUTCMonth() + 1, 1);
      this.monthKey = month;
    }
    return month;
  }

  private pruneWords(): void {
    this.prunedWordsBelow = this.stems.pruneStems(this.maxWords, this.prunedWordsBelow);
  }

  private pruneBigrams(): void {
    this.prunedBigramsBelow = this.stems.prunePairs(this.maxBigrams, this.prunedBigramsBelow);
  }

  /** `key` is the number `item.h` writes in hex (hex of one width sorts as the numbers do). */
  private offerSample(key: number, item: SampleItem): void {
    if (this.sample.length >= this.sampleSize && key >= this.sampleMax) return;
    this.sample.push(item);
    // Amortised: sort and cut only when the buffer doubles.
    if (this.sample.length >= 2 * this.sampleSize) this.trimSample();
    else if (this.sample.length <= this.sampleSize && key > this.sampleMax) this.sampleMax = key;
  }

  private trimSample(): void {
    this.sample.sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0));
    this.sample.length = Math.min(this.sample.length, this.sampleSize);
    this.sampleMax = this.sample.length ? parseInt(this.sample[this.sample.length - 1].h, 16) : -1;
  }

  /** The final counts and sample; the builder must not be used afterwards. */
  finish(): { counts: ProfileCounts; sample: SampleItem[]; prunedBelow: { words: number; bigrams: number } } {
    this.trimSample();
    this.counts.stats = flattenStats(this.stats);
    if (this.stems.size > this.maxWords) this.pruneWords();
    if (this.stems.pairCount > this.maxBigrams) this.pruneBigrams();
    this.counts.words = wordTable(this.stems.words());
    this.counts.bigrams = bigramTable(this.stems.bigrams());
    this.counts.features = sortedRecord(new Map(Object.entries(this.counts.features)));
    this.counts.months = sortedRecord(new Map(Object.entries(this.counts.months)));
    return { counts: this.counts, sample: this.sample, prunedBelow: { words: this.prunedWordsBelow, bigrams: this.prunedBigramsBelow } };
  }
}

// Feature names made once: a name made per item was a new string, hashed again to find its sums.
const EMOTION_FEATURES = EMOTIONS.map((e) => `emotion:${e}`);
const CUE_FEATURES = CUES.map((c) => `cue:${c}`);

/** Which engagement features an item shows (emotion and cue presence). */
export function presentFeatures(stats: TextStats): string[] {
  const out: string[] = [];
  for (let i = 0; i < EMOTIONS.length; i++) if (stats.emotions[EMOTIONS[i]] > 0) out.push(EMOTION_FEATURES[i]);
  for (let i = 0; i < CUES.length; i++) if (stats.cues[CUES[i]] > 0) out.push(CUE_FEATURES[i]);
  return out;
}

export function sortedRecord<V>(map: Map<string, V>): Record<string, V> {
  const keys = [...map.keys()].sort();
  const out: Record<string, V> = {};
  for (const k of keys) out[k] = map.get(k)!;
  return out;
}
