// Property tests on the markdown reader and the full report: only InputError, finite numbers, scores in 0–100.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { parseDraft } from '../../src/input/read-draft.js';
import { parseProfile } from '../../src/community/profile-io.js';
import { buildProfile } from '../../src/community/build-profile.js';
import { buildModel, type CommunityModel } from '../../src/community/model.js';
import { buildReport } from '../../src/report/build-report.js';
import { runs, textish, TIMEOUT } from './runs.js';

const draftText = fc.oneof(
  textish(80),
  fc.tuple(textish(10), textish(60)).map(([fm, body]) => `---\n${fm}\n---\n${body}`),
  fc.array(fc.tuple(fc.constantFrom('# ', '## ', '- ', '> ', '1. ', '', '    ', '```\n'), textish(15)), { maxLength: 12 }).map((ls) => ls.map(([p, t]) => p + t).join('\n')),
);

function onlyInputError<T>(f: () => T): T | null {
  try {
    return f();
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return null;
  }
}

/** Every number anywhere in a value is finite (JSON would turn NaN into null and hide it). */
function assertFinite(value: unknown, path = '$'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
}

let model: CommunityModel | null = null;
const fixtureModel = async (): Promise<CommunityModel> => (model ??= buildModel(await buildProfile(['fixtures/community/crumb-club.csv'])));

describe('fuzz: drafts', () => {
  it('parseDraft: returns a Document with finite stats or throws an InputError', () => {
    fc.assert(
      fc.property(draftText, fc.boolean(), (text, markdown) => {
        const doc = onlyInputError(() => parseDraft(text, 'fuzz.md', markdown));
        if (doc) {
          assertFinite(doc.stats);
          for (const s of doc.sentences) expect(s.line).toBeGreaterThanOrEqual(1);
        }
      }),
      { numRuns: runs() },
    );
  }, TIMEOUT);

  it('full report on random drafts against the fixture community: no NaN/Infinity, scores in 0–100', async () => {
    const m = await fixtureModel();
    fc.assert(
      fc.property(draftText, (text) => {
        const doc = onlyInputError(() => parseDraft(text, 'fuzz.md', true));
        if (!doc) return;
        const report = buildReport(doc, m);
        assertFinite(report);
        const scores = [report.overall.score, ...report.dimensions.map((d) => d.score)];
        for (const s of scores) if (s !== null) expect(s >= 0 && s <= 100).toBe(true);
      }),
      { numRuns: runs(0.25) },
    );
  }, TIMEOUT * 4);
});

describe('fuzz: profile load', () => {
  it('parseProfile: arbitrary text is refused with an InputError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), textish()), (text) => {
        onlyInputError(() => parseProfile(text, 'fuzz.json'));
      }),
      { numRuns: runs() },
    );
  }, TIMEOUT);

  it('parseProfile: a damaged real profile is refused with an InputError, or loads and builds a model', async () => {
    const { serializeProfile } = await import('../../src/community/profile-io.js');
    const m = await fixtureModel();
    const text = serializeProfile(m.profile);
    const data = JSON.parse(text) as Record<string, unknown>;
    const keys = ['counts', 'sample', 'summary', 'columns', 'sources', 'build', 'formatVersion', 'kind'];
    const damage = fc.oneof(
      fc.nat({ max: text.length }).map((n) => text.slice(0, n)),
      fc.tuple(fc.constantFrom(...keys), fc.jsonValue()).map(([k, v]) => JSON.stringify({ ...data, [k]: v })),
      fc.tuple(fc.constantFrom('items', 'tokens', 'stats', 'words', 'bigrams', 'engagement', 'features', 'months', 'firstTime'), fc.jsonValue()).map(([k, v]) =>
        JSON.stringify({ ...data, counts: { ...(data.counts as object), [k]: v } }),
      ),
      fc.tuple(fc.nat({ max: text.length - 1 }), fc.constantFrom('"', '{', '}', ',', '1', 'null', '[')).map(([i, c]) => text.slice(0, i) + c + text.slice(i + 1)),
    );
    fc.assert(
      fc.property(damage, (t) => {
        const p = onlyInputError(() => parseProfile(t, 'fuzz.json'));
        // Surface forms are checked when first read, which building the model may do: refused there, in one line.
        if (p) onlyInputError(() => buildModel(p));
      }),
      { numRuns: runs(0.1) },
    );
  }, TIMEOUT * 4);
});
