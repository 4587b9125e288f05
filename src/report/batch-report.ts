// A batch of drafts read against one community: per-draft rows (rank, scores, gate, errors) and a summary.
import { ANALYZERS } from '../analyzers/index.js';
import type { BatchDraftInfo } from '../types.js';
import type { Band, Report } from './report-types.js';
import { BANDS } from './overall.js';

export const BATCH_SORTS = ['score', 'date', 'input'] as const;
export type BatchSort = (typeof BATCH_SORTS)[number];

/** What the batch command hands over for each draft: where it came from, and its report or why there is none. */
export interface BatchItem extends BatchDraftInfo {
  report: Report | null;
  error: string | null;
}

/** A row of the batch; title/date/channel are the report's (the calendar's plan, else the front matter). */
export interface BatchRow extends BatchDraftInfo {
  /** Rank by overall score, 1 = most resonant (ties keep input order); null when the draft has no score. */
  rank: number | null;
  overall: number | null;
  band: Band | null;
  /** Score per dimension id (null when the dimension could not be scored or the draft could not be read). */
  scores: Record<string, number | null>;
  words: number | null;
  topSuggestion: string | null;
  /** null when there is no --fail-under gate, or the draft could not be read. */
  belowFailUnder: boolean | null;
  error: string | null;
  report: Report | null;
}

export interface BatchSummary {
  drafts: number;
  scored: number;
  unreadable: number;
  meanOverall: number | null;
  bands: Record<Band, number>;
  failUnder: number | null;
  /** Sources of the drafts below the gate, in rank order. */
  belowFailUnder: string[];
  community: Report['community'] | null;
}

export interface BatchReport {
  schemaVersion: 1;
  sort: BatchSort;
  dimensions: { id: string; label: string }[];
  summary: BatchSummary;
  rows: BatchRow[];
}

export function buildBatchReport(items: readonly BatchItem[], options: { sort: BatchSort; failUnder?: number }): BatchReport {
  const dimensions = ANALYZERS.map((a) => ({ id: a.id, label: a.label }));
  const failUnder = options.failUnder ?? null;
  const rows: BatchRow[] = items.map((it) => {
    const r = it.report;
    const scores: Record<string, number | null> = {};
    for (const d of dimensions) scores[d.id] = r?.dimensions.find((x) => x.id === d.id)?.score ?? null;
    const overall = r?.overall.score ?? null;
    return {
      rank: null,
      input: it.input,
      id: it.id,
      title: r?.draft.title ?? it.title,
      date: r?.draft.date ?? it.date,
      channel: r?.draft.channel ?? it.channel,
      source: it.source,
      overall,
      band: r?.overall.band ?? null,
      scores,
      words: r?.draft.words ?? null,
      topSuggestion: r?.suggestions[0]?.text ?? null,
      belowFailUnder: failUnder === null || !r ? null : overall === null || overall < failUnder,
      error: r ? null : it.error ?? 'not scored',
      report: r,
    };
  });
  [...rows]
    .filter((r) => r.overall !== null)
    .sort(byScore)
    .forEach((r, i) => (r.rank = i + 1));
  const sorted = [...rows].sort(options.sort === 'score' ? byScore : options.sort === 'date' ? byDate : byInput);
  const scored = rows.filter((r) => r.report !== null);
  const withScore = rows.filter((r) => r.overall !== null);
  const bands = Object.fromEntries(BANDS.map((b) => [b.band, 0])) as Record<Band, number>;
  for (const r of rows) if (r.band) bands[r.band]++;
  return {
    schemaVersion: 1,
    sort: options.sort,
    dimensions,
    summary: {
      drafts: rows.length,
      scored: scored.length,
      unreadable: rows.length - scored.length,
      meanOverall: withScore.length ? Math.round((10 * withScore.reduce((s, r) => s + r.overall!, 0)) / withScore.length) / 10 : null,
      bands,
      failUnder,
      belowFailUnder: [...rows].filter((r) => r.belowFailUnder).sort(byScore).map((r) => r.source),
      community: scored[0]?.report?.community ?? null,
    },
    rows: sorted,
  };
}

function byInput(a: BatchRow, b: BatchRow): number {
  return a.input - b.input;
}

/** Highest overall first; unscored and unreadable drafts last; ties in input order. */
function byScore(a: BatchRow, b: BatchRow): number {
  const sa = a.overall ?? -1;
  const sb = b.overall ?? -1;
  return sb - sa || byInput(a, b);
}

/** Earliest date first; drafts without a readable date last; ties in input order. */
function byDate(a: BatchRow, b: BatchRow): number {
  const ta = dateValue(a.date);
  const tb = dateValue(b.date);
  return ta - tb || byInput(a, b);
}

function dateValue(date: string | null): number {
  const t = date ? Date.parse(date) : NaN;
  return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
}
