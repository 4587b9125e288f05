// Terminal escape injection: drafts and community comments full of ESC sequences, OSC 8 hyperlinks, \r overwrites and
// bidi overrides must come out of every text report inert. The test reads the bytes written, not what a terminal shows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayLine, stripControl } from '../../src/text/normalize.js';
import { run } from './run.js';

const ESC = '\u001b';
const HOSTILE = [
  `${ESC}[31mred${ESC}[0m`,
  `${ESC}]8;;https://evil.example/${ESC}\\click the crumb${ESC}]8;;${ESC}\\`,
  `${ESC}]0;pwned title\u0007`,
  'overwritten\rcrumb looks fine',
  'bidi \u202Eoverride\u202C and \u2067isolate\u2069 and \u200Fmark \u061C',
  `clear ${ESC}[2J${ESC}[H screen`,
  `c1 csi \u009b31m and nel \u0085 here`,
  'bell \u0007 backspace \b\b\b and vertical \u000b tab',
];
// Every byte a terminal could act on, other than \n (and the \t the plain report never prints).
const UNSAFE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;

const dir = mkdtempSync(join(tmpdir(), 'resonate-hostile-'));
const draft = join(dir, `draft.md`);
const community = join(dir, 'community.csv');
const profile = join(dir, 'community.json');

beforeAll(() => {
  const lines = HOSTILE.map((h, i) => `Sentence ${i} about the open crumb and the starter: ${h} did you proof it overnight?`);
  writeFileSync(draft, `---\ntitle: "Title ${ESC}[5mblink${ESC}[0m \u202Eevil"\n---\n# Heading ${ESC}]8;;http://x${ESC}\\link${ESC}]8;;${ESC}\\\n\n${lines.join('\n\n')}\n`);
  const rows = ['id,body,score'];
  for (let i = 0; i < 120; i++) {
    const h = HOSTILE[i % HOSTILE.length].replace(/"/g, '""');
    rows.push(`${i},"we proofed the starter ${i} and the crumb ${h} was open and glossy, did you try it",${i % 17}`);
  }
  writeFileSync(community, rows.join('\n') + '\n');
  const built = run(['profile', 'build', community, '-o', profile]);
  if (built.code !== 0) throw new Error(built.stderr);
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hostile text is printed inert', () => {
  it('score --format text: no ESC, \\r, C0/C1 controls or bidi controls in the bytes written', () => {
    const r = run(['score', draft, '--community', community, '--format', 'text']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Resonance report');
    expect(r.stdout).not.toMatch(UNSAFE);
    expect(r.stderr).not.toMatch(UNSAFE);
  });

  it('score --format markdown: inert too', () => {
    const r = run(['score', draft, '--profile', profile, '--format', 'markdown']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(UNSAFE);
  });

  it('profile show (text and markdown) and profile build summary: inert', () => {
    for (const format of ['text', 'markdown']) {
      const r = run(['profile', 'show', profile, '--format', format]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(UNSAFE);
    }
    const b = run(['profile', 'build', community, '-o', join(dir, 'again.json')]);
    expect(b.stderr).not.toMatch(UNSAFE);
  });

  it('stripControl / displayLine keep the visible text', () => {
    expect(stripControl(HOSTILE[0])).toBe('red');
    expect(stripControl(HOSTILE[1])).toBe('click the crumb');
    expect(stripControl(HOSTILE[2])).toBe('');
    expect(displayLine('line one\r\nline two\tend')).toBe('line one line two end');
    expect(displayLine('family 👨‍👩‍👧 emoji')).toBe('family 👨‍👩‍👧 emoji'); // zero-width joiners stay
    for (const h of HOSTILE) expect(displayLine(h)).not.toMatch(UNSAFE);
  });
});
