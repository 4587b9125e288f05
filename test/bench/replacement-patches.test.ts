// `npm run bench:replacements` measures each hand-written replacement against its library by applying
// bench/replacements/*.patch to a copy of the sources: a patch that no longer applies leaves its row of the
// keep-or-delete table (BENCHMARKS.md) unmeasurable, so every patch must apply to the sources as they are.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = 'bench/replacements';
const patches = readdirSync(DIR).filter((f) => f.endsWith('.patch')).sort();

describe('bench/replacements', () => {
  it('holds a patch for each measured replacement', () => {
    expect(patches).toEqual(['markdown-micromark.patch', 'porter-natural.patch', 'tables-at-start-up.patch', 'valence-sentiment.patch']);
  });

  it.each(patches)('%s applies to the current sources', (patch) => {
    // Throws (with git's message) when a hunk no longer matches.
    expect(() => execFileSync('git', ['apply', '--check', `${DIR}/${patch}`], { stdio: 'pipe' })).not.toThrow();
  });
});
