// Formatter names → formatters (the names, which the CLI's --format choices and help read, are in names.ts).
import type { Formatter } from './formatter.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatText } from './text.js';
import { formatHtml } from './html/score.js';
import type { FormatName } from './names.js';

export const FORMATTERS = { text: formatText, json: formatJson, markdown: formatMarkdown, html: formatHtml } as const satisfies Record<FormatName, Formatter>;
