import { describe, expect, it } from 'vitest';
import { percentile } from '../../src/analyzers/calibrate.js';
import { bandOf, overallScore } from '../../src/report/overall.js';
import type { DimensionResult } from '../../src/types.js';

describe('percentile', () => {
  it('counts the share below, ties as half', () => {
    expect(percentile(3, [1, 2, 3, 4])).toBe(63); // (2 + 0.5) / 4
    expect(percentile(0, [1, 2])).toBe(0);
    expect(percentile(9, [1, 2])).toBe(100);
  });
});

const dim = (id: string, score: number | null): DimensionResult => ({ id, label: id, score, raw: score, summary: '', evidence: [], suggestions: [] });

describe('overall score (judging apart from measuring)', () => {
  it('weights available dimensions and renormalises over the missing', () => {
    const w = { language: 0.35, emotion: 0.25, engagement: 0.2, conversation: 0.2 };
    expect(overallScore([dim('language', 80), dim('emotion', 40), dim('engagement', 60), dim('conversation', 20)], w)).toBe(Math.round(0.35 * 80 + 0.25 * 40 + 0.2 * 60 + 0.2 * 20));
    expect(overallScore([dim('language', 80), dim('emotion', 40), dim('engagement', null), dim('conversation', 20)], w)).toBe(Math.round((0.35 * 80 + 0.25 * 40 + 0.2 * 20) / 0.8));
    expect(overallScore([dim('language', null)], w)).toBeNull();
  });
  it('bands at 70 / 50 / 30', () => {
    expect([bandOf(70), bandOf(69), bandOf(50), bandOf(49), bandOf(30), bandOf(29)]).toEqual(['strong', 'moderate', 'moderate', 'weak', 'weak', 'off-key']);
  });
});
