// Issue 17's first case end to end: against a coffee community, native posts come out above a SaaS pitch in `score`
// and in `batch`, and an export whose history gives no engagement signal gets "no reliable reading" in the score
// report exactly where `resonate backtest` says chance.
import { describe, expect, it } from 'vitest';
import { COMMUNITY, DRAFTS, run } from './run.js';

const COFFEE = 'fixtures/community/coffee-corner.csv';
const V60 = 'fixtures/drafts/coffee-v60-native.md';
const MOKA = 'fixtures/drafts/coffee-moka-question.md';
const PITCH = 'fixtures/drafts/coffee-saas-pitch.md';

interface Dim {
  id: string;
  score: number | null;
  reason?: string;
}
const report = (draft: string, community = COFFEE) => {
  const r = run(['score', draft, '--community', community, '--format', 'json']);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as { overall: { score: number; band: string }; dimensions: Dim[] };
};
const dimension = (r: { dimensions: Dim[] }, id: string): Dim => r.dimensions.find((d) => d.id === id)!;

describe('a coffee community: native posts above a SaaS pitch (built CLI)', () => {
  it('scores the V60 post and the moka pot question above the pitch, and the pitch off-key', () => {
    const [v60, moka, pitch] = [V60, MOKA, PITCH].map((d) => report(d));
    expect(v60.overall.score).toBeGreaterThan(pitch.overall.score + 40);
    expect(moka.overall.score).toBeGreaterThan(pitch.overall.score + 40);
    expect(pitch.overall.band).toBe('off-key');
    expect(['strong', 'moderate']).toContain(v60.overall.band);
    expect(['strong', 'moderate']).toContain(moka.overall.band);
    // The pitch's warmth does not lift it: its emotion score is above the native posts', its overall is not.
    expect(dimension(pitch, 'emotion').score!).toBeGreaterThanOrEqual(dimension(v60, 'emotion').score!);
  });

  it('ranks the pitch last in batch', () => {
    const r = run(['batch', PITCH, V60, MOKA, '--community', COFFEE, '--format', 'json']);
    expect(r.code).toBe(0);
    const ranked = (JSON.parse(r.stdout) as { drafts: { rank: number; source: string }[] }).drafts.sort((a, b) => a.rank - b.rank).map((d) => d.source);
    expect(ranked[2]).toBe(PITCH);
    expect(ranked.slice(0, 2).sort()).toEqual([MOKA, V60]);
    const text = run(['batch', PITCH, V60, MOKA, '--community', COFFEE]).stdout;
    expect(text).toMatch(/^3 +Announcing SynergyFlow 3\.0 .* off-key/m);
  });
});

describe('engagement: no reliable reading where the history does not support one, as backtest says', () => {
  it('prints "no reliable reading" with the reason in one line and no engagement number on the coffee export', () => {
    const r = report(V60);
    const eng = dimension(r, 'engagement');
    expect(eng.score).toBeNull();
    expect(eng.reason).toMatch(/^no reliable reading: on its own history it orders same-thread pairs correctly \d+% of the time \(\d+%–\d+%\), which is chance$/);
    const text = run(['score', V60, '--community', COFFEE]).stdout;
    expect(text).toMatch(/^Engagement alignment .* n\/a$/m);
    expect(text).toMatch(/^ {2}no reliable reading: on its own history/m);
    // Nor does the emotion dimension point the draft at the feelings of "most engaged-with" items that are noise here.
    expect(JSON.stringify(dimension(r, 'emotion'))).not.toMatch(/most engaged-with/);
    expect(JSON.stringify(dimension(r, 'emotion'))).toMatch(/the community: /);
  });

  it('agrees with resonate backtest on the same exports: chance on the coffee export, a reading on the baking one', { timeout: 180_000 }, () => {
    const coffee = run(['backtest', COFFEE]);
    expect(coffee.code).toBe(0);
    expect(coffee.stdout).toMatch(/^engagement +\d+% \((\d|[1-4]\d|50)–\d+%\)/m);
    expect(coffee.stdout).toMatch(/^Engagement: no reliable reading: .*which is chance\.$/m);

    const baking = JSON.parse(run(['backtest', COMMUNITY, '--format', 'json']).stdout) as { engagementCaveat: string | null };
    expect(baking.engagementCaveat).toBeNull();
    expect(dimension(report(DRAFTS.native, COMMUNITY), 'engagement').score).not.toBeNull();
  });
});
