// Batch as text: a ranked table for a terminal, then the summary; draft text is made inert before printing.
import type { ChalkInstance } from 'chalk';
import { plainChalk } from './plain-chalk.js';
import type { BatchReport, BatchRow } from '../report/batch-report.js';
import { displayLine } from '../text/normalize.js';
import { count } from '../wording.js';

const SHORT: Record<string, string> = { language: 'lang', emotion: 'emo', engagement: 'eng', conversation: 'conv' };

export const shortLabel = (id: string): string => SHORT[id] ?? id.slice(0, 5);
export const rowName = (r: BatchRow, max: number): string => displayLine(r.title ?? r.id ?? r.source, max);
const num = (n: number | null): string => (n === null ? '–' : String(n));

export function formatBatchText(b: BatchReport, chalk: ChalkInstance = plainChalk()): string {
  const c = chalk;
  const gate = b.summary.failUnder !== null;
  const header = ['#', 'title', 'date', 'overall', 'band', ...b.dimensions.map((d) => shortLabel(d.id)), ...(gate ? ['gate'] : []), 'main suggestion'];
  const cells = b.rows.map((r) => [
    num(r.rank),
    rowName(r, 40),
    displayLine(r.date ?? '', 10),
    num(r.overall),
    r.band ?? '',
    ...b.dimensions.map((d) => num(r.scores[d.id])),
    ...(gate ? [r.belowFailUnder ? 'BELOW' : r.belowFailUnder === false ? 'ok' : ''] : []),
    r.error ? `could not score: ${displayLine(r.error, 100)}` : displayLine(r.topSuggestion ?? '', 90),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => row[i].length)));
  const right = new Set([0, 3, ...b.dimensions.map((_, i) => 5 + i)]);
  const line = (row: string[]): string =>
    row.map((v, i) => (i === row.length - 1 ? v : right.has(i) ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  const out = [c.bold(line(header))];
  b.rows.forEach((r, k) => {
    const text = line(cells[k]);
    out.push(r.error ? c.dim(text) : r.belowFailUnder ? c.red(text) : text);
  });
  out.push('');
  const s = b.summary;
  const bands = bandCounts(s);
  out.push(`${scoredLine(s)}${bands ? ` (${bands})` : ''}.`);
  if (s.unreadable) out.push(`${s.unreadable} could not be scored: ${b.rows.filter((r) => r.error).map((r) => displayLine(r.source, 80)).join(', ')}.`);
  if (s.failUnder !== null) {
    out.push(
      s.belowFailUnder.length
        ? c.red(`${s.belowFailUnder.length} below --fail-under ${s.failUnder}: ${s.belowFailUnder.map((x) => displayLine(x, 80)).join(', ')}.`)
        : `All scored drafts are at or above --fail-under ${s.failUnder}.`,
    );
  }
  return out.join('\n') + '\n';
}

/** "2 strong, 1 weak": the drafts per band, bands without drafts left out. */
export const bandCounts = (s: BatchReport['summary']): string =>
  Object.entries(s.bands)
    .filter(([, n]) => n > 0)
    .map(([band, n]) => `${n} ${band}`)
    .join(', ');

/** "3 of 4 drafts scored, mean overall 61": the batch's headline, in every format. */
export const scoredLine = (s: BatchReport['summary']): string => `${s.scored} of ${count(s.drafts, 'draft')} scored${s.meanOverall !== null ? `, mean overall ${s.meanOverall}` : ''}`;
