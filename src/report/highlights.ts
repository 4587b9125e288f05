// Highlights: the sentences that resonate most and least, by language fit and emotional charge.
import type { AnalysisInput } from '../analyzers/analysis-input.js';
import { arousalIntensity } from '../analyzers/emotion.js';
import { round } from '../analyzers/language.js';
import { emotionLexicon } from '../lexicons/index.js';
import { displayLine } from '../text/normalize.js';
import type { SentenceHighlight } from './report-types.js';

const MIN_TOKENS = 4;
const COUNT = 3;

export function highlights(input: AnalysisInput): { strongest: SentenceHighlight[]; weakest: SentenceHighlight[] } {
  const { doc, draft, model } = input;
  const rows = doc.sentences
    .map((s, i) => {
      const llr = draft.llr[i];
      if (llr.length < MIN_TOKENS) return null;
      const fit = llr.reduce((a, b) => a + b, 0) / llr.length;
      return { s, i, fit, emo: arousalIntensity(s.stats) };
    })
    .filter((r): r is NonNullable<typeof r> => r !== null);
  if (rows.length === 0) return { strongest: [], weakest: [] };
  // Standardise both signals across the draft's own sentences, so neither dominates by its units.
  const z = (xs: number[]): number[] => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length) || 1;
    return xs.map((x) => (x - m) / sd);
  };
  const zf = z(rows.map((r) => r.fit));
  const ze = z(rows.map((r) => r.emo));
  const scored = rows.map((r, k) => ({ ...r, combined: 0.7 * zf[k] + 0.3 * ze[k] }));
  const order = [...scored].sort((a, b) => b.combined - a.combined || a.i - b.i);
  const n = Math.min(COUNT, Math.floor(order.length / 2));
  const lex = emotionLexicon();
  // The community's own distinctive and rewarded words are never named as its least community-like ones.
  const own = new Set([...model.distinctive.map((d) => d.stem), ...model.rewardedTerms.map((t) => t.stem)]);
  const toHighlight = (r: (typeof scored)[number], strong: boolean): SentenceHighlight => {
    const llr = draft.llr[r.i];
    const toks = draft.tokens[r.i];
    const ranked = toks
      .map((t, k) => ({ t, v: llr[k] }))
      .filter((x) => model.isContentStem(x.t.stem) && (strong ? x.v > 0 : x.v < 0 && !own.has(x.t.stem)))
      .sort((a, b) => (strong ? b.v - a.v : a.v - b.v) || a.t.start - b.t.start);
    const words = [...new Set(ranked.slice(0, 3).map((x) => x.t.norm))];
    const emotions = [...new Set(toks.flatMap((t) => lex.terms.get(t.stem) ?? []))].slice(0, 3);
    const why = strong
      ? `community words: ${words.join(', ') || 'none'}${emotions.length ? `; feels ${emotions.join(', ')}` : ''}`
      : words.length
        ? `least community-like words: ${words.join(', ')}${emotions.length ? '' : '; no emotion words'}`
        : `no word in it is rarer here than in general English${emotions.length ? '' : '; no emotion words'}`;
    return { line: r.s.line, column: r.s.column, text: displayLine(r.s.text, 200), languageFit: round(r.fit), emotion: round(r.emo), words, why };
  };
  return {
    strongest: order.slice(0, n).map((r) => toHighlight(r, true)),
    weakest: order.slice(order.length - n).reverse().map((r) => toHighlight(r, false)),
  };
}
