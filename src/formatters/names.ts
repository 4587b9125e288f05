// The output formats' names without the formatters: every start-up reads them (--format choices and help), while
// the formatters, HTML's among them, load only when a report is written.
export const FORMAT_NAMES = ['text', 'json', 'markdown', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

export const BATCH_FORMAT_NAMES = ['text', 'json', 'csv', 'markdown', 'html'] as const;
export type BatchFormatName = (typeof BATCH_FORMAT_NAMES)[number];

export const COMPARE_FORMAT_NAMES = ['text', 'json', 'markdown', 'html'] as const;
export type CompareFormatName = (typeof COMPARE_FORMAT_NAMES)[number];

export const OVERVIEW_FORMAT_NAMES = ['text', 'json', 'markdown', 'html'] as const;
export type OverviewFormatName = (typeof OVERVIEW_FORMAT_NAMES)[number];
