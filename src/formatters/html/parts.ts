// Blocks that more than one HTML page shows: the score summary, dimension bars, suggestions, the tinted draft.
import type { DimensionResult, Suggestion } from '../../types.js';
import type { Report, ReportDetail, SentenceReading, SentenceTone } from '../../report/report-types.js';
import { gauge, groupedBars, scoreBar } from './charts.js';
import { esc, num } from './escape.js';
import { dimensionSummary, pct } from '../../wording.js';
import { comparedLine } from '../markdown.js';

const TONE_LABEL: Record<SentenceTone, string> = {
  strongest: "among this draft's most resonant",
  strong: 'more resonant than most of this draft',
  middle: "about this draft's average",
  weak: 'less resonant than most of this draft',
  weakest: "among this draft's least resonant",
  unread: 'not read',
};

export const SCORE_MEANING =
  "Each dimension's score is a percentile: the share of the community's own items of similar length that the draft beats (50 = typical; the line on each bar).";

export function bandClass(band: string | null): string {
  return `band-${band ?? 'none'}`;
}

export function dimensionList(dimensions: readonly DimensionResult[], withEvidence: boolean, shared: string | null = null): string {
  const items = dimensions.map((d) => {
    const value = d.score === null ? '<span class="muted">n/a</span>' : `<b>${d.score}</b><span class="muted"> / 100</span>`;
    const summary = dimensionSummary(d);
    // Said once under the bars when every dimension was compared with the same items; here when this one differs.
    const own = d.comparedWith?.text ?? null;
    const evidence =
      withEvidence && d.evidence.length
        ? `<details><summary>Evidence for ${esc(d.label.toLowerCase())} (${d.evidence.length})</summary><ul class="evidence">${d.evidence
            .map((e) => `<li>${e.line ? `line ${e.line}: ` : ''}${esc(e.text)}</li>`)
            .join('')}</ul></details>`
        : '';
    return `<li data-dimension="${esc(d.id)}" data-score="${num(d.score)}"><span class="name">${esc(d.label)}</span><span class="bar-cell">${scoreBar(d.score, d.label)}</span><span class="value">${value}</span><p class="dimsum">${esc(summary)}${own && own !== shared ? ` (${esc(own)})` : ''}</p>${evidence ? `<div class="dimsum">${evidence}</div>` : ''}</li>`;
  });
  return `<ul class="dims">${items.join('')}</ul>`;
}

/** The overall ring and band beside the dimension bars: what a reader should see first. */
export function summaryBlock(r: Report, withEvidence: boolean): string {
  const cw = r.community.comparedWith?.text ?? null;
  return `<section class="summary" aria-labelledby="overall-h">
<div class="gauge">${gauge(r.overall.score, r.overall.band)}<br><span class="band ${bandClass(r.overall.band)}" data-band="${esc(r.overall.band ?? '')}">${esc(r.overall.band ?? 'not scored')}</span></div>
<div><h2 id="overall-h" class="kicker">Overall resonance</h2>
<p class="lead" data-overall="${num(r.overall.score)}">${esc(r.overall.sentence)}</p>
${dimensionList(r.dimensions, withEvidence, cw)}
<p class="howto">${esc(SCORE_MEANING)}${r.community.comparedWith ? ` ${esc(comparedLine(r.community.comparedWith))}` : ''}</p></div>
</section>`;
}

export function suggestionList(suggestions: readonly Suggestion[]): string {
  if (!suggestions.length) return '<p class="muted">No suggestions: nothing stands out to change.</p>';
  return `<ol class="suggestions">${suggestions.map((s) => `<li>${esc(s.text)}</li>`).join('')}</ol>`;
}

function toneLegend(): string {
  const tones: SentenceTone[] = ['strongest', 'strong', 'middle', 'weak', 'weakest', 'unread'];
  return `<ul class="legend" aria-label="Sentence tints">${tones.map((t) => `<li><span class="sw s t-${t}">${esc(TONE_LABEL[t])}</span></li>`).join('')}</ul>`;
}

function sentenceNote(s: SentenceReading): string {
  const numbers = s.languageFit === null ? '' : `language fit ${s.languageFit}, emotion ${s.emotion}; `;
  return `line ${s.line}: ${TONE_LABEL[s.tone]} (${numbers}${s.why})`;
}

/**
 * The draft as written, each sentence tinted by its tone; its evidence shows on hover or keyboard focus and,
 * for print and screen readers, in the numbered notes of `sentenceNotes` (`prefix` keeps ids apart when a page shows two drafts).
 */
export function draftText(detail: ReportDetail, prefix: string): string {
  const blocks: string[][] = [];
  detail.sentences.forEach((s, k) => {
    if (k === 0 || s.newBlock) blocks.push([]);
    const n = k + 1;
    const tip = `<span class="tip" aria-hidden="true"><b>${esc(TONE_LABEL[s.tone])}</b> · line ${s.line}${s.languageFit === null ? '' : ` · language fit ${s.languageFit} · emotion ${s.emotion}`}<br>${esc(s.why)}</span>`;
    blocks[blocks.length - 1].push(
      `<span class="s t-${s.tone}" tabindex="0" id="${prefix}s${n}" data-line="${s.line}" data-column="${s.column}" data-tone="${s.tone}" data-fit="${num(s.languageFit)}" data-emotion="${num(s.emotion)}" data-standing="${num(s.standing)}" aria-describedby="${prefix}n${n}">${esc(s.text)}${tip}</span><a class="fnref" href="#${prefix}n${n}">${n}</a>`,
    );
  });
  return `${toneLegend()}<div class="draft">${blocks.map((b) => `<p>${b.join(' ')}</p>`).join('\n')}</div>`;
}

/** The numbered notes the draft's sentences point to: each sentence's reading, for print and screen readers. */
export function sentenceNotes(detail: ReportDetail, prefix: string): string {
  return `<ol class="notes">${detail.sentences.map((s, k) => `<li id="${prefix}n${k + 1}">${esc(sentenceNote(s))}</li>`).join('')}</ol>`;
}

export function emotionChart(detail: ReportDetail): string {
  const rows = detail.emotionMix.filter((e) => e.draft > 0 || e.community > 0 || (e.engaged ?? 0) > 0);
  if (!rows.length) return '<p class="muted">Neither the draft nor the community uses emotion words.</p>';
  return groupedBars(
    'Emotion mix: share of emotion words per emotion',
    rows.map((e) => ({ label: e.emotion, values: [e.draft, e.community, e.engaged] })),
    [
      { key: 'draft', label: 'this draft' },
      { key: 'community', label: 'the community' },
      { key: 'engaged', label: 'its most engaged-with items' },
    ],
  );
}

/** A list of term chips (`items` are ready <li> elements), or "none". */
export const chips = (cls: string, items: readonly string[]): string => (items.length ? `<ul class="chips ${cls}">${items.join('')}</ul>` : '<p class="muted">none</p>');

export function termLists(detail: ReportDetail, items: number): string {
  const t = detail.terms;
  return `<div class="cols">
<div class="card"><h3>Uses (${t.used.length} of its ${t.distinctive} most distinctive)</h3>${chips('used', t.used.map((u) => `<li>${esc(u.term)} <span class="n">${pct(u.itemShare)} · line ${u.line}</span></li>`))}</div>
<div class="card"><h3>Misses</h3>${chips('missed', t.missed.map((m) => `<li>${esc(m.term)} <span class="n">${pct(m.itemShare)} of items</span></li>`))}</div>
<div class="card"><h3>Words to replace</h3><p class="small muted">The draft uses them; the community (${items} items) rarely or never does.</p>${chips('replace', t.replace.map((w) => `<li>${esc(w.term)} <span class="n">${w.communityCount === 0 ? 'never' : `${w.communityCount}×`} · line ${w.line}</span></li>`))}</div>
</div>`;
}
