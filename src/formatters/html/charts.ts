// Inline SVG charts: drawn here from the report's numbers (geometry only), with text labels and a key so
// the numbers can be read without the shapes; an Okabe–Ito palette, which colour-blind readers can tell apart.
import type { Band } from '../../report/report-types.js';
import { esc, num } from './escape.js';
import { count, pct } from '../../wording.js';

const SERIES = { draft: '#0072B2', community: '#8C8C8C', engaged: '#E69F00' } as const;

/** A 0–100 score as a bar with the middle (50, the community's typical sample) marked. */
export function scoreBar(score: number | null, label: string): string {
  const w = score ?? 0;
  return `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${esc(label)}: ${score === null ? 'not scored' : `${score} of 100`}">`
    + `<rect class="track" width="100" height="10" rx="2"/>`
    + (score === null ? '' : `<rect class="fill${score < 50 ? ' low' : ''}" width="${w}" height="10" rx="2" data-score="${score}"/>`)
    + `<line class="mid" x1="50" x2="50" y1="0" y2="10" vector-effect="non-scaling-stroke"/></svg>`;
}

const RING = 2 * Math.PI * 52;

/** The overall score as a ring filled to the score, the number in its middle. */
export function gauge(score: number | null, band: Band | null): string {
  const filled = score === null ? 0 : (score / 100) * RING;
  const colour = band === 'strong' || band === 'moderate' ? '#1f5f99' : '#c56a12';
  return `<svg viewBox="0 0 120 120" role="img" aria-label="Overall resonance ${score === null ? 'not scored' : `${score} of 100`}">`
    + `<circle cx="60" cy="60" r="52" fill="none" stroke="#e3e8ed" stroke-width="12"/>`
    + (score === null ? '' : `<circle cx="60" cy="60" r="52" fill="none" stroke="${colour}" stroke-width="12" stroke-linecap="round" stroke-dasharray="${filled.toFixed(2)} ${RING.toFixed(2)}" transform="rotate(-90 60 60)"/>`)
    + `<text x="60" y="66" text-anchor="middle" font-size="34" font-weight="700" fill="#1b1f24">${score === null ? 'n/a' : score}</text>`
    + `<text x="60" y="86" text-anchor="middle" font-size="11" fill="#4a5560">of 100</text></svg>`;
}

export interface Series {
  key: keyof typeof SERIES;
  label: string;
}

/** Grouped horizontal bars: one group per row, one bar per series, each labelled with its share. */
export function groupedBars(title: string, rows: { label: string; values: (number | null)[] }[], series: Series[]): string {
  const shown = series.filter((_, k) => rows.some((r) => r.values[k] !== null));
  const bar = 11;
  const groupH = shown.length * bar + 10;
  const left = 104;
  const width = 560;
  const span = width - left - 48;
  const max = Math.max(0.01, ...rows.flatMap((r) => r.values.filter((v): v is number => v !== null)));
  const height = rows.length * groupH + 6;
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const y0 = 4 + i * groupH;
    parts.push(`<text x="${left - 8}" y="${y0 + (shown.length * bar) / 2 + 4}" text-anchor="end">${esc(r.label)}</text>`);
    shown.forEach((s, k) => {
      const v = r.values[series.indexOf(s)];
      if (v === null) return;
      const w = (v / max) * span;
      const y = y0 + k * bar;
      parts.push(`<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${bar - 2}" fill="${SERIES[s.key]}" data-series="${s.key}" data-value="${v}"><title>${esc(`${s.label}: ${pct(v)} ${r.label}`)}</title></rect>`);
      parts.push(`<text x="${(left + w + 4).toFixed(1)}" y="${y + bar - 3}" font-size="10">${pct(v)}</text>`);
    });
  });
  parts.push(`<line class="axis" x1="${left}" x2="${left}" y1="0" y2="${height}"/>`);
  const key = `<ul class="key">${shown.map((s) => `<li><i style="background:${SERIES[s.key]}"></i>${esc(s.label)}</li>`).join('')}</ul>`;
  return `${key}<svg class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">${parts.join('')}</svg>`;
}

/** Columns per month, labelled with their counts, and months on the axis (thinned when there are many). */
export function monthColumns(title: string, months: { month: string; items: number }[]): string {
  if (months.length === 0) return '<p class="muted">No dated items.</p>';
  const colW = 30;
  const left = 8;
  const top = 18;
  const plotH = 150;
  const width = Math.max(420, left * 2 + months.length * colW);
  const height = top + plotH + 40;
  const max = Math.max(1, ...months.map((m) => m.items));
  const every = Math.ceil(months.length / 14);
  const parts: string[] = [];
  months.forEach((m, i) => {
    const h = (m.items / max) * plotH;
    const x = left + i * colW;
    const y = top + plotH - h;
    parts.push(`<rect x="${x + 4}" y="${y.toFixed(1)}" width="${colW - 8}" height="${h.toFixed(1)}" fill="${SERIES.draft}" data-month="${esc(m.month)}" data-value="${m.items}"><title>${esc(`${m.month}: ${count(m.items, 'item')}`)}</title></rect>`);
    parts.push(`<text x="${x + colW / 2}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-size="10">${num(m.items)}</text>`);
    if (i % every === 0) parts.push(`<text x="${x + colW / 2}" y="${top + plotH + 16}" text-anchor="middle" font-size="10">${esc(m.month)}</text>`);
  });
  parts.push(`<line class="axis" x1="${left}" x2="${width - left}" y1="${top + plotH}" y2="${top + plotH}"/>`);
  return `<svg class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(title)}">${parts.join('')}</svg>`;
}
