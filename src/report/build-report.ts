// Runs the analyzers on one draft and assembles the Report (no formatting here).
import type { DimensionResult, Document, Suggestion } from '../types.js';
import type { CommunityModel } from '../community/model.js';
import { analysisInput } from '../analyzers/analysis-input.js';
import { runAnalyzers } from '../analyzers/index.js';
import { displayLine } from '../text/normalize.js';
import { highlights } from './highlights.js';
import { reportDetail } from './report-detail.js';
import { bandOf, DEFAULT_WEIGHTS, overallScore, overallSentence } from './overall.js';
import { REPORT_SCHEMA_VERSION, type Report } from './report-types.js';
import { isoDay } from './iso-day.js';
import { languageNote, type Languages } from '../analyzers/language-gate.js';
import { count } from '../wording.js';

export const NOTICE = 'This is a resonance reading (how well the draft fits this community\'s language, feelings and habits), not a prediction of virality or reach.';

export interface ReportOptions {
  weights?: Readonly<Record<string, number>>;
  /** Add the whole-draft detail a visual report shows (`report.detail`). */
  detail?: boolean;
}

export function buildReport(doc: Document, model: CommunityModel, options: ReportOptions = {}): Report {
  const input = analysisInput(doc, model);
  const dimensions: DimensionResult[] = runAnalyzers(input);
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const score = overallScore(dimensions, weights);
  const band = score === null ? null : bandOf(score);
  const hl = highlights(input);
  const profile = model.profile;
  const c = profile.counts;
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    draft: {
      source: doc.source,
      title: doc.frontMatter.title ?? null,
      date: doc.frontMatter.date ?? null,
      channel: doc.frontMatter.channel ?? null,
      words: doc.stats.tokens,
      sentences: doc.stats.sentences,
      language: input.languages.draft,
    },
    community: {
      rowsRead: profile.summary.rowsRead,
      itemsUsed: profile.summary.itemsUsed,
      skipped: profile.summary.skipped,
      columns: profile.columns,
      dateRange: c.firstTime !== null && c.lastTime !== null ? { from: isoDay(c.firstTime), to: isoDay(c.lastTime) } : null,
      hasEngagement: model.hasEngagement,
      calibrationItems: model.calibration.length,
      language: input.languages.community,
      comparedWith: dimensions.find((d) => d.comparedWith)?.comparedWith ?? null,
    },
    overall: { score, band, sentence: overallSentence(score, band, dimensions), weights: { ...weights } },
    dimensions,
    highlights: hl,
    suggestions: pickSuggestions(dimensions, hl.weakest),
    notes: reportNotes(input.languages, profile.summary.itemsUsed),
    notice: NOTICE,
    ...(options.detail ? { detail: reportDetail(input) } : {}),
  };
}

function pickSuggestions(dimensions: readonly DimensionResult[], weakest: Report['highlights']['weakest']): Suggestion[] {
  const all = dimensions.flatMap((d) => d.suggestions);
  const picked = [...all].sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : 1)).slice(0, 5);
  for (const w of weakest) {
    if (picked.length >= 3) break;
    // Nothing to rework when the sentence holds no word this community avoids.
    if (w.words.length === 0) continue;
    picked.push({ id: 'rewrite-weakest', text: `Rework line ${w.line}, the draft's least resonant sentence ("${displayLine(w.text, 80)}"): ${w.why}.`, priority: 0.1, line: w.line });
  }
  return picked;
}


/** Below this many items a report says its percentiles are coarse (README, "What is measured"). */
const SMALL_SAMPLE_ITEMS = 300;

/** What the reader must know before trusting the numbers: one line each. */
function reportNotes(languages: Languages, items: number): string[] {
  const notes: string[] = [];
  const language = languageNote(languages);
  if (language) notes.push(language);
  if (items < SMALL_SAMPLE_ITEMS) {
    notes.push(`Small community sample: ${count(items, 'item')} (${SMALL_SAMPLE_ITEMS} or more give steadier percentiles); read the scores as rough.`);
  }
  return notes;
}
