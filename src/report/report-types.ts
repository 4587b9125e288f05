// The Report: everything a formatter renders, computed before any formatting.
import type { ColumnMap, Comparison, DimensionResult, SkipReason, Suggestion } from '../types.js';

export const REPORT_SCHEMA_VERSION = 1;

export type Band = 'strong' | 'moderate' | 'weak' | 'off-key';

export interface SentenceHighlight {
  line: number;
  column: number;
  text: string;
  /** Mean community-vs-general log-likelihood ratio of the sentence's words. */
  languageFit: number;
  /** Arousal-weighted emotion words per word. */
  emotion: number;
  why: string;
}

export interface Report {
  schemaVersion: number;
  draft: { source: string; title: string | null; date: string | null; channel: string | null; words: number; sentences: number };
  community: {
    rowsRead: number;
    itemsUsed: number;
    skipped: Record<SkipReason, number>;
    columns: ColumnMap;
    dateRange: { from: string; to: string } | null;
    hasEngagement: boolean;
    calibrationItems: number;
    /** What the dimension scores were compared with (the first scored dimension's; null when none is scored). */
    comparedWith: Comparison | null;
  };
  overall: { score: number | null; band: Band | null; sentence: string; weights: Record<string, number> };
  dimensions: DimensionResult[];
  highlights: { strongest: SentenceHighlight[]; weakest: SentenceHighlight[] };
  suggestions: Suggestion[];
  notice: string;
}
