// Calibration: a raw measure becomes the draft's percentile among the community's own real items of similar length.
import type { Additive, CommunityModel, SampleAdditive } from '../community/model.js';
import { FLAT_TOKENS } from '../community/profile-builder.js';
import type { Comparison } from '../types.js';
import { firstAtLeast } from '../text/sorted-numbers.js';
import { count } from '../wording.js';

/** Fewer comparable items than this and the percentile is too coarse to report. */
export const MIN_REFERENCES = 10;

/**
 * How comparable items are chosen (`comparableItems`). Chosen on half of the development communities and reported
 * on the other half by `npm run eval` (EVALUATION.md, leave-communities-out).
 */
export interface ComparableRule {
  /** Items wanted: the length window widens until it holds this many. */
  items: number;
  /** The first window: from length / ratio to length × ratio. */
  ratio: number;
  /** The widest window still called "similar length"; past it, the `items` items nearest in length are taken. */
  maxRatio: number;
}

export const COMPARABLE: ComparableRule = { items: 20, ratio: 2, maxRatio: 3 };

/** Step by which the length window widens. */
const WIDEN = 1.25;

/** The sample items with words, sorted by length (language tokens), with their lengths; once per model. */
const byLength = new WeakMap<CommunityModel, { items: SampleAdditive[]; lengths: Float64Array }>();

function sortedByLength(model: CommunityModel): { items: SampleAdditive[]; lengths: Float64Array } {
  let hit = byLength.get(model);
  if (!hit) {
    const items = model.calibration.filter((a) => a.st[FLAT_TOKENS] > 0);
    // Stable: equal lengths keep sample (hash) order, so the same profile always gives the same set.
    items.sort((a, b) => a.st[FLAT_TOKENS] - b.st[FLAT_TOKENS]);
    hit = { items, lengths: Float64Array.from(items, (a) => a.st[FLAT_TOKENS]) };
    byLength.set(model, hit);
  }
  return hit;
}

const cache = new WeakMap<CommunityModel, Map<string, { items: Additive[]; comparison: Comparison }>>();

/** "12 words", "150-400 words": the length range of the items a draft was compared with. */
const wordRange = (min: number, max: number): string => (min === max ? count(min, 'word') : `${min}-${max} words`);

/**
 * The community's own items of about the draft's length: a 400-word draft is a post, and is compared with the
 * community's posts of 200-800 words, not with one-line comments (whose measures swing far more) nor with stitched
 * bundles of titles (denser in the community's vocabulary than any real post). The window widens step by step up
 * to ×maxRatio until it holds `rule.items` items; with fewer (but at least MIN_REFERENCES) in the widest window, those
 * few are used; with fewer still, the items nearest the draft's length. The comparison says which.
 */
export function comparableItems(model: CommunityModel, tokens: number, rule: ComparableRule = COMPARABLE): { items: Additive[]; comparison: Comparison } {
  const words = Math.max(1, tokens);
  const key = `${words} ${rule.items} ${rule.ratio} ${rule.maxRatio}`;
  let byKey = cache.get(model);
  if (!byKey) cache.set(model, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) return hit;
  const { items, lengths } = sortedByLength(model);
  const n = items.length;
  let lo = 0;
  let hi = 0;
  let widened = false;
  for (let ratio = rule.ratio; ; ratio *= WIDEN) {
    const r = Math.min(ratio, rule.maxRatio);
    lo = firstAtLeast(lengths, words / r);
    hi = firstAtLeast(lengths, Math.floor(words * r) + 1);
    if (hi - lo >= rule.items || r >= rule.maxRatio) break;
  }
  // Within the widest window, fewer than wanted but enough for a percentile: those, and the line says how few.
  // Fewer still: the items nearest in log length (all of them when the sample has fewer), marked as widened.
  if (hi - lo < MIN_REFERENCES) {
    widened = true;
    const want = Math.min(rule.items, n);
    const far = (i: number): number => Math.abs(Math.log(lengths[i] / words));
    while (hi - lo < want) {
      if (lo > 0 && (hi >= n || far(lo - 1) <= far(hi))) lo--;
      else hi++;
    }
  }
  const chosen = items.slice(lo, hi);
  const minWords = n ? lengths[lo] : 0;
  const maxWords = n ? lengths[hi - 1] : 0;
  const range = wordRange(minWords, maxWords);
  const similar = `${Math.ceil(words / rule.maxRatio)}-${Math.floor(words * rule.maxRatio)} words`;
  const text = !widened
    ? `compared with ${chosen.length} of this community's items of ${range}${chosen.length < rule.items ? ` (it has only ${chosen.length} of ${similar})` : ''}`
    : chosen.length === n
      ? `compared with all ${count(n, 'item')} of this community's sample (${range}): too few to choose ones of the draft's length`
      : `compared with the ${chosen.length} of this community's items nearest the draft's length (${range}): it has fewer than ${MIN_REFERENCES} of ${similar}`;
  const out = { items: chosen as Additive[], comparison: { items: chosen.length, minWords, maxWords, widened, text } };
  byKey.set(key, out);
  return out;
}

/**
 * Percentile (0–100, fractional) of `value` among `refs`. At a reference value it is that value's mid-rank (the
 * share below, ties counting half); between two it is interpolated; beyond the smallest or largest it continues
 * along a normal tail fitted to the references, so a text far below every item of a community still scores lower
 * than one just below them instead of both tying at 0 (the order is what tells communities apart).
 */
export function fractionalPercentile(value: number, refs: readonly number[]): number {
  const n = refs.length;
  if (n === 0 || !Number.isFinite(value)) return 50;
  const s = Float64Array.from(refs).sort();
  let mean = 0;
  for (let i = 0; i < n; i++) mean += s[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (s[i] - mean) ** 2;
  const sd = Math.sqrt(ss / n);
  // Mid-rank position of the run of values equal to s[i].
  const position = (i: number): number => {
    let a = i;
    while (a > 0 && s[a - 1] === s[i]) a--;
    let b = i;
    while (b + 1 < n && s[b + 1] === s[i]) b++;
    return (100 * (a + (b - a + 1) / 2)) / n;
  };
  if (value < s[0]) {
    const p = position(0);
    if (!(sd > 0)) return 0;
    return p * Math.exp(logNormalCdf((value - mean) / sd) - logNormalCdf((s[0] - mean) / sd));
  }
  if (value > s[n - 1]) {
    const p = 100 - position(n - 1);
    if (!(sd > 0)) return 100;
    return 100 - p * Math.exp(logNormalCdf((mean - value) / sd) - logNormalCdf((mean - s[n - 1]) / sd));
  }
  const i = firstAtLeast(s, value);
  if (s[i] === value) return position(i);
  const a = position(i - 1);
  const b = position(i);
  return a + ((b - a) * (value - s[i - 1])) / (s[i] - s[i - 1]);
}

/** The integer percentile a report shows: the fractional one rounded, kept within 0–100. */
const shown = (p: number): number => Math.min(100, Math.max(0, Math.round(p)));

/** The integer percentile of `value` among `refs`. */
export function percentile(value: number, refs: readonly number[]): number {
  return shown(fractionalPercentile(value, refs));
}

/**
 * log Φ(z), the standard normal CDF, accurate far into the lower tail (an asymptotic series below −8, where Φ itself
 * underflows the ratio of two tails). Φ from the complementary error function (Numerical Recipes' erfc, |error| <
 * 1.2e-7).
 */
export function logNormalCdf(z: number): number {
  if (z < -8) return -0.5 * z * z - Math.log(-z) - 0.5 * Math.log(2 * Math.PI) + Math.log(1 - 1 / (z * z) + 3 / z ** 4);
  const x = -z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * Math.abs(x));
  const erfc =
    t *
    Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return Math.log(x >= 0 ? erfc / 2 : 1 - erfc / 2);
}

export interface Calibration {
  /** The integer percentile a report shows. */
  score: number;
  /** The same percentile unrounded (below 0.5 and above 99.5 it still orders texts; see fractionalPercentile). */
  percentile: number;
  references: number;
  comparison: Comparison;
}

/**
 * Scores a raw measure against the same measure on the community's items comparable to a text of `draftTokens`
 * words (comparableItems). Any dimension calibrates through here, so each says what it was compared with.
 */
export function calibrate(model: CommunityModel, draftTokens: number, raw: number, measure: (a: Additive) => number, rule: ComparableRule = COMPARABLE): Calibration | null {
  const { items, comparison } = comparableItems(model, draftTokens, rule);
  return calibrateAmong(items, comparison, raw, measure);
}

/** Scores a raw measure against the same measure on the given items, described by `comparison`. */
export function calibrateAmong(items: readonly Additive[], comparison: Comparison, raw: number, measure: (a: Additive) => number): Calibration | null {
  const refs: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const v = measure(items[i]);
    if (Number.isFinite(v)) refs.push(v);
  }
  if (refs.length < MIN_REFERENCES) return null;
  const p = fractionalPercentile(raw, refs);
  return { score: shown(p), percentile: p, references: refs.length, comparison };
}

/** The comparison line for a set of sample items of any length (`what` names them, e.g. "rated items"). */
export function wholeSampleComparison(items: readonly SampleAdditive[], what: string): Comparison {
  let minWords = Infinity;
  let maxWords = 0;
  for (let i = 0; i < items.length; i++) {
    const w = items[i].st[FLAT_TOKENS];
    if (w < minWords) minWords = w;
    if (w > maxWords) maxWords = w;
  }
  if (items.length === 0) minWords = 0;
  return { items: items.length, minWords, maxWords, widened: false, text: `compared with all ${items.length} of this community's ${what} (${wordRange(minWords, maxWords)}), whatever their length` };
}
