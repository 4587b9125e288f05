// The engagement summary's count of rewarded habits and terms: a count out of none is left unsaid.
import { describe, expect, it } from 'vitest';
import { habitsAndTerms } from '../../src/analyzers/engagement.js';
import { REWARDED_MIN_ITEMS } from '../../src/community/model.js';

describe('habitsAndTerms', () => {
  it('says plainly when nothing stands out as rewarded, never "0 of 0"', () => {
    const none = habitsAndTerms(0, 0, 0, 0);
    expect(none).not.toMatch(/\b0 of 0\b/);
    expect(none).toBe(`no habit (emotion or conversation cue) stands out as rewarded here, and no term stands out as rewarded (each needs ${REWARDED_MIN_ITEMS}+ rated items)`);
  });

  it('counts with agreeing nouns when there is something to count', () => {
    expect(habitsAndTerms(1, 1, 2, 15)).toBe('it shows 1 of 1 rewarded habit and uses 2 of its 15 most rewarded terms');
    expect(habitsAndTerms(0, 3, 0, 0)).toBe(`it shows 0 of 3 rewarded habits and no term stands out as rewarded (each needs ${REWARDED_MIN_ITEMS}+ rated items)`);
  });
});
