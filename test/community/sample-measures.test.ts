// The calibration sample measured through stem ids must give what logRatio and termEngagement give item by item,
// to the last bit: a saved profile stores these numbers, and a build must write the same bytes as before.
import { describe, expect, it } from 'vitest';
import { buildProfile } from '../../src/community/build-profile.js';
import { buildModel, engagementDesign, logRatio, termEffect, termEngagement, type CommunityModel } from '../../src/community/model.js';
import { isContentStem } from '../../src/text/stopwords.js';
import { ENG_SCALE } from '../../src/community/profile-builder.js';
import type { CommunityProfileData, SampleItem } from '../../src/community/profile-types.js';

const sentencesOf = (item: SampleItem): string[][] => item.w.split('\n').map((line) => (line ? line.split(' ') : []));

function counted(items: readonly SampleItem[]): { unigrams: Map<string, number>; n: number } {
  const unigrams = new Map<string, number>();
  let n = 0;
  for (const item of items) {
    for (const w of sentencesOf(item).flat()) {
      unigrams.set(w, (unigrams.get(w) ?? 0) + 1);
      n++;
    }
  }
  return { unigrams, n };
}

/** Each sample item measured one by one, as buildModel did before it measured them through stem ids. */
function itemByItem(model: CommunityModel): number[][] {
  const sample = model.profile.sample;
  const eng = model.profile.counts.engagement;
  const meanAll = eng.n ? eng.s / eng.n / ENG_SCALE : 0;
  return sample.map((item) => {
    const sentences = sentencesOf(item);
    const own = counted([item]);
    const thread = item.t === null ? [] : sample.filter((s) => s.t === item.t);
    const lm = logRatio(model, sentences, thread.length > 1 ? counted(thread) : own);
    const en = termEngagement(model, sentences, model.hasEngagement ? { e: item.e, stems: own.unigrams } : null, meanAll);
    return [lm.sum, lm.n, en.sum, en.n];
  });
}

/** The engagement design's term part of each rated item, worked out with a Map of stems per thread. */
function designTermsItemByItem(model: CommunityModel): number[] {
  const sample = model.profile.sample;
  const eng = model.profile.counts.engagement;
  const meanAll = eng.n ? eng.s / eng.n / ENG_SCALE : 0;
  const rated = sample.filter((s) => s.e !== null);
  return rated.map((item) => {
    const thread = item.t === null ? [item] : rated.filter((s) => s.t === item.t);
    const shared = new Map<string, [number, number]>();
    for (const member of thread) {
      for (const w of new Set(sentencesOf(member).flat())) {
        const c = shared.get(w) ?? [0, 0];
        shared.set(w, [c[0] + 1, c[1] + member.e!]);
      }
    }
    let sum = 0;
    let tokens = 0;
    for (const w of sentencesOf(item).flat()) {
      if (!isContentStem(w)) continue;
      tokens++;
      const [k, se] = shared.get(w)!;
      sum += termEffect(model.words.get(w), meanAll, se, k);
    }
    return tokens ? sum / tokens : 0;
  });
}

const fresh = (p: CommunityProfileData): CommunityProfileData => ({ ...p, derived: undefined });

describe('measureSample (through buildModel)', () => {
  it('gives every sample item the same four numbers as logRatio and termEngagement, with and without engagement', async () => {
    const profile = await buildProfile(['fixtures/community/crumb-club.csv']);
    // Threads of two or more sample items are left out whole; the fixture has them, and items with engagement.
    expect(new Set(profile.sample.map((s) => s.t)).size).toBeLessThan(profile.sample.length);
    const unrated: CommunityProfileData = {
      ...profile,
      counts: { ...profile.counts, engagement: { n: 0, s: 0, q: 0 } },
      sample: profile.sample.map((s) => ({ ...s, e: null, t: null })),
    };
    for (const p of [profile, unrated]) {
      const model = buildModel(fresh(p));
      const got = model.calibration.map((a) => [a.llrSum, a.llrN, a.engSum, a.engN]);
      const want = itemByItem(model);
      expect(got.length).toBe(p.sample.length);
      // toEqual compares numbers with Object.is: equal to the last bit.
      expect(got).toEqual(want);
      expect(got.some((row) => row[2] !== 0)).toBe(p === profile);
    }
  });

  it('gives every rated item the engagement design\'s term part worked out with a Map of stems per thread', async () => {
    const profile = await buildProfile(['fixtures/community/crumb-club.csv']);
    const model = buildModel(fresh(profile));
    const got = engagementDesign(model).X.map((x) => x[0]);
    expect(got.length).toBeGreaterThan(100);
    expect(got).toEqual(designTermsItemByItem(model));
  });
});
