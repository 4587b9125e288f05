// The analyzer contract: a pure function of the frozen analysis input.
import type { DimensionResult } from '../types.js';
import type { AnalysisInput } from './analysis-input.js';
import type { Calibration } from './calibrate.js';

export interface Analyzer {
  id: string;
  label: string;
  analyze(input: AnalysisInput): DimensionResult;
}

export const pct = (x: number): string => `${Math.round(100 * x)}%`;

export function nullResult(id: string, label: string, reason: string): DimensionResult {
  return { id, label, score: null, raw: null, reason, summary: `Not scored: ${reason}.`, evidence: [], suggestions: [] };
}

export const TOO_FEW = 'the community sample is too small to calibrate against (need at least 10 of its items)';

/**
 * The calibrated fields of a dimension result: the shown score, the unrounded percentile (4 significant digits,
 * enough to keep the order of texts far below the community's items) and what it was compared with.
 */
export function calibrated(cal: Calibration): Pick<DimensionResult, 'score' | 'percentile' | 'comparedWith'> {
  return { score: cal.score, percentile: Number(cal.percentile.toPrecision(4)), comparedWith: cal.comparison };
}
