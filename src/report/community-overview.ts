// "Know your community": what a profile says about the community, computed for `profile show`.
import type { CommunityModel } from '../community/model.js';
import { EMOTIONS } from '../lexicons/index.js';
import { CUES } from '../text/measure.js';
import { CUE_LABELS, cueRate } from '../analyzers/conversation.js';
import { round } from '../analyzers/language.js';
import { featureLabel } from '../analyzers/engagement.js';
import { isoDay } from './iso-day.js';
import { isRewardedFeature, REWARDED_MIN_ITEMS } from '../community/model.js';

export interface CommunityOverview {
  schemaVersion: 1;
  items: number;
  rowsRead: number;
  skipped: Record<string, number>;
  dateRange: { from: string; to: string } | null;
  vocabulary: number;
  distinctiveTerms: { term: string; itemShare: number; z: number }[];
  distinctivePhrases: { phrase: string; count: number }[];
  emotions: { emotion: string; share: number; topItemsShare: number | null }[];
  valencePerWord: number;
  conversation: { cue: string; label: string; sentenceShare: number; engagementLift: number | null }[];
  rewards: { feature: string; label: string; lift: number; z: number; items: number }[] | null;
  rewardedTerms: { term: string; lift: number; items: number }[] | null;
  /** Rated items a habit or term must be seen in before it is listed as rewarded. */
  rewardedMinItems: number;
  activity: { month: string; items: number }[];
}

export function communityOverview(model: CommunityModel): CommunityOverview {
  const p = model.profile;
  const c = p.counts;
  const totalEmo = EMOTIONS.reduce((s, e) => s + model.stats.emotions[e], 0) || 1;
  const top = model.topEmotionMix;
  const totalTop = top ? EMOTIONS.reduce((s, e) => s + top[e], 0) || 1 : 1;
  const distinctive = new Set(model.distinctive.slice(0, 30).map((d) => d.stem));
  const phrases = [...model.bigrams]
    .filter(([k, n]) => n >= 3 && k.split(' ').every((s) => model.isContentStem(s)) && k.split(' ').some((s) => distinctive.has(s)))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 15)
    .map(([k, n]) => ({ phrase: k.split(' ').map(model.surface).join(' '), count: n }));
  return {
    schemaVersion: 1,
    items: c.items,
    rowsRead: p.summary.rowsRead,
    skipped: p.summary.skipped,
    dateRange: c.firstTime !== null && c.lastTime !== null ? { from: isoDay(c.firstTime), to: isoDay(c.lastTime) } : null,
    vocabulary: model.words.size,
    distinctiveTerms: model.distinctive.slice(0, 25).map((d) => ({ term: d.term, itemShare: round(d.itemShare), z: round(d.z, 1) })),
    distinctivePhrases: phrases,
    emotions: EMOTIONS.map((e) => ({ emotion: e, share: round(model.stats.emotions[e] / totalEmo), topItemsShare: top ? round(top[e] / totalTop) : null })),
    valencePerWord: round(model.stats.tokens ? model.stats.valence / model.stats.tokens : 0),
    conversation: CUES.map((cue) => ({
      cue,
      label: CUE_LABELS[cue],
      sentenceShare: round(cueRate(model.stats, cue)),
      // Multiplicative change in engagement of items showing the cue (the effect is on the log scale).
      engagementLift: model.hasEngagement ? round(Math.exp(model.featureEffects.get(`cue:${cue}`)?.effect ?? 0), 2) : null,
    })),
    rewards: model.hasEngagement
      ? [...model.featureEffects.values()].filter(isRewardedFeature).sort((a, b) => b.z - a.z || (a.feature < b.feature ? -1 : 1)).map((f) => ({ feature: f.feature, label: featureLabel(f.feature), lift: round(Math.exp(f.effect), 2), z: round(f.z, 1), items: f.items }))
      : null,
    rewardedMinItems: REWARDED_MIN_ITEMS,
    rewardedTerms: model.hasEngagement ? model.rewardedTerms.map((t) => ({ term: model.surface(t.stem), lift: round(Math.exp(t.effect), 2), items: t.items })) : null,
    activity: Object.entries(c.months).map(([month, items]) => ({ month, items })),
  };
}

