import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, COMMUNITY, DRAFTS, ROOT, run } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'resonate-ci-'));
const abs = (p: string): string => join(ROOT, p);

describe('CI use (built CLI)', () => {
  it('gates on a piped export: cat export.csv | resonate score post.md --community - --format json --fail-under 60', () => {
    const csv = readFileSync(abs(COMMUNITY));
    const pass = run(['score', DRAFTS.native, '--community', '-', '--format', 'json', '--fail-under', '60'], { input: csv });
    expect(pass.code).toBe(0);
    expect(JSON.parse(pass.stdout).overall.score).toBeGreaterThanOrEqual(60);
    const fail = run(['score', DRAFTS.offKey, '--community', '-', '--format', 'json', '--fail-under', '60'], { input: csv });
    expect(fail.code).toBe(1);
    expect(JSON.parse(fail.stdout).overall.score).toBeLessThan(60);
    expect(fail.stderr).toMatch(/^resonate: overall score \d+ is below --fail-under 60\n$/);
  });

  it('reads the draft from standard input with the community from a file; never standard input twice', () => {
    const draft = readFileSync(abs(DRAFTS.native));
    const r = run(['score', '-', '--community', COMMUNITY, '--format', 'json'], { input: draft });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).draft.source).toBe('<stdin>');
    const twice = run(['score', '-', '--community', '-'], { input: draft });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe("resonate: standard input ('-') can be used once only\n");
  });

  it('prints GitHub workflow commands: warnings on the weakest sentences, an error when the gate fails', { timeout: 90_000 }, () => {
    const r = run(['score', DRAFTS.generic, '--community', COMMUNITY, '--format', 'github', '--fail-under', '95']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^::notice file=fixtures\/drafts\/generic-kitchen-tips\.md,title=resonate::Resonance \d+\/100 \([\w-]+\): community language \d+/);
    const warnings = lines.filter((l) => l.startsWith('::warning '));
    expect(warnings).toHaveLength(3);
    for (const w of warnings) expect(w).toMatch(/^::warning file=fixtures\/drafts\/generic-kitchen-tips\.md,line=\d+,col=\d+,title=resonate%3A least resonant sentence::"/);
    expect(lines.at(-1)).toMatch(/^::error file=fixtures\/drafts\/generic-kitchen-tips\.md,title=resonate%3A below --fail-under::Overall resonance \d+ is below the required 95\.$/);
    const ok = run(['score', DRAFTS.native, '--community', COMMUNITY, '--format', 'github', '--fail-under', '10']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).not.toMatch(/^::error/m);
    // A draft on standard input has no file to point at.
    const piped = run(['score', '-', '--community', COMMUNITY, '--format', 'github'], { input: readFileSync(abs(DRAFTS.native)) });
    expect(piped.stdout).toMatch(/^::warning line=\d+,col=\d+,title=/m);
  });

  it('escapes % and line breaks in workflow commands so a draft cannot inject commands', () => {
    const f = join(dir, 'percent,draft.md');
    writeFileSync(
      f,
      'I fed my starter at 100% hydration and the crumb was tight.\nStill flat. Any tips on bulk?\n\nThe blog post promised 50% more rise %0A::error::pwned with this synergy platform.\n\nWe love an open crumb and a long cold retard in this house.\n\nMy levain doubled in four hours, which was lovely to see.\n\nWhat hydration do you all use for a first loaf?\n',
    );
    const r = run(['score', f, '--community', COMMUNITY, '--format', 'github']);
    expect(r.code).toBe(0);
    for (const line of r.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(notice|warning|error) [^:]*::/);
    expect(r.stdout).toContain('percent%2Cdraft.md');
    expect(r.stdout).not.toMatch(/^::error::pwned/m);
    expect(r.stdout).toMatch(/%25/);
  });

  it('runs the README shell example as written', () => {
    const readme = readFileSync(abs('README.md'), 'utf8');
    const m = /<!-- ci-shell-example -->\s*```sh\n([\s\S]*?)```/.exec(readme);
    expect(m).not.toBeNull();
    const work = join(dir, 'shell');
    mkdirSync(join(work, 'bin'), { recursive: true });
    symlinkSync(abs('fixtures'), join(work, 'fixtures'));
    writeFileSync(join(work, 'bin', 'resonate'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(work, 'bin', 'resonate'), 0o755);
    const r = spawnSync('sh', ['-e', '-c', m![1]], {
      cwd: work,
      env: { ...process.env, PATH: `${join(work, 'bin')}:${process.env.PATH}`, NO_COLOR: '' },
      encoding: 'utf8',
    });
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.status).toBe(0);
    expect(existsSync(join(work, 'community.profile.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(work, 'report.json'), 'utf8')).schemaVersion).toBe(1);
    expect(readFileSync(join(work, 'ranked.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(7);
  });
});

describe('config file (built CLI)', () => {
  const profile = join(dir, 'community.profile.json');
  const project = (name: string, files: Record<string, unknown>): string => {
    const d = join(dir, name);
    mkdirSync(join(d, 'posts', 'deep'), { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(join(d, file), typeof content === 'string' ? content : JSON.stringify(content));
    return d;
  };

  it('sets the profile, failUnder and weights; flags override', () => {
    expect(run(['profile', 'build', COMMUNITY, '-o', profile]).code).toBe(0);
    const d = project('cfg', { 'resonate.config.json': { profile, failUnder: 99, weights: { language: 1, emotion: 0, engagement: 0, conversation: 0 } } });
    const gated = run(['score', abs(DRAFTS.native), '--format', 'json'], { cwd: d });
    expect(gated.code).toBe(1);
    const j = JSON.parse(gated.stdout);
    expect(j.overall.score).toBe(j.dimensions.find((x: { id: string }) => x.id === 'language').score);
    expect(j.overall.weights).toEqual({ language: 1, emotion: 0, engagement: 0, conversation: 0 });
    expect(run(['score', abs(DRAFTS.native), '--fail-under', '10'], { cwd: d }).code).toBe(0);
    // Looked up from the working directory upward.
    expect(run(['score', abs(DRAFTS.native), '--fail-under', '10'], { cwd: join(d, 'posts', 'deep') }).code).toBe(0);
    // A flag's community replaces the config's profile.
    const viaFlag = run(['score', abs(DRAFTS.native), '--community', abs(COMMUNITY), '--format', 'json', '--fail-under', '0'], { cwd: d });
    expect(viaFlag.code).toBe(0);
    expect(JSON.parse(viaFlag.stdout).overall.score).toBe(j.overall.score);
    const b = run(['batch', abs(DRAFTS.native), abs(DRAFTS.offKey), '--format', 'csv'], { cwd: d });
    expect(b.code).toBe(1);
    expect(b.stdout.split('\n')[1]).toMatch(/,true,/);
  });

  it('reads a "resonate" key in package.json, with paths relative to it and column names', () => {
    const d = project('pkg', { 'package.json': { name: 'blog', resonate: { community: 'export.csv', columns: { text: 'body', score: 'score' } } } });
    writeFileSync(join(d, 'export.csv'), readFileSync(abs(COMMUNITY)));
    const r = run(['score', abs(DRAFTS.native), '--format', 'json'], { cwd: join(d, 'posts') });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).community.columns.text).toBe('body');
    const c = run(['compare', abs(DRAFTS.native), abs(DRAFTS.generic), '--format', 'json'], { cwd: d });
    expect(c.code).toBe(0);
  });

  it('refuses an invalid config in one line naming the key', () => {
    const cases: [unknown, RegExp][] = [
      [{ weights: { langauge: 1 } }, /'weights\.langauge' is not a dimension id/],
      [{ weights: { emotion: -1 } }, /'weights\.emotion' must be a number of 0 or more/],
      [{ failUnder: 'high' }, /'failUnder' must be a number from 0 to 100/],
      [{ profil: 'x.json' }, /'profil' is not a known key/],
      [{ columns: { txt: 'body' } }, /'columns\.txt' is not a known column key/],
    ];
    for (const [k, [config, message]] of cases.entries()) {
      const d = project(`bad${k}`, { 'resonate.config.json': config });
      const r = run(['score', abs(DRAFTS.native), '--profile', profile], { cwd: d });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/^resonate: invalid config .*resonate\.config\.json: /);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    const pkg = project('badpkg', { 'package.json': { resonate: { weights: [] } } });
    expect(run(['score', abs(DRAFTS.native), '--profile', profile], { cwd: pkg }).stderr).toMatch(/package\.json: 'resonate\.weights' must be an object/);
    const broken = project('broken', { 'resonate.config.json': '{ "profile": ' });
    expect(run(['score', abs(DRAFTS.native), '--profile', profile], { cwd: broken }).stderr).toMatch(/^resonate: invalid config .*: not valid JSON/);
  });
});
