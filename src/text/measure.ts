// Measures text into additive TextStats: the one place where tokens become emotions, cues and valence.
import type { CueId, TextStats, Token, WordCues } from '../types.js';
import { conversationLexicon, emotionLexicon } from '../lexicons/index.js';
import { splitSentences } from './sentences.js';
import { isLanguageToken, tokenize } from './tokenize.js';
import { valenceOf } from './valence.js';

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

let invitationStarts: ReadonlySet<string> | null | undefined;
/**
 * The first words of the invitation phrases. The pattern can only match from the start of a token (norms hold no
 * spaces), where that token's norm is a phrase's first word; a sentence without one is not tested, which spares
 * joining its tokens. null (always test) if a phrase does not start with a word.
 */
function invitationStartWords(): ReadonlySet<string> | null {
  if (invitationStarts === undefined) {
    const firsts = conversationLexicon().invitations.map((p) => p.split(' ')[0]);
    invitationStarts = firsts.includes('') ? null : new Set(firsts);
  }
  return invitationStarts;
}

function mayStartInvitation(norm: string): boolean {
  const starts = invitationStartWords();
  return starts === null || starts.has(norm);
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

/** Adds (sign 1) or removes (sign -1) counts. Fields by name, not a loop over the ids: it runs once per sentence. */
export function addStats(into: TextStats, add: TextStats, sign = 1): TextStats {
  into.sentences += sign * add.sentences;
  into.tokens += sign * add.tokens;
  into.valence += sign * add.valence;
  const ie = into.emotions;
  const ae = add.emotions;
  ie.joy += sign * ae.joy;
  ie.trust += sign * ae.trust;
  ie.anticipation += sign * ae.anticipation;
  ie.surprise += sign * ae.surprise;
  ie.awe += sign * ae.awe;
  ie.anger += sign * ae.anger;
  ie.fear += sign * ae.fear;
  ie.sadness += sign * ae.sadness;
  ie.disgust += sign * ae.disgust;
  const ic = into.cues;
  const ac = add.cues;
  ic.question += sign * ac.question;
  ic.secondPerson += sign * ac.secondPerson;
  ic.inclusiveWe += sign * ac.inclusiveWe;
  ic.invitation += sign * ac.invitation;
  ic.story += sign * ac.story;
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

const SECOND_PERSON = 1;
const INCLUSIVE_WE = 2;
const FIRST_PERSON = 4;
const PAST = 8;
const INVITATION_START = 16;

function cuesOf(t: Token): WordCues {
  const conv = conversationLexicon();
  const emo = emotionLexicon().terms;
  const n = t.norm;
  let flags = 0;
  if (conv.secondPerson.has(n)) flags |= SECOND_PERSON;
  if (conv.inclusiveWe.has(n)) flags |= INCLUSIVE_WE;
  if (conv.firstPerson.has(n)) flags |= FIRST_PERSON;
  if (conv.pastTense.has(n) || (n.length > 4 && n.endsWith('ed'))) flags |= PAST;
  if (mayStartInvitation(n)) flags |= INVITATION_START;
  return { emotions: emo.get(t.stem) ?? (t.kind === 'word' ? emo.get(n) : undefined), flags };
}

/** A word's lexicon lookups, done once per distinct word and kept on what its tokens share. */
function wordCuesOf(t: Token): WordCues {
  const w = t.word;
  if (w === null) return cuesOf(t);
  return (w.cues ??= cuesOf(t));
}

/** Cue and emotion counts of one sentence's tokens (valence is filled by the caller). */
function measureSentence(text: string, tokens: Token[]): TextStats {
  const stats = emptyStats();
  stats.sentences = 1;
  let flags = 0;
  for (const t of tokens) {
    if (!isLanguageToken(t)) {
      // Numbers and mentions are not counted but are part of the joined tokens the invitations are matched in.
      if (mayStartInvitation(t.norm)) flags |= INVITATION_START;
      continue;
    }
    stats.tokens++;
    // Hashtags and emoji are rarer and keyed by themselves: looked up directly, never confused with a word's norm.
    const c = t.kind === 'word' ? wordCuesOf(t) : cuesOf(t);
    if (c.emotions) for (const e of c.emotions) stats.emotions[e]++;
    flags |= c.flags;
  }
  if (flags & SECOND_PERSON) stats.cues.secondPerson = 1;
  if (flags & INCLUSIVE_WE) stats.cues.inclusiveWe = 1;
  const firstPerson = (flags & FIRST_PERSON) !== 0;
  const past = (flags & PAST) !== 0;
  if (firstPerson && past) stats.cues.story = 1;
  // Most sentences hold no '?': the pattern (which looks for one at the end) is run only on those that do.
  if (text.includes('?') && /\?[\s"')\]\u2019\u201d\p{Extended_Pictographic}\uFE0F]*$/u.test(text)) stats.cues.question = 1;
  if (tokens.length > 1 && (flags & INVITATION_START) !== 0) {
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
