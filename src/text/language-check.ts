// Which language a text is in, as far as resonate needs to know: English (the language its lexicons, cue lists and
// background frequencies are for), another language it can name, or too short to tell.
import { createRequire } from 'node:module';

type Franc = (text: string, options: { minLength: number }) => string;
let francOnce: Franc | undefined;

/**
 * franc-min, loaded on the first text that needs it: loading builds its 82 languages' trigram tables (24 ms of a
 * 300 ms `score`, measured with --cpu-prof), and English text, with its function words, never gets that far. Node
 * 20.19 and later load an ES module with require().
 */
function franc(text: string, options: { minLength: number }): string {
  francOnce ??= (createRequire(import.meta.url)('franc-min') as { franc: Franc }).franc;
  return francOnce(text, options);
}

export interface LanguageReading {
  /** ISO 639-3 code ('eng', 'spa', …), or 'und' when the text is too short or too odd to tell. */
  code: string;
  /** The language in English ("Spanish"), or the code when it has no name here. */
  name: string;
  /** true: English; false: another language; null: undetermined (read as English, the default). */
  english: boolean | null;
}

/** Fewer letters than this and neither check is trusted (franc calls a 40-letter English tweet French). */
export const MIN_LETTERS = 60;
/**
 * English function words ("the", "and", "of", …, natural's English stopword list) are 35-55% of the words of English
 * prose and 20-35% of headline-style titles; in Spanish, French or German prose they are under 10% (the few shared
 * spellings such as "a", "no", "me"). At this share or above, a text is English whatever the trigram model says.
 */
export const ENGLISH_STOPWORD_SHARE = 0.2;

const NAMES: Record<string, string> = {
  eng: 'English', spa: 'Spanish', por: 'Portuguese', fra: 'French', deu: 'German', ita: 'Italian', nld: 'Dutch',
  pol: 'Polish', ron: 'Romanian', swe: 'Swedish', rus: 'Russian', ukr: 'Ukrainian', tur: 'Turkish', ind: 'Indonesian',
  vie: 'Vietnamese', cmn: 'Chinese', jpn: 'Japanese', kor: 'Korean', arb: 'Arabic', hin: 'Hindi', ben: 'Bengali',
  ces: 'Czech', hun: 'Hungarian', ell: 'Greek', cat: 'Catalan', tgl: 'Tagalog', zlm: 'Malay', uzn: 'Uzbek',
};

const UNDETERMINED: LanguageReading = { code: 'und', name: 'undetermined', english: null };
const ENGLISH: LanguageReading = { code: 'eng', name: 'English', english: true };

/**
 * Reads a text's language from two checks: the share of its words that are English function words (decisive when
 * high), else franc's trigram model (franc-min: the 82 languages with 8 million or more speakers).
 */
export function readLanguage(text: string, words: number, englishStopwords: number): LanguageReading {
  // A bare link is letters of no language (franc read two link-only Reddit titles as Portuguese).
  const prose = text.replace(/\b(?:https?:\/\/|www\.)\S+/gi, ' ');
  if (!hasLetters(prose, MIN_LETTERS) || words === 0) return UNDETERMINED;
  if (englishStopwords / words >= ENGLISH_STOPWORD_SHARE) return ENGLISH;
  const code = franc(prose, { minLength: MIN_LETTERS });
  if (code === 'und') return UNDETERMINED;
  if (code === 'eng' || code === 'sco') return ENGLISH;
  return { code, name: NAMES[code] ?? code, english: false };
}

const LETTER = /\p{L}/gu;

/** Whether the text has at least `min` letters: stops at the `min`th, where counting them all took 277 ms on 5 MB. */
function hasLetters(text: string, min: number): boolean {
  LETTER.lastIndex = 0;
  for (let n = 0; n < min; n++) if (!LETTER.exec(text)) return false;
  return true;
}
