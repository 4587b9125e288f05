// CSV: one row per draft of a batch, in a stable, documented column order; cells are safe to open in a spreadsheet.
import type { BatchReport } from '../report/batch-report.js';
import { stripControl } from '../text/normalize.js';

export type CsvValue = string | number | boolean | null | undefined;

/** A plain numeric literal: a spreadsheet reads it as a number, so a leading '-' or '+' is harmless. */
const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** Leading characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers stay numbers; text that a spreadsheet would execute gets a leading apostrophe; RFC 4180 quoting. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  // Control characters never belong in a cell (CR is one of them, so it cannot smuggle a formula past us).
  let s = stripControl(value);
  if (FORMULA_START.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** The fixed columns around the dimension columns (one per dimension id, in analyzer order). */
export const BATCH_CSV_LEAD = ['rank', 'input', 'id', 'title', 'date', 'channel', 'source', 'overall', 'band'] as const;
export const BATCH_CSV_TAIL = ['words', 'below_fail_under', 'top_suggestion', 'error'] as const;

export function formatBatchCsv(b: BatchReport): string {
  const header = [...BATCH_CSV_LEAD, ...b.dimensions.map((d) => d.id), ...BATCH_CSV_TAIL];
  const lines = [csvLine(header)];
  for (const r of b.rows) {
    lines.push(
      csvLine([
        r.rank,
        r.input,
        r.id,
        r.title,
        r.date,
        r.channel,
        r.source,
        r.overall,
        r.band,
        ...b.dimensions.map((d) => r.scores[d.id]),
        r.words,
        r.belowFailUnder,
        r.topSuggestion,
        r.error,
      ]),
    );
  }
  return lines.join('\n') + '\n';
}
