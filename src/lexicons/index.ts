// Loads the lexicons (data files beside this module's source) once per process.
import type { EmotionId } from '../types.js';
import { readCodedWords } from '../text/sorted-words.js';
import { emotionTable } from './emotion-table.js';
import { conversationTable } from './conversation-table.js';


export type Arousal = 'high' | 'medium' | 'low';
export type Valence = 'positive' | 'negative' | 'neutral';

export interface EmotionLexicon {
  categories: Record<EmotionId, { arousal: Arousal; valence: Valence }>;
  /** Porter stem (or emoji) → the emotions it evokes. */
  terms: { get(stem: string): readonly EmotionId[] | undefined };
}

export interface ConversationLexicon {
  secondPerson: ReadonlySet<string>;
  inclusiveWe: ReadonlySet<string>;
  firstPerson: ReadonlySet<string>;
  pastTense: ReadonlySet<string>;
  /** Lowercase phrases, matched on word boundaries. */
  invitations: readonly string[];
}

export const EMOTIONS: readonly EmotionId[] = ['joy', 'trust', 'anticipation', 'surprise', 'awe', 'anger', 'fear', 'sadness', 'disgust'];

/** Weight of each arousal level in the arousal-weighted intensity (Berger & Milkman 2012: high arousal drives sharing). */
export const AROUSAL_WEIGHT: Record<Arousal, number> = { high: 1, medium: 0.6, low: 0.3 };

let emotionCache: EmotionLexicon | undefined;
let conversationCache: ConversationLexicon | undefined;

export function emotionLexicon(): EmotionLexicon {
  if (!emotionCache) {
    const table = emotionTable();
    const { numberOf } = readCodedWords(table.terms);
    // The lists are shared by every stem with the same emotions (read-only).
    const get = (stem: string): readonly EmotionId[] | undefined => {
      const k = numberOf(stem);
      return k === -1 ? undefined : table.lists[k];
    };
    emotionCache = { categories: table.categories, terms: { get } };
  }
  return emotionCache;
}

export function conversationLexicon(): ConversationLexicon {
  if (!conversationCache) {
    const raw = conversationTable();
    conversationCache = {
      secondPerson: new Set(raw.secondPerson),
      inclusiveWe: new Set(raw.inclusiveWe),
      firstPerson: new Set(raw.firstPerson),
      pastTense: new Set(raw.pastTense),
      invitations: raw.invitations,
    };
  }
  return conversationCache;
}
