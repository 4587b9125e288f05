// HTML pages without a browser: text is escaped, the page is self-contained and deterministic, and the
// other formats are unchanged by the HTML run (the browser tests in test/browser check the rendering).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { esc } from '../../src/formatters/html/escape.js';
import { COMMUNITY, DRAFTS, run } from '../e2e/run.js';

const dir = mkdtempSync(join(tmpdir(), 'resonate-html-unit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('HTML escaping', () => {
  it('turns markup characters into entities and drops control characters', () => {
    expect(esc(`<script>alert("x")</script> & 'q' \u001b[31m\u202Eend`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; end');
  });
});

describe('--format html (built CLI)', () => {
  it('writes one self-contained page: a CSP forbidding outside loads, no external reference, the same bytes each run', () => {
    const a = run(['score', DRAFTS.native, '--community', COMMUNITY, '--format', 'html']);
    const b = run(['score', DRAFTS.native, '--community', COMMUNITY, '--format', 'html']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(a.stdout).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'">/);
    expect(a.stdout).not.toMatch(/\b(?:src|href)="(?!#)/);
    expect(a.stdout).not.toMatch(/url\(|@import|https?:\/\//);
  });

  it('escapes hostile draft text: no tag or handler of its own reaches the page', () => {
    const draft = join(dir, 'hostile.txt');
    writeFileSync(draft, 'My starter and the open crumb <script>window.x=1</script> and <img src=x onerror="window.x=2"> then </style><b>bold</b> after the cold retard.\n');
    const r = run(['score', draft, '--community', COMMUNITY, '--format', 'html']);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/<script|<img|<b>bold|<\/style><b/);
    expect(r.stdout).toContain('&lt;script&gt;window.x=1&lt;/script&gt;');
    expect(r.stdout).toContain('onerror=&quot;window.x=2&quot;');
  });

  it('prints the report notes, and reads no sentence of a draft in another language than the community', () => {
    const spanish = 'fixtures/consistency/spanish-post.markdown';
    const page = run(['score', spanish, '--community', COMMUNITY, '--format', 'html']);
    expect(page.code).toBe(0);
    expect(page.stdout).toMatch(/<p class="note">Note: The draft reads as Spanish \(spa\)/);
    // Every sentence untinted, with the reason, and no Spanish word offered for replacement.
    expect(page.stdout).toMatch(/class="s t-unread"/);
    expect(page.stdout).not.toMatch(/class="s t-(?:strongest|strong|middle|weak|weakest)"/);
    expect(page.stdout).toContain('not read (the draft and the community write different languages)');
    expect(page.stdout).not.toContain('<ul class="chips replace">');
  });

  it('leaves the JSON, text and Markdown reports as they are: the detail is built for HTML only', () => {
    const json = run(['score', DRAFTS.native, '--community', COMMUNITY, '--format', 'json']);
    expect(JSON.parse(json.stdout)).not.toHaveProperty('detail');
    const out = join(dir, 'compare.json');
    expect(run(['compare', DRAFTS.native, DRAFTS.generic, '--community', COMMUNITY, '--format', 'json', '-o', out]).code).toBe(0);
    expect(readFileSync(out, 'utf8')).not.toContain('"detail"');
  });

  it('is offered by compare, batch and profile show', () => {
    expect(run(['compare', DRAFTS.native, DRAFTS.generic, '--community', COMMUNITY, '--format', 'html']).stdout).toContain('<h1>A should resonate more');
    const batch = run(['batch', 'fixtures/calendar/calendar.csv', '--community', COMMUNITY, '--format', 'html']);
    expect(batch.stdout).toContain('<table data-sortable>');
    const profile = join(dir, 'p.json');
    expect(run(['profile', 'build', COMMUNITY, '-o', profile]).code).toBe(0);
    expect(run(['profile', 'show', profile, '--format', 'html']).stdout).toContain('<h1>Know your community</h1>');
  });
});

describe('the calibration\'s "compared with" line', () => {
  it('is shown under the bars when the report carries one, and not otherwise', async () => {
    const { loadCommunity } = await import('../../src/cli/load-community.js');
    const { readDraft } = await import('../../src/input/read-draft.js');
    const { buildReport } = await import('../../src/report/build-report.js');
    const { formatHtml } = await import('../../src/formatters/html/score.js');
    const model = await loadCommunity({ community: COMMUNITY });
    const report = buildReport(await readDraft(DRAFTS.native), model, { detail: true });
    expect(formatHtml(report, {})).toContain(`Scores are percentiles, ${report.community.comparedWith!.text.replace(/'/g, '&#39;')}`);
    const none = { ...report, community: { ...report.community, comparedWith: null } };
    expect(formatHtml(none, {})).not.toContain('Scores are percentiles, compared with');
    const text = "compared with 214 of this community's items of 150-400 words";
    const withLine = { ...report, community: { ...report.community, comparedWith: { items: 214, minWords: 150, maxWords: 400, widened: false, text } } };
    expect(formatHtml(withLine, {})).toContain('Scores are percentiles, compared with 214 of this community&#39;s items of 150-400 words.');
  }, 60_000);
});
