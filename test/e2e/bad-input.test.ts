// The bad-input matrix: every case spawns the built CLI on a generated file and checks the exit code and either the
// one line on stderr or the counted skip in the JSON report. RELIABILITY.md lists the same cases.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, COMMUNITY, DRAFTS, ROOT, run } from './run.js';

const dir = mkdtempSync(join(tmpdir(), 'resonate-bad-'));
const at = (name: string): string => join(dir, name);
const DRAFT = join(ROOT, DRAFTS.native);
const FIXTURE = join(ROOT, COMMUNITY);

const HEADER = 'id,author,body,score,created_at';
const good = (i: number): string =>
  `${i},user${i % 13},"the crumb on loaf ${i} was open, the starter proofed well and we shaped it at ${i % 24}h",${i % 40},2025-0${(i % 9) + 1}-1${i % 9}`;
const goodRows = (from: number, n: number): string[] => Array.from({ length: n }, (_, k) => good(from + k));
const csv = (lines: string[], eol = '\n'): string => lines.join(eol) + eol;

function utf16(text: string, endian: 'le' | 'be'): Buffer {
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  if (endian === 'le') return le;
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return le;
}

let profile = '';

beforeAll(() => {
  const w = (name: string, content: string | Buffer): void => writeFileSync(at(name), content);
  // CSV
  w('unclosed-top.csv', csv([HEADER, '1,ann,"this quote is never closed,3,2025-01-01', ...goodRows(2, 40)]));
  w('unclosed-end.csv', csv([HEADER, ...goodRows(1, 40), '99,bob,"never closed at the end,1,2025-01-01']));
  // More than MAX_RECORD_CHARS (1 MB) without another quote: the bound ends the broken record, reading resumes on line 3.
  const plain = Array.from({ length: 16_000 }, (_, k) => `${k + 50},u,plain row about dough number ${k} with no quotes at all in it,1,2025-02-02`);
  w('unclosed-long.csv', csv([HEADER, '1,ann,"opens and never closes,3,2025-01-01', ...plain, ...goodRows(2, 40)]));
  w('too-many.csv', csv([HEADER, ...goodRows(1, 10), '11,x,body,1,2025-01-01,extra', ...goodRows(12, 10)]));
  w('too-few.csv', csv([HEADER, ...goodRows(1, 10), '11,x,body', ...goodRows(12, 10)]));
  w('after-quote.csv', csv([HEADER, ...goodRows(1, 10), '11,x,"quoted"tail,1,2025-01-01', ...goodRows(12, 10)]));
  w('dup-header.csv', csv(['id,body,body,score', ...Array.from({ length: 10 }, (_, k) => `${k},first body about crumb ${k},second ${k},${k}`)]));
  w('header-only.csv', csv([HEADER]));
  w('crlf-blank.csv', csv([HEADER, '', ...goodRows(1, 10), '', '', ...goodRows(11, 10), '   '], '\r\n'));
  w('big-cell.csv', csv([HEADER, ...goodRows(1, 10), `11,x,"${'crumb '.repeat(2_000_000)}",1,2025-01-01`, ...goodRows(12, 10)]));
  w('deleted.csv', csv([HEADER, ...Array.from({ length: 10 }, (_, k) => `${k},u,[deleted],1,2025-01-01`), '11,u,[removed],1,2025-01-01']));
  w('no-text.csv', csv(['id,user,votes', '1,a,3', '2,b,4']));
  w('empty.csv', '');
  // Encodings
  w('bom.csv', '\uFEFF' + csv([HEADER, ...goodRows(1, 20)]));
  w('utf16le.csv', utf16(csv([HEADER, ...goodRows(1, 20)]), 'le'));
  w('utf16be.csv', utf16(csv([HEADER, ...goodRows(1, 20)]), 'be'));
  w('cp1252.csv', Buffer.from(csv([HEADER, ...goodRows(1, 20), '21,zoé,"the café crumb was “open” and the pâte fermentée helped",4,2025-01-01']), 'latin1'));
  const binary = Buffer.alloc(4096);
  for (let i = 0; i < binary.length; i++) binary[i] = (i * 37) % 256;
  w('binary.csv', binary);
  w('binary.md', binary);
  w('latin1.md', Buffer.from('# Le café\n\nThe crumb of the pâte fermentée loaf was open and glossy. Did you proof it overnight?\n', 'latin1'));
  w('utf16.md', utf16('# Crumb\n\nThe crumb was open and glossy after a long proof. Did you try it?\n', 'le'));
  w('truncated.csv.gz', gzipSync(csv([HEADER, ...goodRows(1, 2000)])).subarray(0, 3000));
  // JSON / NDJSON
  const obj = (i: number): string => JSON.stringify({ id: i, body: `ndjson crumb and starter ${i} proofed`, score: i });
  w('invalid-line.ndjson', [obj(1), obj(2), '{"body": "broken', obj(4), 'not json at all', obj(6)].join('\n') + '\n');
  w('object.json', JSON.stringify({ data: { items: [] }, comments: [{ body: 'x' }] }));
  w('invalid.json', '[{"body": "a"}, {"body": ');
  w('proto.ndjson', [JSON.stringify({ body: 'first about crumb', score: 1 }), '{"__proto__": {"polluted": "yes"}, "constructor": {"prototype": {"bad": 1}}, "body": "proto row about starter", "score": 2}', JSON.stringify({ body: 'third about dough', score: 3 })].join('\n') + '\n');
  const deep = '['.repeat(100_000) + ']'.repeat(100_000);
  w('deep.ndjson', [obj(1), `{"body": "deep value row about crumb", "score": 1, "meta": ${deep}}`, `{"body": "nested ${'{'.repeat(10)}", "score": 2, "x": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, obj(4)].join('\n') + '\n');
  w('deep.json', `[{"body": "deep array item about crumb", "meta": ${deep}}, {"body": "second about proof"}]`);
  w('long-line.ndjson', [obj(1), JSON.stringify({ body: 'x'.repeat(50_000_000), score: 1 }), obj(3)].join('\n') + '\n');
  w('no-objects.ndjson', '1\n"two"\n[3]\n');
  // Drafts
  w('empty.md', '');
  w('front-only.md', '---\ntitle: Only front matter\ntags: [a, b]\n---\n');
  w('code-only.md', '```js\nconst crumb = open();\n```\n\n    indented code block\n\n`inline`\n');
  const para = 'We proofed the starter overnight and the crumb came out open and glossy. Did you try a longer bulk? ';
  w('big.md', '# Big draft\n\n' + (para.repeat(5) + '\n\n').repeat(Math.ceil(5_000_000 / (para.length * 5 + 2))));
  w('bad-yaml.md', '---\ntitle: [unclosed\n---\nThe crumb was open.\n');
  mkdirSync(at('a-directory'));
  // Profiles
  profile = at('good.profile.json');
  const built = run(['profile', 'build', FIXTURE, '-o', profile]);
  if (built.code !== 0) throw new Error(`could not build the test profile: ${built.stderr}`);
  const text = readFileSync(profile, 'utf8');
  w('truncated.profile.json', text.slice(0, Math.floor(text.length / 2)));
  const data = JSON.parse(text) as Record<string, unknown> & { counts: Record<string, unknown> };
  w('corrupt.profile.json', JSON.stringify({ ...data, counts: { ...data.counts, words: { crumb: 'many' } } }));
  w('nan.profile.json', JSON.stringify({ ...data, sample: [{ h: 'x', e: null, t: null, st: [1], w: 'a' }] }));
  w('newer.profile.json', JSON.stringify({ ...data, formatVersion: 99 }));
  w('not-a.profile.json', JSON.stringify({ hello: 'world' }));
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Case {
  name: string;
  args: () => string[];
  input?: string;
  code: number;
  /** The one stderr line (exit 2) must match. */
  stderr?: RegExp;
  /** Expected counts in the JSON report's community.skipped (score --format json). */
  skipped?: Partial<Record<'empty' | 'duplicate' | 'deleted' | 'bot' | 'malformed' | 'outOfRange', number>>;
  itemsUsed?: number;
}

const score = (community: string, ...more: string[]): string[] => ['score', DRAFT, '--community', at(community), '--format', 'json', ...more];
const scoreDraft = (draft: string, ...more: string[]): string[] => ['score', draft, '--profile', profile, '--format', 'json', ...more];

const CASES: Case[] = [
  // CSV
  { name: 'csv: unclosed quote near the top', args: () => score('unclosed-top.csv'), code: 0, skipped: { malformed: 1 } },
  { name: 'csv: unclosed quote at the end', args: () => score('unclosed-end.csv'), code: 0, skipped: { malformed: 1 }, itemsUsed: 40 },
  { name: 'csv: unclosed quote followed by 1.2 MB without quotes', args: () => score('unclosed-long.csv'), code: 0, skipped: { malformed: 1 }, itemsUsed: 16_040 },
  { name: 'csv: a row with too many fields', args: () => score('too-many.csv'), code: 0, skipped: { malformed: 1 }, itemsUsed: 20 },
  { name: 'csv: a row with too few fields', args: () => score('too-few.csv'), code: 0, skipped: { malformed: 1 }, itemsUsed: 20 },
  { name: 'csv: text after a closing quote', args: () => score('after-quote.csv'), code: 0, skipped: { malformed: 1 }, itemsUsed: 20 },
  { name: 'csv: duplicate headers (the first is used)', args: () => score('dup-header.csv'), code: 0, skipped: { malformed: 0 }, itemsUsed: 10 },
  { name: 'csv: header only', args: () => score('header-only.csv'), code: 2, stderr: /no usable items in the export \(0 rows read/ },
  { name: 'csv: blank lines and CRLF', args: () => score('crlf-blank.csv'), code: 0, skipped: { malformed: 0, empty: 0 }, itemsUsed: 20 },
  { name: 'csv: a 10 MB single cell', args: () => score('big-cell.csv'), code: 0, skipped: { malformed: 1 }, itemsUsed: 20 },
  { name: 'csv: only [deleted] rows', args: () => score('deleted.csv'), code: 2, stderr: /no usable items in the export \(11 rows read; skipped: 11 deleted\/removed\)/ },
  { name: 'csv: no recognizable text column', args: () => score('no-text.csv'), code: 2, stderr: /no text column found in the export \(columns: "id", "user", "votes"\).*--text-column/ },
  { name: 'csv: --text-column naming a missing column', args: () => score('no-text.csv', '--text-column', 'comment'), code: 2, stderr: /column 'comment' given by --text-column is not in the export/ },
  { name: 'csv: empty file', args: () => score('empty.csv'), code: 2, stderr: /export .*empty\.csv is empty/ },
  { name: 'csv: --strict turns a broken row into an error', args: () => score('unclosed-top.csv', '--strict'), code: 2, stderr: /1 unreadable row \(first: line 2: .*runs on to line 3.*--strict/ },
  { name: 'profile build --strict stops at a broken row', args: () => ['profile', 'build', at('too-many.csv'), '-o', at('strict.json'), '--strict'], code: 2, stderr: /too-many\.csv has unreadable rows \(first: line 12: 6 fields where the header has 5\) and --strict/ },
  // Encodings
  { name: 'encoding: UTF-8 with BOM', args: () => score('bom.csv'), code: 0, skipped: { malformed: 0 }, itemsUsed: 20 },
  { name: 'encoding: UTF-16 LE with BOM', args: () => score('utf16le.csv'), code: 0, skipped: { malformed: 0 }, itemsUsed: 20 },
  { name: 'encoding: UTF-16 BE with BOM', args: () => score('utf16be.csv'), code: 0, skipped: { malformed: 0 }, itemsUsed: 20 },
  { name: 'encoding: Windows-1252 export', args: () => score('cp1252.csv'), code: 0, skipped: { malformed: 0 }, itemsUsed: 21 },
  { name: 'encoding: binary export', args: () => score('binary.csv'), code: 2, stderr: /binary\.csv looks like a binary file/ },
  { name: 'encoding: binary draft', args: () => scoreDraft(at('binary.md')), code: 2, stderr: /binary\.md looks like a binary file/ },
  { name: 'encoding: Latin-1 draft', args: () => scoreDraft(at('latin1.md')), code: 0 },
  { name: 'encoding: UTF-16 draft with BOM', args: () => scoreDraft(at('utf16.md')), code: 0 },
  { name: 'gzip: truncated .gz export', args: () => score('truncated.csv.gz'), code: 2, stderr: /truncated\.csv\.gz is a damaged or truncated gzip file/ },
  // JSON / NDJSON
  { name: 'ndjson: invalid lines are counted', args: () => score('invalid-line.ndjson'), code: 0, skipped: { malformed: 2 }, itemsUsed: 4 },
  { name: 'ndjson: invalid lines are listed with line numbers', args: () => ['profile', 'build', at('invalid-line.ndjson'), '-o', at('nd.json')], code: 0, stderr: /skipped .*invalid-line\.ndjson line 3: invalid JSON/ },
  { name: 'json: a top-level object instead of an array', args: () => score('object.json'), code: 2, stderr: /is a JSON object where an array of items was expected.*jq '\.comments'/ },
  { name: 'json: invalid JSON', args: () => score('invalid.json'), code: 2, stderr: /invalid\.json is not valid JSON/ },
  { name: 'ndjson: __proto__ and constructor keys', args: () => score('proto.ndjson'), code: 0, skipped: { malformed: 0 }, itemsUsed: 3 },
  { name: 'ndjson: deeply nested values', args: () => score('deep.ndjson'), code: 0, itemsUsed: 4 },
  { name: 'json: deeply nested values', args: () => score('deep.json'), code: 0, itemsUsed: 2 },
  { name: 'ndjson: a 50 MB line', args: () => score('long-line.ndjson'), code: 0, skipped: { malformed: 1 }, itemsUsed: 2 },
  { name: 'ndjson: no object on any line', args: () => score('no-objects.ndjson'), code: 2, stderr: /has no JSON object on any line \(line 1: not a JSON object\)/ },
  // Files
  { name: 'file: missing draft', args: () => scoreDraft(at('nope.md')), code: 2, stderr: /draft .*nope\.md does not exist/ },
  { name: 'file: missing export', args: () => score('nope.csv'), code: 2, stderr: /export .*nope\.csv does not exist/ },
  { name: 'file: draft is a directory', args: () => scoreDraft(at('a-directory')), code: 2, stderr: /draft .*a-directory is a directory, not a file/ },
  { name: 'file: export is a directory', args: () => score('a-directory'), code: 2, stderr: /export .*a-directory is a directory, not a file/ },
  { name: 'file: unreadable draft (/proc/self/mem)', args: () => scoreDraft('/proc/self/mem'), code: 2, stderr: /draft \/proc\/self\/mem cannot be read/ },
  { name: 'file: unreadable export (/proc/self/mem)', args: () => ['score', DRAFT, '--community', '/proc/self/mem'], code: 2, stderr: /export \/proc\/self\/mem cannot be read/ },
  { name: 'file: empty draft', args: () => scoreDraft(at('empty.md')), code: 2, stderr: /has no prose to read/ },
  { name: 'file: draft with only front matter', args: () => scoreDraft(at('front-only.md')), code: 2, stderr: /front-only\.md has no prose to read/ },
  { name: 'file: draft of only code blocks', args: () => scoreDraft(at('code-only.md')), code: 2, stderr: /code-only\.md has no prose to read/ },
  { name: 'file: draft with invalid YAML front matter', args: () => scoreDraft(at('bad-yaml.md')), code: 2, stderr: /front matter that is not valid YAML/ },
  { name: 'file: a 5 MB draft', args: () => scoreDraft(at('big.md')), code: 0 },
  { name: 'stdin: draft closed immediately', args: () => scoreDraft('-'), input: '', code: 2, stderr: /draft <stdin> has no prose to read/ },
  { name: 'stdin: export closed immediately', args: () => ['score', DRAFT, '--community', '-'], input: '', code: 2, stderr: /export - is empty/ },
  { name: 'output: --output into a missing folder', args: () => ['score', DRAFT, '--profile', profile, '-o', at('no/such/dir/out.txt')], code: 2, stderr: /cannot write .*out\.txt \(its folder does not exist\)/ },
  // Profiles
  { name: 'profile: truncated', args: () => scoreDraft(DRAFT).map((a) => (a === profile ? at('truncated.profile.json') : a)), code: 2, stderr: /is not valid JSON \(truncated or corrupt\)/ },
  { name: 'profile: corrupt counts', args: () => ['score', DRAFT, '--profile', at('corrupt.profile.json')], code: 2, stderr: /is incomplete or corrupt \(counts\.words\)/ },
  { name: 'profile: corrupt sample', args: () => ['score', DRAFT, '--profile', at('nan.profile.json')], code: 2, stderr: /is incomplete or corrupt \(sample\)/ },
  { name: 'profile: newer formatVersion', args: () => ['score', DRAFT, '--profile', at('newer.profile.json')], code: 2, stderr: /has format version 99, newer than this resonate reads/ },
  { name: 'profile: not a profile', args: () => ['profile', 'show', at('not-a.profile.json')], code: 2, stderr: /is not a resonate community profile/ },
  { name: 'profile: an export given as a profile', args: () => ['score', DRAFT, '--profile', FIXTURE], code: 2, stderr: /crumb-club\.csv is a community export \(CSV\), not a profile \(read an export with --community/ },
  // Arguments
  { name: 'args: unknown flag', args: () => ['score', DRAFT, '--profile', profile, '--frobnicate'], code: 2, stderr: /unknown option '--frobnicate'/ },
  { name: 'args: bad --fail-under', args: () => ['score', DRAFT, '--profile', profile, '--fail-under', 'lots'], code: 2, stderr: /--fail-under needs a number from 0 to 100, got 'lots'/ },
  { name: 'args: --fail-under out of range', args: () => ['score', DRAFT, '--profile', profile, '--fail-under', '101'], code: 2, stderr: /--fail-under needs a number from 0 to 100/ },
  { name: "args: '-' for draft and community", args: () => ['score', '-', '--community', '-'], code: 2, stderr: /standard input \('-'\) can be used once only/ },
  { name: "args: '-' twice in profile build", args: () => ['profile', 'build', '-', '-', '-o', at('x.json')], code: 2, stderr: /standard input \('-'\) can be used once only/ },
  { name: 'args: --community with --profile', args: () => ['score', DRAFT, '--community', FIXTURE, '--profile', profile], code: 2, stderr: /give either --community or --profile, not both/ },
  { name: 'args: bad --sample-size', args: () => ['profile', 'build', FIXTURE, '-o', at('y.json'), '--sample-size', '-3'], code: 2, stderr: /--sample-size needs a whole number/ },
  { name: 'args: bad --since date', args: () => ['profile', 'build', FIXTURE, '-o', at('y.json'), '--since', 'yesterday-ish'], code: 2, stderr: /--since needs a date/ },
];

describe('bad input matrix (built CLI)', () => {
  it('has at least 30 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it.each(CASES)('$name', (c) => {
    const r = run(c.args(), { input: c.input });
    expect(r.code, r.stderr).toBe(c.code);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    if (c.code === 2) {
      expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
    if (c.stderr) expect(r.stderr).toMatch(c.stderr);
    if (c.skipped || c.itemsUsed !== undefined) {
      const report = JSON.parse(r.stdout) as { community: { skipped: Record<string, number>; itemsUsed: number } };
      for (const [k, v] of Object.entries(c.skipped ?? {})) expect(report.community.skipped[k], k).toBe(v);
      if (c.itemsUsed !== undefined) expect(report.community.itemsUsed).toBe(c.itemsUsed);
    }
  });
});

// Nothing lost: an interrupted run leaves the previous file (or none) and no temporary file.
describe('interrupts (SIGINT)', () => {
  const waitExit = (child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> =>
    new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const leftovers = (folder: string): string[] => readdirSync(folder).filter((f) => f.includes('.tmp-'));

  it('SIGINT during profile build of a large export keeps the previous profile', async () => {
    const folder = mkdtempSync(join(dir, 'sigint-'));
    const big = join(folder, 'big.csv');
    writeFileSync(big, csv([HEADER, ...goodRows(1, 60_000)]));
    const target = join(folder, 'community.json');
    const previous = readFileSync(profile);
    writeFileSync(target, previous);
    const child = spawn(process.execPath, [BIN, 'profile', 'build', big, '-o', target], { cwd: ROOT, stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 700));
    child.kill('SIGINT');
    const { signal, code } = await waitExit(child);
    // Either the build was interrupted, or it finished first and wrote a complete new profile.
    expect(signal === 'SIGINT' || code === 0).toBe(true);
    const after = readFileSync(target);
    if (signal === 'SIGINT') expect(after.equals(previous)).toBe(true);
    else expect(() => JSON.parse(after.toString('utf8'))).not.toThrow();
    expect(leftovers(folder)).toEqual([]);
  });

  it('SIGINT while the temporary file is being written removes it and keeps the previous file', async () => {
    const folder = mkdtempSync(join(dir, 'sigint-write-'));
    const target = join(folder, 'out.json');
    writeFileSync(target, 'previous\n');
    const script = `import { writeAtomic } from ${JSON.stringify(pathToFileURL(join(ROOT, 'dist/output/write-atomic.js')).href)};
      await writeAtomic(${JSON.stringify(target)}, 'x'.repeat(400 * 1024 * 1024));`;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' });
    const exited = waitExit(child);
    let sawTemp = false;
    for (let i = 0; i < 2000 && child.exitCode === null && child.signalCode === null; i++) {
      if (leftovers(folder).length > 0) {
        sawTemp = true;
        child.kill('SIGINT');
        break;
      }
      await new Promise((r) => setTimeout(r, 2));
    }
    const { signal } = await exited;
    if (sawTemp) expect(signal).toBe('SIGINT');
    const content = readFileSync(target, 'utf8');
    expect(content === 'previous\n' || content.length === 400 * 1024 * 1024).toBe(true);
    expect(leftovers(folder)).toEqual([]);
  });
});
