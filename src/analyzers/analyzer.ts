// The analyzer contract: a pure function of the frozen analysis input.
import type { DimensionResult } from '../types.js';
import type { AnalysisInput } from './analysis-input.js';
import type { CommunityModel } from '../community/model.js';
import { MIN_REFERENCES, type Calibration } from './calibrate.js';
import { count } from '../wording.js';

/** Items with text from which every dimension can find comparable items for most drafts (see test/e2e/report-consistency.test.ts, "the stated minimum holds"). */
export const ITEMS_ENOUGH = 50;

export interface Analyzer {
  id: string;
  label: string;
  /**
   * What the dimension needs of the draft's and the community's languages (language-gate.ts, languageGap): English
   * on both sides (its word lists are English), or one language on both sides (it matches the draft's words with
   * the community's). Unset: it reads any language.
   */
  needs?: 'english' | 'same-language';
  analyze(input: AnalysisInput): DimensionResult;
}

export function nullResult(id: string, label: string, reason: string): DimensionResult {
  return { id, label, score: null, raw: null, reason, summary: `Not scored: ${reason}.`, evidence: [], suggestions: [] };
}

/** Why a dimension could not be calibrated: fewer than MIN_REFERENCES of the community's items to compare with. */
export function tooFew(model: CommunityModel): string {
  const n = model.calibration.length;
  return `the community sample is too small to calibrate against: its ${count(n, 'item')} ${n === 1 ? 'gives' : 'give'} fewer than ${MIN_REFERENCES} to compare the draft with (an export of ${ITEMS_ENOUGH} or more items with text is needed)`;
}

/**
 * The calibrated fields of a dimension result: the shown score, the unrounded percentile (4 significant digits,
 * enough to keep the order of texts far below the community's items) and what it was compared with.
 */
export function calibrated(cal: Calibration): Pick<DimensionResult, 'score' | 'percentile' | 'comparedWith'> {
  return { score: cal.score, percentile: Number(cal.percentile.toPrecision(4)), comparedWith: cal.comparison };
}
