// Batch formatter names → formatters (the names, which `resonate batch --format` reads, are in names.ts).
import type { FormatContext } from './formatter.js';
import type { BatchReport } from '../report/batch-report.js';
import { formatBatchCsv } from './csv.js';
import { formatBatchMarkdown } from './batch-markdown.js';
import { formatBatchText } from './batch-text.js';
import { formatBatchHtml } from './html/batch.js';
import type { BatchFormatName } from './names.js';

export type BatchFormatter = (b: BatchReport, context: FormatContext) => string;

/** JSON: every draft's full `score` report (null when unreadable) with its rank and gate, plus the summary. */
export const formatBatchJson: BatchFormatter = (b) =>
  JSON.stringify(
    {
      schemaVersion: b.schemaVersion,
      sort: b.sort,
      summary: b.summary,
      drafts: b.rows.map((r) => ({
        rank: r.rank,
        input: r.input,
        id: r.id,
        title: r.title,
        date: r.date,
        channel: r.channel,
        source: r.source,
        belowFailUnder: r.belowFailUnder,
        error: r.error,
        report: r.report,
      })),
    },
    null,
    2,
  ) + '\n';

export const BATCH_FORMATTERS = {
  text: (b, ctx) => formatBatchText(b, ctx.chalk),
  json: formatBatchJson,
  csv: (b) => formatBatchCsv(b),
  markdown: (b) => formatBatchMarkdown(b),
  html: (b) => formatBatchHtml(b),
} as const satisfies Record<BatchFormatName, BatchFormatter>;
