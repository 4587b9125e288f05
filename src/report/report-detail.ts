// The detail a visual report shows: every sentence's reading, the emotion mixes, the term lists.
import type { AnalysisInput } from '../analyzers/analysis-input.js';
import { round, termFindings } from '../analyzers/language.js';
import { emotionShares, engagedMix } from '../analyzers/emotion.js';
import { EMOTIONS } from '../lexicons/index.js';
import type { EmotionId } from '../types.js';
import { sentenceReadings } from './highlights.js';
import { languagesDiffer } from '../analyzers/language-gate.js';
import type { ReportDetail } from './report-types.js';

/** Each emotion's share of a mix, rounded as the report's numbers are. */
function shares(counts: Readonly<Record<string, number>>): (e: EmotionId) => number {
  const s = emotionShares(counts);
  return (e) => round(s[e]);
}

export function reportDetail(input: AnalysisInput): ReportDetail {
  const { doc, model } = input;
  const draft = shares(doc.stats.emotions);
  const community = shares(model.stats.emotions);
  const engagedItems = engagedMix(model);
  const engaged = engagedItems ? shares(engagedItems) : null;
  const { terms, used, missed, offVocab } = termFindings(input);
  return {
    sentences: sentenceReadings(input),
    emotionMix: EMOTIONS.map((e) => ({ emotion: e, draft: draft(e), community: community(e), engaged: engaged ? engaged(e) : null })),
    terms: {
      used: used.map((d) => {
        const at = terms.get(d.stem)!;
        return { term: d.term, itemShare: round(d.itemShare), line: at.line, column: at.column };
      }),
      missed: missed.map((d) => ({ term: d.term, itemShare: round(d.itemShare) })),
      // As the language analyzer gives no "replace words" advice when the languages differ, nothing to replace.
      replace: languagesDiffer(input.languages) ? [] : offVocab.map((t) => ({ term: t.term, communityCount: model.words.get(t.stem)?.[0] ?? 0, line: t.line, column: t.column })),
      distinctive: model.distinctive.length,
    },
  };
}
