// Like-with-like calibration: a long draft is compared with the community's real long items, not with titles.
import { describe, expect, it } from 'vitest';
import { calibrate, COMPARABLE, comparableItems, fractionalPercentile, MIN_REFERENCES } from '../../src/analyzers/calibrate.js';
import { language } from '../../src/analyzers/language.js';
import { analysisInput } from '../../src/analyzers/analysis-input.js';
import { parseDraft } from '../../src/input/read-draft.js';
import { modelOf } from '../helpers.js';

/** A seeded generator (mulberry32), so the community is the same in every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAKING = 'sourdough starter levain crumb loaf rye flour hydration bulk ferment proof dough oven banneton scoring crust bake baguette gluten autolyse folds shaping boule'.split(' ');
const PLAIN = 'i my the a and it was then so but we had this that after with for of in to just really'.split(' ');
const CARS = 'insurance premium policy claim deductible vehicle coverage collision dealer mileage warranty lease engine brakes transmission'.split(' ');

/** `n` words, a share `topical` of them from `topic`, the rest plain English; a sentence every ~12 words. */
function text(r: () => number, n: number, topic: string[], topical: number): string {
  const words: string[] = [];
  for (let i = 0; i < n; i++) {
    const list = r() < topical ? topic : PLAIN;
    words.push(list[Math.floor(r() * list.length)]);
    if (i % 12 === 11) words[words.length - 1] += '.';
  }
  return words.join(' ') + '.';
}

// A community of titles (dense in its vocabulary) plus a few long posts, as a subreddit's top posts often are.
const r = rng(7);
const titles = Array.from({ length: 300 }, () => ({ text: text(r, 4 + Math.floor(r() * 6), BAKING, 0.8) }));
const posts = Array.from({ length: 24 }, () => ({ text: text(r, 150 + Math.floor(r() * 100), BAKING, 0.3) }));
const model = modelOf([...titles, ...posts]);

const score = (draft: string): ReturnType<typeof language.analyze> => language.analyze(analysisInput(parseDraft(draft, 'draft.md', true), model));

describe('like-with-like calibration', () => {
  it('compares a long draft with the long posts, and says so', () => {
    const { items, comparison } = comparableItems(model, 200);
    expect(items.length).toBe(comparison.items);
    expect(comparison.items).toBeGreaterThanOrEqual(Math.min(COMPARABLE.items, posts.length));
    expect(comparison.items).toBeLessThanOrEqual(posts.length);
    expect(comparison.minWords).toBeGreaterThanOrEqual(100);
    expect(comparison.widened).toBe(false);
    expect(comparison.text).toBe(`compared with ${comparison.items} of this community's items of ${comparison.minWords}-${comparison.maxWords} words`);
  });
  it('says how few there were when the widest window holds fewer than wanted', () => {
    const { comparison } = comparableItems(model, 200, { items: 50, ratio: 2, maxRatio: 3 });
    expect(comparison.items).toBe(posts.length);
    expect(comparison.text).toBe(`compared with ${posts.length} of this community's items of ${comparison.minWords}-${comparison.maxWords} words (it has only ${posts.length} of 67-600 words)`);
  });
  it('puts long on-topic drafts mid-range and long off-topic drafts low', () => {
    // One draft written like the community's posts lands anywhere in 0-100 (that is what a percentile is): the
    // median of fifteen lands mid-range.
    const r2 = rng(99);
    const onTopic = Array.from({ length: 15 }, () => score(text(r2, 200, BAKING, 0.3)));
    const offTopic = Array.from({ length: 15 }, () => score(text(r2, 200, CARS, 0.3)));
    const median = onTopic.map((d) => d.score!).sort((a, b) => a - b)[7];
    expect(median).toBeGreaterThanOrEqual(30);
    expect(median).toBeLessThanOrEqual(70);
    for (const d of offTopic) expect(d.score).toBeLessThan(5);
    expect(onTopic[0].comparedWith?.text).toMatch(/^compared with \d+ of this community's items of \d+-\d+ words/);
  });
  it('compares a short draft with the titles', () => {
    const { comparison } = comparableItems(model, 6);
    expect(comparison.maxWords).toBeLessThanOrEqual(9);
    expect(comparison.items).toBe(titles.length); // every title is within 4-9 words
    const onTopic = score('Rye levain crumb after bulk ferment');
    expect(onTopic.score).toBeGreaterThan(10);
  });
  it('widens to the nearest items, and says so, when almost none are of similar length', () => {
    const { comparison } = comparableItems(model, 3000);
    expect(comparison.widened).toBe(true);
    expect(comparison.items).toBe(COMPARABLE.items);
    expect(comparison.text).toMatch(new RegExp(`^compared with the ${COMPARABLE.items} of this community's items nearest the draft's length \\(\\d+-\\d+ words\\): it has fewer than 10 of 1000-9000 words$`));
  });
  it('refuses to calibrate against fewer than MIN_REFERENCES items', () => {
    const tiny = modelOf(titles.slice(0, MIN_REFERENCES - 1));
    expect(calibrate(tiny, 6, 0, () => 1)).toBeNull();
  });
});

describe('fractional percentile', () => {
  const refs = [1, 2, 3, 4];
  it('is the mid-rank at a reference value and interpolates between them', () => {
    expect(fractionalPercentile(3, refs)).toBe(62.5);
    expect(fractionalPercentile(2.5, refs)).toBe(50);
    expect(fractionalPercentile(2, [1, 2, 2, 4])).toBe(50);
  });
  it('keeps ordering texts below the lowest and above the highest reference', () => {
    const below = [0.9, 0, -5, -50].map((x) => fractionalPercentile(x, refs));
    expect(below[0]).toBeLessThan(12.5);
    for (let i = 1; i < below.length; i++) expect(below[i]).toBeLessThan(below[i - 1]);
    expect(below[3]).toBeGreaterThanOrEqual(0);
    const above = [4.1, 6, 60].map((x) => fractionalPercentile(x, refs));
    expect(above[0]).toBeGreaterThan(87.5);
    expect(above[1]).toBeGreaterThan(above[0]);
    expect(above[2]).toBeLessThanOrEqual(100);
  });
});
