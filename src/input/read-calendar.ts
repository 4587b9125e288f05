// Batch inputs: a content calendar CSV (id, title, date, channel and a body or path column), draft files,
// globs and directories of .md files, turned into one ordered list of entries to score.
// fs.promises, not node:fs/promises: the getter loads that module (about 1 ms) only when a run first uses it.
import { promises as fsp } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { parseString } from 'fast-csv';
import { InputError, UsageError } from '../errors.js';
import { decodeText } from './decode.js';
import { readInputBytes, STDIN } from './files.js';
import { listColumns } from './columns.js';
import type { BatchDraftInfo } from '../types.js';

/** A batch input; its calendar title/date/channel take precedence over the draft's front matter. */
export interface BatchEntry extends BatchDraftInfo {
  /** A draft file to read… */
  path?: string;
  /** …or the draft's text itself (a calendar body cell), read as Markdown. */
  text?: string;
  /** Why the entry cannot be read (reported in its row). */
  error?: string;
}

export interface CalendarColumns {
  id: string | null;
  title: string | null;
  date: string | null;
  channel: string | null;
  text: string | null;
  path: string | null;
}

// Candidate header names, compared after lowercasing and dropping non-alphanumerics.
const CANDIDATES: Record<keyof CalendarColumns, string[]> = {
  id: ['id', 'postid', 'slug', 'key', 'ref'],
  title: ['title', 'headline', 'subject', 'name', 'topic'],
  date: ['date', 'publishdate', 'publishon', 'publishat', 'scheduled', 'scheduledfor', 'scheduledat', 'postdate', 'day', 'when'],
  channel: ['channel', 'platform', 'network', 'outlet', 'community', 'subreddit', 'where'],
  text: ['body', 'text', 'content', 'copy', 'draft', 'post', 'caption', 'message', 'markdown'],
  path: ['path', 'file', 'filepath', 'draftpath', 'draftfile', 'filename', 'source'],
};

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

export function detectCalendarColumns(headers: readonly string[]): CalendarColumns {
  const byKey = new Map<string, string>();
  for (const h of headers) if (!byKey.has(squash(h))) byKey.set(squash(h), h);
  const used = new Set<string>();
  const find = (wanted: string[]): string | null => {
    for (const w of wanted) {
      const hit = byKey.get(w);
      if (hit !== undefined && !used.has(hit)) {
        used.add(hit);
        return hit;
      }
    }
    return null;
  };
  // Text and path first, so that e.g. a "draft" column is not also taken as something else.
  const text = find(CANDIDATES.text);
  const path = find(CANDIDATES.path);
  return { id: find(CANDIDATES.id), title: find(CANDIDATES.title), date: find(CANDIDATES.date), channel: find(CANDIDATES.channel), text, path };
}

/**
 * Parses a calendar. Path cells are resolved against `baseDir` (the calendar's folder), so a calendar can sit
 * beside its drafts. Rows are numbered from 1 (the first row after the header).
 */
export async function parseCalendar(text: string, name: string, baseDir: string, firstInput = 1): Promise<BatchEntry[]> {
  const rows: { row: Record<string, string> | null; n: number }[] = [];
  let headers: string[] = [];
  await new Promise<void>((resolveParse, reject) => {
    let n = 0;
    parseString(text, {
      headers: (hs) => {
        headers = hs.map((h) => (h ?? '').trim());
        return headers;
      },
      ignoreEmpty: true,
      strictColumnHandling: true,
    })
      .on('data', (row: Record<string, string>) => rows.push({ row, n: ++n }))
      .on('data-invalid', () => rows.push({ row: null, n: ++n }))
      .on('error', (err: Error) => reject(new InputError(`calendar ${name} is not valid CSV: ${err.message.split('\n')[0].slice(0, 200)}`)))
      .on('end', () => resolveParse());
  });
  if (headers.length === 0) throw new InputError(`calendar ${name} is empty`, 'a calendar is a CSV with a header row: id,title,date,channel and body or path');
  const cols = detectCalendarColumns(headers);
  if (!cols.text && !cols.path) {
    throw new InputError(
      `calendar ${name} has no body or path column (columns: ${listColumns(headers)})`,
      'name a column body (the draft text) or path (a draft file)',
    );
  }
  const cell = (row: Record<string, string>, col: string | null): string | null => {
    if (!col) return null;
    const v = (row[col] ?? '').trim();
    return v === '' ? null : v;
  };
  return rows.map(({ row, n }, i): BatchEntry => {
    const input = firstInput + i;
    if (!row) return { input, id: null, title: null, date: null, channel: null, source: `${name}#row ${n}`, error: `calendar row ${n} has the wrong number of fields` };
    const id = cell(row, cols.id);
    const base: BatchEntry = { input, id, title: cell(row, cols.title), date: cell(row, cols.date), channel: cell(row, cols.channel), source: `${name}#${id ?? `row ${n}`}` };
    const body = cols.text ? (row[cols.text] ?? '') : '';
    if (body.trim() !== '') return { ...base, text: body };
    const path = cell(row, cols.path);
    if (path) {
      const full = isAbsolute(path) ? path : join(baseDir, path);
      return { ...base, source: full, path: full };
    }
    return { ...base, error: `calendar row ${n} has neither a body nor a path` };
  });
}

const MAGIC = /[*?[]/;
const DRAFT_FILE = /\.(md|markdown)$/i;

/**
 * Turns the command-line inputs into entries, in order: '-' or a .csv file is a calendar; a directory gives its
 * .md files (sorted); a glob (`*`, `?`, `[…]`, `**`) gives its matches (sorted); anything else is a draft file.
 * A missing file or an empty glob is an entry with an error, not a failure of the whole batch.
 */
export async function collectEntries(inputs: readonly string[]): Promise<BatchEntry[]> {
  if (inputs.filter((i) => i === STDIN).length > 1) throw new UsageError("standard input ('-') can be used once only");
  const entries: BatchEntry[] = [];
  const seen = new Set<string>();
  const add = (e: Omit<BatchEntry, 'input' | 'id' | 'title' | 'date' | 'channel'>): void => {
    entries.push({ input: entries.length + 1, id: null, title: null, date: null, channel: null, ...e });
  };
  const addFile = (path: string): void => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    add({ source: path, path });
  };
  for (const arg of inputs) {
    if (arg === STDIN || /\.csv$/i.test(arg)) {
      let bytes: Buffer;
      try {
        bytes = await readInputBytes(arg, 'calendar');
      } catch (err) {
        if (arg === STDIN) throw err;
        add({ source: arg, error: (err as Error).message });
        continue;
      }
      const { text } = decodeText(bytes, `calendar ${arg}`);
      const name = arg === STDIN ? 'stdin' : arg;
      for (const e of await parseCalendar(text, name, arg === STDIN ? '.' : dirname(arg), entries.length + 1)) entries.push(e);
      continue;
    }
    const info = await fsp.stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      const names = (await fsp.readdir(arg, { withFileTypes: true })).filter((d) => d.isFile() && DRAFT_FILE.test(d.name)).map((d) => d.name).sort();
      if (names.length === 0) add({ source: arg, error: `folder ${arg} has no .md files` });
      for (const n of names) addFile(join(arg, n));
    } else if (!info && MAGIC.test(arg)) {
      const matches = await expandGlob(arg);
      if (matches.length === 0) add({ source: arg, error: `no files match ${arg}` });
      for (const m of matches) addFile(m);
    } else addFile(arg);
  }
  return entries;
}

/** A small glob: `*`, `?` and `[…]` within a path segment, `**` for any depth; hidden entries only when asked. */
export async function expandGlob(pattern: string): Promise<string[]> {
  const parts = pattern.replace(/\\/g, '/').split('/');
  const first = parts.findIndex((p) => MAGIC.test(p));
  const baseParts = parts.slice(0, first);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  const prefix = baseParts.length === 0 ? '' : baseParts.join('/') + '/';
  const rest = parts.slice(first);
  const out = new Set<string>();
  const walk = async (dir: string, shown: string, k: number): Promise<void> => {
    if (k === rest.length) return;
    const seg = rest[k];
    const last = k === rest.length - 1;
    let list;
    try {
      list = await fsp.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (seg === '**') {
      if (last) return;
      await walk(dir, shown, k + 1);
      for (const d of list) if (d.isDirectory() && !d.name.startsWith('.')) await walk(join(dir, d.name), `${shown}${d.name}/`, k);
      return;
    }
    const re = segmentRegex(seg);
    for (const d of list) {
      if (d.name.startsWith('.') && !seg.startsWith('.')) continue;
      if (!re.test(d.name)) continue;
      if (last) {
        if (d.isFile() || (d.isSymbolicLink() && (await fsp.stat(join(dir, d.name)).catch(() => null))?.isFile())) out.add(`${shown}${d.name}`);
      } else if (d.isDirectory() || d.isSymbolicLink()) await walk(join(dir, d.name), `${shown}${d.name}/`, k + 1);
    }
  };
  await walk(base, prefix, 0);
  return [...out].sort();
}

function segmentRegex(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = seg.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        const body = seg.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\');
        re += `[${body}]`;
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}
