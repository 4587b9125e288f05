// The whole-draft detail behind the HTML page: built only when asked, leaving the rest of the report as it was,
// and consistent with the highlights the other formats show.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCommunity } from '../../src/cli/load-community.js';
import type { CommunityModel } from '../../src/community/model.js';
import { readDraft } from '../../src/input/read-draft.js';
import { buildReport } from '../../src/report/build-report.js';
import { toneOf } from '../../src/report/highlights.js';
import { formatJson } from '../../src/formatters/json.js';
import { EMOTIONS } from '../../src/lexicons/index.js';

let model: CommunityModel;
beforeAll(async () => {
  model = await loadCommunity({ community: 'fixtures/community/crumb-club.csv' });
}, 60_000);

describe('report detail', () => {
  it('is absent unless asked for, and asking for it changes nothing else in the report', async () => {
    for (const path of ['fixtures/drafts/crumb-club-native.md', 'fixtures/drafts/off-key-product-launch.md', 'fixtures/drafts/plain.txt']) {
      const doc = await readDraft(path);
      const plain = buildReport(doc, model);
      const detailed = buildReport(doc, model, { detail: true });
      expect('detail' in plain).toBe(false);
      expect(formatJson(plain, {})).not.toContain('"detail"');
      expect(detailed.detail).toBeDefined();
      const { detail: _detail, ...rest } = detailed;
      expect(JSON.stringify(rest)).toBe(JSON.stringify(plain));
    }
  });

  it("reads every sentence in order, and its readings agree with the highlights' numbers and ranking", async () => {
    const doc = await readDraft('fixtures/drafts/crumb-club-native.md');
    const r = buildReport(doc, model, { detail: true });
    const d = r.detail!;
    expect(d.sentences.map((s) => [s.line, s.column])).toEqual(doc.sentences.map((s) => [s.line, s.column]));
    const at = (h: { line: number; column: number }) => d.sentences.find((s) => s.line === h.line && s.column === h.column)!;
    for (const h of [...r.highlights.strongest, ...r.highlights.weakest]) {
      expect(at(h).languageFit).toBe(h.languageFit);
      expect(at(h).emotion).toBe(h.emotion);
      expect(at(h).why).toBe(h.why);
    }
    const standings = d.sentences.map((s) => s.standing).filter((x): x is number => x !== null);
    expect(at(r.highlights.strongest[0]).standing).toBe(Math.max(...standings));
    expect(at(r.highlights.weakest[0]).standing).toBe(Math.min(...standings));
    for (const s of d.sentences) expect(s.tone).toBe(s.standing === null ? 'unread' : toneOf(s.standing));
    expect(d.sentences.filter((s) => s.newBlock).length).toBeGreaterThan(5);
  });

  it('gives emotion shares that sum to one and term lists that match the language evidence', async () => {
    const doc = await readDraft('fixtures/drafts/crumb-club-native.md');
    const r = buildReport(doc, model, { detail: true });
    const d = r.detail!;
    expect(d.emotionMix.map((e) => e.emotion)).toEqual([...EMOTIONS]);
    for (const key of ['draft', 'community', 'engaged'] as const) expect(d.emotionMix.reduce((s, e) => s + (e[key] ?? 0), 0)).toBeCloseTo(1, 2);
    const evidence = r.dimensions.find((x) => x.id === 'language')!.evidence;
    const quoted = (kind: string) => evidence.filter((e) => e.kind === kind).map((e) => e.text.match(/"([^"]+)"/)![1]);
    expect(d.terms.used.slice(0, 12).map((t) => t.term)).toEqual(quoted('term-used'));
    expect(d.terms.missed.map((t) => t.term)).toEqual(quoted('term-missed'));
    expect(d.terms.replace.map((t) => t.term)).toEqual(quoted('off-vocabulary'));
  });

  it('marks tones at ±1/3 and ±1', () => {
    expect([1.2, 1, 0.5, 1 / 3, 0, -0.2, -1 / 3, -0.9, -1, -3].map(toneOf)).toEqual(['strongest', 'strongest', 'strong', 'strong', 'middle', 'middle', 'weak', 'weak', 'weakest', 'weakest']);
  });
});
