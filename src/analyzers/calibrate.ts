// Calibration: a raw measure becomes the percentile of the draft among same-length samples of the community.
import type { Additive, CommunityModel } from '../community/model.js';
import { emptyStats } from '../text/measure.js';
import { addFlatStats, FLAT_SENTENCES, FLAT_TOKENS } from '../community/profile-builder.js';

/** Fewer reference bundles than this and the percentile is too coarse to report. */
export const MIN_BUNDLES = 20;

const cache = new WeakMap<CommunityModel, Map<number, Additive[]>>();

/**
 * Groups the calibration sample (in its hash order, i.e. at random) into bundles of at least `tokens`
 * language tokens, so a 400-word draft is compared with 400-word stretches of the community, not with
 * one-line comments whose measures swing far more.
 */
export function bundles(model: CommunityModel, tokens: number): Additive[] {
  const items = model.calibration;
  let total = 0;
  for (let i = 0; i < items.length; i++) total += items[i].st[FLAT_TOKENS];
  const target = Math.max(1, Math.min(tokens, Math.floor(total / MIN_BUNDLES)));
  let byTarget = cache.get(model);
  if (!byTarget) cache.set(model, (byTarget = new Map()));
  const hit = byTarget.get(target);
  if (hit) return hit;
  const out: Additive[] = [];
  let cur: Additive | null = null;
  // Indexed loops here and in the analyzers' measures: for…of steps an iterator, which allocates while the code is
  // still cold, and these run for every calibration item of every score. The items' stats are summed flat.
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.st[FLAT_TOKENS] === 0) continue;
    cur ??= { stats: emptyStats(), llrSum: 0, llrN: 0, engSum: 0, engN: 0 };
    addFlatStats(cur.stats, item.st);
    cur.llrSum += item.llrSum;
    cur.llrN += item.llrN;
    cur.engSum += item.engSum;
    cur.engN += item.engN;
    if (cur.stats.tokens >= target) {
      out.push(cur);
      cur = null;
    }
  }
  byTarget.set(target, out);
  return out;
}

/** Percentile (0–100, integer) of `value` among `refs`: the share below, ties counting half. */
export function percentile(value: number, refs: readonly number[]): number {
  if (refs.length === 0) return 50;
  let below = 0;
  let equal = 0;
  for (let i = 0; i < refs.length; i++) {
    if (refs[i] < value) below++;
    else if (refs[i] === value) equal++;
  }
  return Math.round((100 * (below + equal / 2)) / refs.length);
}

/**
 * The community's own longer items (at least `minSentences` sentences), for measures of personal style that
 * bundling random items would average away; falls back to bundles when there are too few.
 */
export function longItems(model: CommunityModel, draftTokens: number, minSentences = 3): Additive[] {
  const long = model.calibration.filter((a) => a.st[FLAT_SENTENCES] >= minSentences);
  return long.length >= MIN_BUNDLES ? long : bundles(model, draftTokens);
}

/** Scores a raw measure against the same measure on reference texts (default: same-length bundles). */
export function calibrate(
  model: CommunityModel,
  draftTokens: number,
  raw: number,
  measure: (a: Additive) => number,
  references: Additive[] = bundles(model, draftTokens),
): { score: number; references: number } | null {
  const refs = references.map(measure).filter(Number.isFinite);
  if (refs.length < MIN_BUNDLES / 2) return null;
  return { score: percentile(raw, refs), references: refs.length };
}
