// Emotional tone: how strongly, with how much arousal, and in the mix of emotions this community engages with.
import type { DimensionResult, EmotionId, EvidenceItem, Suggestion, TextStats } from '../types.js';
import type { Additive, CommunityModel } from '../community/model.js';
import { AROUSAL_WEIGHT, EMOTIONS, emotionLexicon } from '../lexicons/index.js';
import type { AnalysisInput } from './analysis-input.js';
import { calibrate, comparableItems, percentile } from './calibrate.js';
import { calibrated, nullResult, tooFew, type Analyzer } from './analyzer.js';
import { locate, round } from './language.js';
import { capitalize } from '../wording.js';

const ID = 'emotion';
const LABEL = 'Emotional tone';

/** Arousal-weighted emotion words per language token. */
export function arousalIntensity(stats: TextStats): number {
  if (stats.tokens === 0) return 0;
  const cats = emotionLexicon().categories;
  let sum = 0;
  for (let i = 0; i < EMOTIONS.length; i++) sum += stats.emotions[EMOTIONS[i]] * AROUSAL_WEIGHT[cats[EMOTIONS[i]].arousal];
  return sum / stats.tokens;
}

export function cosine(a: Record<string, number>, b: Record<string, number>): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < EMOTIONS.length; i++) {
    const e = EMOTIONS[i];
    dot += a[e] * b[e];
    na += a[e] * a[e];
    nb += b[e] * b[e];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * The emotion mix of the community's most engaged-with items, when its engagement can be read: where the
 * community's own history gives engagement no reliable reading (its check is at chance), which items are "most
 * engaged-with" is noise too, and the report does not point the draft at their feelings.
 */
export function engagedMix(model: CommunityModel): Record<string, number> | null {
  return model.engagementCheck?.caveat ? null : model.topEmotionMix;
}

/** The emotion mix a draft is compared with: that of the most engaged-with items when known, else the community's. */
export function targetMix(model: CommunityModel): Record<string, number> {
  return engagedMix(model) ?? model.stats.emotions;
}

/** Share of community items of similar length whose intensity marks the top of the community's own range. */
export const CEILING_PERCENTILE = 0.9;

/**
 * The community's ceiling of emotional intensity: the 90th percentile of its items of similar length. More arousal
 * helps up to the loudest this community itself gets; past that the text reads as hype, not as one of its own.
 */
export function intensityCeiling(refs: readonly number[]): number {
  if (refs.length === 0) return Number.POSITIVE_INFINITY;
  const sorted = [...refs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(CEILING_PERCENTILE * sorted.length))];
}

/**
 * Intensity (rising to the community's ceiling, falling beyond it) scaled by how close the emotion mix is to
 * the target mix (half weight for a mismatched mix).
 */
export function emotionRaw(a: Additive, target: Record<string, number>, ceiling = Number.POSITIVE_INFINITY): number {
  return intensityCredit(arousalIntensity(a.stats), a.stats.tokens, ceiling) * (0.5 + 0.5 * cosine(a.stats.emotions, target));
}

/**
 * Credit for emotional intensity: rising to the community's ceiling, held there while the draft is within one
 * high-arousal word of it (a draft cannot be asked to drop less than a word), then falling with the square of how
 * far past it the rest goes (twice as loud earns a quarter), so that a loud draft's score falls as its advice says.
 */
export function intensityCredit(intensity: number, tokens: number, ceiling: number): number {
  if (intensity <= ceiling) return intensity;
  const beyondGrace = intensity - 1 / Math.max(1, tokens);
  return beyondGrace <= ceiling ? ceiling : ceiling * (ceiling / beyondGrace) ** 2;
}

/** Below this score a draft past the community's ceiling is told to tone down; at or above it, it is only loud. */
export const HYPE_SCORE = 50;

/** Each emotion's share of the mix's emotion hits (0 everywhere when it has none). */
export const emotionShares = (mix: Readonly<Record<string, number>>): Record<string, number> => {
  const total = EMOTIONS.reduce((s, e) => s + mix[e], 0);
  return Object.fromEntries(EMOTIONS.map((e) => [e, total ? mix[e] / total : 0]));
};

export const emotion: Analyzer = {
  id: ID,
  label: LABEL,
  needs: 'english',
  analyze(input: AnalysisInput): DimensionResult {
    const { model, draft, doc } = input;
    const target = targetMix(model);
    const refIntensity = comparableItems(model, doc.stats.tokens).items.map((b) => arousalIntensity(b.stats));
    const ceiling = intensityCeiling(refIntensity);
    const intensity = arousalIntensity(doc.stats);
    const raw = emotionRaw(draft.additive, target, ceiling);
    const cal = calibrate(model, draft.additive.stats.tokens, raw, (a) => emotionRaw(a, target, ceiling));
    if (!cal) return nullResult(ID, LABEL, tooFew(model));

    const intensityPct = percentile(intensity, refIntensity);
    const flat = intensityPct < 25;
    // Told to tone down only when the loudness costs the score and at least one word is past the ceiling; a draft
    // at the loud end whose score stays high is not contradicted by its own advice.
    const loud = intensity > ceiling;
    const hype = intensityCredit(intensity, doc.stats.tokens, ceiling) < Math.min(intensity, ceiling) && cal.score < HYPE_SCORE;
    const mine = emotionShares(doc.stats.emotions);
    const theirs = emotionShares(target);
    const top = (m: Record<string, number>): EmotionId[] => EMOTIONS.filter((e) => m[e] > 0).sort((a, b) => m[b] - m[a] || EMOTIONS.indexOf(a) - EMOTIONS.indexOf(b)).slice(0, 3);
    const draftTop = top(mine);
    const targetTop = top(theirs);
    const targetName = engagedMix(model) ? "the community's most engaged-with items" : 'the community';

    const lex = emotionLexicon();
    const examples = new Map<EmotionId, EvidenceItem>();
    // Indexed: for…of steps an iterator, which allocates while the code is cold (every token of the draft).
    for (let si = 0; si < doc.sentences.length; si++) {
      const tokens = draft.tokens[si];
      for (let k = 0; k < tokens.length; k++) {
        const t = tokens[k];
        const emotions = lex.terms.get(t.stem);
        if (emotions === undefined) continue;
        for (let j = 0; j < emotions.length; j++) {
          const e = emotions[j];
          if (!examples.has(e)) examples.set(e, { kind: 'emotion-word', text: `"${t.norm}" (${e}, ${lex.categories[e].arousal} arousal)`, ...locate(input, si, t) });
        }
      }
    }
    const valencePerWord = doc.stats.tokens ? doc.stats.valence / doc.stats.tokens : 0;
    const communityValence = model.stats.tokens ? model.stats.valence / model.stats.tokens : 0;

    const evidence: EvidenceItem[] = [
      { kind: 'intensity', text: `arousal-weighted emotion words per word: ${intensity.toFixed(3)}, more than ${intensityPct}% of community items of similar length`, value: round(intensity) },
      { kind: 'mix', text: `draft's emotions: ${fmtMix(mine, draftTop)}; ${targetName}: ${fmtMix(theirs, targetTop)}`, value: round(cosine(doc.stats.emotions, target)) },
      { kind: 'valence', text: `AFINN valence per word: draft ${valencePerWord.toFixed(3)}, community ${communityValence.toFixed(3)}`, value: round(valencePerWord) },
      ...[...examples.values()].slice(0, 8),
    ];

    const suggestions: Suggestion[] = [];
    if (flat) {
      suggestions.push({
        id: 'emotion-flat',
        text: `The draft reads as emotionally flat next to this community. Say how it felt, in the tones ${targetName} carry: ${targetTop.join(', ') || 'joy'}.`,
        priority: 0.9,
      });
    }
    const missing = targetTop.filter((e) => mine[e] < theirs[e] / 3);
    if (!flat && !hype && missing.length) {
      suggestions.push({ id: 'emotion-mix', text: `${capitalize(targetName)} carry ${missing.join(' and ')}, which the draft barely has.`, priority: 0.5 });
    }
    if (hype) {
      suggestions.push({
        id: 'emotion-hype',
        text: `The draft is more emotionally charged than ${intensityPct}% of this community's own writing; it may read as hype here. Tone down the loudest words and let specifics carry the feeling: ${loudest(input).join(', ')}.`,
        priority: 0.7,
      });
    }
    const extra = draftTop.filter((e) => mine[e] > 2 * theirs[e] + 0.1 && lex.categories[e].valence === 'negative');
    if (extra.length) {
      suggestions.push({ id: 'emotion-negative', text: `The draft leans on ${extra.join(' and ')} far more than the community does; check that it is meant.`, priority: 0.4 });
    }

    const summary = hype
      ? `Louder than the community: the draft carries more emotion words than ${intensityPct}% of this community's items of similar length (it mostly feels ${draftTop.join(', ')}), past the point where this community's own writing goes.`
      : loud
      ? `At the loud end of this community's range: the draft carries more emotion words than ${intensityPct}% of this community's items of similar length (it mostly feels ${draftTop.join(', ')}); its tone scores above ${cal.score}% of them.`
      : flat
      ? `Emotionally flat: the draft carries fewer emotion words than ${100 - intensityPct}% of this community's items of similar length, which mostly feels ${targetTop.join(', ') || 'little'}.`
      : `Emotional tone scores above ${cal.score}% of community items of similar length; the draft feels mostly ${draftTop.join(', ') || 'neutral'}, ${targetName} ${targetTop.join(', ') || 'neutral'}.`;
    return { id: ID, label: LABEL, ...calibrated(cal), raw: round(raw, 4), summary, evidence, suggestions };
  },
};

/** The draft's emotion words, high arousal first, as `"word" (line n)`: what a writer would tone down. */
function loudest(input: AnalysisInput): string[] {
  const lex = emotionLexicon();
  const rank = { high: 0, medium: 1, low: 2 } as const;
  const found: { word: string; line: number; arousal: number; at: number }[] = [];
  const seen = new Set<string>();
  input.draft.tokens.forEach((tokens, si) => {
    for (const t of tokens) {
      const emotions = lex.terms.get(t.stem);
      if (!emotions || seen.has(t.norm)) continue;
      seen.add(t.norm);
      const arousal = Math.min(...emotions.map((e) => rank[lex.categories[e].arousal]));
      found.push({ word: t.norm, line: locate(input, si, t).line, arousal, at: found.length });
    }
  });
  return found
    .sort((a, b) => a.arousal - b.arousal || a.at - b.at)
    .slice(0, 4)
    .map((f) => `"${f.word}" (line ${f.line})`);
}

function fmtMix(m: Record<string, number>, top: EmotionId[]): string {
  return top.length ? top.map((e) => `${e} ${Math.round(100 * m[e])}%`).join(', ') : 'none';
}
