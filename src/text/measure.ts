// Measures text into additive TextStats: the one place where tokens become emotions, cues and valence.
import type { CueId, TextStats, Token } from '../types.js';
import { conversationLexicon, emotionLexicon, EMOTIONS } from '../lexicons/index.js';
import { splitSentences } from './sentences.js';
import { isLanguageToken, tokenize } from './tokenize.js';
import { valenceOf } from './valence.js';

export { valenceOf };

export const CUES: readonly CueId[] = ['question', 'secondPerson', 'inclusiveWe', 'invitation', 'story'];

let invitations: RegExp | undefined;
/** One alternation of the invitation phrases, each between spaces of the space-joined tokens. */
function invitationPattern(): RegExp {
  if (!invitations) {
    const escaped = conversationLexicon().invitations.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    invitations = new RegExp(` (?:${escaped.join('|')}) `);
  }
  return invitations;
}

export function emptyStats(): TextStats {
  return {
    sentences: 0,
    tokens: 0,
    valence: 0,
    // Literals, not Object.fromEntries: this runs once per sentence of every community item.
    emotions: { joy: 0, trust: 0, anticipation: 0, surprise: 0, awe: 0, anger: 0, fear: 0, sadness: 0, disgust: 0 },
    cues: { question: 0, secondPerson: 0, inclusiveWe: 0, invitation: 0, story: 0 },
  };
}

export function addStats(into: TextStats, add: TextStats, sign = 1): TextStats {
  into.sentences += sign * add.sentences;
  into.tokens += sign * add.tokens;
  into.valence += sign * add.valence;
  for (const e of EMOTIONS) into.emotions[e] += sign * add.emotions[e];
  for (const c of CUES) into.cues[c] += sign * add.cues[c];
  return into;
}

export interface MeasuredSentence {
  start: number;
  end: number;
  tokens: Token[];
  stats: TextStats;
}

export interface MeasuredText {
  sentences: MeasuredSentence[];
  stats: TextStats;
}

/** Cue and emotion counts of one sentence's tokens (valence is filled by the caller). */
function measureSentence(text: string, tokens: Token[]): TextStats {
  const stats = emptyStats();
  const conv = conversationLexicon();
  const emo = emotionLexicon().terms;
  stats.sentences = 1;
  let firstPerson = false;
  let past = false;
  for (const t of tokens) {
    if (!isLanguageToken(t)) continue;
    stats.tokens++;
    const hits = emo.get(t.stem) ?? (t.kind === 'word' ? emo.get(t.norm) : undefined);
    if (hits) for (const e of hits) stats.emotions[e]++;
    if (conv.secondPerson.has(t.norm)) stats.cues.secondPerson = 1;
    if (conv.inclusiveWe.has(t.norm)) stats.cues.inclusiveWe = 1;
    if (conv.firstPerson.has(t.norm)) firstPerson = true;
    if (conv.pastTense.has(t.norm) || (t.norm.length > 4 && t.norm.endsWith('ed'))) past = true;
  }
  if (firstPerson && past) stats.cues.story = 1;
  if (/\?[\s"')\]’”\p{Extended_Pictographic}\uFE0F]*$/u.test(text)) stats.cues.question = 1;
  if (tokens.length > 1) {
    const joined = ' ' + tokens.map((t) => t.norm).join(' ') + ' ';
    if (invitationPattern().test(joined)) stats.cues.invitation = 1;
  }
  return stats;
}

/**
 * Splits and measures a text. `perSentenceValence` scores each sentence apart (drafts need it for highlights);
 * otherwise the whole text is scored once (community items).
 */
export function measureText(text: string, perSentenceValence: boolean): MeasuredText {
  const spans = splitSentences(text);
  const total = emptyStats();
  const sentences: MeasuredSentence[] = [];
  for (const span of spans) {
    const slice = text.slice(span.start, span.end);
    const tokens = tokenize(slice, span.start);
    const stats = measureSentence(slice, tokens);
    if (perSentenceValence) stats.valence = valenceOf(slice);
    addStats(total, stats);
    sentences.push({ start: span.start, end: span.end, tokens, stats });
  }
  if (!perSentenceValence) total.valence = valenceOf(text);
  return { sentences, stats: total };
}
