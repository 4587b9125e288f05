// Stopword stems: what isContentStem leaves out, computed by stemming the list (prebuilt in the bundles).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stem } from '../../src/text/stem.js';
import { stopStems } from '../../src/text/stop-stems.js';
import { isContentStem, STOPWORDS } from '../../src/text/stopwords.js';

describe('stopword stems', () => {
  it('leaves out the stem of every stopword, and keeps topical stems', () => {
    for (const w of STOPWORDS) expect(isContentStem(stem(w)), w).toBe(false);
    for (const w of ['bread', 'starter', 'hydration', 'crumb']) expect(isContentStem(stem(w)), w).toBe(true);
    expect(isContentStem('x')).toBe(false);
  });

  it('the built CLI reads the same stems as the sources (dist/bundle/tables.json, written by npm run build)', () => {
    const stems = stopStems();
    expect(stems.length).toBeGreaterThan(100);
    expect(JSON.parse(readFileSync('dist/bundle/tables.json', 'utf8'))['stop-stems'].stopStems).toEqual(stems);
  });
});
