// Reads a draft (.md with optional YAML front matter, .txt, or stdin) into a Document.
import { fromMarkdown } from 'mdast-util-from-markdown';
import { createRequire } from 'node:module';
import type { Document, FrontMatter, Sentence } from '../types.js';
import { InputError } from '../errors.js';
import { measureText } from '../text/measure.js';
import { decodeText } from './decode.js';
import { readInputBytes, STDIN, STDIN_NAME } from './files.js';
import { fastMarkdownToPlain, type PlainText, type Segment } from './markdown-plain.js';
import { lastAtMost } from '../text/sorted-numbers.js';

interface MdNode {
  type: string;
  value?: string;
  children?: MdNode[];
  position?: { start: { offset?: number } };
}

// Blocks whose text is not prose a reader of the post sees as sentences.
const SKIPPED = new Set(['code', 'inlineCode', 'html', 'image', 'imageReference', 'definition', 'math', 'inlineMath']);
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

export async function readDraft(path: string): Promise<Document> {
  const bytes = await readInputBytes(path, 'draft');
  const { text } = decodeText(bytes, `draft ${path}`);
  const isMarkdown = path === STDIN || !/\.txt$/i.test(path);
  // A draft piped in is named as such in reports, as the profile names a piped export.
  return parseDraft(text, path === STDIN ? STDIN_NAME : path, isMarkdown);
}

/** Builds a Document from the text of a draft; pure, so tests need no files. */
export function parseDraft(source: string, name: string, markdown: boolean): Document {
  const { body, frontMatter } = splitFrontMatter(source.replace(/\r\n?/g, '\n'), name);
  const { plain, segments } = markdown ? markdownToPlain(defuseMarkup(body)) : { plain: body, segments: [{ plain: 0, source: 0 }] };
  // An ASCII letter answers for almost every draft without the property class (ICU tables, ~0.5 ms to compile).
  if (!/[A-Za-z]/.test(plain) && !/[\p{L}\p{Extended_Pictographic}]/u.test(plain)) {
    throw new InputError(`draft ${name} has no prose to read`, 'the draft is empty, or only front matter, code or links');
  }
  const lineStarts = lineStartsOf(body);
  const plainStarts = segments.map((seg) => seg.plain);
  const measured = measureText(plain);
  const sentences: Sentence[] = measured.sentences.map((s, index) => {
    const { line, column } = lineColumn(lineStarts, toSource(segments, plainStarts, s.start));
    const positionOf = (k: number): { line: number; column: number } => lineColumn(lineStarts, toSource(segments, plainStarts, s.tokens[k].start));
    return { index, text: plain.slice(s.start, s.end), line, column, tokens: s.tokens, positionOf, stats: s.stats };
  });
  const title = frontMatter.title ?? (markdown ? headingTitle(body) : undefined);
  return { source: name, frontMatter: title === undefined ? frontMatter : { ...frontMatter, title }, text: plain, sentences, stats: measured.stats };
}

/** The text of a Markdown draft's first level-1 ATX heading ("# Title"), when no front matter names a title. */
export function headingTitle(body: string): string | undefined {
  // Scanned by hand, not by one regular expression: a lazy match with an optional closing run backtracks
  // quadratically on a long heading line of spaces and hashes.
  for (const line of body.split('\n')) {
    const open = /^ {0,3}# /.exec(line);
    if (!open) continue;
    let text = line.slice(open[0].length).trim();
    let end = text.length;
    while (end > 0 && text[end - 1] === '#') end--;
    if (end === 0 || text[end - 1] === ' ') text = text.slice(0, end).trim();
    text = text.replace(/[*_`]/g, '').trim();
    return text || undefined;
  }
  return undefined;
}

/** Front matter is blanked to empty lines, not cut, so line numbers still match the file. */
export function splitFrontMatter(text: string, name: string): { body: string; frontMatter: FrontMatter } {
  const m = /^---\n([\s\S]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text);
  if (!m) return { body: text, frontMatter: {} };
  let data: unknown = simpleFrontMatter(m[1]);
  try {
    data ??= fullYaml(m[1]);
  } catch (err) {
    throw new InputError(`draft ${name} has front matter that is not valid YAML: ${(err as Error).message.split('\n')[0]}`);
  }
  const blank = m[0].replace(/[^\n]/g, '');
  return { body: blank + text.slice(m[0].length), frontMatter: frontMatterOf(data) };
}

/**
 * Front matter is almost always flat `key: value` lines and simple lists; reading those directly saves loading
 * the YAML library (~12 ms of every run). Returns undefined for anything else, which goes to the real parser.
 */
export function simpleFrontMatter(text: string): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let listKey: string | null = null;
  for (const line of text.split('\n')) {
    if (/^\s*(#.*)?$/.test(line)) continue;
    const item = /^\s+-\s+(.*)$/.exec(line);
    if (item && listKey) {
      (out[listKey] as unknown[]).push(scalar(item[1]));
      continue;
    }
    const kv = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (!kv) return undefined;
    const value = (kv[2] ?? '').trim();
    listKey = null;
    if (value === '') {
      out[kv[1]] = [];
      listKey = kv[1];
    } else if (/^\[.*\]$/.test(value)) {
      const inner = value.slice(1, -1).trim();
      out[kv[1]] = inner ? inner.split(',').map((v) => scalar(v.trim())) : [];
    } else if (/^[|>&*!{[]/.test(value) || value.includes('\\') || (/^["']/.test(value) && !/^(["'])[^"']*\1$/.test(value))) {
      return undefined;
    } else out[kv[1]] = scalar(value);
  }
  return out;
}

function scalar(v: string): string {
  const quoted = /^(["'])(.*)\1$/.exec(v);
  if (quoted) return quoted[2];
  // Cut at the first ' #' (a YAML comment) by search, not by a backtracking /\s+#.*$/ (quadratic on long space runs).
  const hash = v.search(/\s#/);
  return (hash === -1 ? v : v.slice(0, hash)).trimEnd();
}

function fullYaml(text: string): unknown {
  const { parse } = createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return parse(text, { maxAliasCount: 50 });
}

function frontMatterOf(data: unknown): FrontMatter {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const d = data as Record<string, unknown>;
  const str = (v: unknown): string | undefined =>
    typeof v === 'string' ? v : v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'number' ? String(v) : undefined;
  const fm: FrontMatter = {};
  const title = str(d.title);
  const date = str(d.date);
  const channel = str(d.channel);
  if (title) fm.title = title;
  if (date) fm.date = date;
  if (channel) fm.channel = channel;
  if (Array.isArray(d.tags)) fm.tags = d.tags.map(str).filter((t): t is string => !!t);
  else if (typeof d.tags === 'string') fm.tags = d.tags.split(/[,\s]+/).filter(Boolean);
  return fm;
}

/** More emphasis/link delimiters than this in one paragraph are not formatting a person wrote. */
const MAX_DELIMITERS = 256;
const DELIMITERS = /[*_[\]]/g;

/**
 * The markdown parser's delimiter matching is quadratic in the unmatched `*`, `_`, `[`, `]` of a paragraph
 * (40k characters of "*a" took 8 s). Paragraphs with more delimiters than any real formatting are read with
 * those characters blanked to spaces, which keeps every offset, and so every line number, in place.
 */
export function defuseMarkup(body: string): string {
  return body.replace(/[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g, (para) =>
    (para.match(DELIMITERS)?.length ?? 0) > MAX_DELIMITERS ? para.replace(DELIMITERS, ' ') : para,
  );
}

function markdownToPlain(body: string): PlainText {
  return fastMarkdownToPlain(body) ?? micromarkToPlain(body);
}

/**
 * The full CommonMark reading, for what fastMarkdownToPlain leaves: micromark's tree, walked for its prose.
 * (The bundle loads micromark on this function's first call; see scripts/bundle.mjs.)
 */
export function micromarkToPlain(body: string): PlainText {
  const tree = fromMarkdown(body) as MdNode;
  let plain = '';
  const segments: Segment[] = [];
  const visit = (node: MdNode): void => {
    if (SKIPPED.has(node.type)) return;
    if (node.type === 'text') {
      const start = node.position?.start.offset;
      if (start !== undefined) segments.push({ plain: plain.length, source: start });
      plain += straightenSpaces(node.value ?? '');
      return;
    }
    if (node.type === 'break') {
      plain += ' ';
      return;
    }
    const block = BLOCKS.has(node.type);
    if (block && plain.length > 0) plain += '\n\n';
    for (const child of node.children ?? []) visit(child);
    if (block && node.type === 'heading' && !/[.!?:]\s*$/.test(plain)) plain += '.';
  };
  visit(tree);
  return { plain, segments };
}

function straightenSpaces(value: string): string {
  // Soft line breaks inside a paragraph are spaces to a reader.
  return value.replace(/\n/g, ' ');
}

/** `plainStarts` holds each segment's `plain` offset, in order. */
function toSource(segments: Segment[], plainStarts: number[], plainOffset: number): number {
  const seg = segments[lastAtMost(plainStarts, plainOffset)];
  return seg ? seg.source + Math.max(0, plainOffset - seg.plain) : plainOffset;
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineColumn(starts: number[], offset: number): { line: number; column: number } {
  const i = lastAtMost(starts, offset);
  return { line: i + 1, column: offset - starts[i] + 1 };
}

