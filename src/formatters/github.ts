// GitHub Actions workflow commands: a notice with the reading, a warning on each weakest sentence (shown on the
// pull request diff), a notice per suggestion and an error when the --fail-under gate is not met.
import type { Report } from '../report/report-types.js';
import type { FormatContext } from './formatter.js';
import { displayLine } from '../text/normalize.js';
import { STDIN_NAME } from '../input/files.js';
import { comparedLine } from './markdown.js';

export interface Gate {
  failUnder: number;
  passed: boolean;
}

/** Escapes a workflow-command message: %, CR and LF (the runner's own rules). */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow-command property value: as data, plus ':' and ','. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: Record<string, string | number | undefined>, message: string): string {
  const p = Object.entries(props)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(String(v))}`)
    .join(',');
  return `::${name}${p ? ` ${p}` : ''}::${escapeData(message)}`;
}

export function formatGithub(r: Report, _ctx: FormatContext = {}, gate?: Gate): string {
  const file = r.draft.source === STDIN_NAME ? undefined : displayLine(r.draft.source, 400);
  const out: string[] = [];
  const score = r.overall.score === null ? 'n/a' : `${r.overall.score}/100 (${r.overall.band})`;
  const dims = r.dimensions.map((d) => `${d.label.toLowerCase()} ${d.score ?? 'n/a'}`).join(', ');
  const compared = r.community.comparedWith ? ` ${comparedLine(r.community.comparedWith, r.dimensions)}` : '';
  out.push(command('notice', { file, title: 'resonate' }, `Resonance ${score}: ${dims}. ${displayLine(r.overall.sentence, 400)}${compared}`));
  for (const n of r.notes) out.push(command('warning', { file, title: 'resonate: note' }, displayLine(n, 400)));
  for (const h of r.highlights.weakest) {
    out.push(
      command('warning', { file, line: h.line, col: h.column, title: 'resonate: least resonant sentence' }, `"${displayLine(h.text, 200)}" (${displayLine(h.why, 300)})`),
    );
  }
  // Every suggestion reaches the pull request: on its line when it has one, else on the file.
  for (const s of r.suggestions) out.push(command('notice', { file, line: s.line, title: 'resonate: suggestion' }, displayLine(s.text, 400)));
  if (gate && !gate.passed) {
    out.push(command('error', { file, title: 'resonate: below --fail-under' }, r.overall.score === null ? `No overall score could be computed, so the required ${gate.failUnder} is not met.` : `Overall resonance ${r.overall.score} is below the required ${gate.failUnder}.`));
  }
  return out.join('\n') + '\n';
}
