// The conversation lexicon's word lists (conversation.json). A module of its own so that the bundles prebuild it
// (scripts/bundle.mjs): reading the file at start-up was one more read of every `score` run.
import { readLexicon } from './read-lexicon.js';

export interface ConversationTable {
  secondPerson: string[];
  inclusiveWe: string[];
  firstPerson: string[];
  pastTense: string[];
  invitations: string[];
}

export function conversationTable(): ConversationTable {
  const raw = readLexicon('conversation.json') as unknown as ConversationTable;
  return { secondPerson: raw.secondPerson, inclusiveWe: raw.inclusiveWe, firstPerson: raw.firstPerson, pastTense: raw.pastTense, invitations: raw.invitations };
}
