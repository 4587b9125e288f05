// The analyzers in report order, and the one way to run them.
import type { DimensionResult } from '../types.js';
import type { AnalysisInput } from './analysis-input.js';
import { nullResult, type Analyzer } from './analyzer.js';
import { conversation } from './conversation.js';
import { emotion } from './emotion.js';
import { engagement } from './engagement.js';
import { language } from './language.js';
import { languageGap } from './language-gate.js';

export const ANALYZERS: readonly Analyzer[] = [language, emotion, engagement, conversation];

/** Runs every analyzer; one that throws on an odd draft becomes a null result instead of sinking the report. */
export function runAnalyzers(input: AnalysisInput): DimensionResult[] {
  return ANALYZERS.map((a) => {
    const gap = languageGap(a.needs, input.languages);
    if (gap) return nullResult(a.id, a.label, gap);
    try {
      return a.analyze(input);
    } catch (err) {
      return nullResult(a.id, a.label, `the analysis failed on this draft (${(err as Error).message})`);
    }
  });
}
