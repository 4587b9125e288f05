// Reads the Markdown people write in posts into plain text, without micromark.
// Kept because it pays: against micromark for every draft (bench/replacements/markdown-micromark.patch, `npm run
// bench:replacements`), `score` 9.2 % less (8.2 % in an earlier run); test/input/markdown-plain.test.ts and
// test/fuzz/markdown-plain.test.ts keep it equal to the micromark walk.
//
// micromark's state machine runs interpreted on every cold start of the CLI and costs ~8–10 ms of a `score`
// run; the common subset (paragraphs, ATX headings, flat lists, fenced and indented code, emphasis, code spans,
// plain links and images) is read here with line splits and regular expressions. The result must equal the
// micromark walk in read-draft.ts exactly (plain text and segments: the report's line and column numbers come
// from where each mdast text node starts), so anything this reader is not sure of returns undefined and goes to
// micromark: block quotes, HTML, setext headings, nested or empty list items, blocks inside list items, tabs,
// carriage returns, character references, reference links, links with titles or unusual destinations.
// test/fuzz/markdown-plain.test.ts compares the two readers on generated documents.

export interface Segment {
  /** Offset in the plain text where an mdast text node's value starts. */
  plain: number;
  /** Offset in the Markdown source where that text node starts. */
  source: number;
}

export interface PlainText {
  plain: string;
  segments: Segment[];
}

/**
 * The plain text as it is built: its blocks, their length, and the last character that is not a space (a heading
 * ends in a full stop unless that is one; testing the whole text for it at every heading would be quadratic).
 */
interface Built {
  parts: string[];
  length: number;
  last: string;
  segments: Segment[];
}

/** A piece of inline content: text (k 0), a node boundary (k 1), a hard break (k 2) or a `*`/`_` run (k 3). */
type Piece = { k: 0; at: number; text: string } | { k: 1 | 2 } | Run;

/** A block's backtick runs by length (where code spans can close), each with the first not yet passed. */
type TickRuns = Map<number, { at: number[]; next: number }>;

/** A delimiter run; markers used to close emphasis come off its start (lo), those used to open it off its end (hi). */
interface Run {
  k: 3;
  at: number;
  end: number;
  lo: number;
  hi: number;
  mark: string;
  open: boolean;
  close: boolean;
  /** Between a matched opener and closer: left as text (micromark turns such runs into data). */
  inert: boolean;
}

const CUT = { k: 1 } as const;
const BREAK = { k: 2 } as const;

// Block starts, tested on a line after its indentation.
const HR = /^([-*_])(?: *\1){2,} *$/;
const SETEXT = /^(?:=+|-+) *$/;
const HEADING = /^#{1,6}(?= |$)/;
const FENCE = /^(?:`{3,}|~{3,})/;
const ITEM = /^(?:([-*+])|\d{1,9}[.)])( *)/;
/** What ends a list (or its lazy paragraph line) and is read at the top level, or bails there. */
const INTERRUPT = /^(?:#{1,6}(?: |$)|`{3}|~{3}|>|<[A-Za-z/!?])/;
/** Anything but paragraph text: inside a list item this would be a nested block. */
const BLOCKISH = /^(?:#{1,6}(?: |$)|`{3}|~{3}|[>=]|<[A-Za-z/!?]|[-*+](?: |$)|\d{1,9}[.)](?: |$)|-+ *$)/;

// Inline: the characters micromark's text constructs start at (with line endings), and what bails.
const SPECIAL = /[\n!&*<[\\\]_`]/g;
const TICKS = /`+/g;
const DEST = /\([^\0- ()<>[\]\\`\x7f]*\)/y;
const TAG_OR_AUTOLINK = /<(?:[A-Za-z/!?]|[^\s<>]*>)/y;
const REFERENCE = /&#?[A-Za-z0-9]+;/y;
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;
// micromark classifies the UTF-16 unit either side of a run (an astral emoji is neither space nor punctuation).
const WHITESPACE = /\s/;
let punctuation: RegExp | undefined;

/** `{ plain, segments }` as the micromark walk gives them, or undefined for input outside the subset read here. */
export function fastMarkdownToPlain(body: string): PlainText | undefined {
  if (/[\0\t\r]/.test(body) || body.charCodeAt(0) === 0xfeff) return undefined;
  const out: Built = { parts: [], length: 0, last: '', segments: [] };
  let paraFrom = -1; // where the open paragraph's text starts (-1: none)
  let paraTo = 0; // where its last line ends
  let width = 0; // the column the open list item's content starts at (0: no list open)
  let fence = ''; // the open code fence's opening sequence
  let indented = false; // in an indented code block
  const closePara = (): boolean => {
    if (paraFrom < 0) return true;
    let to = paraTo;
    while (to > paraFrom && body.charCodeAt(to - 1) === 32) to--;
    const from = paraFrom;
    paraFrom = -1;
    return block(body, from, to, false, out);
  };
  for (let at = 0; at <= body.length; ) {
    let eol = body.indexOf('\n', at);
    if (eol < 0) eol = body.length;
    const line = body.slice(at, eol);
    const lineAt = at;
    at = eol + 1;
    if (fence) {
      const close = /^ {0,3}(`{3,}|~{3,}) *$/.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length) fence = '';
      continue;
    }
    const indent = line.search(/[^ ]/);
    if (indent < 0) {
      if (!closePara()) return undefined;
      continue;
    }
    // micromark lets the line after indented code interrupt it as if it were a paragraph.
    const afterCode = indented;
    if (indented) {
      if (indent >= 4) continue;
      indented = false;
    }
    const rest = line.slice(indent);
    let nextItem = false;
    if (width) {
      if (indent >= width) {
        // Inside the item: only paragraph text, and a new paragraph only at the item's own column.
        if (HR.test(rest) || BLOCKISH.test(rest) || (paraFrom < 0 && indent > width)) return undefined;
        if (paraFrom < 0) paraFrom = lineAt + width;
        paraTo = eol;
        continue;
      }
      const item = indent < 4 && !HR.test(rest) ? ITEM.exec(rest) : null;
      if (item && (item[2] || rest.length === item[0].length)) {
        // The next item, of this list or (another marker) of a new one: read below as a new list, same output.
        nextItem = true;
      } else if (paraFrom >= 0 && (indent >= 4 || !(HR.test(rest) || INTERRUPT.test(rest)))) {
        // A lazy continuation line of the item's paragraph.
        if (SETEXT.test(rest)) return undefined;
        paraTo = eol;
        continue;
      } else if (indent >= 4) return undefined;
      width = 0;
    }
    if (indent >= 4) {
      // Indented code cannot interrupt a paragraph.
      if (paraFrom >= 0) paraTo = eol;
      else indented = true;
      continue;
    }
    if (paraFrom >= 0 && SETEXT.test(rest)) return undefined;
    if (HR.test(rest)) {
      if (!closePara()) return undefined;
      continue;
    }
    const hashes = HEADING.exec(rest);
    if (hashes) {
      if (!closePara()) return undefined;
      let from = lineAt + indent + hashes[0].length;
      let to = eol;
      while (body.charCodeAt(from) === 32) from++;
      while (to > from && body.charCodeAt(to - 1) === 32) to--;
      // A closing sequence of #s counts only after a space (or as the whole content).
      let closing = to;
      while (closing > from && body.charCodeAt(closing - 1) === 35) closing--;
      if (closing === from || body.charCodeAt(closing - 1) === 32) {
        to = closing;
        while (to > from && body.charCodeAt(to - 1) === 32) to--;
      }
      if (!block(body, from, to, true, out)) return undefined;
      continue;
    }
    const fenceOpen = FENCE.exec(rest);
    if (fenceOpen) {
      // A backtick fence's info string cannot hold a backtick (the line would be a code span).
      if (fenceOpen[0][0] === '`' && rest.includes('`', fenceOpen[0].length)) return undefined;
      if (!closePara()) return undefined;
      fence = fenceOpen[0];
      continue;
    }
    const item = ITEM.exec(rest);
    if (item && (item[2] || rest.length === item[0].length)) {
      // An ordered item interrupts a paragraph only when it starts at 1; otherwise the line is paragraph text.
      const continues = !nextItem && (paraFrom >= 0 || afterCode) && !item[1] && !/^1[.)]/.test(rest);
      if (!continues) {
        const content = rest.slice(item[0].length);
        if (!content || item[2].length > 4 || HR.test(content) || BLOCKISH.test(content)) return undefined;
        if (!closePara()) return undefined;
        width = indent + item[0].length;
        paraFrom = lineAt + width;
        paraTo = eol;
        continue;
      }
    }
    if (rest[0] === '>' || /^<[A-Za-z/!?]/.test(rest)) return undefined;
    if (paraFrom < 0) paraFrom = lineAt + indent;
    paraTo = eol;
  }
  return closePara() ? { plain: out.parts.join(''), segments: out.segments } : undefined;
}

/** Reads one paragraph or heading's inline content (source[from, to)) into out; false when it bails. */
function block(source: string, from: number, to: number, heading: boolean, out: Built): boolean {
  const pieces: Piece[] = [];
  if (inline(source, from, to, pieces, false, {}) < 0) return false;
  let plain = out.length > 0 ? '\n\n' : '';
  // mdast merges adjacent text into one node, which starts where its first piece does.
  let inText = false;
  for (const p of pieces) {
    if (p.k === 0) {
      if (!inText) out.segments.push({ plain: out.length + plain.length, source: p.at });
      inText = true;
      plain += p.text === '\n' ? ' ' : p.text;
    } else if (p.k === 3) {
      if (p.lo > p.at) inText = false;
      if (p.hi > p.lo) {
        if (!inText) out.segments.push({ plain: out.length + plain.length, source: p.lo });
        inText = true;
        plain += p.mark.repeat(p.hi - p.lo);
      }
      if (p.hi < p.end) inText = false;
    } else {
      inText = false;
      if (p.k === 2) plain += ' ';
    }
  }
  out.last = /(\S)\s*$/.exec(plain)?.[1] ?? out.last;
  if (heading && !(out.last && '.!?:'.includes(out.last))) {
    plain += '.';
    out.last = '.';
  }
  out.parts.push(plain);
  out.length += plain.length;
  return true;
}

/**
 * Splits source[from, to) into pieces, left to right as micromark's text tokenizer does (a code span hides
 * what it holds; a link's text is its own scope for emphasis). In a link label it stops at the closing `]` and
 * returns its offset; otherwise it returns `to`. -1: bail.
 */
function inline(s: string, from: number, to: number, pieces: Piece[], label: boolean, ticks: { runs?: TickRuns }): number {
  const runs: Run[] = [];
  for (let i = from; ; ) {
    SPECIAL.lastIndex = i;
    const found = SPECIAL.exec(s);
    const p = found && found.index < to ? found.index : to;
    const c = p < to ? s[p] : '';
    // Spaces before a line ending are not text: one is dropped, two or more make a hard break.
    let textEnd = p;
    if (c === '\n') while (textEnd > i && s.charCodeAt(textEnd - 1) === 32) textEnd--;
    if (textEnd > i) pieces.push({ k: 0, at: i, text: s.slice(i, textEnd) });
    if (c === '') {
      if (label) return -1;
      break;
    }
    i = p + 1;
    if (c === '\n' || (c === '\\' && s[i] === '\n' && i < to)) {
      if (label) return -1;
      pieces.push(c === '\\' || p - textEnd > 1 ? BREAK : { k: 0, at: p, text: '\n' });
      if (c === '\\') i++;
      while (s.charCodeAt(i) === 32) i++;
    } else if (c === '*' || c === '_') {
      while (s[i] === c) i++;
      const before = kind(s[p - 1]);
      const after = kind(s[i]);
      const open = !after || (after === 2 && !!before);
      const close = !before || (before === 2 && !!after);
      // Same flanking rules as micromark's attention construct (`_` cannot open or close inside a word).
      const run: Run = {
        k: 3,
        at: p,
        end: i,
        lo: p,
        hi: i,
        mark: c,
        open: c === '*' ? open : open && (!!before || !close),
        close: c === '*' ? close : close && (!!after || !open),
        inert: false,
      };
      pieces.push(run);
      runs.push(run);
    } else if (c === '`') {
      while (s[i] === '`') i++;
      ticks.runs ??= tickRuns(s, p, to);
      const closeAt = closingTicks(ticks.runs, i, i - p);
      if (closeAt < 0) pieces.push({ k: 0, at: p, text: s.slice(p, i) });
      else {
        pieces.push(CUT);
        i = closeAt;
      }
    } else if (c === '[' || (c === '!' && s[i] === '[')) {
      // A link `[text](dest)` or an image `![alt](dest)`, nothing more: its text holds no brackets.
      if (label) return -1;
      pieces.push(CUT);
      const image = c === '!';
      const end = inline(s, image ? i + 1 : i, to, image ? [] : pieces, true, ticks);
      if (end < 0) return -1;
      DEST.lastIndex = end + 1;
      if (!DEST.test(s) || DEST.lastIndex > to) return -1;
      pieces.push(CUT);
      i = DEST.lastIndex;
    } else if (c === ']') {
      if (!label) return -1;
      resolveEmphasis(runs);
      return p;
    } else if (c === '\\') {
      // An escaped punctuation character is text (starting at the backslash); any other backslash is itself.
      const escaped = i < to && ASCII_PUNCTUATION.test(s[i]);
      pieces.push({ k: 0, at: p, text: escaped ? s[i] : '\\' });
      if (escaped) i++;
    } else {
      // `!` not before `[`, and `<` or `&` that start no tag, autolink or character reference.
      const sticky = c === '<' ? TAG_OR_AUTOLINK : c === '&' ? REFERENCE : null;
      if (sticky) {
        sticky.lastIndex = p;
        if (sticky.test(s)) return -1;
      }
      pieces.push({ k: 0, at: p, text: c });
    }
  }
  resolveEmphasis(runs);
  return to;
}

/** 1 whitespace (or nothing), 2 punctuation, 0 other, as micromark-util-classify-character. */
function kind(unit: string | undefined): 0 | 1 | 2 {
  if (unit === undefined || WHITESPACE.test(unit)) return 1;
  // Every ASCII punctuation character is in \p{P} or \p{S}: the property class (ICU tables, expanded when the
  // literal is evaluated and compiled on first use, ~0.5 ms of a run) is made only beside other characters.
  if (unit.charCodeAt(0) < 128) return ASCII_PUNCTUATION.test(unit) ? 2 : 0;
  return (punctuation ??= /[\p{P}\p{S}]/u).test(unit) ? 2 : 0;
}

/** The backtick runs in s[from, to): one scan a block, so that finding where code spans close stays linear. */
function tickRuns(s: string, from: number, to: number): TickRuns {
  const runs: TickRuns = new Map();
  TICKS.lastIndex = from;
  for (let m = TICKS.exec(s); m && m.index < to; m = TICKS.exec(s)) {
    const same = runs.get(m[0].length);
    if (same) same.at.push(m.index);
    else runs.set(m[0].length, { at: [m.index], next: 0 });
  }
  return runs;
}

/** Where a code span opened by `size` backticks before `from` ends (after its closing run), or -1: it does not close. */
function closingTicks(runs: TickRuns, from: number, size: number): number {
  const same = runs.get(size);
  if (!same) return -1;
  while (same.next < same.at.length && same.at[same.next] < from) same.next++;
  return same.next < same.at.length ? same.at[same.next] + size : -1;
}

/**
 * micromark's resolveAllAttention: each closer, left to right, takes the nearest opener of its marker (the rule of
 * 3 on the runs' remaining lengths), two markers when both have two. The runs between a matched pair are then
 * resolved among themselves (their lengths may have changed since they were passed over) and left as text.
 */
function resolveEmphasis(runs: Run[]): void {
  for (let i = 0; i < runs.length; i++) {
    const closer = runs[i];
    if (!closer.close) continue;
    for (let j = i - 1; j >= 0 && closer.hi > closer.lo; j--) {
      const opener = runs[j];
      if (opener.inert || !opener.open || opener.hi === opener.lo || opener.mark !== closer.mark) continue;
      const a = opener.hi - opener.lo;
      const b = closer.hi - closer.lo;
      if ((opener.close || closer.open) && b % 3 && !((a + b) % 3)) continue;
      const use = a > 1 && b > 1 ? 2 : 1;
      opener.hi -= use;
      closer.lo += use;
      const between = runs.slice(j + 1, i).filter((r) => !r.inert && r.hi > r.lo);
      resolveEmphasis(between);
      for (const r of between) r.inert = true;
      j = i; // the closer's remaining markers look again from just before it
    }
  }
}
