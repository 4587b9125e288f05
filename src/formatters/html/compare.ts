// `compare --format html`: both drafts side by side: the verdict, each dimension's two bars and difference,
// why, and the two drafts themselves with their sentences tinted.
import type { CompareReport, Side } from '../../report/compare-report.js';
import { draftName, leaderCell, verdict } from '../compare-text.js';
import { scoreBar } from './charts.js';
import { esc, num } from './escape.js';
import { page } from './page.js';
import { bandClass, chips, draftText, SCORE_MEANING, sentenceNotes, suggestionList } from './parts.js';
import { communityLine, draftHeading } from './score.js';
import { count } from '../../wording.js';

const SIDES: Side[] = ['a', 'b'];

export function formatCompareHtml(r: CompareReport): string {
  const rows = [
    `<tr data-dimension="overall"><th scope="row">Overall</th>${SIDES.map((s) => `<td class="num" data-score="${num(r[s].overall)}"><b>${r[s].overall ?? 'n/a'}</b> <span class="${bandClass(r[s].band)}">${esc(r[s].band ?? '')}</span></td>`).join('')}<td>${esc(leaderCell(r.winner, r.margin))}</td></tr>`,
    ...r.dimensions.map(
      (d) =>
        `<tr data-dimension="${esc(d.id)}"><th scope="row">${esc(d.label)}</th>${SIDES.map((s) => `<td data-score="${num(d[s])}"><span class="cmp">${scoreBar(d[s], `${d.label}, ${s.toUpperCase()}`)}<span class="num">${d[s] ?? 'n/a'}</span></span></td>`).join('')}<td>${esc(leaderCell(d.leader, d.difference))}</td></tr>`,
    ),
  ];
  const terms = (s: Side): string[] => (s === 'a' ? r.why.terms.onlyA : r.why.terms.onlyB);
  const column = (s: Side): string => {
    const rep = r.reports[s];
    return `<section aria-labelledby="draft-${s}"><h2 id="draft-${s}">${s.toUpperCase()}: ${esc(draftHeading(rep))}</h2>
<p class="muted small">${esc(rep.draft.source)} · ${count(rep.draft.words, 'word')} · overall ${rep.overall.score ?? 'n/a'} (${esc(rep.overall.band ?? 'not scored')})</p>
<h3>Distinctive terms only ${s.toUpperCase()} uses</h3>${chips('used', terms(s).map((t) => `<li>${esc(t)}</li>`))}
<h3>What to change in ${s.toUpperCase()}</h3>${suggestionList(rep.suggestions)}
<h3>The draft</h3><p class="small muted">Tints rank each sentence among this draft's own sentences, not across the two drafts: the bars above compare the drafts.</p>${rep.detail ? `${draftText(rep.detail, `${s}-`)}<h3>Sentence notes</h3>${sentenceNotes(rep.detail, `${s}-`)}` : '<p class="muted">Built without the sentence-by-sentence reading.</p>'}
</section>`;
  };
  const body = `<header><p class="kicker">Resonance compare</p>
<h1>${esc(verdict(r))}</h1>
<p class="muted small">A: ${esc(draftName(r, 'a'))}<br>B: ${esc(draftName(r, 'b'))}</p>
<p class="muted small">${esc(communityLine(r.reports.a))}</p></header>
<main>
<h2 id="dimensions">Side by side</h2>
<div class="table-wrap"><table class="compare"><thead><tr><th scope="col">Dimension</th><th scope="col">A</th><th scope="col">B</th><th scope="col">Leader</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>
<p class="howto">${esc(SCORE_MEANING)}</p>
<h2 id="why">Why</h2>
<ul>${r.why.reasons.map((x) => `<li>${esc(x)}</li>`).join('')}</ul>
<div class="side">${SIDES.map(column).join('\n')}</div>
</main>
<p class="notice">${esc(r.reports.a.notice)}</p>`;
  return page({ title: `Resonance compare: ${draftName(r, 'a', 60)} vs ${draftName(r, 'b', 60)}`, body });
}
