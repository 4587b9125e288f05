// `batch --format html`: the calendar as a sortable table (score, band, dimensions, date, channel), each row
// linking to its draft's section with the dimension bars and suggestions.
import type { BatchReport, BatchRow } from '../../report/batch-report.js';
import { bandCounts, rowName, scoredLine } from '../batch-text.js';
import { esc, num } from './escape.js';
import { page } from './page.js';
import { bandClass, dimensionList, SCORE_MEANING, suggestionList } from './parts.js';
import { BANDS } from '../../report/overall.js';
import { count } from '../../wording.js';

/** A band's sort key: the strongest band sorts highest. */
const bandOrder = (band: string): number => BANDS.length - BANDS.findIndex((b) => b.band === band);

const anchor = (r: BatchRow): string => `draft-${r.input}`;

function th(label: string, type: 'number' | 'text', cls = ''): string {
  return `<th scope="col" data-type="${type}"${cls ? ` class="${cls}"` : ''}><button type="button">${esc(label)}</button></th>`;
}

function section(r: BatchRow): string {
  const rep = r.report;
  const head = `<h2 id="${anchor(r)}">${r.rank !== null ? `#${r.rank} · ` : ''}${esc(rowName(r, 160))}</h2>
<p class="muted small">${[r.source, r.date, r.channel, r.words !== null ? count(r.words, 'word') : null].filter((x): x is string => !!x).map(esc).join(' · ')}</p>`;
  if (!rep) return `<section>${head}<p class="error">Could not score: ${esc(r.error ?? 'not scored')}</p></section>`;
  return `<section>${head}
<p><b>Overall ${rep.overall.score ?? 'n/a'}</b> <span class="${bandClass(rep.overall.band)}">${esc(rep.overall.band ?? 'not scored')}</span>${r.belowFailUnder ? ' <span class="error">below --fail-under</span>' : ''} — ${esc(rep.overall.sentence)}</p>
${dimensionList(rep.dimensions, false)}
<h3>What to change</h3>${suggestionList(rep.suggestions)}
<p class="small"><a href="#calendar">Back to the table</a></p></section>`;
}

export function formatBatchHtml(b: BatchReport): string {
  const gate = b.summary.failUnder !== null;
  const head = [
    th('Rank', 'number', 'num'),
    th('Draft', 'text'),
    th('Date', 'text'),
    th('Channel', 'text'),
    th('Overall', 'number', 'num'),
    th('Band', 'number'),
    ...b.dimensions.map((d) => th(d.label, 'number', 'num')),
    ...(gate ? [th('Gate', 'text')] : []),
  ];
  const rows = b.rows.map((r) => {
    const cells = [
      `<td class="num" data-sort="${num(r.rank)}">${r.rank ?? '–'}</td>`,
      `<td data-sort="${esc(rowName(r, 200).toLowerCase())}"><a href="#${anchor(r)}">${esc(rowName(r, 80))}</a>${r.error ? ' <span class="error">could not score</span>' : ''}</td>`,
      `<td data-sort="${esc(r.date ?? '')}">${esc(r.date ?? '')}</td>`,
      `<td data-sort="${esc(r.channel ?? '')}">${esc(r.channel ?? '')}</td>`,
      `<td class="num" data-sort="${num(r.overall)}"><b>${r.overall ?? '–'}</b></td>`,
      `<td data-sort="${r.band ? bandOrder(r.band) : ''}"><span class="${bandClass(r.band)}">${esc(r.band ?? '')}</span></td>`,
      ...b.dimensions.map((d) => `<td class="num" data-sort="${num(r.scores[d.id])}">${r.scores[d.id] ?? '–'}</td>`),
      ...(gate ? [`<td data-sort="${r.belowFailUnder ? 'below' : 'ok'}">${r.belowFailUnder ? '<span class="error">below</span>' : r.belowFailUnder === false ? 'ok' : ''}</td>`] : []),
    ];
    return `<tr data-input="${r.input}">${cells.join('')}</tr>`;
  });
  const s = b.summary;
  const bands = bandCounts(s);
  const body = `<header><p class="kicker">Resonance batch</p>
<h1>${esc(scoredLine(s))}</h1>
<p class="muted small">${esc(bands)}${s.community ? ` · Read against ${count(s.community.itemsUsed, 'community item')}` : ''}${s.failUnder !== null ? ` · --fail-under ${s.failUnder}: ${s.belowFailUnder.length} below` : ''}</p></header>
<main>
<h2 id="calendar">The calendar</h2>
<p class="small muted">Select a column's heading to sort by it; select a draft to read its section.</p>
<div class="table-wrap"><table data-sortable><thead><tr>${head.join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div>
<p class="howto">${esc(SCORE_MEANING)}</p>
${b.rows.map(section).join('\n')}
</main>
<p class="notice">${esc(b.rows.find((r) => r.report)?.report?.notice ?? '')}</p>`;
  return page({ title: `Resonance batch: ${count(s.drafts, 'draft')}`, body, sortable: true });
}
