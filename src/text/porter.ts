// Porter stemmer on char codes: the stems natural's PorterStemmer gives, without its regular expressions.
// Kept because it pays: against natural's stemmer (bench/replacements/porter-natural.patch, `npm run
// bench:replacements`), a real export's build took 13.7 % less CPU (7.4 % in an earlier run);
// test/text/porter.test.ts keeps it equal to natural.
// natural compiles and interprets a few dozen regexes per word, which dominates a cold process's stemming. Profiles
// saved by earlier versions, and the emotion lexicon, are keyed by natural's stems, so this reproduces natural's
// reading of Porter, quirks included, not the paper's; test/text/porter.test.ts checks it against natural.

// Char codes of the letters the rules name.
const E = 101, L = 108, S = 115, W = 119, X = 120, Y = 121, Z = 122;

// Letter classes by char code: 1 a/e/i/o/u, 2 y, 0 anything else (consonants and the apostrophe).
const CLASS = new Uint8Array(128);
for (const c of 'aeiou') CLASS[c.charCodeAt(0)] = 1;
CLASS[Y] = 2;
const classOf = (c: number): number => (c < 128 ? CLASS[c] : 0);

// natural reads 'y' as a vowel only right after a character other than a, e, i, o, u, y (an apostrophe counts).
const CONSONANT = 0, VOWEL = 1, Y_VOWEL = 2;

function kindAt(w: string, i: number): number {
  const k = classOf(w.charCodeAt(i));
  if (k === 1) return VOWEL;
  return k === 2 && i > 0 && classOf(w.charCodeAt(i - 1)) === 0 ? Y_VOWEL : CONSONANT;
}

const isVowelAt = (w: string, i: number): boolean => kindAt(w, i) !== CONSONANT;

/**
 * natural's measure of w.slice(0, end): it writes a C per run of consonants, a V per run of a/e/i/o/u and another V
 * per vowel 'y' (so "bya" is CVV, not CV), drops a leading C and a trailing V and halves the length. The doubled V
 * makes it a half-integer at times, which the thresholds below compare as natural does; the empty string is -1.
 */
function measure(w: string, end: number): number {
  if (end === 0) return -1;
  let n = 0, prev = -1, prevClass = -1, leadingC = 0;
  for (let i = 0; i < end; i++) {
    const c = w.charCodeAt(i);
    const cls = c < 128 ? CLASS[c] : 0;
    const k = cls === 1 ? VOWEL : cls === 2 && prevClass === 0 ? Y_VOWEL : CONSONANT;
    if (k === Y_VOWEL || k !== prev) n++;
    if (i === 0 && k === CONSONANT) leadingC = 1;
    prev = k;
    prevClass = cls;
  }
  return (n - leadingC - (prev !== CONSONANT ? 1 : 0)) / 2;
}

function hasVowel(w: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (isVowelAt(w, i)) return true;
  return false;
}

/** natural's categorizeChars(w) at i..i+2 reads CVC. */
const cvcAt = (w: string, i: number): boolean =>
  !isVowelAt(w, i) && isVowelAt(w, i + 1) && !isVowelAt(w, i + 2);

const isAeiou = (c: number): boolean => classOf(c) === 1;

const isWxy = (c: number): boolean => c === W || c === X || c === Y;

type Rule = readonly [suffix: string, replacement: string];

/** Rules by the code of their suffix's last letter, in list order: a word only meets the rules for its last letter. */
function byLastLetter(rules: readonly Rule[]): Rule[][] {
  const table: Rule[][] = Array.from({ length: 128 }, () => []);
  for (const r of rules) table[r[0].charCodeAt(r[0].length - 1)].push(r);
  return table;
}

/**
 * natural's replacePatterns: in list order, every rule whose suffix the input word ends with and whose stem
 * measures above 0 rewrites that suffix in the word as rewritten so far, so an earlier rule can pre-empt or feed a
 * later one ("…ational" whose "…" measures 0 still meets "tional"). A rewrite to the empty string is dropped.
 */
function replaceSuffixes(word: string, table: readonly Rule[][]): string {
  const rules = table[word.charCodeAt(word.length - 1)];
  if (rules === undefined) return word;
  let out = word;
  for (let r = 0; r < rules.length; r++) {
    // Indexed, not destructured: array destructuring steps an iterator, which allocates in cold code.
    const suffix = rules[r][0];
    const replacement = rules[r][1];
    if (!word.endsWith(suffix) || !(measure(word, word.length - suffix.length) > 0) || !out.endsWith(suffix)) continue;
    const next = out.slice(0, out.length - suffix.length) + replacement;
    if (next !== '') out = next;
  }
  return out;
}

function step1a(w: string): string {
  if (w.endsWith('sses') || w.endsWith('ies')) return w.slice(0, -2);
  const n = w.length;
  if (w.charCodeAt(n - 1) === S && w.charCodeAt(n - 2) !== S && n > 2) return w.slice(0, -1);
  return w;
}

function step1b(w: string): string {
  const n = w.length;
  if (w.endsWith('eed')) return measure(w, n - 3) > 0 ? w.slice(0, -1) : w;
  const cut = w.endsWith('ed') ? 2 : w.endsWith('ing') ? 3 : 0;
  if (cut === 0 || n === cut) return w;
  const s = w.slice(0, n - cut);
  if (!hasVowel(s, s.length)) return w;
  // natural runs at→ate, bl→ble, iz→ize in turn; after one, the word ends in 'e' and the others cannot apply.
  if (s.endsWith('at') || s.endsWith('bl') || s.endsWith('iz')) return s + 'e';
  const m = s.length;
  const last = s.charCodeAt(m - 1);
  // A doubled last letter (any but a/e/i/o/u, so also "yy" and "''") loses one, except l, s and z.
  if (m >= 2 && last === s.charCodeAt(m - 2) && !isAeiou(last) && last !== L && last !== S && last !== Z) {
    return s.slice(0, -1);
  }
  if (measure(s, m) === 1 && m >= 3 && cvcAt(s, m - 3) && !isWxy(last)) return s + 'e';
  return s;
}

function step1c(w: string): string {
  if (w.charCodeAt(w.length - 1) !== Y) return w;
  // natural looks for a V among the groups before the last; that is a vowel before the 'y', read in the whole word.
  return hasVowel(w, w.length - 1) ? w.slice(0, -1) + 'i' : w;
}

const STEP2_RULES = byLastLetter([
  ['ational', 'ate'], ['tional', 'tion'], ['enci', 'ence'], ['anci', 'ance'], ['izer', 'ize'], ['abli', 'able'],
  ['bli', 'ble'], ['alli', 'al'], ['entli', 'ent'], ['eli', 'e'], ['ousli', 'ous'], ['ization', 'ize'],
  ['ation', 'ate'], ['ator', 'ate'], ['alism', 'al'], ['iveness', 'ive'], ['fulness', 'ful'], ['ousness', 'ous'],
  ['aliti', 'al'], ['iviti', 'ive'], ['biliti', 'ble'], ['logi', 'log'],
]);

const STEP3_RULES = byLastLetter([
  ['icate', 'ic'], ['ative', ''], ['alize', 'al'], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', ''],
]);

function step2(w: string): string {
  return replaceSuffixes(w, STEP2_RULES);
}

function step3(w: string): string {
  return replaceSuffixes(w, STEP3_RULES);
}

// Longest first: natural's /^(.+?)(al|ance|…)$/ takes the shortest non-empty stem, so the longest suffix.
const STEP4_RULES = byLastLetter(
  ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ou', 'ism', 'ate', 'iti', 'ous',
    'ive', 'ize']
    .sort((a, b) => b.length - a.length)
    .map((suffix) => [suffix, ''] as const),
);

function step4(w: string): string {
  const n = w.length;
  const rules = STEP4_RULES[w.charCodeAt(n - 1)];
  for (let r = 0; rules !== undefined && r < rules.length; r++) {
    const suffix = rules[r][0];
    if (n > suffix.length && w.endsWith(suffix)) {
      if (measure(w, n - suffix.length) > 1) return w.slice(0, n - suffix.length);
      break;
    }
  }
  // natural's second pattern, /^(.+?)(s|t)(ion)$/, keeps the s or t.
  if (n > 4 && (w.endsWith('sion') || w.endsWith('tion')) && measure(w, n - 3) > 1) return w.slice(0, n - 3);
  return w;
}

function step5a(w: string): string {
  const n = w.length;
  if (w.charCodeAt(n - 1) !== E) return w;
  const m = measure(w, n - 1);
  if (m > 1) return w.slice(0, -1);
  if (m !== 1) return w;
  // natural reads categorizeChars(w).substr(-4, 3): the three letters before the 'e', or all three of a 3-letter word.
  const cvc = n >= 4 ? cvcAt(w, n - 4) : n === 3 && cvcAt(w, 0);
  return cvc && !isWxy(w.charCodeAt(n - 2)) ? w : w.slice(0, -1);
}

function step5b(w: string): string {
  return w.endsWith('ll') && measure(w, w.length) > 1 ? w.slice(0, -1) : w;
}

/** The Porter stem of a lowercase word of a–z and apostrophes, exactly as natural's PorterStemmer.stem gives it. */
export function porter(word: string): string {
  if (word.length < 3) return word;
  return step5b(step5a(step4(step3(step2(step1c(step1b(step1a(word))))))));
}
