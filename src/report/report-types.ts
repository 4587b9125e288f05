// The Report: everything a formatter renders, computed before any formatting.
import type { ColumnMap, Comparison, DimensionResult, EmotionId, SkipReason, Suggestion } from '../types.js';
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

/** A sentence's standing among the draft's own sentences, in five steps; 'unread' when too short to read, or in another language than the community's. */
export type SentenceTone = 'strongest' | 'strong' | 'middle' | 'weak' | 'weakest' | 'unread';

/** One sentence of the draft as the highlights read it (every sentence, in order). */
export interface SentenceReading {
  line: number;
  column: number;
  /** The sentence as the draft's plain text holds it. */
  text: string;
  /** True when the sentence starts a new block (paragraph, heading, list item) after the one before. */
  newBlock: boolean;
  /** As in SentenceHighlight; null when the sentence is not read. */
  languageFit: number | null;
  emotion: number | null;
  /** The highlights' ranking score: 0.7 × the fit's z + 0.3 × the emotion's z across the draft's sentences. */
  standing: number | null;
  tone: SentenceTone;
  why: string;
}

/**
 * What a visual report shows beyond the Report's own fields: the whole draft read sentence by sentence, the
 * emotion mixes side by side and the term lists. Built only when asked (`--format html`), so the JSON, text
 * and Markdown reports never carry it.
 */
export interface ReportDetail {
  sentences: SentenceReading[];
  /** Share of each emotion among emotion words: the draft's, the community's, its most engaged-with items' (null without engagement). */
  emotionMix: { emotion: EmotionId; draft: number; community: number; engaged: number | null }[];
  terms: {
    used: { term: string; itemShare: number; line: number; column: number }[];
    missed: { term: string; itemShare: number }[];
    /** Draft words the community rarely or never uses: the ones to replace. */
    replace: { term: string; communityCount: number; line: number; column: number }[];
    /** How many distinctive terms the lists are drawn from. */
    distinctive: number;
  };
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
    /** What the dimension scores were compared with (the first scored dimension's; null when none is scored). */
    comparedWith: Comparison | null;
  };
  overall: { score: number | null; band: Band | null; sentence: string; weights: Record<string, number> };
  dimensions: DimensionResult[];
  highlights: { strongest: SentenceHighlight[]; weakest: SentenceHighlight[] };
  suggestions: Suggestion[];
  /** Cautions a reader needs before the numbers (a language resonate does not read, a small community), one line each. */
  notes: string[];
  notice: string;
  /** Only in reports built with `detail: true` (for the HTML page); never serialised by the other formats. */
  detail?: ReportDetail;
}
