// Batch as Markdown: the ranked table and summary for a pull-request comment.
import type { BatchReport } from '../report/batch-report.js';
import { displayLine } from '../text/normalize.js';
import { rowName, scoredLine } from './batch-text.js';

const cell = (s: string, max = 200): string => displayLine(s, max).replace(/\|/g, '\\|');
const num = (n: number | null): string => (n === null ? '–' : String(n));

export function formatBatchMarkdown(b: BatchReport): string {
  const gate = b.summary.failUnder !== null;
  const head = ['#', 'Draft', 'Date', 'Overall', 'Band', ...b.dimensions.map((d) => d.label), ...(gate ? ['Gate'] : []), 'Main suggestion'];
  const align = head.map((_, i) => (i === 0 || i === 3 || (i >= 5 && i < 5 + b.dimensions.length) ? '---:' : '---'));
  const out = ['## Resonance: batch', '', `| ${head.join(' | ')} |`, `|${align.join('|')}|`];
  for (const r of b.rows) {
    out.push(
      `| ${[
        num(r.rank),
        `${cell(rowName(r, 80))}${r.title ? ` (\`${cell(r.source, 120).replace(/`/g, "'")}\`)` : ''}`,
        cell(r.date ?? '', 20),
        r.overall === null ? '–' : `**${r.overall}**`,
        r.band ?? '',
        ...b.dimensions.map((d) => num(r.scores[d.id])),
        ...(gate ? [r.belowFailUnder ? '❌ below' : r.belowFailUnder === false ? '✅' : ''] : []),
        r.error ? `_could not score: ${cell(r.error)}_` : cell(r.topSuggestion ?? '', 300),
      ].join(' | ')} |`,
    );
  }
  const s = b.summary;
  out.push('', `${scoredLine(s)}.`);
  if (s.unreadable) out.push('', `**${s.unreadable} could not be scored:** ${b.rows.filter((r) => r.error).map((r) => `\`${cell(r.source, 120).replace(/`/g, "'")}\``).join(', ')}`);
  if (s.failUnder !== null) {
    out.push(
      '',
      s.belowFailUnder.length
        ? `**${s.belowFailUnder.length} below --fail-under ${s.failUnder}:** ${s.belowFailUnder.map((x) => `\`${cell(x, 120).replace(/`/g, "'")}\``).join(', ')}`
        : `All scored drafts are at or above --fail-under ${s.failUnder}.`,
    );
  }
  out.push('', '_A resonance reading against this community, not a prediction of virality or reach._', '');
  return out.join('\n');
}
