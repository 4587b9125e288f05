import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMUNITY, DRAFTS, ROOT, run } from './run.js';

const compare = (a: string, b: string, ...extra: string[]) => run(['compare', a, b, '--community', COMMUNITY, ...extra]);

describe('resonate compare (built CLI)', () => {
  it('shows both drafts side by side, the winner and why, and exits 0 whichever wins', () => {
    const r = compare(DRAFTS.generic, DRAFTS.native);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ {2}A: fixtures\/drafts\/generic-kitchen-tips\.md — 7 Easy Tips/m);
    expect(r.stdout).toMatch(/^ {2}Overall\s+\d+ [\w-]+\s+\d+ strong\s+B \+\d+$/m);
    for (const label of ['Community language', 'Emotional tone', 'Engagement alignment', 'Conversation']) expect(r.stdout).toMatch(new RegExp(`^  ${label}\\s+\\d+\\s+\\d+`, 'm'));
    expect(r.stdout).toMatch(/^B should resonate more with this community, by \d+ points/m);
    expect(r.stdout).toMatch(/B uses \d+ of the community's most distinctive terms that A does not: "loaf"/);
    expect(r.stdout).toMatch(/carries more \w+ \([\d.]+ vs [\d.]+ emotion words per 100 words\)/);
    expect(r.stdout).toMatch(/B has more first-person story/);
    expect(compare(DRAFTS.native, DRAFTS.generic).code).toBe(0);
  });

  it('gives the same verdict in JSON, with both full reports, deterministically', { timeout: 90_000 }, () => {
    const a = compare(DRAFTS.offKey, DRAFTS.native, '--format', 'json');
    expect(a.code).toBe(0);
    const j = JSON.parse(a.stdout);
    expect(Object.keys(j)).toEqual(['schemaVersion', 'a', 'b', 'winner', 'margin', 'dimensions', 'why', 'reports']);
    expect(j.winner).toBe('b');
    expect(j.margin).toBe(j.b.overall - j.a.overall);
    expect(j.dimensions.map((d: { id: string }) => d.id)).toEqual(['language', 'emotion', 'engagement', 'conversation']);
    const single = JSON.parse(run(['score', DRAFTS.native, '--community', COMMUNITY, '--format', 'json']).stdout);
    expect(j.reports.b).toEqual(single);
    expect(j.why.reasons.length).toBeGreaterThan(0);
    expect(compare(DRAFTS.offKey, DRAFTS.native, '--format', 'json').stdout).toBe(a.stdout);
  });

  it('writes Markdown for a PR comment, deterministically', () => {
    const r = compare(DRAFTS.native, DRAFTS.offKey, '--format', 'markdown');
    expect(r.stdout).toMatch(/^## Resonance compare/);
    expect(r.stdout).toMatch(/^\| \*\*Overall\*\* \| \*\*\d+\*\* strong \| \*\*\d+\*\* off-key \| \*\*A\*\* \|$/m);
    expect(r.stdout).toMatch(/^### Why$/m);
    expect(compare(DRAFTS.native, DRAFTS.offKey, '--format', 'markdown').stdout).toBe(r.stdout);
  });

  it('calls the same draft twice a tie', () => {
    const r = compare(DRAFTS.native, DRAFTS.native);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^A tie: both score \d+ overall\.$/m);
  });

  it('reads one draft from standard input, never both, and never with the community', () => {
    const text = readFileSync(join(ROOT, DRAFTS.native));
    const r = compare('-', DRAFTS.generic, '--format', 'json');
    const piped = run(['compare', '-', DRAFTS.generic, '--community', COMMUNITY, '--format', 'json'], { input: text });
    expect(r.code).toBe(2);
    expect(piped.code).toBe(0);
    expect(JSON.parse(piped.stdout).a.source).toBe('<stdin>');
    expect(JSON.parse(piped.stdout).winner).toBe('a');
    expect(run(['compare', '-', '-', '--community', COMMUNITY], { input: text }).stderr).toBe("resonate: standard input ('-') can be used once only\n");
    expect(run(['compare', '-', DRAFTS.generic, '--community', '-'], { input: text }).code).toBe(2);
  });

  it('reports a missing draft in one line with exit 2', () => {
    const r = compare(DRAFTS.native, 'fixtures/drafts/nope.md');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('resonate: draft fixtures/drafts/nope.md does not exist\n');
  });
});
