import { describe, expect, it } from 'vitest';
import { bandOf, DEFAULT_WEIGHTS, overallScore } from '../../src/report/overall.js';
import type { DimensionResult } from '../../src/types.js';

const dim = (id: string, score: number | null): DimensionResult => ({ id, label: id, score, raw: score, summary: '', evidence: [], suggestions: [] });
const dims = (language: number | null, emotion: number | null, engagement: number | null, conversation: number | null): DimensionResult[] => [
  dim('language', language),
  dim('emotion', emotion),
  dim('engagement', engagement),
  dim('conversation', conversation),
];

describe('overall score: language fit scaled by the other dimensions', () => {
  it('scales the language score by 1 ± s with the others at 100 or 0 (s = their share of the weights)', () => {
    const w = { language: 0.5, emotion: 0.2, engagement: 0.15, conversation: 0.15 };
    expect(overallScore(dims(60, 50, 50, 50), w)).toBe(60);
    expect(overallScore(dims(60, 100, 100, 100), w)).toBe(90); // 60 × 1.5
    expect(overallScore(dims(60, 0, 0, 0), w)).toBe(30); // 60 × 0.5
    expect(overallScore(dims(80, 40, 60, 20), w)).toBe(Math.round(80 * (1 + (0.5 * ((0.2 * 40 + 0.15 * 60 + 0.15 * 20) / 0.5 - 50)) / 50)));
    expect(overallScore(dims(90, 100, 100, 100), w)).toBe(100); // clipped
  });

  it('keeps a post in another community\'s words off-key however warm, engaging and conversational it is', () => {
    const score = overallScore(dims(0, 100, 100, 100))!;
    expect(score).toBe(0);
    expect(bandOf(score)).toBe('off-key');
    expect(overallScore(dims(10, 100, 100, 100))!).toBeLessThan(30);
    // The weighted mean it replaces (0.35 × 0 + 0.25 × 100 + 0.2 × 100 + 0.2 × 100 = 65) lifted the same post to "moderate".
  });

  it('still rewards what the community rewards: at equal fit, better emotion, engagement and conversation score higher', () => {
    expect(overallScore(dims(70, 80, 80, 80))!).toBeGreaterThan(overallScore(dims(70, 40, 40, 40))!);
    expect(overallScore(dims(70, 50, 90, 50))!).toBeGreaterThan(overallScore(dims(70, 50, 10, 50))!);
  });

  it('gives a null dimension\'s share to the language score (e.g. engagement with no reliable reading)', () => {
    // Without engagement, s = 0.35 / 0.85 and the mean of the others is over emotion and conversation.
    const rest = (0.2 * 100 + 0.15 * 100) / 0.35;
    expect(overallScore(dims(60, 100, null, 100))).toBe(Math.round(60 * (1 + ((0.35 / 0.85) * (rest - 50)) / 50)));
    expect(overallScore(dims(60, 100, null, 100))!).toBeLessThan(overallScore(dims(60, 100, 100, 100))!);
  });

  it('falls back to the weighted mean of the others without a language score, and to language alone without others', () => {
    expect(overallScore(dims(null, 40, 60, 20), DEFAULT_WEIGHTS)).toBe(Math.round((0.2 * 40 + 0.15 * 60 + 0.15 * 20) / 0.5));
    expect(overallScore(dims(null, 40, 60, 20), { ...DEFAULT_WEIGHTS, language: 1 })).toBe(Math.round((0.2 * 40 + 0.15 * 60 + 0.15 * 20) / 0.5));
    expect(overallScore(dims(70, 40, 60, 20), { ...DEFAULT_WEIGHTS, language: 0 })).toBe(Math.round((0.2 * 40 + 0.15 * 60 + 0.15 * 20) / 0.5));
    expect(overallScore(dims(70, null, null, null))).toBe(70);
    expect(overallScore(dims(null, null, null, null))).toBeNull();
  });

  it('bands at 70 / 50 / 30', () => {
    expect([bandOf(70), bandOf(69), bandOf(50), bandOf(49), bandOf(30), bandOf(29)]).toEqual(['strong', 'moderate', 'moderate', 'weak', 'weak', 'off-key']);
  });
});
