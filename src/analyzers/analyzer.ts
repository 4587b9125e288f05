// The analyzer contract: a pure function of the frozen analysis input.
import type { DimensionResult } from '../types.js';
import type { AnalysisInput } from './analysis-input.js';
import type { CommunityModel } from '../community/model.js';
import { MIN_BUNDLES } from './calibrate.js';
import { count } from '../wording.js';

/** Items with text from which reference samples for any draft can be made (see test/e2e/report-wording.test.ts). */
export const ITEMS_ENOUGH = 50;

export interface Analyzer {
  id: string;
  label: string;
  analyze(input: AnalysisInput): DimensionResult;
}

export const pct = (x: number): string => `${Math.round(100 * x)}%`;

export function nullResult(id: string, label: string, reason: string): DimensionResult {
  return { id, label, score: null, raw: null, reason, summary: `Not scored: ${reason}.`, evidence: [], suggestions: [] };
}

/**
 * Why a dimension could not be calibrated: its calibration items make fewer than MIN_BUNDLES / 2 reference samples
 * (stretches of the community's writing at least as long as the draft, or a twentieth of all of it).
 */
export function tooFew(model: CommunityModel): string {
  const n = model.calibration.length;
  return `the community sample is too small to calibrate against: its ${count(n, 'item')} ${n === 1 ? 'makes' : 'make'} fewer than ${MIN_BUNDLES / 2} reference samples as long as the draft (an export of ${ITEMS_ENOUGH} or more items with text is needed)`;
}
