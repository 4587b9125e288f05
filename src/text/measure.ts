// Measures text into additive TextStats: the one place where tokens become emotions, cues and valence.
import type { CueId, TextStats, Token, WordCues } from '../types.js';
import { conversationLexicon, emotionLexicon } from '../lexicons/index.js';
import { classOf, PICTOGRAPHIC, SPACE } from './char-class.js';
import { splitSentences } from './sentences.js';
import { isLanguageToken, tokenize, type TokenPool } from './tokenize.js';
import { valenceOf } from './valence.js';

export const CUES: readonly CueId[] = ['question', 'secondPerson', 'inclusiveWe', 'invitation', 'story'];

let invitationsByFirst: ReadonlyMap<string, readonly (readonly string[])[]> | undefined;
/**
 * The invitation phrases as their words, by first word. A sentence invites when its tokens' norms hold a phrase word
 * for word. Why not one alternation of the phrases matched in the space-joined norms (what this finds, as norms hold
 * no spaces and are never empty): that joined string was made for most sentences ("in", "what", "how" start
 * phrases), and words that start no phrase spare the search.
 */
function invitationPhrases(): ReadonlyMap<string, readonly (readonly string[])[]> {
  if (!invitationsByFirst) {
    const byFirst = new Map<string, string[][]>();
    for (const phrase of conversationLexicon().invitations) {
      const words = phrase.split(' ');
      const list = byFirst.get(words[0]);
      if (list) list.push(words);
      else byFirst.set(words[0], [words]);
    }
    invitationsByFirst = byFirst;
  }
  return invitationsByFirst;
}

function mayStartInvitation(norm: string): boolean {
  return invitationPhrases().has(norm);
}

/**
 * The positions measureSentence found where an invitation may start, written over for each sentence. Why: common
 * words start phrases ("what do you think", "any tips"), so most sentences have one, and looking every token of
 * them up again cost a real export's build about 2 % of its CPU.
 */
const INVITATION_AT: number[] = [];

/** Whether an invitation phrase starts at one of the first `starts` positions of INVITATION_AT. */
function invitesAtAny(tokens: readonly Token[], starts: number): boolean {
  for (let k = 0; k < starts; k++) if (invitesAt(tokens, INVITATION_AT[k])) return true;
  return false;
}

/** Whether the norms of tokens[i…] are the words of an invitation phrase that starts with tokens[i]'s. */
function invitesAt(tokens: readonly Token[], i: number): boolean {
  const phrases = invitationPhrases().get(tokens[i].norm);
  if (phrases === undefined) return false;
  return phrases.some((words) => i + words.length <= tokens.length && words.every((w, j) => tokens[i + j].norm === w));
}

export function emptyStats(): TextStats {
  return {
    sentences: 0,
    tokens: 0,
    valence: 0,
    // Literals, not Object.fromEntries: this runs for every community item and every sentence of a draft.
    emotions: { joy: 0, trust: 0, anticipation: 0, surprise: 0, awe: 0, anger: 0, fear: 0, sadness: 0, disgust: 0 },
    cues: { question: 0, secondPerson: 0, inclusiveWe: 0, invitation: 0, story: 0 },
  };
}

/** Adds (sign 1) or removes (sign -1) counts. Fields by name, not a loop over the ids: it runs once per item. */
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

/** What may follow a question's '?' besides spaces and emoji. */
const QUESTION_TAIL: ReadonlySet<number> = new Set([...'"\')]’”\uFE0F'].map((ch) => ch.charCodeAt(0)));
const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

/**
 * Whether text.slice(start, end) ends in a question: what /\?[\s"')\]’”\p{Extended_Pictographic}\uFE0F]*$/u finds,
 * read backwards from the end (sentences are trimmed, so this mostly reads one character).
 */
function endsAsQuestion(text: string, start: number, end: number): boolean {
  let i = end;
  while (i > start) {
    const c = text.charCodeAt(i - 1);
    if (c === 63) return true;
    const pair = c >= 0xdc00 && c <= 0xdfff && i - 2 >= start && isHighSurrogate(text.charCodeAt(i - 2));
    const cp = pair ? text.codePointAt(i - 2)! : c;
    if (!QUESTION_TAIL.has(cp) && (classOf(cp) & (SPACE | PICTOGRAPHIC)) === 0) return false;
    i -= pair ? 2 : 1;
  }
  return false;
}

/** Adds the counts (cues, emotions, tokens; not valence) of the sentence text.slice(start, end) into `into`. */
function measureSentence(text: string, start: number, end: number, tokens: Token[], into: TextStats): void {
  into.sentences++;
  let flags = 0;
  // Where an invitation phrase may start (a token whose norm starts one): the phrases are matched there only.
  let starts = 0;
  // Indexed: for…of steps an iterator, which allocates while a `score` run's code is still cold.
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!isLanguageToken(t)) {
      // Numbers and mentions are not counted but are part of the joined tokens the invitations are matched in.
      if (mayStartInvitation(t.norm)) {
        flags |= INVITATION_START;
        INVITATION_AT[starts++] = i;
      }
      continue;
    }
    into.tokens++;
    // Hashtags and emoji are rarer and keyed by themselves: looked up directly, never confused with a word's norm.
    const c = t.kind === 'word' ? wordCuesOf(t) : cuesOf(t);
    const emotions = c.emotions;
    if (emotions) for (let k = 0; k < emotions.length; k++) into.emotions[emotions[k]]++;
    flags |= c.flags;
    if ((c.flags & INVITATION_START) !== 0) INVITATION_AT[starts++] = i;
  }
  const cues = into.cues;
  if (flags & SECOND_PERSON) cues.secondPerson++;
  if (flags & INCLUSIVE_WE) cues.inclusiveWe++;
  const firstPerson = (flags & FIRST_PERSON) !== 0;
  const past = (flags & PAST) !== 0;
  if (firstPerson && past) cues.story++;
  if (endsAsQuestion(text, start, end)) cues.question++;
  if (tokens.length > 1 && (flags & INVITATION_START) !== 0 && invitesAtAny(tokens, starts)) cues.invitation++;
}

/** Splits a draft into sentences and measures each (valence too: highlights need it per sentence). */
export function measureText(text: string): MeasuredText {
  const total = emptyStats();
  const sentences: MeasuredSentence[] = [];
  for (const { start, end } of splitSentences(text)) {
    const tokens = tokenize(text, start, end);
    const stats = emptyStats();
    measureSentence(text, start, end, tokens, stats);
    stats.valence = valenceOf(text.slice(start, end));
    addStats(total, stats);
    sentences.push({ start, end, tokens, stats });
  }
  return { sentences, stats: total };
}

/** A community item measured: its totals and each sentence's tokens. */
export interface MeasuredItem {
  sentences: Token[][];
  stats: TextStats;
}

/**
 * Measures a community item: only its totals are kept (no stats object per sentence: this runs for every item of
 * an export), and the whole text's valence is scored once. With a pool, the tokens are the pool's, and valid until
 * the next measureItem with it.
 */
export function measureItem(text: string, pool: TokenPool | null = null): MeasuredItem {
  pool?.reuse();
  const total = emptyStats();
  const sentences: Token[][] = [];
  for (const { start, end } of splitSentences(text)) {
    const tokens = tokenize(text, start, end, pool);
    measureSentence(text, start, end, tokens, total);
    sentences.push(tokens);
  }
  total.valence = valenceOf(text);
  return { sentences, stats: total };
}
