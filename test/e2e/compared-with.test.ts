// The report's "compared with" line: what the percentiles were calibrated against, in every output format.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMUNITY, DRAFTS, run } from './run.js';

const score = (draft: string, community: string, format: string, input?: string) => run(['score', draft, '--community', community, '--format', format], input === undefined ? {} : { input });

describe('the "compared with" line (built CLI)', () => {
  const report = JSON.parse(score(DRAFTS.native, COMMUNITY, 'json').stdout);
  const c = report.community.comparedWith;

  it('is in the JSON report, for the report and for each dimension', () => {
    expect(Object.keys(c)).toEqual(['items', 'minWords', 'maxWords', 'widened', 'text']);
    expect(c.items).toBeGreaterThanOrEqual(10);
    expect(c.minWords).toBeLessThanOrEqual(c.maxWords);
    for (const d of report.dimensions) {
      // Engagement models length itself, so it is read against every rated item, and says so.
      if (d.id === 'engagement') expect(d.comparedWith.text).toMatch(/^compared with all \d+ of this community's rated items \(1-\d+ words\), whatever their length$/);
      else expect(d.comparedWith).toEqual(c);
      expect(Math.abs(d.percentile - d.score)).toBeLessThanOrEqual(0.5);
    }
  });

  it('says honestly that the bundled community has too few items as long as the 356-word draft', () => {
    // The sample community's items are comments of a few dozen words; none is near 356 words.
    expect(report.draft.words).toBe(356);
    expect(c.widened).toBe(true);
    expect(c.text).toBe(`compared with the ${c.items} of this community's items nearest the draft's length (${c.minWords}-${c.maxWords} words): it has fewer than 10 of 119-1068 words`);
  });

  it('is printed by the text, markdown and github formats', () => {
    const eng = (report.dimensions as { id: string; comparedWith: { text: string } }[]).find((d) => d.id === 'engagement')!.comparedWith.text;
    const line = `Scores are percentiles, ${c.text}; engagement alignment ${eng}.`;
    expect(score(DRAFTS.native, COMMUNITY, 'text').stdout.split('\n')).toContain(line);
    expect(score(DRAFTS.native, COMMUNITY, 'markdown').stdout.split('\n')).toContain(`_${line}_`);
    const notice = score(DRAFTS.native, COMMUNITY, 'github').stdout.split('\n')[0];
    expect(notice.startsWith('::notice ')).toBe(true);
    expect(notice.endsWith(` ${line}`)).toBe(true);
  });

  it('names items of similar length when the community has enough of them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonate-compared-'));
    const export_ = join(dir, 'titles.csv');
    const words = 'sourdough starter levain crumb loaf rye flour hydration bulk proof dough oven crust bake'.split(' ');
    const rows = Array.from({ length: 120 }, (_, i) => `t${i},"${Array.from({ length: 4 + (i % 5) }, (_, k) => words[(i * 7 + k * 3) % words.length]).join(' ')} ${i}"`);
    writeFileSync(export_, ['id,body', ...rows].join('\n') + '\n');
    const r = JSON.parse(score('-', export_, 'json', 'My rye loaf crumb after bulk proof\n').stdout);
    expect(r.draft.words).toBe(7);
    expect(r.community.comparedWith.widened).toBe(false);
    expect(r.community.comparedWith.text).toMatch(/^compared with \d+ of this community's items of \d+-\d+ words$/);
    // Within ½–2 × the draft's 7 words.
    expect(r.community.comparedWith.minWords).toBeGreaterThanOrEqual(4);
    expect(r.community.comparedWith.maxWords).toBeLessThanOrEqual(14);
    const text = score('-', export_, 'text', 'My rye loaf crumb after bulk proof\n').stdout;
    expect(text).toContain(`Scores are percentiles, ${r.community.comparedWith.text}.`);
  });
});
