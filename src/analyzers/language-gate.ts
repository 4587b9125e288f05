// Which dimensions can be read at all when the draft or the export is not in English: resonate's emotion lexicon,
// conversation cues, stopwords and general-English background are English, so on another language they would
// print confident numbers about nothing.
import type { Document } from '../types.js';
import type { CommunityModel } from '../community/model.js';
import type { Analyzer } from './analyzer.js';
import { ENGLISH_STOPWORD_SHARE, readLanguage, type LanguageReading } from '../text/language-check.js';
import { isStopword } from '../text/stopwords.js';
import { stopStems } from '../text/stop-stems.js';
import { forEachForm } from '../community/count-tables.js';
import { capitalize } from '../wording.js';

export interface Languages {
  draft: LanguageReading;
  community: LanguageReading;
}

export function draftLanguage(doc: Document): LanguageReading {
  let words = 0;
  let stop = 0;
  for (const s of doc.sentences) {
    for (const t of s.tokens) {
      if (t.kind !== 'word') continue;
      words++;
      if (isStopword(t.norm)) stop++;
    }
  }
  return readLanguage(doc.text, words, stop);
}

/** Words of the community's vocabulary, most frequent first, that stand in for its text when franc reads it. */
const SPECIMEN_WORDS = 400;

const byModel = new WeakMap<CommunityModel, LanguageReading>();

/**
 * The export's language, from its counts (the profile keeps no text): the share of its tokens that are English
 * stopwords, else franc on its most frequent surface forms, which carry the trigrams a language's text is made of.
 */
export function communityLanguage(model: CommunityModel): LanguageReading {
  const hit = byModel.get(model);
  if (hit) return hit;
  let stop = 0;
  for (const s of stopStems()) stop += model.words.get(s)?.[0] ?? 0;
  let reading: LanguageReading;
  if (model.tokens > 0 && stop / model.tokens >= ENGLISH_STOPWORD_SHARE) reading = { code: 'eng', name: 'English', english: true };
  else {
    const top: { form: string; n: number }[] = [];
    model.words.forEach((entry) => forEachForm(entry[5], (form, n) => void top.push({ form, n })));
    top.sort((a, b) => b.n - a.n || (a.form < b.form ? -1 : 1));
    const specimen = top.slice(0, SPECIMEN_WORDS).map((w) => w.form).join(' ');
    reading = readLanguage(specimen, model.tokens, stop);
  }
  byModel.set(model, reading);
  return reading;
}

/** A side read as another language than English (an undetermined one counts as English). */
const other = (r: LanguageReading): boolean => r.english === false;

const ENGLISH_LISTS = "its emotion words, conversation cues and general-English background are English";

/**
 * Why a dimension cannot be read for these languages, or null when it can (Analyzer.needs): emotion and conversation
 * need English text on both sides; engagement (the community's words and habits) needs the draft in the community's
 * language.
 */
export function languageGap(needs: Analyzer['needs'], l: Languages): string | null {
  if (needs === 'english' && (other(l.draft) || other(l.community))) {
    const which = other(l.draft) ? `the draft reads as ${l.draft.name}` : `the export reads as ${l.community.name}`;
    return `${which}, and resonate reads English only (${ENGLISH_LISTS})`;
  }
  if (needs === 'same-language' && languagesDiffer(l)) return `the draft reads as ${languageName(l.draft)} and the community writes ${languageName(l.community)}, so its words cannot be matched with the community's`;
  return null;
}

/** A side's language by name; an undetermined one is read as English, resonate's default. */
export const languageName = (r: LanguageReading): string => (r.english === false ? r.name : 'English');

/** The draft and the community are in different languages (as far as can be told). */
export function languagesDiffer(l: Languages): boolean {
  return other(l.draft) !== other(l.community) || (other(l.draft) && l.draft.code !== l.community.code);
}

/** One line for the report when a side is not English; null when both are (or cannot be told apart from it). */
export function languageNote(l: Languages): string | null {
  const parts: string[] = [];
  if (l.draft.english === false) parts.push(`the draft reads as ${l.draft.name} (${l.draft.code})`);
  if (l.community.english === false) parts.push(`the export reads as ${l.community.name} (${l.community.code})`);
  if (!parts.length) return null;
  const text = `${parts.join(' and ')}; resonate reads English, so the dimensions that rely on English word lists are not scored.`;
  return capitalize(text);
}
