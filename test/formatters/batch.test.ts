import { describe, expect, it } from 'vitest';
import { buildBatchReport, type BatchItem } from '../../src/report/batch-report.js';
import { formatBatchCsv } from '../../src/formatters/csv.js';
import { formatBatchText } from '../../src/formatters/batch-text.js';
import { formatBatchMarkdown } from '../../src/formatters/batch-markdown.js';
import type { Report } from '../../src/report/report-types.js';

const fakeReport = (score: number, title: string, date: string | null): Report =>
  ({
    schemaVersion: 1,
    draft: { source: `${title}.md`, title, date, channel: null, words: 100, sentences: 5, language: { code: 'eng', name: 'English', english: true } },
    community: {} as Report['community'],
    overall: { score, band: score >= 70 ? 'strong' : score >= 50 ? 'moderate' : score >= 30 ? 'weak' : 'off-key', sentence: '', weights: {} },
    dimensions: [
      { id: 'language', label: 'Community language', score, raw: 0, summary: '', evidence: [], suggestions: [] },
      { id: 'emotion', label: 'Emotional tone', score: null, raw: null, summary: '', evidence: [], suggestions: [] },
    ],
    highlights: { strongest: [], weakest: [] },
    suggestions: [{ id: 's', text: `improve ${title}`, priority: 1 }],
    notes: [],
    notice: '',
  }) as Report;

const item = (input: number, report: Report | null, error: string | null = null): BatchItem => ({
  input,
  id: `p${input}`,
  title: report ? null : `t${input}`,
  date: report ? null : '2025-01-01',
  channel: null,
  source: report?.draft.source ?? `missing${input}.md`,
  report,
  error,
});

const items = [
  item(1, fakeReport(40, 'b', '2025-03-01')),
  item(2, fakeReport(80, 'a', '2025-02-01')),
  item(3, null, 'draft missing3.md does not exist'),
  item(4, fakeReport(40, '=evil', null)),
];

describe('buildBatchReport', () => {
  it('ranks by overall score (ties in input order) and sorts as asked', () => {
    const b = buildBatchReport(items, { sort: 'score' });
    expect(b.rows.map((r) => [r.input, r.rank])).toEqual([[2, 1], [1, 2], [4, 3], [3, null]]);
    expect(buildBatchReport(items, { sort: 'date' }).rows.map((r) => r.input)).toEqual([3, 2, 1, 4]);
    expect(buildBatchReport(items, { sort: 'input' }).rows.map((r) => r.input)).toEqual([1, 2, 3, 4]);
  });

  it('summarises, and marks drafts below the gate (unreadable ones are neither)', () => {
    const b = buildBatchReport(items, { sort: 'input', failUnder: 50 });
    expect(b.summary).toMatchObject({ drafts: 4, scored: 3, unreadable: 1, meanOverall: 53.3, failUnder: 50, belowFailUnder: ['b.md', '=evil.md'] });
    expect(b.rows.map((r) => r.belowFailUnder)).toEqual([true, false, null, true]);
    expect(b.summary.bands).toEqual({ strong: 1, moderate: 0, weak: 2, 'off-key': 0 });
  });
});

describe('batch formatters', () => {
  const b = buildBatchReport(items, { sort: 'score', failUnder: 50 });

  it('CSV: documented header, dimension columns in analyzer order, escaped text, numeric scores', () => {
    const lines = formatBatchCsv(b).trimEnd().split('\n');
    expect(lines[0]).toBe('rank,input,id,title,date,channel,source,overall,band,language,emotion,engagement,conversation,words,below_fail_under,top_suggestion,error');
    expect(lines[1]).toBe('1,2,p2,a,2025-02-01,,a.md,80,strong,80,,,,100,false,improve a,');
    expect(lines[3]).toBe("3,4,p4,'=evil,,,'=evil.md,40,weak,40,,,,100,true,improve =evil,");
    expect(lines[4]).toBe(',3,p3,t3,2025-01-01,,missing3.md,,,,,,,,,,draft missing3.md does not exist');
  });

  it('text and Markdown name the drafts below the gate', () => {
    expect(formatBatchText(b)).toMatch(/^2 below --fail-under 50: b\.md, =evil\.md\.$/m);
    expect(formatBatchText(b)).toMatch(/^–\s+t3\s+2025-01-01\s+–\s+–\s+–\s+–\s+–\s+could not score: draft missing3\.md does not exist$/m);
    expect(formatBatchMarkdown(b)).toMatch(/^\*\*2 below --fail-under 50:\*\* `b\.md`, `=evil\.md`$/m);
  });
});
