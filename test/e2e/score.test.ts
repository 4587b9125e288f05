import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMUNITY, DRAFTS, run } from './run.js';

const score = (draft: string, ...extra: string[]) => run(['score', draft, '--community', COMMUNITY, ...extra]);
const json = (draft: string) => JSON.parse(score(draft, '--format', 'json').stdout);

describe('resonate score (built CLI)', () => {
  it('ranks the native draft above the generic one and the off-key one, and reads both of those as off-key', () => {
    const [native, generic, offKey] = [DRAFTS.native, DRAFTS.generic, DRAFTS.offKey].map((d) => json(d).overall as { score: number; band: string });
    expect(native.score).toBeGreaterThan(generic.score + 40);
    expect(generic.score).toBeGreaterThanOrEqual(offKey.score);
    expect([generic.band, offKey.band]).toEqual(['off-key', 'off-key']);
  });

  it('prints the JSON schema the README documents', () => {
    const r = json(DRAFTS.native);
    expect(Object.keys(r)).toEqual(['schemaVersion', 'draft', 'community', 'overall', 'dimensions', 'highlights', 'suggestions', 'notes', 'notice']);
    expect(r.schemaVersion).toBe(1);
    expect(r.dimensions.map((d: { id: string }) => d.id)).toEqual(['language', 'emotion', 'engagement', 'conversation']);
    for (const d of r.dimensions) {
      expect(Object.keys(d)).toEqual(expect.arrayContaining(['id', 'label', 'score', 'raw', 'summary', 'evidence', 'suggestions']));
      expect(d.score).toBeGreaterThanOrEqual(0);
      expect(d.score).toBeLessThanOrEqual(100);
    }
    expect(['strong', 'moderate', 'weak', 'off-key']).toContain(r.overall.band);
    expect(r.highlights.strongest).toHaveLength(3);
    expect(r.highlights.weakest).toHaveLength(3);
    expect(r.suggestions.length).toBeGreaterThanOrEqual(3);
    expect(r.suggestions.length).toBeLessThanOrEqual(5);
    expect(r.notice).toMatch(/not a prediction of virality/);
  });

  it('counts the skipped rows of the export', () => {
    const c = json(DRAFTS.native).community;
    expect(c.skipped).toMatchObject({ empty: 3, duplicate: 3, deleted: 6, bot: 2 });
    expect(c.itemsUsed + 3 + 3 + 6 + 2).toBe(c.rowsRead);
  });

  it('gives byte-identical JSON and Markdown for the same inputs', () => {
    for (const f of ['json', 'markdown']) {
      expect(score(DRAFTS.generic, '--format', f).stdout).toBe(score(DRAFTS.generic, '--format', f).stdout);
    }
  });

  it('prints plain text when piped, with bars and the notice', () => {
    const r = score(DRAFTS.native);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toMatch(/^Overall\s+[█░]+\s+\d+ (strong|moderate|weak|off-key)$/m);
    expect(r.stdout).toMatch(/not a prediction of virality/);
    expect(r.stderr).toBe('');
  });

  it('writes markdown for a PR comment', () => {
    const r = score(DRAFTS.offKey, '--format', 'markdown');
    expect(r.stdout).toMatch(/^## Resonance report/);
    expect(r.stdout).toMatch(/\| Community language \| \d+ \|/);
  });

  it('gates on --fail-under with exit code 1, and passes with 0', () => {
    const low = score(DRAFTS.offKey, '--format', 'json', '--fail-under', '60');
    expect(low.code).toBe(1);
    expect(low.stderr).toMatch(/below --fail-under 60/);
    expect(score(DRAFTS.offKey, '--format', 'json', '--fail-under', '0').code).toBe(0);
  });

  it('reads the community from standard input and a draft from standard input', () => {
    const csv = readFileSync(COMMUNITY);
    const fromPipe = run(['score', DRAFTS.native, '--community', '-', '--format', 'json'], { input: csv });
    expect(fromPipe.code).toBe(0);
    expect(JSON.parse(fromPipe.stdout).overall).toEqual(json(DRAFTS.native).overall);
    const draftPipe = run(['score', '-', '--community', COMMUNITY, '--format', 'json'], { input: readFileSync(DRAFTS.native) });
    expect(JSON.parse(draftPipe.stdout).overall.score).toBe(json(DRAFTS.native).overall.score);
  });

  it('writes --output atomically and prints nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonate-'));
    const out = join(dir, 'report.json');
    const r = score(DRAFTS.native, '--format', 'json', '--output', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).schemaVersion).toBe(1);
  });

  it('reads the same community from a JSON array, NDJSON and gzip as from the CSV, to the byte', async () => {
    const { parse } = await import('fast-csv');
    const { gzipSync } = await import('node:zlib');
    const rows: Record<string, string>[] = await new Promise((resolve, reject) => {
      const out: Record<string, string>[] = [];
      parse({ headers: true }).on('data', (r) => out.push(r)).on('end', () => resolve(out)).on('error', reject).end(readFileSync(COMMUNITY));
    });
    const dir = mkdtempSync(join(tmpdir(), 'resonate-formats-'));
    const files = {
      json: [join(dir, 'c.json'), JSON.stringify(rows, null, 1)],
      ndjson: [join(dir, 'c.ndjson'), rows.map((r) => JSON.stringify(r)).join('\n') + '\n'],
    } as const;
    for (const [path, text] of Object.values(files)) writeFileSync(path, text);
    writeFileSync(join(dir, 'c.csv.gz'), gzipSync(readFileSync(COMMUNITY)));
    const viaCsv = score(DRAFTS.native, '--format', 'json').stdout;
    for (const path of [files.json[0], files.ndjson[0], join(dir, 'c.csv.gz')]) {
      const r = run(['score', DRAFTS.native, '--community', path, '--format', 'json']);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(viaCsv);
    }
  });

  it('stops quietly when the reader closes the pipe early', async () => {
    const { spawnSync } = await import('node:child_process');
    const { BIN, ROOT } = await import('./run.js');
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" --help | head -1; "${process.execPath}" "${BIN}" score ${DRAFTS.native} --community ${COMMUNITY} --format markdown | head -1`], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toMatch(/^Usage: resonate/);
    expect(r.stderr).toBe('');
  });

  it('reads Markdown outside the fast reader with micromark, which the bundle loads on demand', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonate-md-'));
    const path = join(dir, 'quoted.md');
    // A block quote, a setext heading and a character reference: all left to micromark.
    writeFileSync(path, `${readFileSync(DRAFTS.native, 'utf8')}\n> Quoted from the thread: fold &amp; wait.\n\nThe end\n---\n`);
    const r = score(path, '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).draft.sentences).toBe(json(DRAFTS.native).draft.sentences + 2);
  });

  it('reads front matter outside the simple reader with the YAML library, which the bundle loads on demand', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonate-fm-'));
    const path = join(dir, 'anchored.md');
    // A flow sequence, an anchor and its alias: left to the yaml package (node:module is asked for on this path only).
    writeFileSync(path, `---\ntitle: "Crumb: a diary"\ntags: &t [crumb, levain]\nalso: *t\n---\n${readFileSync(DRAFTS.native, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '')}`);
    const r = score(path, '--format', 'json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).draft.title).toBe('Crumb: a diary');
  });

  it('scores .txt drafts', () => {
    const r = score('fixtures/drafts/plain.txt', '--format', 'json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).draft.sentences).toBeGreaterThan(0);
  });

  it('says why engagement is not scored when the export has no engagement column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'resonate-'));
    const csv = readFileSync(COMMUNITY, 'utf8').replace(/^id,thread_id,parent_id,author,created_at,score,body/, 'id,thread_id,parent_id,author,created_at,rank,body');
    const path = join(dir, 'noscore.csv');
    writeFileSync(path, csv);
    const r = JSON.parse(run(['score', DRAFTS.native, '--community', path, '--format', 'json']).stdout);
    const e = r.dimensions.find((d: { id: string }) => d.id === 'engagement');
    expect(e.score).toBeNull();
    expect(e.reason).toMatch(/no engagement column/);
    expect(r.overall.score).not.toBeNull();
  });
});

describe('errors: exit code 2, one line, no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['missing draft', ['score', 'nope.md', '--community', COMMUNITY], /draft nope\.md does not exist/],
    ['missing export', ['score', DRAFTS.native, '--community', 'nope.csv'], /export nope\.csv does not exist/],
    ['directory as export', ['score', DRAFTS.native, '--community', 'fixtures'], /is a directory/],
    ['no community', ['score', DRAFTS.native], /--community EXPORT or --profile PROFILE/],
    ['both community and profile', ['score', DRAFTS.native, '--community', COMMUNITY, '--profile', 'x.json'], /either --community or --profile/],
    ['stdin twice', ['score', '-', '--community', '-'], /used once only/],
    ['bad --fail-under', ['score', DRAFTS.native, '--community', COMMUNITY, '--fail-under', 'abc'], /--fail-under needs a number from 0 to 100/],
    ['unknown flag', ['score', DRAFTS.native, '--bogus'], /unknown option '--bogus'/],
    ['bad format', ['score', DRAFTS.native, '--community', COMMUNITY, '--format', 'xml'], /argument 'xml' is invalid/],
    ['no text column', ['score', DRAFTS.native, '--community', COMMUNITY, '--text-column', 'nothere'], /column 'nothere' given by --text-column is not in the export/],
  ];
  for (const [name, args, message] of cases) {
    it(name, () => {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('help', () => {
  it('documents every flag of score', () => {
    const r = run(['score', '--help']);
    expect(r.code).toBe(0);
    for (const flag of ['--community', '--profile', '--format', '--output', '--fail-under', '--no-color', '--text-column', '--score-column', '--time-column']) expect(r.stdout).toContain(flag);
  });
  it('exists as a compiled binary', () => {
    expect(existsSync('dist/cli/main.js')).toBe(true);
  });
});
