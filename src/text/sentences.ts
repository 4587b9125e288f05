// Sentence splitting with character offsets; survives abbreviations, decimals, ellipses, emoji and list items.

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
const BOUNDARY = /(?<![.!?…])([.!?…]+)(["')\]’”»]*)(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*+•]|\d{1,3}[.)])\s)/g;

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
    const word = /([\p{L}.]{1,12})$/u.exec(text.slice(Math.max(0, at - 12), at))?.[1]?.toLowerCase() ?? '';
    if (ABBREVIATIONS.has(word)) return false;
    if (/^\p{Lu}$/u.test(text[at - 1] ?? '') && !/\p{L}/u.test(text[at - 2] ?? ' ')) return false; // initials: "J. R."
  }
  // An ellipsis or stop followed by a lowercase word continues the sentence ("wait... it rose").
  const next = /\S/u.exec(text.slice(at + punct.length, at + punct.length + 40));
  if (next && /\p{Ll}/u.test(next[0]) && (punct.includes('…') || punct.includes('..'))) return false;
  return true;
}

function pushTrimmed(text: string, start: number, end: number, out: SentenceSpan[]): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
}
