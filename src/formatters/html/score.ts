// `score --format html`: the report as one self-contained page: the overall reading first, then the draft
// itself with every sentence tinted, the emotion mix, the community's terms, and the evidence.
import type { Formatter } from '../formatter.js';
import type { Report } from '../../report/report-types.js';
import { skippedText } from '../markdown.js';
import { esc } from './escape.js';
import { page } from './page.js';
import { draftText, emotionChart, sentenceNotes, suggestionList, summaryBlock, termLists } from './parts.js';
import { count, dimensionSummary } from '../../wording.js';

export function draftHeading(r: Report): string {
  return r.draft.title ?? r.draft.source;
}

export function communityLine(r: Report): string {
  const c = r.community;
  return `Read against ${c.itemsUsed} community items (of ${c.rowsRead} rows; ${skippedText(c.skipped)})${c.dateRange ? `, ${c.dateRange.from} to ${c.dateRange.to}` : ''}.`;
}

/** The emotional tone dimension's own summary, which names the mixes the chart draws. */
function emotionSummary(r: Report): string {
  const e = r.dimensions.find((x) => x.id === 'emotion');
  return e ? dimensionSummary(e) : '';
}

export const formatHtml: Formatter = (r) => {
  const d = r.detail;
  const meta = [r.draft.source, count(r.draft.words, 'word'), count(r.draft.sentences, 'sentence'), r.draft.date, r.draft.channel].filter((x): x is string => !!x);
  const body = `<header>
<p class="kicker">Resonance report</p>
<h1>${esc(draftHeading(r))}</h1>
<p class="muted small">${meta.map(esc).join(' · ')}</p>
<p class="muted small">${esc(communityLine(r))}</p>
</header>
<main>
${r.notes.map((n) => `<p class="note">Note: ${esc(n)}</p>`).join('\n')}
${summaryBlock(r, true)}
<h2 id="suggestions">What to change</h2>
${suggestionList(r.suggestions)}
<h2 id="draft">The draft, sentence by sentence</h2>
${d ? `<p class="small muted">Each sentence is tinted by how well it resonates compared with the draft's other sentences (its words' fit with the community's language, and its emotional charge). Hover over a sentence or move to it with Tab to see why.</p>
${draftText(d, '')}` : '<p class="muted">This report was built without the sentence-by-sentence reading.</p>'}
${d ? `<h2 id="emotion">Emotion mix</h2>
<div class="cols emotion"><div>${emotionChart(d)}</div>
<div><p>${esc(emotionSummary(r))}</p><p class="small muted">Each bar is an emotion's share of the emotion words in the text: the draft's, the community's as a whole, and that of the community's most engaged-with items.</p></div></div>
<h2 id="terms">The community's distinctive terms</h2>
${termLists(d, r.community.itemsUsed)}
<h2 id="notes">Sentence notes</h2>
${sentenceNotes(d, '')}` : ''}
</main>
<p class="notice">${esc(r.notice)}</p>`;
  return page({ title: `Resonance: ${draftHeading(r)}`, body });
};
