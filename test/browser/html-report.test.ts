// The HTML reports in a real browser: Debian's Chromium, headless, driven by playwright-core. The pages are made by
// the built CLI and opened from disk (file://), as a user opens them. Needs /usr/bin/chromium (see README).
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, type Browser } from '../../scripts/chromium.js';
import { COMMUNITY, DRAFTS, run } from '../e2e/run.js';

const dir = mkdtempSync(join(tmpdir(), 'resonate-html-'));
const file = (name: string): string => join(dir, name);
let browser: Browser;

// Payloads that would each set window.__pwned if the page ran them.
const PAYLOADS = [
  '<script>window.__pwned = "script"</script>',
  '<img src=x onerror="window.__pwned = \'img\'">',
  '[a crumb link](javascript:window.__pwned=\'link\') and <a href="javascript:window.__pwned=\'a\'">an open crumb</a>',
  '</style><script>window.__pwned = "style"</script><style>',
  '<svg onload="window.__pwned = \'svg\'"></svg> "quoted" \'single\' & ampersand',
];
// Plain text, so the payloads reach the report as written (a Markdown draft's inline HTML is dropped by the reader).
const HOSTILE_DRAFT = `${PAYLOADS.map((p, i) => `My starter ${i} gave the loaf an open crumb after a cold retard, ${p} did your dough rise?`).join('\n\n')}
`;

function cli(args: string[]): string {
  const r = run(args);
  if (r.code !== 0) throw new Error(`resonate ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

interface Opened {
  page: Page;
  consoleErrors: string[];
  /** Every request other than the page's own file. */
  requests: string[];
}

async function open(path: string): Promise<Opened> {
  const page = await browser.context.newPage();
  const consoleErrors: string[] = [];
  const requests: string[] = [];
  const url = pathToFileURL(path).href;
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, consoleErrors, requests };
}

// The same payloads in a Markdown draft's title.
const HOSTILE_TITLE = `---\ntitle: "<img src=x onerror=\\"window.__pwned='title'\\"> </title></style><script>window.__pwned='t'</script>"\n---\nMy starter gave the loaf an open crumb after a cold retard. Did your dough rise overnight in the fridge?\n`;

const BACKGROUND = 'e => getComputedStyle(e).backgroundColor';

// Runs in the page: every visible element with its own text, its colour against the first opaque background
// behind it, and the WCAG 2 contrast ratio (AA: 4.5, or 3 for large text).
const CONTRAST_FAILURES = `(() => {
  const parse = (c) => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return null; const p = m[1].split(',').map(Number); return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 }; };
  const lum = ({ r, g, b }) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
  const background = (el) => { for (let e = el; e; e = e.parentElement) { const c = parse(getComputedStyle(e).backgroundColor); if (c && c.a > 0.5) return c; } return { r: 255, g: 255, b: 255, a: 1 }; };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('svg')) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim() !== '');
    if (!own) continue;
    const st = getComputedStyle(el);
    if (st.visibility === 'hidden' || el.getClientRects().length === 0) continue;
    const fg = parse(st.color); const bg = background(el);
    const l1 = lum(fg), l2 = lum(bg);
    const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    const size = parseFloat(st.fontSize); const bold = Number(st.fontWeight) >= 700;
    const need = size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    if (ratio < need) out.push(el.tagName + ' "' + el.textContent.trim().slice(0, 40) + '" ' + ratio.toFixed(2));
  }
  return out;
})()`;

async function contrastFailures(page: Page): Promise<string[]> {
  return (await page.evaluate(CONTRAST_FAILURES)) as string[];
}

beforeAll(async () => {
  cli(['score', DRAFTS.native, '--community', COMMUNITY, '--format', 'html', '-o', file('score.html')]);
  writeFileSync(file('score.json'), cli(['score', DRAFTS.native, '--community', COMMUNITY, '--format', 'json']));
  writeFileSync(file('hostile.txt'), HOSTILE_DRAFT);
  cli(['score', file('hostile.txt'), '--community', COMMUNITY, '--format', 'html', '-o', file('hostile.html')]);
  writeFileSync(file('title.md'), HOSTILE_TITLE);
  cli(['score', file('title.md'), '--community', COMMUNITY, '--format', 'html', '-o', file('title.html')]);
  cli(['compare', DRAFTS.native, file('hostile.txt'), '--community', COMMUNITY, '--format', 'html', '-o', file('compare.html')]);
  const calendar = ['id,title,date,channel,path', `h1,"${PAYLOADS[1].replace(/"/g, '""')}",2025-07-02,"<b onmouseover=x>chan</b>",${file('hostile.txt')}`];
  for (const [k, p] of Object.values(DRAFTS).entries()) calendar.push(`d${k},,2025-07-0${5 - k},crumb-club,${join(process.cwd(), p)}`);
  writeFileSync(file('calendar.csv'), calendar.join('\n') + '\n');
  cli(['batch', file('calendar.csv'), '--community', COMMUNITY, '--format', 'html', '-o', file('batch.html')]);
  writeFileSync(file('batch.json'), cli(['batch', file('calendar.csv'), '--community', COMMUNITY, '--format', 'json']));
  cli(['profile', 'build', COMMUNITY, '-o', file('profile.json')]);
  cli(['profile', 'show', file('profile.json'), '--format', 'html', '-o', file('show.html')]);
  writeFileSync(file('show.json'), cli(['profile', 'show', file('profile.json'), '--format', 'json']));
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('HTML reports in Chromium', () => {
  for (const name of ['score', 'hostile', 'title', 'compare', 'batch', 'show']) {
    it(`${name}: loads from disk with no console error, no network request, and no text-contrast failure`, async () => {
      const { page, consoleErrors, requests } = await open(file(`${name}.html`));
      expect(consoleErrors).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.getAttribute('html', 'lang')).toBe('en');
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toMatch(/default-src 'none'/);
      expect(await contrastFailures(page)).toEqual([]);
      await page.close();
    });
  }

  it('score: the overall score and each dimension bar match the JSON report', async () => {
    const json = JSON.parse(readFileSync(file('score.json'), 'utf8'));
    const { page } = await open(file('score.html'));
    expect(await page.getAttribute('[data-overall]', 'data-overall')).toBe(String(json.overall.score));
    expect((await page.textContent('.gauge .band'))?.trim()).toBe(json.overall.band);
    for (const d of json.dimensions) {
      const row = page.locator(`.summary li[data-dimension="${d.id}"]`);
      expect(await row.locator('.value b').textContent()).toBe(String(d.score));
      // The drawn bar, measured on screen: its filled share of the track is the score.
      const fill = await row.locator('rect.fill').boundingBox();
      const track = await row.locator('rect.track').boundingBox();
      expect(fill!.width / track!.width).toBeCloseTo(d.score / 100, 2);
    }
    await page.close();
  });

  it("score: every sentence is tinted, and the JSON report's strongest and weakest sentences carry their numbers and tints", async () => {
    const json = JSON.parse(readFileSync(file('score.json'), 'utf8'));
    const { page } = await open(file('score.html'));
    expect(await page.locator('.draft .s').count()).toBe(json.draft.sentences);
    const swatch = async (tone: string): Promise<string> => (await page.locator(`.legend .t-${tone}`).evaluate(BACKGROUND)) as string;
    const check = async (h: { line: number; column: number; languageFit: number; emotion: number }, tones: string[]): Promise<void> => {
      const s = page.locator(`.draft .s[data-line="${h.line}"][data-column="${h.column}"]`);
      expect(await s.count()).toBe(1);
      expect(Number(await s.getAttribute('data-fit'))).toBe(h.languageFit);
      expect(Number(await s.getAttribute('data-emotion'))).toBe(h.emotion);
      const tone = (await s.getAttribute('data-tone'))!;
      expect(tones).toContain(tone);
      expect(await s.evaluate(BACKGROUND)).toBe(await swatch(tone));
    };
    expect(json.highlights.strongest.length).toBeGreaterThan(0);
    for (const h of json.highlights.strongest) await check(h, ['strongest', 'strong']);
    for (const h of json.highlights.weakest) await check(h, ['weakest', 'weak']);
    // The strongest sentence of the JSON report has the page's highest standing, the weakest its lowest.
    const standings = (await page.locator('.draft .s[data-standing]:not([data-standing=""])').evaluateAll((es) => es.map((e) => Number(e.getAttribute('data-standing'))))) as number[];
    const at = async (h: { line: number; column: number }): Promise<number> => Number(await page.getAttribute(`.draft .s[data-line="${h.line}"][data-column="${h.column}"]`, 'data-standing'));
    expect(await at(json.highlights.strongest[0])).toBe(Math.max(...standings));
    expect(await at(json.highlights.weakest[0])).toBe(Math.min(...standings));
    await page.close();
  });

  it("score: a sentence's evidence shows on keyboard focus and hover, and in the notes for print", async () => {
    const { page } = await open(file('score.html'));
    const first = page.locator('.draft .s').first();
    await expect.poll(() => first.locator('.tip').isVisible()).toBe(false);
    // Tab reaches the sentences (after the evidence toggles above them).
    let reached = false;
    for (let k = 0; k < 12 && !reached; k++) {
      await page.keyboard.press('Tab');
      reached = (await page.evaluate('document.activeElement && document.activeElement.classList.contains("s")')) as boolean;
    }
    expect(reached).toBe(true);
    const focused = page.locator('.draft .s:focus');
    expect(await focused.locator('.tip').isVisible()).toBe(true);
    expect(await focused.locator('.tip').textContent()).toMatch(/line \d+/);
    await page.locator('.draft .s').nth(3).hover();
    expect(await page.locator('.draft .s').nth(3).locator('.tip').isVisible()).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.draft .fnref').first().isVisible()).toBe(true);
    expect(await page.locator('ol.notes li').first().isVisible()).toBe(true);
    expect(await page.locator('ol.notes li').count()).toBe(await page.locator('.draft .s').count());
    expect(await page.locator('.draft .s .tip:visible').count()).toBe(0);
    await page.close();
  });

  it('a hostile draft, title, calendar and channel render as text and run nothing', async () => {
    for (const name of ['hostile', 'title', 'compare', 'batch']) {
      const { page, consoleErrors } = await open(file(`${name}.html`));
      await page.locator('.draft .s, td a').first().hover();
      // Give any injected handler a chance to run.
      await page.waitForTimeout(100);
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(consoleErrors).toEqual([]);
      expect(await page.locator('img, iframe, object, embed, body svg[onload], [onerror], [onmouseover]').count()).toBe(0);
      expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
      // Only the page's own sorting script, on the batch page.
      expect(await page.locator('script').count()).toBe(name === 'batch' ? 1 : 0);
      const text = (await page.textContent('body'))!;
      expect(text).toContain('onerror');
      if (name === 'hostile' || name === 'compare') {
        expect(text).toContain('<script>window.__pwned = "script"</script>');
        expect(text).toContain('</style><script>window.__pwned = "style"</script><style>');
        expect(text).toContain("(javascript:window.__pwned='link')");
      }
      if (name === 'title') expect(await page.textContent('h1')).toContain("</title></style><script>window.__pwned='t'</script>");
      await page.close();
    }
  });

  it('batch: the table sorts by a column, both ways, and each row links to its section', async () => {
    const json = JSON.parse(readFileSync(file('batch.json'), 'utf8'));
    const { page } = await open(file('batch.html'));
    const column = async (i: number): Promise<string[]> => page.locator(`table[data-sortable] tbody tr td:nth-child(${i})`).allTextContents();
    const overall = json.drafts.map((d: { report: { overall: { score: number | null } } | null }) => d.report?.overall.score ?? null);
    const shown = (xs: (number | null)[]): string[] => xs.map((x) => (x === null ? '–' : String(x)));
    const scored = overall.filter((x: number | null): x is number => x !== null);
    const unscored = overall.filter((x: number | null) => x === null);
    await page.click('th:has-text("Overall") button');
    expect(await column(5)).toEqual(shown([...scored].sort((a, b) => b - a).concat(unscored)));
    expect(await page.getAttribute('th:has-text("Overall")', 'aria-sort')).toBe('descending');
    await page.click('th:has-text("Overall") button');
    expect(await column(5)).toEqual(shown([...scored].sort((a, b) => a - b).concat(unscored)));
    await page.click('th:has-text("Date") button');
    const dates = await column(3);
    expect(dates).toEqual([...dates].sort());
    const link = page.locator('table[data-sortable] tbody tr td:nth-child(2) a').first();
    const target = (await link.getAttribute('href'))!;
    await link.click();
    expect(new URL(page.url()).hash).toBe(target);
    expect(await page.locator(target).count()).toBe(1);
    await page.close();
  });

  it('profile show: the activity chart draws one column per month with its count', async () => {
    const json = JSON.parse(readFileSync(file('show.json'), 'utf8'));
    const { page } = await open(file('show.html'));
    const bars = page.locator('#activity ~ svg rect[data-month]');
    expect(await bars.count()).toBe(json.activity.length);
    const values = (await bars.evaluateAll((es) => es.map((e) => [e.getAttribute('data-month'), Number(e.getAttribute('data-value'))]))) as [string, number][];
    expect(values).toEqual(json.activity.map((a: { month: string; items: number }) => [a.month, a.items]));
    await page.close();
  });
});
