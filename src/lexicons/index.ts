// Loads the lexicons (data files beside this module's source) once per process.
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import type { EmotionId } from '../types.js';


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

function readJson(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(packagePath('src', 'lexicons', name), 'utf8')) as Record<string, unknown>;
}

export function emotionLexicon(): EmotionLexicon {
  if (!emotionCache) {
    const raw = readJson('emotion.json') as {
      categories: EmotionLexicon['categories'];
      terms: Record<string, EmotionId[]>;
    };
    // Looked up in the parsed object itself: copying its 2,000 entries into a Map cost about 1 ms of every start-up.
    const terms = raw.terms;
    emotionCache = { categories: raw.categories, terms: { get: (stem) => (Object.hasOwn(terms, stem) ? terms[stem] : undefined) } };
  }
  return emotionCache;
}

export function conversationLexicon(): ConversationLexicon {
  if (!conversationCache) {
    const raw = readJson('conversation.json') as Record<string, string[]>;
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
