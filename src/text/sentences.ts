// Sentence splitting with character offsets; survives abbreviations, decimals, ellipses, emoji and list items.
import { classOf, isUpperAt, LETTER, SPACE } from './char-class.js';

export interface SentenceSpan {
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'approx', 'min', 'hr', 'hrs',
  'no', 'vol', 'fig', 'inc', 'ltd', 'co', 'corp', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept',
  'oct', 'nov', 'dec', 'a.m', 'p.m', 'mt', 'ft', 'oz', 'lb', 'lbs', 'tbsp', 'tsp', 'cf', 'al', 'ca', 'u.s', 'u.k',
]);

// A candidate end: terminal punctuation (runs allowed: "?!", "..."), optional closers, then whitespace.
// The lookbehind makes a punctuation run match only from its first character: without it a long run of '?'
// is retried from every position (quadratic).
const BOUNDARY = /(?<![.!?\u2026])([.!?\u2026]+)(["')\]\u2019\u201d\u00bb]*)(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+\u2022]|\d{1,3}[.)])\s)/g;

/** Splits `text` into sentence spans (trimmed, non-empty). */
export function splitSentences(text: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  let start = 0;
  BOUNDARY.lastIndex = 0;
  for (const m of text.matchAll(BOUNDARY)) {
    const at = m.index!;
    if (m[1] !== undefined && !isRealEnd(text, at, m[1])) continue;
    pushTrimmed(text, start, at + m[0].length, spans);
    start = at + m[0].length;
  }
  pushTrimmed(text, start, text.length, spans);
  return spans;
}

function isRealEnd(text: string, at: number, punct: string): boolean {
  if (punct === '.') {
    if (ABBREVIATIONS.has(wordBefore(text, at))) return false;
    if (isUpperAt(text, at - 1) && !isLetter(text, at - 2)) return false; // initials: "J. R."
  }
  // An ellipsis or stop followed by a lowercase word continues the sentence ("wait... it rose").
  if (punct.includes('…') || punct.includes('..')) {
    const next = /\S/u.exec(text.slice(at + punct.length, at + punct.length + 40));
    if (next && /\p{Ll}/u.test(next[0])) return false;
  }
  return true;
}

// The helpers below read ASCII directly (most text is) and leave other characters to the \p{} classes.

/** The letters and dots (up to 12) just before `at`, lowercased: the word a stop may abbreviate. */
function wordBefore(text: string, at: number): string {
  const from = Math.max(0, at - 12);
  let i = at;
  while (i > from) {
    const c = text.charCodeAt(i - 1);
    if (c >= 128) return /([\p{L}.]{1,12})$/u.exec(text.slice(from, at))?.[1]?.toLowerCase() ?? '';
    if (c !== 46 && !isAsciiLetter(c)) break;
    i--;
  }
  return text.slice(i, at).toLowerCase();
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Whether the code unit at i is a letter (false outside the text). */
function isLetter(text: string, i: number): boolean {
  if (i < 0) return false;
  const c = text.charCodeAt(i);
  return c < 128 ? isAsciiLetter(c) : (classOf(c) & LETTER) !== 0;
}

function pushTrimmed(text: string, start: number, end: number, out: SentenceSpan[]): void {
  while (start < end && (classOf(text.charCodeAt(start)) & SPACE) !== 0) start++;
  while (end > start && (classOf(text.charCodeAt(end - 1)) & SPACE) !== 0) end--;
  if (end > start) out.push({ start, end });
}
