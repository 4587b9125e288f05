// Renders a CommunityOverview (`profile show`) as text, JSON or Markdown.
import type { CommunityOverview } from '../report/community-overview.js';
import { displayLine } from '../text/normalize.js';
import { skippedText } from './markdown.js';
import { count, pct } from '../wording.js';
import { formatOverviewHtml } from './html/overview.js';
import type { OverviewFormatName } from './names.js';

export function formatOverview(o: CommunityOverview, format: OverviewFormatName): string {
  if (format === 'json') return JSON.stringify(o, null, 2) + '\n';
  if (format === 'html') return formatOverviewHtml(o);
  const md = format === 'markdown';
  const h = (s: string): string => (md ? `### ${s}` : s.toUpperCase());
  const li = (s: string): string => (md ? `- ${s}` : `  ${s}`);
  const out: string[] = [];
  out.push(md ? '## Community profile' : 'Community profile', '');
  out.push(`${count(o.items, 'item')} used of ${count(o.rowsRead, 'row')} (${skippedText(o.skipped)})${o.dateRange ? `, ${o.dateRange.from} to ${o.dateRange.to}` : ''}; vocabulary ${o.vocabulary} stems.`, '');
  out.push(h('What it talks about (most distinctive terms vs general English)'));
  out.push(li(o.distinctiveTerms.map((t) => `${displayLine(t.term, 40)} (${pct(t.itemShare)})`).join(', ') || 'none'));
  if (o.distinctivePhrases.length) out.push(li(`phrases: ${o.distinctivePhrases.map((p) => `"${displayLine(p.phrase, 60)}" ×${p.count}`).join(', ')}`));
  out.push('', h('How it feels'));
  out.push(li(`valence per word: ${o.valencePerWord}`));
  for (const e of o.emotions.filter((x) => x.share > 0)) out.push(li(`${e.emotion}: ${pct(e.share)} of emotion words${e.topItemsShare !== null ? `, ${pct(e.topItemsShare)} in its most engaged-with items` : ''}`));
  out.push('', h('How it converses'));
  for (const c of o.conversation) out.push(li(`${c.label}: ${pct(c.sentenceShare)} of sentences${c.engagementLift !== null ? `, engagement ×${c.engagementLift} when present` : ''}`));
  out.push('', h('What it rewards'));
  if (o.rewards === null) out.push(li('unknown: the export has no engagement column'));
  else {
    for (const r of o.rewards) out.push(li(`${r.label}: ×${r.lift} engagement (z ${r.z}, ${count(r.items, 'item')})`));
    if (o.rewardedTerms?.length) out.push(li(`terms: ${o.rewardedTerms.map((t) => `${displayLine(t.term, 40)} ×${t.lift}`).join(', ')}`));
    if (!o.rewards.length && !o.rewardedTerms?.length) out.push(li(`nothing stands out yet: a habit or term needs ${o.rewardedMinItems}+ rated items whose engagement is clearly above the rest`));
  }
  out.push('', h('Activity (items per month)'));
  const max = Math.max(1, ...o.activity.map((a) => a.items));
  for (const a of o.activity) out.push(li(`${a.month} ${md ? '' : '█'.repeat(Math.max(1, Math.round((30 * a.items) / max))) + ' '}${a.items}`));
  return out.join('\n') + '\n';
}
