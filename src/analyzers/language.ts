// Community language: does the draft speak this community's language rather than generic English?
import type { DimensionResult, EvidenceItem, Suggestion, Token } from '../types.js';
import type { Additive, CommunityModel } from '../community/model.js';
import type { AnalysisInput } from './analysis-input.js';
import { isUpperAt } from '../text/char-class.js';
import { calibrate } from './calibrate.js';
import { count, pct } from '../wording.js';
import { calibrated, nullResult, tooFew, type Analyzer } from './analyzer.js';
import { languageName, languagesDiffer } from './language-gate.js';

const ID = 'language';
const LABEL = 'Community language';

/** Drafts shorter than this (in words) are not told to use the community's missed distinctive terms. */
const MISSED_TERMS_MIN_WORDS = 20;

export const languageRaw = (a: Additive): number => (a.llrN > 0 ? a.llrSum / a.llrN : Number.NaN);

interface Located {
  stem: string;
  term: string;
  count: number;
  line: number;
  column: number;
  /** Capitalised away from the start of a sentence, and never written in lower case: a name, not vocabulary. */
  properNoun: boolean;
  /** Seen capitalised away from a sentence start / seen in lower case. */
  capitalisedMid: boolean;
  lower: boolean;
}

// The language and engagement analyzers both read the draft's terms: collected once per analysis input.
const termsCache = new WeakMap<AnalysisInput, ReadonlyMap<string, Located>>();

/** Content stems of the draft with their first location and count. */
export function draftTerms(input: AnalysisInput): ReadonlyMap<string, Located> {
  const hit = termsCache.get(input);
  if (hit) return hit;
  const out = new Map<string, Located>();
  input.doc.sentences.forEach((s, si) => {
    input.draft.tokens[si].forEach((t, k) => {
      if (!input.model.isContentStem(t.stem)) return;
      const upper = t.kind === 'word' && isUpperAt(input.doc.text, t.start);
      let seen = out.get(t.stem);
      if (!seen) {
        seen = { stem: t.stem, term: t.norm, count: 0, properNoun: false, capitalisedMid: false, lower: false, ...locate(input, si, t) };
        out.set(t.stem, seen);
      }
      seen.count++;
      if (upper && k > 0) seen.capitalisedMid = true;
      if (!upper) seen.lower = true;
    });
  });
  for (const t of out.values()) t.properNoun = t.capitalisedMid && !t.lower;
  termsCache.set(input, out);
  return out;
}

export function locate(input: AnalysisInput, sentenceIndex: number, t: Token): { line: number; column: number } {
  const s = input.doc.sentences[sentenceIndex];
  const i = s.tokens.indexOf(t);
  return i >= 0 ? s.positionOf(i) : { line: s.line, column: s.column };
}

export interface TermFindings {
  terms: ReadonlyMap<string, Located>;
  /** The community's distinctive terms the draft uses, most distinctive first. */
  used: CommunityModel['distinctive'];
  /** The ten most distinctive terms the draft lacks. */
  missed: CommunityModel['distinctive'];
  /** Up to eight draft words the community rarely or never uses (names excepted), the most repeated first. */
  offVocab: Located[];
}

/** The draft's vocabulary against the community's: what it shares, lacks, and uses that the community does not. */
export function termFindings(input: AnalysisInput): TermFindings {
  const { model } = input;
  const terms = draftTerms(input);
  const used = model.distinctive.filter((d) => terms.has(d.stem));
  const missed = model.distinctive.filter((d) => !terms.has(d.stem)).slice(0, 10);
  const N = model.tokens;
  const offVocab = [...terms.values()]
    .filter((t) => {
      if (t.properNoun) return false;
      const c = model.words.get(t.stem)?.[0] ?? 0;
      const ratio = (c + 0.5) / N / model.background.prob(t.stem);
      return c === 0 || (c <= 2 && ratio < 0.1);
    })
    .sort((a, b) => b.count - a.count || model.background.prob(a.stem) - model.background.prob(b.stem) || (a.stem < b.stem ? -1 : 1))
    .slice(0, 8);
  return { terms, used, missed, offVocab };
}

export const language: Analyzer = {
  id: ID,
  label: LABEL,
  analyze(input: AnalysisInput): DimensionResult {
    const { model, draft } = input;
    const raw = languageRaw(draft.additive);
    if (!Number.isFinite(raw)) return nullResult(ID, LABEL, 'the draft has no words to compare');
    const cal = calibrate(model, draft.additive.stats.tokens, raw, languageRaw);
    if (!cal) return nullResult(ID, LABEL, tooFew(model));

    const { terms, used, missed, offVocab } = termFindings(input);
    const items = model.profile.counts.items;

    const evidence: EvidenceItem[] = [
      { kind: 'fit', text: `mean log-likelihood ratio per word, community model vs general English: ${raw.toFixed(3)} (positive = this community's language)`, value: round(raw) },
      ...used.slice(0, 12).map((d) => {
        const at = terms.get(d.stem)!;
        return { kind: 'term-used', text: `uses "${d.term}", distinctive here (in ${pct(d.itemShare)} of items)`, line: at.line, column: at.column, value: round(d.z) };
      }),
      ...missed.map((d) => ({ kind: 'term-missed', text: `does not use "${d.term}" (in ${pct(d.itemShare)} of items)`, value: round(d.z) })),
      ...offVocab.map((t) => {
        const c = model.words.get(t.stem)?.[0] ?? 0;
        return { kind: 'off-vocabulary', text: `"${t.term}" ${c === 0 ? 'never appears' : `appears ${c} time${c === 1 ? '' : 's'}`} in ${items} items`, line: t.line, column: t.column, value: c };
      }),
    ];

    const suggestions: Suggestion[] = [];
    if (languagesDiffer(input.languages)) {
      // Swapping one language's words for another's is not advice: say what the mismatch is instead.
      const [mine, theirs] = [languageName(input.languages.draft), languageName(input.languages.community)];
      suggestions.push({ id: 'language-mismatch', text: `The draft reads as ${mine} and this community writes ${theirs}: read it against a community that writes ${mine}, or write it in ${theirs}.`, priority: 2 });
    } else if (offVocab.length >= 2 && cal.score < 60) {
      const list = offVocab.slice(0, 4).map((t) => `"${t.term}" (line ${t.line})`).join(', ');
      suggestions.push({ id: 'language-off-vocabulary', text: `Replace words this community does not use: ${list}.`, priority: (100 - cal.score) / 100 + offVocab.length / 10, line: offVocab[0].line });
    }
    // A title or a one-liner has no room for five topic words: the advice is for drafts of some length.
    if (missed.length > 0 && used.length < 8 && input.doc.stats.tokens >= MISSED_TERMS_MIN_WORDS && !languagesDiffer(input.languages)) {
      const list = missed.slice(0, 5).map((d) => `"${d.term}"`).join(', ');
      suggestions.push({ id: 'language-missed-terms', text: `Where they fit, use the community's own words: ${list} (its most distinctive terms that the draft lacks).`, priority: (100 - cal.score) / 100 });
    }

    const summary =
      `The draft's wording is more typical of this community than ${cal.score}% of the community's own items of similar length; ` +
      `it uses ${used.length} of its ${model.distinctive.length} most distinctive terms` +
      (offVocab.length ? ` and ${count(offVocab.length, 'word')} it rarely or never uses.` : '.');
    return { id: ID, label: LABEL, ...calibrated(cal), raw: round(raw), summary, evidence, suggestions };
  },
};

export const round = (x: number, digits = 3): number => Math.round(x * 10 ** digits) / 10 ** digits;
