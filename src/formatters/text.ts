// Text: the report for a terminal; colour and bars only when the CLI hands in a colour-enabled chalk.
import type { ChalkInstance } from 'chalk';
import { plainChalk } from './plain-chalk.js';
import type { Formatter } from './formatter.js';
import type { Band } from '../report/report-types.js';
import { displayLine } from '../text/normalize.js';
import { comparedLine, skippedText } from './markdown.js';
import { count, dimensionSummary } from '../wording.js';

const BAR = 20;

function bar(c: ChalkInstance, score: number | null): string {
  if (score === null) return c.dim('·'.repeat(BAR));
  const filled = Math.round((score / 100) * BAR);
  const colour = score >= 70 ? c.green : score >= 50 ? c.yellow : score >= 30 ? c.hex('#ff8800') : c.red;
  return colour('█'.repeat(filled)) + c.dim('░'.repeat(BAR - filled));
}

function bandColour(c: ChalkInstance, band: Band | null): (s: string) => string {
  return band === 'strong' ? c.green.bold : band === 'moderate' ? c.yellow.bold : band === 'weak' ? c.hex('#ff8800').bold : c.red.bold;
}

export const formatText: Formatter = (r, ctx) => {
  const c = ctx.chalk ?? plainChalk();
  const out: string[] = [];
  const title = r.draft.title ? ` — ${displayLine(r.draft.title, 80)}` : '';
  out.push(c.bold(`Resonance report: ${displayLine(r.draft.source, 120)}${title}`));
  out.push(c.dim(`${count(r.draft.words, 'word')}, ${count(r.draft.sentences, 'sentence')} · community: ${count(r.community.itemsUsed, 'item')} (${skippedText(r.community.skipped)})`));
  for (const n of r.notes) out.push(c.yellow(`Note: ${displayLine(n, 400)}`));
  out.push('');
  const score = r.overall.score === null ? 'n/a' : String(r.overall.score);
  out.push(`${c.bold('Overall')}  ${bar(c, r.overall.score)} ${bandColour(c, r.overall.band)(`${score.padStart(3)} ${r.overall.band ?? ''}`)}`);
  out.push(displayLine(r.overall.sentence, 400));
  out.push('');
  for (const d of r.dimensions) {
    out.push(`${d.label.padEnd(22)} ${bar(c, d.score)} ${d.score === null ? c.dim('n/a') : String(d.score).padStart(3)}`);
    out.push(c.dim(`  ${displayLine(dimensionSummary(d), 400)}`));
    for (const e of d.evidence.slice(0, 6)) out.push(c.dim(`    · ${e.line ? `line ${e.line}: ` : ''}${displayLine(e.text, 200)}`));
  }
  if (r.community.comparedWith) out.push(c.dim(comparedLine(r.community.comparedWith, r.dimensions)));
  out.push('');
  if (r.suggestions.length) {
    out.push(c.bold('Suggestions'));
    r.suggestions.forEach((s, i) => out.push(`  ${i + 1}. ${displayLine(s.text, 400)}`));
    out.push('');
  }
  if (r.highlights.strongest.length) {
    out.push(c.bold('Most resonant sentences'));
    for (const h of r.highlights.strongest) out.push(`  ${c.green('+')} line ${h.line}: ${displayLine(h.text, 140)}`, c.dim(`      ${displayLine(h.why, 200)}`));
    out.push(c.bold('Least resonant sentences'));
    for (const h of r.highlights.weakest) out.push(`  ${c.red('-')} line ${h.line}: ${displayLine(h.text, 140)}`, c.dim(`      ${displayLine(h.why, 200)}`));
    out.push('');
  }
  out.push(c.dim(r.notice));
  return out.join('\n') + '\n';
};
