// Formatter names → formatters; the names also feed the CLI's --format choices and help.
import type { Formatter } from './formatter.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatText } from './text.js';
import { formatHtml } from './html/score.js';

export const FORMATTERS = { text: formatText, json: formatJson, markdown: formatMarkdown, html: formatHtml } as const satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATTERS;
export const FORMAT_NAMES = Object.keys(FORMATTERS) as FormatName[];
