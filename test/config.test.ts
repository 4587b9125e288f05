import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig, mergedWeights, validateConfig } from '../src/config.js';
import { DEFAULT_WEIGHTS } from '../src/report/overall.js';

describe('validateConfig', () => {
  it('accepts every documented key and resolves paths against the config folder', () => {
    const c = validateConfig({ profile: 'p.json', weights: { language: 0.5 }, failUnder: 60, columns: { text: 'body', score: 'likes', time: 'ts' } }, '/proj/resonate.config.json');
    expect(c).toEqual({ source: '/proj/resonate.config.json', profile: '/proj/p.json', weights: { language: 0.5 }, failUnder: 60, columns: { text: 'body', score: 'likes', time: 'ts' } });
    expect(validateConfig({ community: '/abs/export.csv' }, '/proj/x.json').community).toBe('/abs/export.csv');
  });

  it.each([
    [[], /the file' must be a JSON object|the file must be a JSON object/],
    [{ nope: 1 }, /'nope' is not a known key/],
    [{ profile: 3 }, /'profile' must be a file path/],
    [{ community: '-' }, /'community' cannot be '-'/],
    [{ profile: 'a', community: 'b' }, /'community' cannot be set together with profile/],
    [{ weights: { language: 'x' } }, /'weights\.language' must be a number/],
    [{ weights: { tone: 1 } }, /'weights\.tone' is not a dimension id/],
    [{ failUnder: 101 }, /'failUnder' must be a number from 0 to 100/],
    [{ columns: { text: '' } }, /'columns\.text' must be a column name/],
  ])('refuses %j in one line naming the key', (raw, message) => {
    expect(() => validateConfig(raw, '/p/resonate.config.json')).toThrow(message);
  });

  it('prefixes keys found under package.json "resonate"', () => {
    expect(() => validateConfig({ failUnder: -1 }, '/p/package.json', 'resonate.')).toThrow(/'resonate\.failUnder'/);
  });
});

describe('mergedWeights', () => {
  it('keeps the defaults for ids the config leaves out and needs one weight above 0', () => {
    expect(mergedWeights(DEFAULT_WEIGHTS, null)).toBeUndefined();
    expect(mergedWeights(DEFAULT_WEIGHTS, { source: 'c', weights: { language: 1 } })).toEqual({ ...DEFAULT_WEIGHTS, language: 1 });
    expect(() => mergedWeights(DEFAULT_WEIGHTS, { source: 'c', weights: { language: 0, emotion: 0, engagement: 0, conversation: 0 } })).toThrow(/at least one dimension/);
  });
});

describe('loadConfig', () => {
  it('finds the nearest resonate.config.json or package.json "resonate" key, upward', async () => {
    const root = mkdtempSync(join(tmpdir(), 'resonate-config-'));
    mkdirSync(join(root, 'a', 'b', 'c'), { recursive: true });
    writeFileSync(join(root, 'resonate.config.json'), JSON.stringify({ failUnder: 10 }));
    writeFileSync(join(root, 'a', 'package.json'), JSON.stringify({ name: 'x', resonate: { failUnder: 20 } }));
    writeFileSync(join(root, 'a', 'b', 'package.json'), JSON.stringify({ name: 'no-config-here' }));
    expect((await loadConfig(join(root, 'a', 'b', 'c')))?.failUnder).toBe(20);
    expect((await loadConfig(root))?.failUnder).toBe(10);
    writeFileSync(join(root, 'a', 'b', 'resonate.config.json'), JSON.stringify({ failUnder: 30 }));
    expect((await loadConfig(join(root, 'a', 'b', 'c')))?.source).toBe(join(root, 'a', 'b', 'resonate.config.json'));
  });
});
