// Compare formatter names → formatters; the names feed `resonate compare --format` choices.
import type { FormatContext } from './formatter.js';
import type { CompareReport } from '../report/compare-report.js';
import { formatCompareMarkdown } from './compare-markdown.js';
import { formatCompareText } from './compare-text.js';
import { formatCompareHtml } from './html/compare.js';

export type CompareFormatter = (r: CompareReport, context: FormatContext) => string;

export const COMPARE_FORMATTERS = {
  text: (r, ctx) => formatCompareText(r, ctx.chalk),
  json: (r) => JSON.stringify(r, null, 2) + '\n',
  markdown: (r) => formatCompareMarkdown(r),
  html: (r) => formatCompareHtml(r),
} as const satisfies Record<string, CompareFormatter>;
export type CompareFormatName = keyof typeof COMPARE_FORMATTERS;
export const COMPARE_FORMAT_NAMES = Object.keys(COMPARE_FORMATTERS) as CompareFormatName[];
