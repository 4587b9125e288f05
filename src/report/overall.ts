// Overall resonance: a weighted mean of the available dimension scores, and its band.
import type { DimensionResult } from '../types.js';
import type { Band } from './report-types.js';

/** Documented default weights; language and emotion carry most, as the premise is "speaks its language, moves it". */
export const DEFAULT_WEIGHTS: Readonly<Record<string, number>> = { language: 0.35, emotion: 0.25, engagement: 0.2, conversation: 0.2 };

export const BANDS: readonly { band: Band; min: number }[] = [
  { band: 'strong', min: 70 },
  { band: 'moderate', min: 50 },
  { band: 'weak', min: 30 },
  { band: 'off-key', min: 0 },
];

export function overallScore(dimensions: readonly DimensionResult[], weights: Readonly<Record<string, number>> = DEFAULT_WEIGHTS): number | null {
  let sum = 0;
  let w = 0;
  for (const d of dimensions) {
    const weight = weights[d.id] ?? 0;
    if (d.score === null || weight <= 0) continue;
    sum += weight * d.score;
    w += weight;
  }
  return w > 0 ? Math.round(sum / w) : null;
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
