// Words a report prints about counts: number-noun agreement, shares, the names of skip reasons, in one place so that
// the text, Markdown, HTML and stderr outputs cannot disagree ("1 sentences", a raw `outOfRange`).
import type { DimensionResult } from './types.js';

/** "1 sentence", "2 sentences"; `plural` defaults to the noun plus "s". */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** A 0–1 share as a whole percentage, "42%". */
export const pct = (x: number): string => `${Math.round(100 * x)}%`;

/** The text with its first character upper-cased. */
export const capitalize = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** What a report says under a dimension: its summary, or why it could not be scored. */
export const dimensionSummary = (d: DimensionResult): string => (d.score === null ? d.reason ?? d.summary : d.summary);

const SKIP_NOUNS: Record<string, [string, string]> = {
  empty: ['empty', 'empty'],
  duplicate: ['duplicate', 'duplicates'],
  deleted: ['deleted/removed', 'deleted/removed'],
  bot: ['bot', 'bot'],
  malformed: ['malformed', 'malformed'],
  outOfRange: ['outside the date range', 'outside the date range'],
};

/** The non-zero skip counts in words, e.g. "3 empty, 1 duplicate, 2 outside the date range"; '' when none. */
export function skipList(skipped: Readonly<Record<string, number>>): string {
  return Object.entries(skipped)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => {
      const [one, many] = SKIP_NOUNS[k] ?? [k, k];
      return count(n, one, many);
    })
    .join(', ');
}
