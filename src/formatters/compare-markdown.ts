// Compare as Markdown: the side-by-side table, the winner and why, for a pull-request comment.
import type { CompareReport } from '../report/compare-report.js';
import { displayLine } from '../text/normalize.js';
import { draftName, verdict } from './compare-text.js';

const cell = (s: string, max = 300): string => displayLine(s, max).replace(/\|/g, '\\|');
const num = (n: number | null): string => (n === null ? 'n/a' : String(n));

export function formatCompareMarkdown(r: CompareReport): string {
  const lead = (x: string | null): string => (x === 'a' || x === 'b' ? `**${x.toUpperCase()}**` : x ?? '');
  const out = ['## Resonance compare', '', `- **A**: ${cell(draftName(r, 'a'))}`, `- **B**: ${cell(draftName(r, 'b'))}`, ''];
  out.push('| | A | B | Leader |', '|---|---:|---:|---|');
  out.push(`| **Overall** | **${num(r.a.overall)}** ${r.a.band ?? ''} | **${num(r.b.overall)}** ${r.b.band ?? ''} | ${lead(r.winner)} |`);
  for (const d of r.dimensions) out.push(`| ${d.label} | ${num(d.a)} | ${num(d.b)} | ${lead(d.leader)} |`);
  out.push('', `**${verdict(r)}**`, '', '### Why', '');
  for (const reason of r.why.reasons) out.push(`- ${cell(reason, 600)}`);
  out.push('', '_A resonance reading against this community, not a prediction of virality or reach._', '');
  return out.join('\n');
}
