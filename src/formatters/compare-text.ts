// Compare as text: both drafts side by side, the winner and why; draft text is made inert before printing.
import type { ChalkInstance } from 'chalk';
import { plainChalk } from './plain-chalk.js';
import type { CompareReport, Side } from '../report/compare-report.js';
import { displayLine } from '../text/normalize.js';

const num = (n: number | null): string => (n === null ? 'n/a' : String(n));

export function draftName(r: CompareReport, side: Side, max = 100): string {
  const d = r[side];
  return `${displayLine(d.source, max)}${d.title ? ` — ${displayLine(d.title, max)}` : ''}`;
}

export function verdict(r: CompareReport): string {
  if (r.winner === null) return 'Neither draft could be scored overall.';
  if (r.winner === 'tie') return `A tie: both score ${r.a.overall} overall.`;
  const w = r.winner.toUpperCase();
  return `${w} should resonate more with this community, by ${r.margin} point${r.margin === 1 ? '' : 's'} (${r[r.winner].overall} vs ${r[r.winner === 'a' ? 'b' : 'a'].overall ?? 'n/a'}).`;
}

export function formatCompareText(r: CompareReport, chalk: ChalkInstance = plainChalk()): string {
  const c = chalk;
  const out: string[] = [c.bold('Resonance compare'), `  A: ${draftName(r, 'a')}`, `  B: ${draftName(r, 'b')}`, ''];
  const rows: [string, string, string, string][] = [
    ['', 'A', 'B', ''],
    ['Overall', `${num(r.a.overall)} ${r.a.band ?? ''}`.trim(), `${num(r.b.overall)} ${r.b.band ?? ''}`.trim(), leaderCell(r.winner, r.margin)],
    ...r.dimensions.map((d): [string, string, string, string] => [
      d.label,
      num(d.a),
      num(d.b),
      leaderCell(d.leader, d.difference),
    ]),
  ];
  const w = [0, 1, 2].map((i) => Math.max(...rows.map((row) => row[i].length)));
  for (const [k, row] of rows.entries()) {
    const line = `  ${row[0].padEnd(w[0])}  ${row[1].padStart(w[1])}  ${row[2].padStart(w[2])}  ${row[3]}`.trimEnd();
    out.push(k === 0 || k === 1 ? c.bold(line) : line);
  }
  out.push('', c.bold(verdict(r)), '', c.bold('Why'));
  for (const reason of r.why.reasons) out.push(`  - ${displayLine(reason, 400)}`);
  out.push('', c.dim('A resonance reading against this community, not a prediction of virality or reach.'));
  return out.join('\n') + '\n';
}

/** The leader column: "A +12" / "B +3" (the difference's size), or "tie" and the like as they are. */
export function leaderCell(leader: string | null, difference: number | null): string {
  if (leader === 'a' || leader === 'b') return `${leader.toUpperCase()}${difference !== null ? ` +${Math.abs(difference)}` : ''}`;
  return leader ?? '';
}
