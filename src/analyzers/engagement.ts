// Engagement alignment: does the draft do what this community's well-received items do more of?
import type { Comparison, DimensionResult, EvidenceItem, Suggestion, TextStats } from '../types.js';
import type { Additive, CommunityModel, SampleAdditive } from '../community/model.js';
import { engagementParts, isRewardedFeature, REWARDED_MIN_ITEMS } from '../community/model.js';
import { presentFeatures } from '../community/profile-builder.js';
import { EMOTIONS } from '../lexicons/index.js';
import { CUES } from '../text/measure.js';
import type { AnalysisInput } from './analysis-input.js';
import { calibrateAmong, wholeSampleComparison } from './calibrate.js';
import { calibrated, nullResult, tooFew, type Analyzer } from './analyzer.js';
import { CUE_LABELS } from './conversation.js';
import { draftTerms, round } from './language.js';
import { count } from '../wording.js';

const ID = 'engagement';
const LABEL = 'Engagement alignment';

/** How much of a text shows each feature: share of sentences with a cue, emotion words per sentence (capped at 1). */
export function featureShares(s: TextStats): Map<string, number> {
  const out = new Map<string, number>();
  const n = Math.max(1, s.sentences);
  for (const e of EMOTIONS) out.set(`emotion:${e}`, Math.min(1, s.emotions[e] / n));
  for (const c of CUES) out.set(`cue:${c}`, s.cues[c] / n);
  return out;
}

/**
 * Expected log-engagement lift: the mean term effect, the community's length effect (an item's length rank
 * among its own items) and the effects of the features the text shows, weighted as fitted jointly on the
 * community's sample (EngagementWeights).
 */
export function engagementRaw(a: Additive, model: CommunityModel): number {
  const w = model.engagementWeights;
  const [term, length, features] = engagementParts(model, a);
  return w.term * term + w.length * length + w.features * features;
}

// Calibration re-measures the same (cached) reference items for every draft: remember their measures.
const rawCache = new WeakMap<CommunityModel, WeakMap<Additive, number>>();
function cachedRaw(model: CommunityModel): (a: Additive) => number {
  let byRef = rawCache.get(model);
  if (!byRef) rawCache.set(model, (byRef = new WeakMap()));
  const cache = byRef;
  return (a) => {
    let v = cache.get(a);
    if (v === undefined) cache.set(a, (v = engagementRaw(a, model)));
    return v;
  };
}

/** The calibration sample's items that have an engagement value, and the report's line saying so. */
const ratedByModel = new WeakMap<CommunityModel, { items: SampleAdditive[]; comparison: Comparison }>();
function ratedSample(model: CommunityModel): { items: SampleAdditive[]; comparison: Comparison } {
  let hit = ratedByModel.get(model);
  if (!hit) {
    const sample = model.profile.sample;
    const items = model.calibration.filter((_, i) => sample[i].e !== null);
    ratedByModel.set(model, (hit = { items, comparison: wholeSampleComparison(items, 'rated items') }));
  }
  return hit;
}

/** A feature id ('cue:question', 'emotion:joy') in words. */
export const featureLabel = (f: string): string => {
  const [kind, name] = f.split(':');
  return kind === 'cue' ? CUE_LABELS[name as keyof typeof CUE_LABELS] : `${name} (emotion)`;
};

export const engagement: Analyzer = {
  id: ID,
  label: LABEL,
  needs: 'same-language',
  analyze(input: AnalysisInput): DimensionResult {
    const { model, draft, doc } = input;
    if (!model.profile.columns.engagement) {
      return nullResult(ID, LABEL, 'the export has no engagement column (score, likes, upvotes, reactions, replies); name one with --score-column');
    }
    if (!model.hasEngagement) return nullResult(ID, LABEL, 'no reliable reading: fewer than 20 items have an engagement value');
    // The same check `resonate backtest` makes: a history whose own items the measure cannot order gets no number.
    const caveat = model.engagementCheck?.caveat;
    if (caveat) return nullResult(ID, LABEL, `no reliable reading: ${caveat}`);
    const raw = engagementRaw(draft.additive, model);
    // Against the community's own rated items, whatever their length: the measure models the community's length
    // effect explicitly (longer items get more here, or less), so length is part of the reading, not calibrated away.
    const rated = ratedSample(model);
    const cal = calibrateAmong(rated.items, rated.comparison, raw, cachedRaw(model));
    if (!cal) return nullResult(ID, LABEL, tooFew(model));

    const present = new Set(presentFeatures(doc.stats));
    const rewarded = [...model.featureEffects.values()].filter(isRewardedFeature).sort((a, b) => b.z - a.z || (a.feature < b.feature ? -1 : 1));
    const terms = draftTerms(input);
    const rewardedTerms = model.rewardedTerms;
    const usedRewarded = rewardedTerms.filter((t) => terms.has(t.stem));

    const evidence: EvidenceItem[] = [
      ...rewarded.slice(0, 6).map((f) => ({
        kind: present.has(f.feature) ? 'rewarded-present' : 'rewarded-absent',
        text: `items with ${featureLabel(f.feature)} get ${fmtLift(f.effect)} average engagement (z ${f.z.toFixed(1)}, ${f.items} items); the draft ${present.has(f.feature) ? 'has it' : 'does not'}`,
        value: round(f.effect),
      })),
      ...rewardedTerms.slice(0, 8).map((t) => {
        const at = terms.get(t.stem);
        return {
          kind: at ? 'rewarded-term-used' : 'rewarded-term-missed',
          text: `items using "${model.surface(t.stem)}" get ${fmtLift(t.effect)} average engagement (${t.items} items); the draft ${at ? 'uses it' : 'does not'}`,
          value: round(t.effect),
          ...(at ? { line: at.line, column: at.column } : {}),
        };
      }),
    ];
    const suggestions: Suggestion[] = [];
    const absent = rewarded.filter((f) => !present.has(f.feature));
    if (absent.length) {
      suggestions.push({
        id: 'engagement-features',
        text: `This community rewards ${absent.slice(0, 3).map((f) => featureLabel(f.feature)).join(', ')}; the draft has none of ${absent.length > 1 ? 'them' : 'it'}.`,
        priority: 0.6 + Math.min(0.3, absent[0].z / 20),
      });
    }
    // The length weight is the log-engagement gap between the community's shortest and longest items, other parts equal.
    const lw = model.engagementWeights.length;
    const lengthNote = Math.abs(lw) >= 0.1 ? ` Here ${lw > 0 ? 'longer' : 'shorter'} items get more engagement (the longest ${fmtLift(lw)} the shortest), and the reading counts that.` : '';
    const summary =
      `By its length and what this community's well-received items do more of, the draft scores above ${cal.score}% of the community's ${cal.references} rated items; ` +
      `${habitsAndTerms(rewarded.length - absent.length, rewarded.length, usedRewarded.length, rewardedTerms.length)}.` +
      lengthNote;
    return { id: ID, label: LABEL, ...calibrated(cal), raw: round(raw), summary, evidence, suggestions };
  },
};

/** A log-engagement difference as a multiplicative change in engagement. */
function fmtLift(logLift: number): string {
  const ratio = Math.exp(logLift);
  return ratio >= 1 ? `${ratio.toFixed(1)}×` : `${(1 / ratio).toFixed(1)}× less than`;
}

/** What the draft shows of the rewarded habits and terms; a count out of none is left unsaid, never "0 of 0". */
export function habitsAndTerms(shown: number, habits: number, used: number, terms: number): string {
  const h = habits ? `it shows ${shown} of ${count(habits, 'rewarded habit')}` : `no habit (emotion or conversation cue) stands out as rewarded here`;
  const t = terms ? `uses ${used} of its ${count(terms, 'most rewarded term', 'most rewarded terms')}` : `no term stands out as rewarded (each needs ${REWARDED_MIN_ITEMS}+ rated items)`;
  return habits ? `${h} and ${t}` : `${h}, and ${t}`;
}
