import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMUNITY, DRAFTS, run } from './run.js';
import { forEachForm, unpackBigrams, wordEntryAt } from '../../src/community/count-tables.js';
import type { WordTable } from '../../src/community/profile-types.js';

/** Format 2's word entries ([count, df, engaged, sum, squares, [form, n, …]] per stem) from the current table. */
const format2Entries = (words: WordTable): [number, number, number, number, number, (string | number)[]][] =>
  words.stems.map((_, i) => {
    const e = wordEntryAt(words, i);
    const forms: (string | number)[] = [];
    forEachForm(e[5], (form, n) => forms.push(form, n));
    return [e[0], e[1], e[2], e[3], e[4], forms];
  });

const dir = mkdtempSync(join(tmpdir(), 'resonate-profile-'));

describe('resonate profile', () => {
  it('builds a deterministic profile and scores against it like the export itself', () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    const built = run(['profile', 'build', COMMUNITY, '-o', a]);
    expect(built.code).toBe(0);
    expect(built.stderr).toMatch(/items used, skipped: 3 empty, 3 duplicates, 6 deleted\/removed, 2 bot/);
    run(['profile', 'build', COMMUNITY, '-o', b]);
    expect(readFileSync(a)).toEqual(readFileSync(b));
    const viaProfile = run(['score', DRAFTS.native, '--profile', a, '--format', 'json']).stdout;
    const viaExport = run(['score', DRAFTS.native, '--community', COMMUNITY, '--format', 'json']).stdout;
    expect(viaProfile).toBe(viaExport);
  });

  it('merges shards into the profile of the whole: byte-identical score JSON', () => {
    const lines = readFileSync(COMMUNITY, 'utf8');
    // Split at a record boundary: the first record of thread t21 (quoted fields may hold newlines).
    const cut = lines.indexOf('\nc', lines.indexOf(',t21,')  - 40);
    const header = lines.slice(0, lines.indexOf('\n') + 1);
    const s1 = join(dir, 's1.csv');
    const s2 = join(dir, 's2.csv');
    writeFileSync(s1, lines.slice(0, cut + 1));
    writeFileSync(s2, header + lines.slice(cut + 1));
    for (const [src, out] of [[s1, 'p1.json'], [s2, 'p2.json'], [COMMUNITY, 'whole.json']]) expect(run(['profile', 'build', src, '-o', join(dir, out)]).code).toBe(0);
    expect(run(['profile', 'merge', join(dir, 'p1.json'), join(dir, 'p2.json'), '-o', join(dir, 'merged.json')]).code).toBe(0);
    for (const draft of [DRAFTS.native, DRAFTS.offKey]) {
      const merged = run(['score', draft, '--profile', join(dir, 'merged.json'), '--format', 'json']).stdout;
      const whole = run(['score', draft, '--profile', join(dir, 'whole.json'), '--format', 'json']).stdout;
      expect(merged.length).toBeGreaterThan(100);
      expect(merged).toBe(whole);
    }
  });

  it('builds the same profile with worker threads as without', () => {
    const outs = ['0', '2'].map((jobs) => {
      const out = join(dir, `jobs${jobs}.json`);
      expect(run(['profile', 'build', COMMUNITY, '-o', out, '--jobs', jobs]).code).toBe(0);
      return readFileSync(out);
    });
    expect(outs[1].length).toBeGreaterThan(1000);
    expect(outs[1]).toEqual(outs[0]);
    expect(run(['profile', 'build', COMMUNITY, '-o', join(dir, 'x.json'), '--jobs', 'lots']).stderr).toMatch(/--jobs needs a whole number/);
  });

  it('keeps only items within --since/--until and counts the rest', () => {
    const p = join(dir, 'range.json');
    const r = run(['profile', 'build', COMMUNITY, '-o', p, '--since', '2025-01-01', '--until', '2025-03-31']);
    expect(r.code).toBe(0);
    const data = JSON.parse(readFileSync(p, 'utf8'));
    expect(new Date(data.counts.firstTime).toISOString() >= '2025-01-01').toBe(true);
    expect(new Date(data.counts.lastTime).toISOString() < '2025-04-01').toBe(true);
    expect(data.summary.skipped.outOfRange).toBeGreaterThan(100);
    expect(data.summary.itemsUsed + Object.values(data.summary.skipped as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(data.summary.rowsRead);
    expect(run(['profile', 'build', COMMUNITY, '-o', p, '--since', 'last tuesday']).stderr).toMatch(/--since needs a date/);
  });

  it('shows the community in text, json and markdown', () => {
    const p = join(dir, 'show.json');
    run(['profile', 'build', COMMUNITY, '-o', p]);
    const j = JSON.parse(run(['profile', 'show', p, '--format', 'json']).stdout);
    expect(j.distinctiveTerms.map((t: { term: string }) => t.term)).toEqual(expect.arrayContaining(['loaf', 'starter', 'crumb']));
    expect(j.rewards).not.toBeNull();
    expect(run(['profile', 'show', p]).stdout).toMatch(/WHAT IT TALKS ABOUT/);
    expect(run(['profile', 'show', p, '--format', 'markdown']).stdout).toMatch(/^## Community profile/);
  });

  /** Builds the fixture export's profile to `name`.json; returns its path and its JSON, read back. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests rewrite the parsed file freely
  function builtProfile(name: string): { path: string; data: any } {
    const path = join(dir, `${name}.json`);
    run(['profile', 'build', COMMUNITY, '-o', path]);
    return { path, data: JSON.parse(readFileSync(path, 'utf8')) };
  }

  /**
   * An older profile (`data`, saved under `name`) scores and shows as the current file does, and merging rewrites it
   * in the current format: the same bytes as merging the current file.
   */
  function expectReadLikeCurrent(data: unknown, current: string, name: string): void {
    const old = join(dir, `${name}.json`);
    writeFileSync(old, JSON.stringify(data));
    const score = (profile: string): ReturnType<typeof run> => run(['score', DRAFTS.native, '--profile', profile, '--format', 'json']);
    expect(score(old).code).toBe(0);
    expect(score(old).stdout).toBe(score(current).stdout);
    expect(run(['profile', 'show', old]).stdout).toBe(run(['profile', 'show', current]).stdout);
    run(['profile', 'merge', old, '-o', join(dir, `m-${name}.json`)]);
    run(['profile', 'merge', current, '-o', join(dir, `m-${name}-current.json`)]);
    expect(readFileSync(join(dir, `m-${name}.json`), 'utf8')).toBe(readFileSync(join(dir, `m-${name}-current.json`), 'utf8'));
  }

  it('reads format-1 profiles (counts keyed by stem) and scores against them the same', () => {
    const { path: current, data } = builtProfile('current');
    const entries = format2Entries(data.counts.words as WordTable);
    const formsObject = (flat: (string | number)[]): Record<string, number> =>
      Object.fromEntries(Array.from({ length: flat.length / 2 }, (_, i): [string, number] => [flat[2 * i] as string, flat[2 * i + 1] as number]));
    data.counts.words = Object.fromEntries(data.counts.words.stems.map((s: string, i: number) => [s, [...entries[i].slice(0, 5), formsObject(entries[i][5])]]));
    const bigrams = unpackBigrams(data.counts.bigrams as string)!;
    data.counts.bigrams = Object.fromEntries(bigrams.pairs.map((p, i) => [p, bigrams.counts[i]]));
    data.formatVersion = 1;
    expectReadLikeCurrent(data, current, 'format-1');
  });

  it('reads format-2 profiles (an entry array per stem, bigrams as arrays) and scores against them the same', () => {
    const { path: current, data } = builtProfile('current');
    expect(data.formatVersion).toBe(3);
    expect(typeof data.counts.bigrams).toBe('string');
    data.counts.words = { stems: data.counts.words.stems, entries: format2Entries(data.counts.words as WordTable) };
    data.counts.bigrams = unpackBigrams(data.counts.bigrams as string);
    data.formatVersion = 2;
    expectReadLikeCurrent(data, current, 'format-2');
  });

  it('says when a profile from another version is measured again on every run, and how to save it anew', () => {
    const { path: current, data } = builtProfile('measured-current');
    data.derived.method = 'an-earlier-measurement';
    const old = join(dir, 'measured-earlier.json');
    writeFileSync(old, JSON.stringify(data));
    const score = (profile: string): ReturnType<typeof run> => run(['score', DRAFTS.native, '--profile', profile, '--format', 'json']);
    const fresh = score(current);
    expect(fresh.stderr).not.toMatch(/another version/);
    const stale = score(old);
    expect(stale.code).toBe(0);
    expect(stale.stdout).toBe(fresh.stdout);
    const warnings = stale.stderr.split('\n').filter((l) => l.startsWith('resonate: warning:'));
    expect(warnings).toEqual([
      `resonate: warning: ${old} was saved by another version of resonate, so its sample is measured again on every run (the scores are the same); save it anew to skip that: resonate profile merge ${old} -o ${old}`,
    ]);
    // The advice works: merged in place, the profile holds the measurements again and the warning is gone.
    const merged = run(['profile', 'merge', old, '-o', old]);
    expect(merged.code).toBe(0);
    expect(merged.stderr).toMatch(/merged 1 profile \(/);
    expect(score(old).stderr).not.toMatch(/another version/);
    expect(score(old).stdout).toBe(fresh.stdout);
  });

  it('scores against a profile whose saved phrases are damaged, and refuses it where the phrases are read', () => {
    const { path: good, data } = builtProfile('phrases-good');
    data.counts.bigrams = `${data.counts.bigrams as string} dangling`;
    const bad = join(dir, 'phrases-bad.json');
    writeFileSync(bad, JSON.stringify(data));
    // score reads no phrases: the same report as from the intact file.
    expect(run(['score', DRAFTS.native, '--profile', bad, '--format', 'json']).stdout).toBe(run(['score', DRAFTS.native, '--profile', good, '--format', 'json']).stdout);
    for (const args of [['profile', 'show', bad], ['profile', 'merge', bad, '-o', join(dir, 'never.json')]]) {
      const r = run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^resonate: profile .*phrases-bad\.json is incomplete or corrupt \(counts\.bigrams\)/);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(existsSync(join(dir, 'never.json'))).toBe(false);
  });

  it('refuses truncated, foreign and newer profiles with exit code 2', () => {
    const good = join(dir, 'good.json');
    run(['profile', 'build', COMMUNITY, '-o', good]);
    const text = readFileSync(good, 'utf8');
    const cases: [string, string, RegExp][] = [
      ['truncated.json', text.slice(0, text.length / 2), /not valid JSON \(truncated or corrupt\)/],
      ['foreign.json', '{"hello": 1}', /is not a resonate community profile/],
      ['newer.json', text.replace(/"formatVersion":\d+/, '"formatVersion":99'), /format version 99, newer than this resonate reads/],
      // An object with no string form (found by test/fuzz/draft.test.ts): it once escaped as a TypeError.
      ['version-object.json', text.replace(/"formatVersion":\d+/, '"formatVersion":[{"toString":0}]'), /incomplete or corrupt \(formatVersion is not a number\)/],
    ];
    for (const [name, content, message] of cases) {
      const path = join(dir, name);
      writeFileSync(path, content);
      const r = run(['score', DRAFTS.native, '--profile', path]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});
