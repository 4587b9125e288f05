// Merges profiles built from shards of an export: counts add, samples keep the k smallest hashes.
import { InputError } from '../errors.js';
import { EMOTIONS } from '../lexicons/index.js';
import { CUES } from '../text/measure.js';
import { bigramTable, flatForms, forEachForm, wordEntryAt, wordTable } from './count-tables.js';
import { sortedRecord } from './profile-builder.js';
import {
  PROFILE_FORMAT_VERSION,
  type BigramTable,
  type CommunityProfileData,
  type EngagementSums,
  type ProfileCounts,
  type SampleItem,
  type SurfaceForms,
  type WordEntry,
  type WordTable,
} from './profile-types.js';
import { TOOL_VERSION } from '../version.js';

const MAX_PROBLEMS_LISTED = 20;

/** What one builder (one shard, or one worker thread of a build) produced. */
export interface PartialBuild {
  counts: ProfileCounts;
  sample: SampleItem[];
  prunedBelow: { words: number; bigrams: number };
}

const sumInto = (map: Map<string, number>, key: string, n: number): void => {
  map.set(key, (map.get(key) ?? 0) + n);
};

/**
 * Adds counts; the sample of the whole is the `sampleSize` smallest hashes of the union. `fromBuilders`: the parts
 * are this process's own partial builds (ProfileBuilder.finish), whose tables are sorted and whose surface forms are
 * well formed, so their tables are merged by walking them in order (mergeSortedWords) instead of through Maps, a
 * re-parse of every stem's forms and a sort; saved profiles, which may be damaged or out of order, take the checked
 * path.
 */
export function mergeCounts(parts: readonly PartialBuild[], sampleSize: number, fromBuilders = false): PartialBuild {
  const words = new Map<string, [number, number, number, number, number, Map<string, number>]>();
  const bigrams = new Map<string, number>();
  const features = new Map<string, EngagementSums>();
  const months = new Map<string, number>();
  const stats = new Array(3 + EMOTIONS.length + CUES.length).fill(0);
  const engagement: EngagementSums = { n: 0, s: 0, q: 0 };
  const sample = new Map<string, SampleItem>();
  let items = 0;
  let tokens = 0;
  let firstTime: number | null = null;
  let lastTime: number | null = null;
  for (const { counts: c, sample: s } of parts) {
    items += c.items;
    tokens += c.tokens;
    c.stats.forEach((v, i) => (stats[i] += v));
    if (!fromBuilders) mergeWords(words, bigrams, c);
    for (const [k, f] of Object.entries(c.features)) {
      const into = features.get(k) ?? { n: 0, s: 0, q: 0 };
      features.set(k, { n: into.n + f.n, s: into.s + f.s, q: into.q + f.q });
    }
    for (const [k, n] of Object.entries(c.months)) sumInto(months, k, n);
    engagement.n += c.engagement.n;
    engagement.s += c.engagement.s;
    engagement.q += c.engagement.q;
    if (c.firstTime !== null) firstTime = firstTime === null ? c.firstTime : Math.min(firstTime, c.firstTime);
    if (c.lastTime !== null) lastTime = lastTime === null ? c.lastTime : Math.max(lastTime, c.lastTime);
    for (const item of s) if (!sample.has(item.h)) sample.set(item.h, item);
  }
  const merged = new Map<string, WordEntry>();
  for (const [k, w] of words) merged.set(k, [w[0], w[1], w[2], w[3], w[4], flatForms(w[5])]);
  return {
    counts: {
      items,
      tokens,
      stats,
      words: fromBuilders ? parts.map((p) => p.counts.words).reduce(mergeSortedWords) : wordTable(merged),
      bigrams: fromBuilders ? parts.map((p) => p.counts.bigrams).reduce(mergeSortedBigrams) : bigramTable(bigrams),
      engagement,
      features: sortedRecord(features),
      months: sortedRecord(months),
      firstTime,
      lastTime,
    },
    sample: [...sample.values()].sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0)).slice(0, sampleSize),
    prunedBelow: {
      words: Math.max(...parts.map((p) => p.prunedBelow.words)),
      bigrams: Math.max(...parts.map((p) => p.prunedBelow.bigrams)),
    },
  };
}

/**
 * The first source (by its SHA-256) that two of the profiles both hold, with the indexes of the profiles: merging
 * both would count its items twice. Null when every source is new.
 */
export function duplicateSource(profiles: readonly CommunityProfileData[]): { name: string; sha256: string; first: number; again: number } | null {
  const seen = new Map<string, number>();
  for (const [i, p] of profiles.entries()) {
    const own = new Set<string>();
    for (const src of p.sources) {
      if (own.has(src.sha256)) continue;
      own.add(src.sha256);
      const first = seen.get(src.sha256);
      if (first !== undefined) return { name: src.name, sha256: src.sha256, first, again: i };
      seen.set(src.sha256, i);
    }
  }
  return null;
}

/** Content stems compared by vocabularyOverlap: each profile's most frequent ones. */
const OVERLAP_TOP = 300;

/**
 * How much of one profile's common vocabulary the other shares: of each side's OVERLAP_TOP most frequent content
 * stems, the share also among the other's; the smaller of the two. Shards of one community share most of it.
 */
export function vocabularyOverlap(a: CommunityProfileData, b: CommunityProfileData, isContent: (stem: string) => boolean): number {
  const top = (p: CommunityProfileData): string[] => {
    const w = p.counts.words;
    const idx = w.stems.map((_, j) => j).filter((j) => isContent(w.stems[j]));
    idx.sort((x, y) => w.counts[5 * y] - w.counts[5 * x] || (w.stems[x] < w.stems[y] ? -1 : 1));
    return idx.slice(0, OVERLAP_TOP).map((j) => w.stems[j]);
  };
  const [ta, tb] = [top(a), top(b)];
  if (!ta.length || !tb.length) return 1;
  const [sa, sb] = [new Set(ta), new Set(tb)];
  return Math.min(ta.filter((x) => sb.has(x)).length / ta.length, tb.filter((x) => sa.has(x)).length / tb.length);
}

/** Adds one part's words and bigrams into the maps (checking each stem's surface forms). */
function mergeWords(words: Map<string, [number, number, number, number, number, Map<string, number>]>, bigrams: Map<string, number>, c: ProfileCounts): void {
  c.words.stems.forEach((k, j) => {
    const w = wordEntryAt(c.words, j);
    let into = words.get(k);
    if (!into) words.set(k, (into = [0, 0, 0, 0, 0, new Map()]));
    for (let i = 0; i < 5; i++) into[i] = (into[i] as number) + (w[i] as number);
    const forms = into[5];
    forEachForm(w[5], (form, n) => sumInto(forms, form, n));
  });
  c.bigrams.pairs.forEach((k, j) => sumInto(bigrams, k, c.bigrams.counts[j]));
}

/**
 * Two word tables with sorted stems as one: a walk in step, as a merge sort's last pass. Gives what wordTable gives
 * for the summed entries: stems in the same order (`<` compares code units, as sort() does), and a stem's forms
 * re-flattened only when both tables have it.
 */
export function mergeSortedWords(a: WordTable, b: WordTable): WordTable {
  const out: WordTable = { stems: [], counts: [], forms: [] };
  let i = 0;
  let j = 0;
  const take = (t: WordTable, k: number): void => {
    out.stems.push(t.stems[k]);
    for (let f = 5 * k; f < 5 * k + 5; f++) out.counts.push(t.counts[f]);
    out.forms.push(t.forms[k]);
  };
  while (i < a.stems.length && j < b.stems.length) {
    const sa = a.stems[i];
    const sb = b.stems[j];
    if (sa < sb) take(a, i++);
    else if (sb < sa) take(b, j++);
    else {
      out.stems.push(sa);
      for (let f = 0; f < 5; f++) out.counts.push(a.counts[5 * i + f] + b.counts[5 * j + f]);
      out.forms.push(sumForms(a.forms[i++], b.forms[j++]));
    }
  }
  while (i < a.stems.length) take(a, i++);
  while (j < b.stems.length) take(b, j++);
  return out;
}

function sumForms(a: SurfaceForms, b: SurfaceForms): SurfaceForms {
  if (a === '') return b;
  if (b === '') return a;
  const forms = new Map<string, number>();
  forEachForm(a, (form, n) => sumInto(forms, form, n));
  forEachForm(b, (form, n) => sumInto(forms, form, n));
  return flatForms(forms);
}

/** Two bigram tables with sorted pairs as one, as mergeSortedWords merges words. */
export function mergeSortedBigrams(a: BigramTable, b: BigramTable): BigramTable {
  const out: BigramTable = { pairs: [], counts: [] };
  let i = 0;
  let j = 0;
  while (i < a.pairs.length && j < b.pairs.length) {
    const pa = a.pairs[i];
    const pb = b.pairs[j];
    if (pa < pb) {
      out.pairs.push(pa);
      out.counts.push(a.counts[i++]);
    } else if (pb < pa) {
      out.pairs.push(pb);
      out.counts.push(b.counts[j++]);
    } else {
      out.pairs.push(pa);
      out.counts.push(a.counts[i++] + b.counts[j++]);
    }
  }
  for (; i < a.pairs.length; i++) {
    out.pairs.push(a.pairs[i]);
    out.counts.push(a.counts[i]);
  }
  for (; j < b.pairs.length; j++) {
    out.pairs.push(b.pairs[j]);
    out.counts.push(b.counts[j]);
  }
  return out;
}

export function mergeProfiles(profiles: readonly CommunityProfileData[]): CommunityProfileData {
  if (profiles.length === 0) throw new InputError('nothing to merge');
  const first = profiles[0];
  const skipped = { ...first.summary.skipped };
  for (const k of Object.keys(skipped) as (keyof typeof skipped)[]) skipped[k] = 0;
  let rowsRead = 0;
  let itemsUsed = 0;
  const problems: CommunityProfileData['summary']['problems'] = [];
  for (const p of profiles) {
    rowsRead += p.summary.rowsRead;
    itemsUsed += p.summary.itemsUsed;
    for (const [k, n] of Object.entries(p.summary.skipped)) skipped[k as keyof typeof skipped] = (skipped[k as keyof typeof skipped] ?? 0) + n;
    for (const pr of p.summary.problems) if (problems.length < MAX_PROBLEMS_LISTED) problems.push(pr);
  }
  const sampleSize = Math.max(...profiles.map((p) => p.build.sampleSize));
  const { counts, sample, prunedBelow } = mergeCounts(
    profiles.map((p) => ({ counts: p.counts, sample: p.sample, prunedBelow: p.build.prunedBelow })),
    sampleSize,
  );
  return {
    // Inputs of an older format were read into this one.
    formatVersion: PROFILE_FORMAT_VERSION,
    kind: first.kind,
    tool: { name: 'resonate', version: TOOL_VERSION },
    sources: profiles.flatMap((p) => p.sources),
    columns: first.columns,
    build: { ...first.build, sampleSize, prunedBelow },
    summary: { rowsRead, itemsUsed, skipped, problems },
    counts,
    sample,
  };
}
