// Highlights: the sentences that resonate most and least, by language fit and emotional charge; and the same
// reading of every sentence, for reports that show the whole draft.
import type { AnalysisInput } from '../analyzers/analysis-input.js';
import type { CommunityModel } from '../community/model.js';
import { arousalIntensity } from '../analyzers/emotion.js';
import { round } from '../analyzers/language.js';
import { emotionLexicon } from '../lexicons/index.js';
import { displayLine } from '../text/normalize.js';
import { languagesDiffer } from '../analyzers/language-gate.js';
import type { SentenceHighlight, SentenceReading, SentenceTone } from './report-types.js';

const MIN_TOKENS = 4;
const COUNT = 3;

interface Scored {
  i: number;
  fit: number;
  emo: number;
  /** 0.7 × the language fit's z plus 0.3 × the emotion's z, both across the draft's own sentences. */
  combined: number;
}

/** The sentences long enough to read, each with its standing among the draft's own sentences. */
function scoreSentences(input: AnalysisInput): Scored[] {
  const { doc, draft } = input;
  // A draft in another language than the community's would have its words ranked by the other language's model.
  if (languagesDiffer(input.languages)) return [];
  const rows = doc.sentences
    .map((s, i) => {
      const llr = draft.llr[i];
      if (llr.length < MIN_TOKENS) return null;
      const fit = llr.reduce((a, b) => a + b, 0) / llr.length;
      return { i, fit, emo: arousalIntensity(s.stats) };
    })
    .filter((r): r is NonNullable<typeof r> => r !== null);
  if (rows.length === 0) return [];
  // Standardise both signals across the draft's own sentences, so neither dominates by its units.
  const z = (xs: number[]): number[] => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length) || 1;
    return xs.map((x) => (x - m) / sd);
  };
  const zf = z(rows.map((r) => r.fit));
  const ze = z(rows.map((r) => r.emo));
  return rows.map((r, k) => ({ ...r, combined: 0.7 * zf[k] + 0.3 * ze[k] }));
}

/**
 * Why a sentence reads as it does: its most (or least) community-like words and its feelings. The community's own
 * distinctive and rewarded words are never named as its least community-like ones.
 */
function explain(input: AnalysisInput, i: number, strong: boolean): { words: string[]; why: string } {
  const { draft, model } = input;
  const llr = draft.llr[i];
  const toks = draft.tokens[i];
  const own = ownWords(input);
  const ranked = toks
    .map((t, k) => ({ t, v: llr[k] }))
    .filter((x) => model.isContentStem(x.t.stem) && (strong ? x.v > 0 : x.v < 0 && !own.has(x.t.stem)))
    .sort((a, b) => (strong ? b.v - a.v : a.v - b.v) || a.t.start - b.t.start);
  const words = [...new Set(ranked.slice(0, 3).map((x) => x.t.norm))];
  const lex = emotionLexicon();
  const emotions = [...new Set(toks.flatMap((t) => lex.terms.get(t.stem) ?? []))].slice(0, 3);
  const why = strong
    ? `community words: ${words.join(', ') || 'none'}${emotions.length ? `; feels ${emotions.join(', ')}` : ''}`
    : words.length
      ? `least community-like words: ${words.join(', ')}${emotions.length ? '' : '; no emotion words'}`
      : `no word in it is rarer here than in general English${emotions.length ? '' : '; no emotion words'}`;
  return { words, why };
}

// The community's own words, once per model (a batch reads every draft against one model).
const ownCache = new WeakMap<CommunityModel, Set<string>>();

function ownWords(input: AnalysisInput): Set<string> {
  let own = ownCache.get(input.model);
  if (!own) {
    own = new Set([...input.model.distinctive.map((d) => d.stem), ...input.model.rewardedTerms.map((t) => t.stem)]);
    ownCache.set(input.model, own);
  }
  return own;
}

export function highlights(input: AnalysisInput): { strongest: SentenceHighlight[]; weakest: SentenceHighlight[] } {
  const scored = scoreSentences(input);
  if (scored.length === 0) return { strongest: [], weakest: [] };
  const order = [...scored].sort((a, b) => b.combined - a.combined || a.i - b.i);
  const n = Math.min(COUNT, Math.floor(order.length / 2));
  const toHighlight = (r: Scored, strong: boolean): SentenceHighlight => {
    const s = input.doc.sentences[r.i];
    const { words, why } = explain(input, r.i, strong);
    return { line: s.line, column: s.column, text: displayLine(s.text, 200), languageFit: round(r.fit), emotion: round(r.emo), words, why };
  };
  return {
    strongest: order.slice(0, n).map((r) => toHighlight(r, true)),
    weakest: order.slice(order.length - n).reverse().map((r) => toHighlight(r, false)),
  };
}

/** Where a standing (a z-like score among the draft's sentences) falls: ±1 and ±1/3 cut it into five tones. */
export function toneOf(standing: number): SentenceTone {
  return standing >= 1 ? 'strongest' : standing >= 1 / 3 ? 'strong' : standing > -1 / 3 ? 'middle' : standing > -1 ? 'weak' : 'weakest';
}

/** Every sentence of the draft, in order, with the same reading the highlights rank by (short ones, and all of a draft in another language, unread). */
export function sentenceReadings(input: AnalysisInput): SentenceReading[] {
  const byIndex = new Map(scoreSentences(input).map((r) => [r.i, r]));
  const unread = languagesDiffer(input.languages) ? 'the draft and the community write different languages' : `too short: fewer than ${MIN_TOKENS} words`;
  let prevEnd = 0;
  return input.doc.sentences.map((s, i) => {
    // A sentence starting on a later line than the one before ended starts a new block (paragraph, heading, item).
    const newBlock = i > 0 && s.line > prevEnd;
    prevEnd = s.line + (s.text.match(/\n/g)?.length ?? 0);
    const r = byIndex.get(i);
    if (!r) return { line: s.line, column: s.column, text: s.text, newBlock, languageFit: null, emotion: null, standing: null, tone: 'unread', why: unread };
    const standing = round(r.combined, 2);
    return { line: s.line, column: s.column, text: s.text, newBlock, languageFit: round(r.fit), emotion: round(r.emo), standing, tone: toneOf(standing), why: explain(input, i, r.combined >= 0).why };
  });
}
