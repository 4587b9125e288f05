// The frozen input every analyzer reads: the draft, the community model, and the draft measured once.
import type { Document, Sentence, Token } from '../types.js';
import type { Additive, CommunityModel } from '../community/model.js';
import { logRatio, termEngagement } from '../community/model.js';
import { isLanguageToken } from '../text/tokenize.js';
import { ENG_SCALE } from '../community/profile-builder.js';
import { communityLanguage, draftLanguage, type Languages } from './language-gate.js';

export interface DraftMeasures {
  /** Language tokens per sentence (parallel to doc.sentences). */
  tokens: Token[][];
  /** Log-likelihood ratio per language token (parallel to `tokens`). */
  llr: number[][];
  additive: Additive;
}

export interface AnalysisInput {
  doc: Document;
  model: CommunityModel;
  draft: DraftMeasures;
  /** The draft's and the export's language: dimensions built on English word lists are not read on others. */
  languages: Languages;
}

export function analysisInput(doc: Document, model: CommunityModel): AnalysisInput {
  const tokens = doc.sentences.map((s: Sentence) => s.tokens.filter(isLanguageToken));
  const stems = tokens.map((ts) => ts.map((t) => t.stem));
  const lm = logRatio(model, stems);
  const eng = model.profile.counts.engagement;
  const en = termEngagement(model, stems, null, eng.n ? eng.s / eng.n / ENG_SCALE : 0);
  return Object.freeze({
    doc,
    model,
    languages: { draft: draftLanguage(doc), community: communityLanguage(model) },
    draft: { tokens, llr: lm.perToken, additive: { stats: doc.stats, llrSum: lm.sum, llrN: lm.n, engSum: en.sum, engN: en.n } },
  });
}
