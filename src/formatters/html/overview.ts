// `profile show --format html`: "know your community" as a page: distinctive terms, emotion baseline, habits,
// what it rewards, and activity per month as a chart.
import type { CommunityOverview } from '../../report/community-overview.js';
import { skippedText } from '../markdown.js';
import { groupedBars, monthColumns } from './charts.js';
import { esc } from './escape.js';
import { chips } from './parts.js';
import { count, pct } from '../../wording.js';
import { page } from './page.js';

export function formatOverviewHtml(o: CommunityOverview): string {
  const emotions = o.emotions.filter((e) => e.share > 0 || (e.topItemsShare ?? 0) > 0);
  const rewards =
    o.rewards === null
      ? '<p class="muted">Unknown: the export has no engagement column.</p>'
      : `${o.rewards.length ? `<table><thead><tr><th scope="col">Habit</th><th scope="col" class="num">Engagement</th><th scope="col" class="num">z</th><th scope="col" class="num">Items</th></tr></thead><tbody>${o.rewards
          .map((r) => `<tr><td>${esc(r.label)}</td><td class="num">×${r.lift}</td><td class="num">${r.z}</td><td class="num">${r.items}</td></tr>`)
          .join('')}</tbody></table>` : '<p class="muted">No habit stands out.</p>'}
${o.rewardedTerms?.length ? `<h3>Rewarded terms</h3>${chips('used', o.rewardedTerms.map((t) => `<li>${esc(t.term)} <span class="n">×${t.lift} · ${t.items} items</span></li>`))}` : ''}`;
  const body = `<header><p class="kicker">Community profile</p>
<h1>Know your community</h1>
<p class="muted small">${count(o.items, 'item')} used of ${count(o.rowsRead, 'row')} (${esc(skippedText(o.skipped))})${o.dateRange ? `, ${esc(o.dateRange.from)} to ${esc(o.dateRange.to)}` : ''}; vocabulary ${o.vocabulary} stems.</p></header>
<main>
<h2 id="terms">What it talks about</h2>
<p class="small muted">Its most distinctive terms against general English, with the share of items that use each.</p>
${chips('used', o.distinctiveTerms.map((t) => `<li>${esc(t.term)} <span class="n">${pct(t.itemShare)}</span></li>`))}
${o.distinctivePhrases.length ? `<h3>Phrases</h3>${chips('used', o.distinctivePhrases.map((p) => `<li>${esc(p.phrase)} <span class="n">×${p.count}</span></li>`))}` : ''}
<h2 id="feels">How it feels</h2>
<p class="small muted">Valence per word ${o.valencePerWord}. Share of the emotion words that carry each emotion.</p>
${emotions.length ? groupedBars('Emotion baseline', emotions.map((e) => ({ label: e.emotion, values: [e.share, e.topItemsShare] })), [
    { key: 'community', label: 'all items' },
    { key: 'engaged', label: 'its most engaged-with items' },
  ]) : '<p class="muted">No emotion words.</p>'}
<h2 id="converses">How it converses</h2>
<table><thead><tr><th scope="col">Habit</th><th scope="col" class="num">Share of sentences</th><th scope="col" class="num">Engagement when present</th></tr></thead><tbody>${o.conversation
    .map((c) => `<tr><td>${esc(c.label)}</td><td class="num">${pct(c.sentenceShare)}</td><td class="num">${c.engagementLift === null ? 'unknown' : `×${c.engagementLift}`}</td></tr>`)
    .join('')}</tbody></table>
<h2 id="rewards">What it rewards</h2>
${rewards}
<h2 id="activity">Activity</h2>
<p class="small muted">Items per month.</p>
${monthColumns('Items per month', o.activity)}
</main>`;
  return page({ title: 'Know your community', body });
}
