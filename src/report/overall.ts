// Overall resonance: community language fit sets the reading; the other dimensions adjust it within what the fit
// allows (a multiplier on the language score), and its band.
import type { DimensionResult } from '../types.js';
import type { Band } from './report-types.js';

/**
 * Documented default weights (README, "Overall"; chosen in EVALUATION.md, "Overall"). Language's weight against the
 * others' sum sets how far they can move the overall away from the language score; among themselves the others'
 * weights set their mean.
 */
export const DEFAULT_WEIGHTS: Readonly<Record<string, number>> = { language: 0.5, emotion: 0.2, engagement: 0.15, conversation: 0.15 };

/** The dimension whose score the overall scales: a post in another community's words is not "strong" here. */
const GATE = 'language';

export const BANDS: readonly { band: Band; min: number }[] = [
  { band: 'strong', min: 70 },
  { band: 'moderate', min: 50 },
  { band: 'weak', min: 30 },
  { band: 'off-key', min: 0 },
];

/**
 * overall = language × (1 + s × (rest − 50) / 50), clipped to 0–100: `rest` is the weighted mean of the other
 * available scores and s the others' share of the available weights (0.5 with the defaults). So the others scale
 * the language score by 1 − s (all at 0) to 1 + s (all at 100), and a dimension that is `null` (e.g. an engagement
 * reading the community's history does not support) gives up its share: s falls and language counts for more.
 * A product, not a mean, is what keeps a post in another community's words low however warm or engaging it is: a
 * language score near 0 keeps the overall near 0, where the weighted mean let emotion, engagement and conversation
 * (which carry little community identity) lift it into "weak" or "moderate". Without a language score (or with
 * its weight at 0) the overall is the weighted mean of the others.
 */
export function overallScore(dimensions: readonly DimensionResult[], weights: Readonly<Record<string, number>> = DEFAULT_WEIGHTS): number | null {
  let fit: number | null = null;
  let fitWeight = 0;
  let sum = 0;
  let w = 0;
  for (const d of dimensions) {
    const weight = weights[d.id] ?? 0;
    if (d.score === null || weight <= 0) continue;
    if (d.id === GATE) {
      fit = d.score;
      fitWeight = weight;
    } else {
      sum += weight * d.score;
      w += weight;
    }
  }
  if (fit === null) return w > 0 ? Math.round(sum / w) : null;
  if (w === 0) return fit;
  const share = w / (fitWeight + w);
  return Math.round(Math.min(100, Math.max(0, fit * (1 + (share * (sum / w - 50)) / 50))));
}

export function bandOf(score: number): Band {
  return BANDS.find((b) => score >= b.min)!.band;
}

export function overallSentence(score: number | null, band: Band | null, dimensions: readonly DimensionResult[]): string {
  if (score === null || band === null) return 'No dimension could be scored, so there is no overall reading.';
  const scored = dimensions.filter((d) => d.score !== null);
  const best = [...scored].sort((a, b) => b.score! - a.score!)[0];
  const worst = [...scored].sort((a, b) => a.score! - b.score!)[0];
  const lead: Record<Band, string> = {
    strong: 'This draft should resonate strongly with this community',
    moderate: 'This draft should resonate moderately with this community',
    weak: 'This draft resonates weakly with this community',
    'off-key': 'This draft is off-key for this community',
  };
  return scored.length > 1 && best.id !== worst.id
    ? `${lead[band]}: strongest on ${best.label.toLowerCase()} (${best.score}), weakest on ${worst.label.toLowerCase()} (${worst.score}).`
    : `${lead[band]}.`;
}
