// Raw measures with hand-checked numbers on tiny inputs.
import { describe, expect, it } from 'vitest';
import { conversationRaw, cueRate } from '../../src/analyzers/conversation.js';
import { cosine, emotionRaw, intensityCredit, intensityCeiling } from '../../src/analyzers/emotion.js';
import { engagementRaw, featureShares } from '../../src/analyzers/engagement.js';
import { emptyStats, measureItem } from '../../src/text/measure.js';
import { logRatio, termEffect } from '../../src/community/model.js';
import { ENG_SCALE } from '../../src/community/profile-builder.js';
import { modelOf } from '../helpers.js';

describe('conversation cues', () => {
  it('counts questions, you, we, invitations and first-person story per sentence', () => {
    const m = measureItem('What do you think? We baked together. I finally tried rye yesterday. Share your crumb shots!');
    expect(m.stats.sentences).toBe(4);
    expect(m.stats.cues).toEqual({ question: 1, secondPerson: 2, inclusiveWe: 1, invitation: 2, story: 1 });
  });
  it('scores the share of each community habit the text takes up', () => {
    const community = emptyStats();
    community.sentences = 10;
    community.cues.question = 2; // 20%
    community.cues.secondPerson = 4; // 40%
    const text = emptyStats();
    text.sentences = 10;
    text.cues.question = 1; // half the community's rate → 0.5
    text.cues.secondPerson = 6; // above the rate, not overdone (≤ 3×40%+10%) → 1
    expect(cueRate(community, 'question')).toBe(0.2);
    expect(conversationRaw({ stats: text, llrSum: 0, llrN: 0, engSum: 0, engN: 0 }, community)).toBeCloseTo((0.5 + 1) / 2, 10);
  });
});

describe('emotion measures', () => {
  it('cosine of emotion mixes', () => {
    const a = { joy: 1, trust: 0, anticipation: 0, surprise: 0, awe: 0, anger: 0, fear: 0, sadness: 0, disgust: 0 };
    const b = { ...a, joy: 1, anger: 1 };
    expect(cosine(a, a)).toBeCloseTo(1);
    expect(cosine(a, b)).toBeCloseTo(1 / Math.SQRT2);
    expect(cosine(a, { ...a, joy: 0 })).toBe(0);
  });
  it('rises with arousal-weighted intensity up to the community ceiling, holds within a word of it, then falls with the square', () => {
    // joy is medium arousal (0.6), anger high (1): 10 tokens, 1 joy + 1 anger → (0.6 + 1) / 10 = 0.16.
    const s = emptyStats();
    s.tokens = 10;
    s.emotions.joy = 1;
    s.emotions.anger = 1;
    const a = { stats: s, llrSum: 0, llrN: 0, engSum: 0, engN: 0 };
    const target = { ...s.emotions }; // same mix → cosine 1 → factor 1
    expect(emotionRaw(a, target)).toBeCloseTo(0.16, 10);
    // One word's grace (1/10): 0.16 − 0.1 = 0.06 is within the ceiling 0.08, so the credit holds at it …
    expect(emotionRaw(a, target, 0.08)).toBeCloseTo(0.08, 10);
    // … and past a ceiling of 0.04 it falls as ceiling·(ceiling / (intensity − grace))².
    expect(emotionRaw(a, target, 0.04)).toBeCloseTo(0.04 * (0.04 / 0.06) ** 2, 10);
    expect(intensityCredit(0.03, 10, 0.04)).toBe(0.03);
    const joyOnly = { ...target, anger: 0 }; // cosine 1/√2 → factor 0.5 + 0.5/√2
    expect(emotionRaw(a, joyOnly)).toBeCloseTo(0.16 * (0.5 + 0.5 / Math.SQRT2), 10);
  });
  it('takes the ceiling at the 90th percentile of the references', () => {
    expect(intensityCeiling([5, 1, 4, 2, 3, 6, 7, 8, 9, 10])).toBe(10);
    expect(intensityCeiling(Array.from({ length: 20 }, (_, i) => i))).toBe(18);
  });
  it('feature shares are per sentence and capped at 1', () => {
    const s = emptyStats();
    s.sentences = 4;
    s.emotions.joy = 6;
    s.cues.question = 1;
    const f = featureShares(s);
    expect(f.get('emotion:joy')).toBe(1);
    expect(f.get('cue:question')).toBe(0.25);
  });
});

describe('language model', () => {
  const model = modelOf([{ text: 'levain levain crumb' }, { text: 'crumb levain' }]);
  it('is a unigram model smoothed toward general English by Witten–Bell', () => {
    // Counts: levain 3, crumb 2 → N = 5 tokens, T = 2 distinct stems; P(w) = (c(w) + T·P_bg(w)) / (N + T).
    const pBg = (s: string): number => model.background.prob(s);
    const r = logRatio(model, [['crumb', 'levain', 'synergi']]);
    expect(r.perToken[0][0]).toBeCloseTo(Math.log((2 + 2 * pBg('crumb')) / 7) - Math.log(pBg('crumb')), 10);
    expect(r.perToken[0][1]).toBeCloseTo(Math.log((3 + 2 * pBg('levain')) / 7) - Math.log(pBg('levain')), 10);
    // An unseen stem gets T·P_bg / (N + T) = 2/7 of its general-English probability: log(2/7).
    expect(r.perToken[0][2]).toBeCloseTo(Math.log(2 / 7), 10);
    expect(r.n).toBe(3);
    expect(r.sum).toBeCloseTo(r.perToken[0][0] + r.perToken[0][1] + r.perToken[0][2], 10);
  });
  it('leaves an item out: its counts, and the stems only it used', () => {
    const leave = { unigrams: new Map([['crumb', 2]]), bigrams: new Map(), n: 2 };
    // Without two crumbs: N = 3, crumb's count 0 so T = 1: P(crumb) = (0 + 1·P_bg) / 4 → log(1/4).
    expect(logRatio(model, [['crumb']], leave).perToken[0][0]).toBeCloseTo(Math.log(1 / 4), 10);
  });
  it('prefers the community words over generic ones', () => {
    const own = logRatio(model, [['levain', 'crumb']]);
    const generic = logRatio(model, [['meet', 'synergi']]);
    expect(own.sum / own.n).toBeGreaterThan(0);
    expect(generic.sum / generic.n).toBeLessThan(0);
  });
});

describe('engagement effects', () => {
  it('is the shrunk difference of mean log-engagement, optionally leaving one item out', () => {
    // 4 items with the term, log-engagement sum 8 (units of ENG_SCALE) → mean 2; overall mean 1; shrink 4/(4+10).
    const entry: [number, number, number, number, number, string] = [4, 4, 4, 8 * ENG_SCALE, 0, ''];
    expect(termEffect(entry, 1)).toBeCloseTo((2 - 1) * (4 / 14), 10);
    // leaving out an item with log-engagement 5: mean (8-5)/3 = 1 → no effect.
    expect(termEffect(entry, 1, 5 * ENG_SCALE)).toBeCloseTo(0, 10);
  });
});

describe('engagement weights', () => {
  // Items of 1 to 8 sentences drawn from the same words, so terms carry no signal and length all of it.
  const words = ['oven', 'crumb', 'flour', 'starter', 'proof', 'crust', 'dough', 'salt', 'water', 'rye', 'bake', 'loaf'];
  const items = (sign: 1 | -1): { text: string; score: number }[] =>
    Array.from({ length: 160 }, (_, i) => {
      const n = 1 + (i % 8);
      const text = Array.from({ length: n }, (_, k) => `The ${words[(i + k) % 12]} and the ${words[(i * 7 + k) % 12]} went well today ${i}.`).join(' ');
      return { text, score: Math.round(Math.exp(sign > 0 ? n / 2 : (9 - n) / 2)) };
    });

  it('learns the length effect jointly with the term and feature parts, in either direction', () => {
    const longer = modelOf(items(1));
    const shorter = modelOf(items(-1));
    expect(longer.engagementWeights.items).toBe(160);
    expect(longer.engagementWeights.length).toBeGreaterThan(1);
    expect(shorter.engagementWeights.length).toBeLessThan(-1);
    const long = measureItem(Array.from({ length: 8 }, () => 'The oven and the crust went well.').join(' ')).stats;
    const short = measureItem('The oven and the crust went well.').stats;
    const raw = (m: typeof longer, stats: typeof long): number => engagementRaw({ stats, llrSum: 0, llrN: 0, engSum: 0, engN: 0 }, m);
    expect(raw(longer, long)).toBeGreaterThan(raw(longer, short));
    expect(raw(shorter, long)).toBeLessThan(raw(shorter, short));
  });

  it('adds the parts with weight 1 when too few items have engagement to fit them', () => {
    const m = modelOf(items(1).map((it, i) => (i < 19 ? it : { text: it.text })));
    expect(m.engagementWeights).toEqual({ term: 1, length: 0, features: 1, items: 0 });
  });
});

describe('off-vocabulary words', async () => {
  const { parseDraft } = await import('../../src/input/read-draft.js');
  const { analysisInput } = await import('../../src/analyzers/analysis-input.js');
  const { draftTerms } = await import('../../src/analyzers/language.js');
  const { modelOf } = await import('../helpers.js');
  it('treats a word written capitalised mid-sentence and never in lower case as a name', () => {
    const model = modelOf([{ text: 'the levain rose' }, { text: 'open crumb today' }]);
    const doc = parseDraft('LoafLogic launches today. We love LoafLogic. Synergy matters, and synergy wins.', 'x.txt', false);
    const terms = draftTerms(analysisInput(doc, model));
    expect(terms.get('loaflog')?.properNoun).toBe(true); // sentence start, then mid-sentence, never lower case
    expect(terms.get('synergi')?.properNoun).toBe(false); // capitalised only at a sentence start, lower case later
  });
});
