// The Report: everything a formatter renders, computed before any formatting.
import type { ColumnMap, DimensionResult, SkipReason, Suggestion } from '../types.js';
import type { LanguageReading } from '../text/language-check.js';

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
  /** The words `why` names: the most community-like (strongest) or least (weakest; none of the community's own). */
  words: string[];
  why: string;
}

export interface Report {
  schemaVersion: number;
  draft: { source: string; title: string | null; date: string | null; channel: string | null; words: number; sentences: number; language: LanguageReading };
  community: {
    rowsRead: number;
    itemsUsed: number;
    skipped: Record<SkipReason, number>;
    columns: ColumnMap;
    dateRange: { from: string; to: string } | null;
    hasEngagement: boolean;
    calibrationItems: number;
    language: LanguageReading;
  };
  overall: { score: number | null; band: Band | null; sentence: string; weights: Record<string, number> };
  dimensions: DimensionResult[];
  highlights: { strongest: SentenceHighlight[]; weakest: SentenceHighlight[] };
  suggestions: Suggestion[];
  /** Cautions a reader needs before the numbers (a language resonate does not read, a small community), one line each. */
  notes: string[];
  notice: string;
}
