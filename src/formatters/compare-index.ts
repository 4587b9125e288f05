// Compare formatter names → formatters (the names, which `resonate compare --format` reads, are in names.ts).
import type { FormatContext } from './formatter.js';
import type { CompareReport } from '../report/compare-report.js';
import { formatCompareMarkdown } from './compare-markdown.js';
import { formatCompareText } from './compare-text.js';
import { formatCompareHtml } from './html/compare.js';
import type { CompareFormatName } from './names.js';

export type CompareFormatter = (r: CompareReport, context: FormatContext) => string;

export const COMPARE_FORMATTERS = {
  text: (r, ctx) => formatCompareText(r, ctx.chalk),
  json: (r) => JSON.stringify(r, null, 2) + '\n',
  markdown: (r) => formatCompareMarkdown(r),
  html: (r) => formatCompareHtml(r),
} as const satisfies Record<CompareFormatName, CompareFormatter>;
