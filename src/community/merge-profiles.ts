// Merges profiles built from shards of an export: counts add, samples keep the k smallest hashes.
import { InputError } from '../errors.js';
import { EMOTIONS } from '../lexicons/index.js';
import { CUES } from '../text/measure.js';
import { sortedRecord } from './profile-builder.js';
import type { CommunityProfileData, EngagementSums, WordEntry } from './profile-types.js';
import { TOOL_VERSION } from '../version.js';

const MAX_PROBLEMS_LISTED = 20;

export function mergeProfiles(profiles: readonly CommunityProfileData[]): CommunityProfileData {
  if (profiles.length === 0) throw new InputError('nothing to merge');
  const first = profiles[0];
  const words = new Map<string, WordEntry>();
  const bigrams = new Map<string, number>();
  const features = new Map<string, EngagementSums>();
  const months = new Map<string, number>();
  const stats = new Array(3 + EMOTIONS.length + CUES.length).fill(0);
  const skipped = { ...first.summary.skipped };
  for (const k of Object.keys(skipped) as (keyof typeof skipped)[]) skipped[k] = 0;
  let items = 0;
  let tokens = 0;
  let rowsRead = 0;
  let itemsUsed = 0;
  let firstTime: number | null = null;
  let lastTime: number | null = null;
  const engagement: EngagementSums = { n: 0, s: 0, q: 0 };
  const sample = new Map<string, CommunityProfileData['sample'][number]>();
  const problems: CommunityProfileData['summary']['problems'] = [];
  for (const p of profiles) {
    const c = p.counts;
    items += c.items;
    tokens += c.tokens;
    c.stats.forEach((v, i) => (stats[i] += v));
    for (const [k, w] of Object.entries(c.words)) {
      const into = words.get(k);
      if (!into) words.set(k, [w[0], w[1], w[2], w[3], w[4], { ...w[5] }]);
      else {
        for (let i = 0; i < 5; i++) into[i] = (into[i] as number) + (w[i] as number);
        for (const [form, n] of Object.entries(w[5])) into[5][form] = (into[5][form] ?? 0) + n;
      }
    }
    for (const [k, n] of Object.entries(c.bigrams)) bigrams.set(k, (bigrams.get(k) ?? 0) + n);
    for (const [k, f] of Object.entries(c.features)) {
      const into = features.get(k) ?? { n: 0, s: 0, q: 0 };
      features.set(k, { n: into.n + f.n, s: into.s + f.s, q: into.q + f.q });
    }
    for (const [k, n] of Object.entries(c.months)) months.set(k, (months.get(k) ?? 0) + n);
    engagement.n += c.engagement.n;
    engagement.s += c.engagement.s;
    engagement.q += c.engagement.q;
    if (c.firstTime !== null) firstTime = firstTime === null ? c.firstTime : Math.min(firstTime, c.firstTime);
    if (c.lastTime !== null) lastTime = lastTime === null ? c.lastTime : Math.max(lastTime, c.lastTime);
    for (const s of p.sample) if (!sample.has(s.h)) sample.set(s.h, s);
    rowsRead += p.summary.rowsRead;
    itemsUsed += p.summary.itemsUsed;
    for (const [k, n] of Object.entries(p.summary.skipped)) skipped[k as keyof typeof skipped] = (skipped[k as keyof typeof skipped] ?? 0) + n;
    for (const pr of p.summary.problems) if (problems.length < MAX_PROBLEMS_LISTED) problems.push(pr);
  }
  const sampleSize = Math.max(...profiles.map((p) => p.build.sampleSize));
  const mergedSample = [...sample.values()].sort((a, b) => (a.h < b.h ? -1 : a.h > b.h ? 1 : 0)).slice(0, sampleSize);
  return {
    formatVersion: first.formatVersion,
    kind: first.kind,
    tool: { name: 'resonate', version: TOOL_VERSION },
    sources: profiles.flatMap((p) => p.sources),
    columns: first.columns,
    build: {
      ...first.build,
      sampleSize,
      prunedBelow: {
        words: Math.max(...profiles.map((p) => p.build.prunedBelow.words)),
        bigrams: Math.max(...profiles.map((p) => p.build.prunedBelow.bigrams)),
      },
    },
    summary: { rowsRead, itemsUsed, skipped, problems },
    counts: {
      items,
      tokens,
      stats,
      words: sortedRecord(words),
      bigrams: sortedRecord(bigrams),
      engagement,
      features: sortedRecord(features),
      months: sortedRecord(months),
      firstTime,
      lastTime,
    },
    sample: mergedSample,
  };
}
