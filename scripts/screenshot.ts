// `npm run screenshot`: docs/report.png, the HTML report of the sample draft against the sample community,
// made from the built CLI's output in headless Chromium (the npm script builds first).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'resonate-shot-'));
const html = join(dir, 'report.html');
const out = join(root, 'docs', 'report.png');
execFileSync(process.execPath, ['bin/resonate.js', 'score', 'fixtures/drafts/crumb-club-native.md', '--community', 'fixtures/community/crumb-club.csv', '--format', 'html', '-o', html], {
  cwd: root,
  stdio: 'inherit',
});
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  await page.goto(pathToFileURL(html).href);
  // Focus one of the most resonant sentences, so the picture shows how a sentence's evidence appears.
  const sentence = page.locator('.draft .s.t-strongest').first();
  if (await sentence.count()) await sentence.focus();
  mkdirSync(join(root, 'docs'), { recursive: true });
  await page.screenshot({ path: out, fullPage: true });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
