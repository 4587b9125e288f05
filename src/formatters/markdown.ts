// Markdown: the report for a pull-request comment.
import type { Formatter } from './formatter.js';
import { displayLine } from '../text/normalize.js';
import { dimensionSummary, skipList } from '../wording.js';
import type { Comparison, DimensionResult } from '../types.js';

const cell = (s: string): string => displayLine(s, 400).replace(/\|/g, '\\|');

export const formatMarkdown: Formatter = (r) => {
  const out: string[] = [];
  const title = r.draft.title ? ` — ${cell(r.draft.title)}` : '';
  out.push(`## Resonance report: \`${cell(r.draft.source)}\`${title}`, '');
  for (const n of r.notes) out.push(`> **Note:** ${cell(n)}`, '');
  out.push(`**Overall: ${r.overall.score ?? 'n/a'}/100 (${r.overall.band ?? 'not scored'})** — ${cell(r.overall.sentence)}`, '');
  out.push('| Dimension | Score | Summary |', '|---|---:|---|');
  for (const d of r.dimensions) out.push(`| ${d.label} | ${d.score ?? 'n/a'} | ${cell(dimensionSummary(d))} |`);
  out.push('');
  if (r.community.comparedWith) out.push(`_${cell(comparedLine(r.community.comparedWith, r.dimensions))}_`, '');
  if (r.suggestions.length) {
    out.push('### Suggestions', '');
    for (const s of r.suggestions) out.push(`- ${cell(s.text)}`);
    out.push('');
  }
  const hl = (title2: string, rows: typeof r.highlights.strongest): void => {
    if (!rows.length) return;
    out.push(`### ${title2}`, '');
    for (const h of rows) out.push(`- line ${h.line}: “${cell(h.text)}” — ${cell(h.why)}`);
    out.push('');
  };
  hl('Most resonant sentences', r.highlights.strongest);
  hl('Least resonant sentences', r.highlights.weakest);
  out.push('<details><summary>Evidence</summary>', '');
  for (const d of r.dimensions) {
    out.push(`**${d.label}**`, '');
    for (const e of d.evidence) out.push(`- ${e.line ? `line ${e.line}: ` : ''}${cell(e.text)}`);
    out.push('');
  }
  out.push('</details>', '');
  out.push(`Community: ${r.community.itemsUsed} items used of ${r.community.rowsRead} rows read (${skippedText(r.community.skipped)}).`, '');
  out.push(`_${r.notice}_`, '');
  return out.join('\n');
};

/**
 * The line saying what the percentiles were compared with: the report's comparison, and any dimension compared
 * with something else (engagement is read against all of the community's rated items, whatever their length).
 */
export function comparedLine(c: Comparison, dimensions: readonly DimensionResult[] = []): string {
  const others = dimensions.filter((d) => d.comparedWith && d.comparedWith.text !== c.text).map((d) => `${d.label.toLowerCase()} ${d.comparedWith!.text}`);
  return `Scores are percentiles, ${c.text}${others.length ? `; ${others.join('; ')}` : ''}.`;
}

export function skippedText(skipped: Record<string, number>): string {
  const list = skipList(skipped);
  return list ? `skipped: ${list}` : 'none skipped';
}
