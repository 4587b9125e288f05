import { mkdtempSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY, DRAFTS, ROOT, run } from './run.js';

const CALENDAR = 'fixtures/calendar/calendar.csv';
const dir = mkdtempSync(join(tmpdir(), 'resonate-batch-'));
const PROFILE = join(dir, 'community.profile.json');
const batch = (...args: string[]) => run(['batch', ...args, '--profile', PROFILE]);
const csvRows = (csv: string): string[] => csv.trimEnd().split('\n');
/** Fields of one CSV line (RFC 4180 quoting; no newlines inside the cells these tests read). */
const fields = (line: string): string[] => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1].replace(/^"|"$/g, '').replace(/""/g, '"'));

beforeAll(() => {
  expect(run(['profile', 'build', COMMUNITY, '-o', PROFILE]).code).toBe(0);
});

describe('resonate batch (built CLI)', () => {
  it('ranks a content calendar, reports the missing draft in its row and carries on (exit code 2)', () => {
    const r = batch(CALENDAR);
    expect(r.code).toBe(2);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^#\s+title\s+date\s+overall\s+band\s+lang\s+emo\s+eng\s+conv\s+main suggestion$/);
    expect(lines[1]).toMatch(/^1\s+\S/);
    expect(r.stdout).toMatch(/^\d\s+Six weeks in the flat loaf club, and th…\s+2025-07-01\s+\d+\s+strong\s/m);
    expect(r.stdout).toMatch(/^–\s+Banneton care guide .*could not score: draft fixtures\/drafts\/banneton-care\.md does not exist$/m);
    expect(r.stdout).toMatch(/^5 of 6 drafts scored, mean overall [\d.]+/m);
    expect(r.stderr).toBe(
      'resonate: could not score fixtures/drafts/banneton-care.md: draft fixtures/drafts/banneton-care.md does not exist\n' +
        'resonate: 1 draft of 6 could not be scored; exit code 2\n',
    );
  });

  it('writes CSV in the documented column order, one row per draft, every dimension', () => {
    const r = batch(CALENDAR, '--format', 'csv');
    const rows = csvRows(r.stdout);
    expect(rows[0]).toBe('rank,input,id,title,date,channel,source,overall,band,language,emotion,engagement,conversation,words,below_fail_under,top_suggestion,error');
    expect(rows).toHaveLength(7);
    expect(rows.find((l) => l.includes(',1,p1,'))).toMatch(/^\d,1,p1,"Six weeks in the flat loaf club, and then this crumb",2025-07-01,crumb-club,fixtures\/drafts\/crumb-club-native\.md,\d+,strong,\d+,\d+,\d+,\d+,356,,/);
    expect(rows[6]).toMatch(/^,6,p6,Banneton care guide,2025-07-12,crumb-club,fixtures\/drafts\/banneton-care\.md,,,,,,,,,,draft fixtures\/drafts\/banneton-care\.md does not exist$/);
  });

  it('keeps the native draft above the generic and off-key ones (both off-key) and body rows score like the same text in a file', () => {
    const j = JSON.parse(batch(CALENDAR, '--format', 'json', '--sort', 'input').stdout);
    const by = (id: string) => j.drafts.find((d: { id: string }) => d.id === id);
    expect(by('p1').report.overall.score).toBeGreaterThan(by('p2').report.overall.score);
    expect(by('p2').report.overall.score).toBeGreaterThanOrEqual(by('p4').report.overall.score);
    expect([by('p2').report.overall.band, by('p4').report.overall.band]).toEqual(['off-key', 'off-key']);
    expect(by('p3').report.draft.source).toBe('fixtures/calendar/calendar.csv#p3');
    expect(j.summary).toMatchObject({ drafts: 6, scored: 5, unreadable: 1, failUnder: null, belowFailUnder: [] });
    expect(j.drafts.map((d: { input: number }) => d.input)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives each draft the very report `score` produces', () => {
    const j = JSON.parse(batch(DRAFTS.native, DRAFTS.offKey, '--format', 'json').stdout);
    const one = JSON.parse(run(['score', DRAFTS.offKey, '--profile', PROFILE, '--format', 'json']).stdout);
    expect(j.drafts[1].report).toEqual(one);
    expect(j.drafts[1].rank).toBe(2);
  });

  it('is deterministic for csv, json and markdown, and a profile gives what the export gives', { timeout: 120_000 }, () => {
    for (const f of ['csv', 'json', 'markdown']) {
      const a = batch(CALENDAR, '--format', f).stdout;
      expect(batch(CALENDAR, '--format', f).stdout).toBe(a);
      expect(run(['batch', CALENDAR, '--community', COMMUNITY, '--format', f]).stdout).toBe(a);
    }
  });

  it('sorts by score, date or input', () => {
    const ids = (sort: string) => csvRows(batch(CALENDAR, '--format', 'csv', '--sort', sort).stdout).slice(1).map((l) => l.split(',')[2]);
    expect(ids('input')).toEqual(['p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(ids('date')).toEqual(['p3', 'p1', 'p2', 'p5', 'p4', 'p6']);
    const byScore = ids('score');
    expect(byScore.indexOf('p1')).toBeLessThan(byScore.indexOf('p2'));
    expect(byScore.indexOf('p2')).toBeLessThan(byScore.indexOf('p4'));
    expect(byScore.at(-1)).toBe('p6');
    expect(batch(CALENDAR, '--sort', 'random').code).toBe(2);
  });

  it('fails the --fail-under gate when any draft is below, and says which', () => {
    const j = JSON.parse(batch(CALENDAR, '--format', 'json').stdout);
    const offKey = j.drafts.find((d: { id: string }) => d.id === 'p4').report.overall.score as number;
    const gate = String(offKey + 1);
    const below = j.drafts.filter((d: { report: { overall: { score: number } } | null }) => d.report && d.report.overall.score < offKey + 1).map((d: { source: string }) => d.source);
    expect(below).toContain('fixtures/drafts/off-key-product-launch.md');
    expect(below).not.toContain('fixtures/drafts/crumb-club-native.md');
    const r = batch(CALENDAR, '--fail-under', gate);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`\n${below.length} below --fail-under ${gate}: ${below.join(', ')}.\n`);
    expect(r.stdout).toMatch(/LoafLogic Pro launch .*BELOW/);
    expect(r.stderr).toContain(`resonate: ${below.length} of 5 drafts below --fail-under ${gate}: ${below.join(', ')}\n`);
    const md = batch(CALENDAR, '--fail-under', gate, '--format', 'markdown');
    expect(md.code).toBe(1);
    expect(md.stdout).toContain(`**${below.length} below --fail-under ${gate}:** ${below.map((x: string) => `\`${x}\``).join(', ')}`);
    const csv = JSON.parse(batch(CALENDAR, '--fail-under', gate, '--format', 'json').stdout);
    expect(csv.summary.belowFailUnder).toEqual(below);
    expect(batch(CALENDAR, '--fail-under', String(offKey)).stdout).not.toMatch(/LoafLogic Pro launch .*BELOW/);
    expect(batch(CALENDAR, '--fail-under', 'x').code).toBe(2);
  });

  it('reads folders (.md only) and globs, and reports empty drafts in their row', () => {
    const folder = run(['batch', 'fixtures/drafts', '--profile', PROFILE, '--format', 'csv', '--sort', 'input']);
    expect(csvRows(folder.stdout).slice(1).map((l) => fields(l)[6])).toEqual([
      'fixtures/drafts/coffee-moka-question.md',
      'fixtures/drafts/coffee-saas-pitch.md',
      'fixtures/drafts/coffee-v60-native.md',
      'fixtures/drafts/crumb-club-native.md',
      'fixtures/drafts/generic-kitchen-tips.md',
      'fixtures/drafts/off-key-product-launch.md',
    ]);
    const glob = run(['batch', 'fixtures/*/*-*.md', '--profile', PROFILE, '--format', 'csv', '--sort', 'input']);
    expect(glob.stdout).toBe(folder.stdout);
    const d = join(dir, 'drafts');
    mkdirSync(d, { recursive: true });
    writeFileSync(join(d, 'a-empty.md'), '---\ntitle: nothing yet\n---\n');
    writeFileSync(join(d, 'b-ok.md'), readFileSync(join(ROOT, DRAFTS.native)));
    const r = run(['batch', d, join(d, 'nope-*.md'), '--profile', PROFILE, '--format', 'csv', '--sort', 'input']);
    expect(r.code).toBe(2);
    const rows = csvRows(r.stdout);
    expect(rows[1]).toMatch(/has no prose to read$/);
    expect(rows[2]).toMatch(/^1,2,/);
    expect(rows[3]).toMatch(/no files match .*nope-\*\.md$/);
  });

  it('exits 2 when nothing could be scored, still listing every row', () => {
    const r = batch('fixtures/drafts/missing-1.md', 'fixtures/drafts/missing-2.md', '--format', 'csv');
    expect(r.code).toBe(2);
    expect(csvRows(r.stdout)).toHaveLength(3);
    expect(r.stderr).toMatch(/^resonate: none of the 2 drafts could be scored$/m);
  });

  it('escapes spreadsheet formulas in CSV cells and keeps numbers numbers; strips control characters from text', () => {
    const cal = join(dir, 'evil.csv');
    const body = 'Has anyone tried a longer cold retard for more open crumb? I love how the levain smells.';
    writeFileSync(
      cal,
      [
        'id,title,date,channel,body',
        `=1+1,"=HYPERLINK(""http://x"",""y"")",2025-01-01,@chan,${body}`,
        `-2,+cmd|' /C calc'!A0,2025-01-02,-lead,${body}`,
        `e3,"\u001b[31mred\u001b[0m title",2025-01-03,c,${body}`,
      ].join('\n'),
    );
    const r = batch(cal, '--format', 'csv', '--sort', 'input');
    expect(r.stderr).toBe('');
    const rows = csvRows(r.stdout);
    expect(rows[1]).toMatch(/^\d+,1,'=1\+1,"'=HYPERLINK\(""http:\/\/x"",""y""\)",2025-01-01,'@chan,/);
    expect(rows[2]).toMatch(/^\d+,2,-2,'\+cmd\|' \/C calc'!A0,2025-01-02,'-lead,/);
    expect(fields(rows[1])[7]).toMatch(/^\d+$/);
    expect(r.stdout).not.toMatch(/\u001b/);
    const text = batch(cal);
    expect(text.stdout).not.toMatch(/\u001b/);
    expect(text.stdout).toMatch(/\[31mred\[0m title|red title/);
  });

  it('reads a calendar from standard input, and never takes standard input twice', () => {
    const csv = readFileSync(join(ROOT, CALENDAR));
    const r = run(['batch', '-', '--profile', PROFILE, '--format', 'csv', '--sort', 'input'], { input: csv });
    expect(r.code).toBe(2); // its p6 names a draft that does not exist
    expect(fields(csvRows(r.stdout)[3]).slice(1, 7)).toEqual(['3', 'p3', 'Quick question about my rye starter', '2025-06-28', 'crumb-club', 'stdin#p3']);
    expect(run(['batch', '-', '-', '--profile', PROFILE], { input: csv }).stderr).toMatch(/can be used once only/);
    const twice = run(['batch', '-', '--community', '-'], { input: csv });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe("resonate: standard input ('-') can be used once only\n");
  });

  it('prints no progress when stderr is not a terminal', () => {
    const r = batch(CALENDAR, 'fixtures/drafts', '--format', 'csv');
    expect(r.stderr).not.toMatch(/scoring/);
  });

  it('refuses a calendar without a body or path column, in one line', () => {
    const cal = join(dir, 'bad.csv');
    writeFileSync(cal, 'id,title\n1,hello\n');
    const r = batch(cal);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^resonate: calendar .*bad\.csv has no body or path column \(columns: "id", "title"\) \(name a column body/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
