// Conversation: questions, "you", inclusive "we", invitations and first-person story, against the community's own rates.
import type { CueId, DimensionResult, EvidenceItem, Suggestion, TextStats } from '../types.js';
import type { Additive, CommunityModel } from '../community/model.js';
import { isRewardedFeature } from '../community/model.js';
import { CUES } from '../text/measure.js';
import type { AnalysisInput } from './analysis-input.js';
import { calibrate } from './calibrate.js';
import { calibrated, nullResult, tooFew, type Analyzer } from './analyzer.js';
import { round } from './language.js';
import { pct } from '../wording.js';

const ID = 'conversation';
const LABEL = 'Conversation';

export const CUE_LABELS: Record<CueId, string> = {
  question: 'questions',
  secondPerson: 'speaking to the reader ("you")',
  inclusiveWe: 'inclusive "we"',
  invitation: 'invitations to reply or share',
  story: 'first-person story',
};

export const cueRate = (s: TextStats, c: CueId): number => (s.sentences ? s.cues[c] / s.sentences : 0);

/** Cues rarer than this in the community are not expected of a draft (a community that never asks is not pushed to). */
export const HABIT_MIN_RATE = 0.02;

/** Sentences a draft needs before it is told to use a habit less often (in one or two sentences a rate is all or nothing). */
const LONG_SENTENCES = 3;

/**
 * How fully a text takes up the community's conversational habits: per habit, its rate as a share of the
 * community's (capped at 1), minus a penalty for overdoing one far past the community's norm; averaged.
 */
export function conversationRaw(a: Additive, community: TextStats): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < CUES.length; i++) {
    const c = CUES[i];
    const r = cueRate(community, c);
    if (r < HABIT_MIN_RATE) continue;
    const mine = cueRate(a.stats, c);
    const overdone = mine > 3 * r + 0.1 ? Math.min(0.5, (mine - 3 * r - 0.1) * 2) : 0;
    sum += Math.min(1, mine / r) - overdone;
    n++;
  }
  return n ? sum / n : Number.NaN;
}

export const conversation: Analyzer = {
  id: ID,
  label: LABEL,
  needs: 'english',
  analyze(input: AnalysisInput): DimensionResult {
    const { model, draft, doc } = input;
    const community = model.stats;
    const raw = conversationRaw(draft.additive, community);
    if (!Number.isFinite(raw)) return nullResult(ID, LABEL, 'the community shows none of the conversation habits measured');
    // Habits are personal style: compared with real items of similar length (bundles of items would average style away).
    const cal = calibrate(model, draft.additive.stats.tokens, raw, (a) => conversationRaw(a, community));
    if (!cal) return nullResult(ID, LABEL, tooFew(model));

    const evidence: EvidenceItem[] = [];
    const suggestions: Suggestion[] = [];
    for (const c of CUES) {
      const mine = cueRate(doc.stats, c);
      const theirs = cueRate(community, c);
      const first = doc.sentences.find((s) => s.stats.cues[c] > 0);
      evidence.push({
        kind: `cue-${c}`,
        text: `${CUE_LABELS[c]}: ${pct(mine)} of the draft's sentences, ${pct(theirs)} of the community's`,
        value: round(mine),
        ...(first ? { line: first.line, column: first.column } : {}),
      });
      suggestions.push(...cueSuggestion(model, c, mine, theirs, doc.stats.sentences));
    }
    const summary = `The draft takes up this community's conversational habits more fully than ${cal.score}% of the community's own items of similar length.`;
    return { id: ID, label: LABEL, ...calibrated(cal), raw: round(raw), summary, evidence, suggestions };
  },
};

function cueSuggestion(model: CommunityModel, c: CueId, mine: number, theirs: number, sentences: number): Suggestion[] {
  const effect = model.featureEffects.get(`cue:${c}`);
  const rewarded = effect && isRewardedFeature(effect) ? ' and its well-received items do it more' : '';
  const gap = (theirs - mine) / Math.sqrt(theirs * (1 - theirs) + 0.01);
  if (gap > 1 && theirs >= 0.05) {
    const how: Record<CueId, string> = {
      question: 'Ask the reader a real question',
      secondPerson: 'Speak to the reader directly ("you")',
      inclusiveWe: 'Write as one of the group ("we", "our")',
      invitation: 'Invite replies: ask readers to share theirs',
      story: 'Tell it as your own story, in the first person',
    };
    return [{ id: `conversation-${c}`, text: `${how[c]}: ${pct(theirs)} of the community's sentences do${rewarded}; the draft's ${pct(mine)}.`, priority: 0.3 + gap / 10 + (rewarded ? 0.2 : 0) }];
  }
  // A rate of one or two sentences is all or nothing: "less often" is advice for drafts of a few sentences.
  if (-gap > 1.5 && mine > 0.2 && sentences >= LONG_SENTENCES) {
    const less: Record<CueId, string> = {
      question: 'Ask fewer questions',
      secondPerson: 'Address the reader ("you") less often',
      inclusiveWe: 'Use inclusive "we" less often',
      invitation: 'Invite replies less often',
      story: 'Tell less of it as first-person story',
    };
    return [{ id: `conversation-${c}-less`, text: `${less[c]}: ${pct(mine)} of the draft's sentences do, against ${pct(theirs)} of the community's.`, priority: 0.2 + -gap / 20 }];
  }
  return [];
}
