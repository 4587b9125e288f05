import { describe, expect, it } from 'vitest';
import { buildModel, withDerived, type CommunityModel } from '../../src/community/model.js';
import { profileOf } from '../helpers.js';
import { readFileSync } from 'node:fs';
import { backgroundFrom } from '../../src/community/background.js';
import { packagePath } from '../../src/paths.js';

const items = Array.from({ length: 40 }, (_, i) => ({ text: `The levain rose ${i} times and the crumb was open, I was thrilled ${i % 3 ? 'again' : ''}.`, score: i }));

/** The calibration items' measurements (their stats are made when first read, so compared as read). */
const measured = (m: CommunityModel): unknown[] => m.calibration.map((a) => ({ stats: a.stats, llrSum: a.llrSum, llrN: a.llrN, engSum: a.engSum, engN: a.engN }));

describe('stored sample measurements', () => {
  const profile = profileOf(items);
  it('are exactly what re-measuring gives', () => {
    const stored = withDerived(profile);
    expect(stored.derived!.calibration).toHaveLength(profile.sample.length);
    expect(measured(buildModel(stored))).toEqual(measured(buildModel(profile)));
    expect(buildModel(stored).engagementWeights).toEqual(buildModel(profile).engagementWeights);
    expect(stored.derived!.engagement![3]).toBe(40);
  });
  it('are made again against a background other than the shipped one (the evaluation compares backgrounds)', () => {
    const spokenOnly = backgroundFrom(readFileSync(packagePath('data', 'background-en.tsv'), 'latin1'), 0);
    const again = buildModel(withDerived(profile), spokenOnly);
    expect(measured(again)).toEqual(measured(buildModel(profile, spokenOnly)));
    expect(measured(again)).not.toEqual(measured(buildModel(withDerived(profile))));
    expect(again.distinctive).toEqual(buildModel(profile, spokenOnly).distinctive);
  });
  it('are ignored when another measurement method made them', () => {
    const stale = { ...withDerived(profile), derived: { method: 'older', calibration: profile.sample.map(() => [9, 9, 9, 9] as [number, number, number, number]) } };
    expect(measured(buildModel(stale))).toEqual(measured(buildModel(profile)));
  });
});

describe('stored distinctive terms', () => {
  const profile = profileOf(items);
  it('are exactly what choosing them again gives', () => {
    const stored = withDerived(profile);
    expect(stored.derived!.distinctive!.terms.length).toBeGreaterThan(0);
    expect(buildModel(stored).distinctive).toEqual(buildModel(profile).distinctive);
  });
  it('are ignored when another method chose them', () => {
    const derived = withDerived(profile).derived!;
    const stale = { ...profile, derived: { ...derived, distinctive: { method: 'older', terms: [{ stem: 'x', term: 'x', count: 9, itemShare: 1, z: 9 }] } } };
    expect(buildModel(stale).distinctive).toEqual(buildModel(profile).distinctive);
  });
});

describe('stored rewarded terms', () => {
  // Engagement that rises with the word "open", so some terms are rewarded.
  const rated = Array.from({ length: 60 }, (_, i) => ({
    text: i % 2 ? `An open crumb, loaf ${i}, with a wild levain and a long cold retard.` : `A tight crumb on loaf ${i}, fed the starter twice.`,
    score: i % 2 ? 40 + i : 1,
  }));
  const profile = profileOf(rated);
  it('are exactly what ranking them again gives', () => {
    const stored = withDerived(profile);
    expect(stored.derived!.rewarded!.terms.length).toBeGreaterThan(0);
    expect(stored.derived!.rewarded!.terms.map((t) => t.stem)).toContain('open');
    expect(buildModel(stored).rewardedTerms).toEqual(buildModel(profile).rewardedTerms);
  });
  it('are ignored when another method ranked them', () => {
    const derived = withDerived(profile).derived!;
    const stale = { ...profile, derived: { ...derived, rewarded: { method: 'older', terms: [{ stem: 'x', effect: 9, items: 9 }] } } };
    expect(buildModel(stale).rewardedTerms).toEqual(buildModel(profile).rewardedTerms);
  });
});
