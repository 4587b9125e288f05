// A report that never contradicts itself and says what it cannot read: the built CLI on fixtures written for it
// (fixtures/consistency/, see fixtures/README.md), checked for the claims each report makes about itself.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMUNITY, DRAFTS, ROOT, run } from './run.js';

const FX = 'fixtures/consistency';
const PITCH = `${FX}/saas-pitch.markdown`;
const TWEET = `${FX}/latte-tweet.txt`;
const SPANISH = `${FX}/spanish-post.markdown`;
const SPANISH_EXPORT = `${FX}/spanish-community.csv`;
const TITLES = `${FX}/title-only.csv`;
const TITLE_DRAFT = `${FX}/title-draft.txt`;

const dir = mkdtempSync(join(tmpdir(), 'resonate-consistency-'));
const CRUMB = join(dir, 'crumb.profile.json');
const TITLE_PROFILE = join(dir, 'titles.profile.json');

interface Dim {
  id: string;
  score: number | null;
  reason?: string;
  summary: string;
  suggestions: { id: string; text: string }[];
  comparedWith: { maxWords: number };
}
interface ReportJson {
  draft: { source: string; title: string | null; sentences: number; words: number; language: { code: string; english: boolean | null } };
  community: { itemsUsed: number; language: { code: string; english: boolean | null } };
  overall: { score: number | null };
  dimensions: Dim[];
  highlights: { weakest: { line: number; words: string[]; why: string }[]; strongest: unknown[] };
  suggestions: { id: string; text: string; line?: number }[];
  notes: string[];
}

/** Every text and Markdown report (and stderr line) the tests below produce, for the wording scan at the end. */
const seen: { what: string; text: string }[] = [];
function cli(args: string[], options: { input?: string } = {}): ReturnType<typeof run> {
  const r = run(args, options);
  // JSON carries ids (outOfRange) and numbers, not sentences: the wording scan reads what people read.
  if (!args.includes('json')) seen.push({ what: args.join(' '), text: r.stdout + r.stderr });
  return r;
}
const report = (draft: string, against: string[]): ReportJson => {
  const r = cli(['score', draft, ...against, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as ReportJson;
};
const dim = (r: ReportJson, id: string): Dim => r.dimensions.find((d) => d.id === id)!;

/** `n` distinct NDJSON items from the title-only fixture (numbered past its 71 titles), with its scores. */
function titleItems(n: number): string[] {
  const rows = readFileSync(join(ROOT, TITLES), 'utf8').trim().split('\n').slice(1);
  return Array.from({ length: n }, (_, k) => {
    const m = /^"?(.*?)"?,(\d+),\d+$/.exec(rows[k % rows.length])!;
    return JSON.stringify({ text: k < rows.length ? m[1] : `${m[1]} (${k})`, score: Number(m[2]) });
  });
}

beforeAll(() => {
  expect(run(['profile', 'build', COMMUNITY, '-o', CRUMB]).code).toBe(0);
  expect(run(['profile', 'build', TITLES, '-o', TITLE_PROFILE]).code).toBe(0);
  // Text and Markdown of every fixture draft against the sample community, for the wording scan.
  for (const d of [PITCH, TWEET, SPANISH, TITLE_DRAFT, DRAFTS.native, DRAFTS.generic, DRAFTS.offKey]) {
    for (const format of ['text', 'markdown', 'github']) cli(['score', d, '--profile', CRUMB, '--format', format]);
  }
  cli(['profile', 'show', CRUMB]);
  cli(['profile', 'show', TITLE_PROFILE, '--format', 'markdown']);
  cli(['batch', 'fixtures/calendar/calendar.csv', '--profile', CRUMB]);
  cli(['batch', 'fixtures/calendar/calendar.csv', '--profile', CRUMB, '--format', 'markdown']);
}, 120_000);

describe('engagement: rewarded habits and terms', () => {
  it('never says "0 of 0", and names only terms and habits seen in 20+ rated items', () => {
    for (const d of [PITCH, TWEET]) {
      const e = dim(report(d, ['--profile', CRUMB]), 'engagement');
      expect(e.summary).not.toMatch(/\b0 of 0\b/);
      for (const m of e.summary.matchAll(/\((\d+) items\)/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(20);
    }
    const show = cli(['profile', 'show', CRUMB, '--format', 'json']);
    const o = JSON.parse(show.stdout) as { rewards: { items: number }[]; rewardedTerms: { items: number }[]; rewardedMinItems: number };
    expect(o.rewardedMinItems).toBe(20);
    expect(o.rewardedTerms.length).toBeGreaterThan(0);
    for (const t of [...o.rewards, ...o.rewardedTerms]) expect(t.items).toBeGreaterThanOrEqual(20);
  });

  it('a title community whose history orders nothing gets no engagement reading, said in one line (the wording when nothing is rewarded: test/analyzers/engagement-wording.test.ts)', () => {
    const e = dim(report(TITLE_DRAFT, ['--profile', TITLE_PROFILE]), 'engagement');
    expect(e.score).toBeNull();
    expect(e.summary).toMatch(/^Not scored: no reliable reading: on its own history it orders pairs of items correctly \d+% of the time \(\d+%–\d+%\), which is chance\.$/);
  });
});

describe('emotion: a high score means good, and the advice matches the draft', () => {
  it('the pitch at the loud end of the range is not also told to tone down, and a shouting draft is, with its own words', () => {
    const e = dim(report(PITCH, ['--profile', CRUMB]), 'emotion');
    expect(e.summary).toMatch(/^At the loud end of this community's range/);
    expect(e.score!).toBeGreaterThanOrEqual(50);
    expect(e.suggestions.map((s) => s.id)).not.toContain('emotion-hype');
    const shout = join(dir, 'shout.md');
    writeFileSync(shout, '# Big news\n\n' + Array.from({ length: 8 }, () => 'We are thrilled, amazed and overjoyed! This incredible, awesome, fantastic loaf is a triumph and we love it!').join('\n\n') + '\n');
    const loud = dim(report(shout, ['--profile', CRUMB]), 'emotion');
    const hype = loud.suggestions.find((s) => s.id === 'emotion-hype');
    expect(hype, loud.summary).toBeDefined();
    expect(loud.score!).toBeLessThan(50);
    expect(loud.summary).toMatch(/^Louder than the community/);
    expect(hype!.text).toContain('"thrilled" (line 3)');
    expect(hype!.text).not.toMatch(/superlatives/);
    // No "add more feeling" next to "tone down".
    expect(loud.suggestions.map((s) => s.id)).not.toContain('emotion-mix');
  });

  it('the one-line tweet with one heart is not told to tone down, and its high score is not called loud', () => {
    const e = dim(report(TWEET, ['--profile', CRUMB]), 'emotion');
    expect(e.suggestions.map((s) => s.id)).not.toContain('emotion-hype');
    expect(e.summary).not.toMatch(/Louder than the community/);
    expect(JSON.stringify(e)).not.toMatch(/Tone down|superlatives/);
  });

  it('across every fixture draft: "Louder than the community" only beside a score below 50', () => {
    for (const d of [PITCH, TWEET, DRAFTS.native, DRAFTS.generic, DRAFTS.offKey]) {
      const e = dim(report(d, ['--profile', CRUMB]), 'emotion');
      if (/Louder than the community|Tone down/.test(JSON.stringify(e))) expect(e.score!, d).toBeLessThan(50);
    }
  });
});

describe('sentence advice', () => {
  it('never names the community\'s own distinctive or rewarded words as its least community-like, nor asks to rework a sentence with none', () => {
    const show = JSON.parse(cli(['profile', 'show', CRUMB, '--format', 'json']).stdout) as { distinctiveTerms: { term: string }[]; rewardedTerms: { term: string }[] };
    const own = new Set([...show.distinctiveTerms, ...show.rewardedTerms].map((t) => t.term.toLowerCase()));
    for (const d of [PITCH, DRAFTS.native, DRAFTS.generic, DRAFTS.offKey]) {
      const r = report(d, ['--profile', CRUMB]);
      for (const w of r.highlights.weakest) for (const word of w.words) expect(own.has(word), `${d} line ${w.line}: ${word}`).toBe(false);
      for (const s of r.suggestions.filter((x) => x.id === 'rewrite-weakest')) expect(s.text).not.toMatch(/words: none/);
    }
  });
});

describe('languages resonate does not read', () => {
  it('a Spanish draft: one line says so, and emotion, engagement and conversation are null with the reason', () => {
    const r = report(SPANISH, ['--profile', CRUMB]);
    expect(r.draft.language).toMatchObject({ code: 'spa', english: false });
    expect(r.notes[0]).toMatch(/^The draft reads as Spanish \(spa\); resonate reads English/);
    for (const id of ['emotion', 'engagement', 'conversation']) {
      expect(dim(r, id).score, id).toBeNull();
      expect(dim(r, id).reason).toMatch(/Spanish/);
    }
    // No advice to swap Spanish words for the community's English ones.
    expect(r.suggestions.map((s) => s.id)).toEqual(['language-mismatch']);
    const text = cli(['score', SPANISH, '--profile', CRUMB]).stdout;
    expect(text.split('\n').filter((l) => /reads as Spanish/.test(l) && l.startsWith('Note:'))).toHaveLength(1);
  });

  it('--english-only makes a Spanish draft an input error (exit 2), one line', () => {
    const r = cli(['score', SPANISH, '--profile', CRUMB, '--english-only']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/Spanish/);
    expect(cli(['score', PITCH, '--profile', CRUMB, '--english-only']).code).toBe(0);
  });

  it('a Spanish export: the English draft gets no emotion or conversation numbers either', () => {
    const r = report(DRAFTS.native, ['--community', SPANISH_EXPORT]);
    expect(r.community.language).toMatchObject({ code: 'spa', english: false });
    expect(dim(r, 'emotion').score).toBeNull();
    expect(dim(r, 'conversation').score).toBeNull();
    expect(dim(r, 'emotion').reason).toMatch(/export reads as Spanish/);
    expect(cli(['score', DRAFTS.native, '--community', SPANISH_EXPORT, '--english-only']).code).toBe(2);
  });

  it('English drafts, the one-line tweet included, are read as English (or too short to tell), never flagged', () => {
    for (const d of [PITCH, TWEET, TITLE_DRAFT, DRAFTS.native, DRAFTS.generic, DRAFTS.offKey]) {
      const r = report(d, ['--profile', CRUMB]);
      expect(r.draft.language.english, d).not.toBe(false);
      expect(r.notes.join(' ')).not.toMatch(/reads as/);
    }
  });
});

describe('title-only and short-form communities', () => {
  it('reads an export whose only text column is `title`', () => {
    const r = cli(['score', TITLE_DRAFT, '--community', TITLES]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Conversation/);
  });

  it('calibrates a one-line draft\'s conversation on the community\'s own items, not on its longer posts', () => {
    const c = dim(report(TITLE_DRAFT, ['--profile', TITLE_PROFILE]), 'conversation');
    expect(c.summary).not.toMatch(/longer posts|3\+ sentences/);
    expect(c.summary).toMatch(/own items of similar length\.$/);
    // Compared with the community's short items (titles), not with its longer posts.
    expect(c.comparedWith.maxWords).toBeLessThanOrEqual(3 * report(TITLE_DRAFT, ['--profile', TITLE_PROFILE]).draft.words);
    // A one-sentence question is all question: not told to ask "fewer questions" beside a high score.
    expect(c.suggestions.filter((s) => s.id.endsWith('-less'))).toEqual([]);
    // A long draft is compared with the community's longest items.
    const long = dim(report(DRAFTS.native, ['--profile', CRUMB]), 'conversation');
    expect(long.comparedWith.maxWords).toBeGreaterThan(c.comparedWith.maxWords);
  });

  it('does not list platform boilerplate (post, edit, pic, wiki, update) as distinctive vocabulary', () => {
    const o = JSON.parse(cli(['profile', 'show', TITLE_PROFILE, '--format', 'json']).stdout) as { distinctiveTerms: { term: string }[] };
    const terms = o.distinctiveTerms.map((t) => t.term.toLowerCase());
    expect(terms.length).toBeGreaterThan(5);
    for (const w of ['post', 'edit', 'pic', 'wiki', 'update', 'weekly']) expect(terms).not.toContain(w);
    expect(terms).toEqual(expect.arrayContaining(['homelab', 'rack']));
  });

  it('does not tell a one-line draft to fit five of the community\'s topic words in', () => {
    const r = report(TWEET, ['--profile', CRUMB]);
    expect(r.suggestions.map((s) => s.id)).not.toContain('language-missed-terms');
  });
});

describe('wrong-file hints', () => {
  it('a profile passed as --community names --profile', () => {
    const r = cli(['score', PITCH, '--community', CRUMB]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a resonate profile, not an export/);
    expect(r.stderr).toMatch(/--profile/);
    expect(r.stderr).not.toMatch(/jq/);
  });

  it('a CSV, NDJSON or JSON-array export passed as --profile names --community', () => {
    const nd = join(dir, 'export.ndjson');
    writeFileSync(nd, '{"body":"one loaf","score":1}\n{"body":"two loaves","score":2}\n');
    const arr = join(dir, 'export.json');
    writeFileSync(arr, '[{"body":"one loaf","score":1}]');
    for (const [file, kind] of [[COMMUNITY, 'CSV'], [nd, 'NDJSON'], [arr, 'JSON array']]) {
      const r = cli(['score', PITCH, '--profile', file]);
      expect(r.code, file).toBe(2);
      expect(r.stderr).toContain(`is a community export (${kind}), not a profile`);
      expect(r.stderr).toMatch(/--community/);
      expect(r.stderr).not.toMatch(/truncated or corrupt/);
    }
  });
});

describe('profile merge', () => {
  it('refuses a source already present unless --allow-duplicates', () => {
    const out = join(dir, 'twice.json');
    const r = cli(['profile', 'merge', CRUMB, CRUMB, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/holds a source that .* already holds \(fixtures\/community\/crumb-club\.csv, sha256 [0-9a-f]{12}…\): merging would count its items twice/);
    expect(r.stderr).toMatch(/--allow-duplicates/);
    const again = cli(['profile', 'merge', CRUMB, CRUMB, '-o', out, '--allow-duplicates']);
    expect(again.code, again.stderr).toBe(0);
    const merged = JSON.parse(readFileSync(out, 'utf8')) as { counts: { items: number } };
    expect(merged.counts.items).toBe(2 * 460);
  });

  it('warns when the merged profiles barely share vocabulary (a baking forum and a homelab one)', () => {
    const r = cli(['profile', 'merge', CRUMB, TITLE_PROFILE, '-o', join(dir, 'mixed.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*titles\.profile\.json shares \d+% of its common vocabulary with .*crumb\.profile\.json .*are they the same community\?/);
  });

  it('does not warn on two shards of one community', () => {
    const csv = readFileSync(join(ROOT, COMMUNITY), 'utf8');
    // Records split at thread boundaries: every root post starts a line "cNNNN,tNN,,".
    const lines = csv.split('\n');
    const header = lines[0];
    const cut = lines.findIndex((l, i) => i > lines.length / 2 && /^c\d{4},t\d{2},,/.test(l));
    writeFileSync(join(dir, 'a.csv'), lines.slice(0, cut).join('\n') + '\n');
    writeFileSync(join(dir, 'b.csv'), [header, ...lines.slice(cut)].join('\n'));
    for (const s of ['a', 'b']) expect(run(['profile', 'build', join(dir, `${s}.csv`), '-o', join(dir, `${s}.json`)]).code).toBe(0);
    const r = cli(['profile', 'merge', join(dir, 'a.json'), join(dir, 'b.json'), '-o', join(dir, 'ab.json')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/warning/);
  });
});

describe('batch with a calendar draft that cannot be read', () => {
  it('exits 2 and lists the missing draft (the others are still scored)', () => {
    const r = cli(['batch', 'fixtures/calendar/calendar.csv', '--profile', CRUMB]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/could not score fixtures\/drafts\/banneton-care\.md: draft fixtures\/drafts\/banneton-care\.md does not exist/);
    expect(r.stdout).toMatch(/5 of 6 drafts scored/);
  });

  it('exits 1 under --fail-under, even when every scored draft passes', () => {
    const r = cli(['batch', 'fixtures/calendar/calendar.csv', '--profile', CRUMB, '--fail-under', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 draft of 6 could not be scored; exit code 1/);
  });
});

describe('small things a user sees', () => {
  it('a too-small export: no "n/a is below", and the reason says how many items are needed', () => {
    const tiny = join(dir, 'tiny.csv');
    writeFileSync(tiny, 'body,score\n' + ['Great loaf.', 'Nice crumb!', 'What flour?', 'Lovely ear.', 'Try a longer bulk.'].map((b, i) => `${b},${i}`).join('\n') + '\n');
    const r = cli(['score', PITCH, '--community', tiny, '--fail-under', '60']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no overall score \(no dimension could be scored\), so --fail-under 60 is not met/);
    expect(r.stdout).toMatch(/its 5 items give fewer than 10 to compare the draft with \(an export of 50 or more items with text is needed\)/);
  });

  it('the stated minimum holds: 50 items give every dimension a score, for a one-line draft and a long one', () => {
    const file = join(dir, 'fifty.ndjson');
    writeFileSync(file, titleItems(50).join('\n') + '\n');
    for (const d of [TWEET, DRAFTS.native]) {
      const r = report(d, ['--community', file]);
      expect(r.community.itemsUsed).toBe(50);
      // Every dimension is scored; engagement may instead say that this history supports no reading of it.
      for (const x of r.dimensions) if (x.score === null) expect(`${x.id}: ${x.reason}`, d).toMatch(/^engagement: no reliable reading: /);
      expect(r.dimensions.filter((x) => x.id !== 'engagement').every((x) => x.score !== null), d).toBe(true);
    }
  });

  it('warns of a small sample at 150 items, not at 460', () => {
    const file = join(dir, '150.ndjson');
    writeFileSync(file, titleItems(150).join('\n') + '\n');
    const r = report(TITLE_DRAFT, ['--community', file]);
    expect(r.community.itemsUsed).toBe(150);
    expect(r.notes.join(' ')).toMatch(/Small community sample: 150 items \(300 or more give steadier percentiles\)/);
    expect(report(PITCH, ['--profile', CRUMB]).notes).toEqual([]);
  });

  it('names a Markdown H1 as the title, and a piped draft as <stdin>', () => {
    expect(report(PITCH, ['--profile', CRUMB]).draft.title).toBe('Introducing DoughDash 3.0');
    const piped = cli(['score', '-', '--profile', CRUMB], { input: readFileSync(join(ROOT, PITCH), 'utf8') });
    expect(piped.stdout.split('\n')[0]).toBe('Resonance report: <stdin> — Introducing DoughDash 3.0');
  });

  it('--format github carries every suggestion, with or without a line', () => {
    const r = report(PITCH, ['--profile', CRUMB]);
    const gh = cli(['score', PITCH, '--profile', CRUMB, '--format', 'github']).stdout;
    const notices = gh.split('\n').filter((l) => l.includes('title=resonate%3A suggestion::'));
    expect(notices).toHaveLength(r.suggestions.length);
    expect(r.suggestions.some((s) => s.line === undefined)).toBe(true);
  });

  it('names skip reasons in words ("outside the date range", not outOfRange)', () => {
    const r = cli(['profile', 'build', COMMUNITY, '--since', '2025-01-01', '-o', join(dir, 'since.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\d+ outside the date range/);
    expect(r.stderr).not.toMatch(/outOfRange/);
  });

  it('says when a time column is there but not read', () => {
    const odd = join(dir, 'odd-time.csv');
    writeFileSync(odd, 'body,score,posted_on\n' + Array.from({ length: 30 }, (_, k) => `Loaf number ${k} came out well,${k},2025-01-${String(k + 1).padStart(2, '0')}`).join('\n') + '\n');
    const a = cli(['profile', 'build', odd, '-o', join(dir, 'odd.json')]);
    expect(a.stderr).toMatch(/warning: .*column 'posted_on' looks like a time but is not one resonate recognises; name it with --time-column/);
    const bad = join(dir, 'bad-time.csv');
    writeFileSync(bad, 'body,score,date\n' + Array.from({ length: 30 }, (_, k) => `Loaf number ${k} came out well,${k},last tuesday`).join('\n') + '\n');
    const b = cli(['profile', 'build', bad, '-o', join(dir, 'bad.json')]);
    expect(b.stderr).toMatch(/warning: .*no value in time column 'date' could be read as a date .*; the profile has no dates/);
  });
});

describe('wording scan of every text and Markdown report above', () => {
  it('has no "0 of 0", no "n/a is below" and no number-noun disagreement', () => {
    expect(seen.length).toBeGreaterThan(30);
    const nouns = 'sentences|words|items|duplicates|drafts|rows|values|times|habits|terms|samples|stems';
    const singular = 'sentence|word|item|duplicate|draft|row|value|time|habit|term|sample|stem';
    for (const { what, text } of seen) {
      expect(text, what).not.toMatch(/\b0 of 0\b/);
      expect(text, what).not.toMatch(/n\/a is below/);
      expect(text, what).not.toMatch(new RegExp(`(?<![\\d.,])1 (${nouns})\\b`));
      expect(text, what).not.toMatch(new RegExp(`(?<![\\d.,-])(?:[02-9]|\\d{2,}) (${singular})\\b(?! of\\b)`));
      expect(text, what).not.toMatch(/Use fewer first-person story|outOfRange|Resonance report: -/);
    }
  });
});
