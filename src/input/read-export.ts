// Streams a community export (CSV, JSON array or NDJSON; optionally gzipped; a file or stdin) as rows.
import { createHash } from 'node:crypto';
import { isUtf8 } from 'node:buffer';
// fs.promises, not node:fs/promises: the getter loads that module (about 1 ms) only when a run first uses it.
import { createReadStream, promises as fsp } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { InputError } from '../errors.js';
import { fileError, STDIN } from './files.js';
import { JsonArraySplitter, NotAnArray } from './json-array.js';
import { looksBinary } from './decode.js';
import { displayLine } from '../text/normalize.js';
import { CsvRecordSplitter, fastCsvParser, MAX_RECORD_CHARS, parseRecords, type CsvRecord } from './csv-records.js';

export type ExportFormat = 'csv' | 'json' | 'ndjson';
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface ExportRow {
  /** 1-based line of the row's first character in the (decompressed) export. */
  line: number;
  /** Column name → value; built without a prototype so hostile keys stay plain data. */
  values: Record<string, unknown>;
}

export interface RowProblem {
  line: number;
  reason: string;
}

export interface OpenedExport {
  name: string;
  format: ExportFormat;
  columns: string[];
  rows: AsyncIterable<ExportRow>;
  /** The first MAX_PROBLEMS_KEPT rows that could not be read (ragged or broken CSV records, invalid NDJSON lines), filled while `rows` is consumed. */
  problems: RowProblem[];
  /** How many rows could not be read in all. */
  problemCount(): number;
  /** How the bytes were decoded: from a BOM, else UTF-8, else (not valid UTF-8) Windows-1252. */
  encoding: Encoding;
  /** Raw bytes read so far and their SHA-256, final once `rows` is consumed. */
  bytes(): number;
  sha256(): string;
}

/** Unreadable rows kept with their line numbers (all are counted). */
export const MAX_PROBLEMS_KEPT = 100;

export async function openExport(path: string): Promise<OpenedExport> {
  const source = await openRaw(path);
  const hash = createHash('sha256');
  let byteCount = 0;
  // Hashing inside the pipeline (not a 'data' listener, which would start the flow before a reader is attached).
  const raw = source.pipe(
    new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        byteCount += chunk.length;
        done(null, chunk);
      },
    }),
  );
  source.on('error', (err) => raw.destroy(err));
  const head = await peek(raw, path);
  const gz = head[0] === 0x1f && head[1] === 0x8b;
  let stream: Readable = raw;
  if (gz) {
    const gunzip = createGunzip();
    raw.on('error', (err) => gunzip.destroy(err));
    stream = raw.pipe(gunzip);
  }
  const inner = gz ? await peek(stream, path) : head;
  const encoding: Encoding | null = bomEncoding(inner) ?? (looksBinary(inner) ? null : isUtf8Head(inner) ? 'utf-8' : 'windows-1252');
  if (!encoding) {
    source.destroy();
    throw new InputError(`export ${path} looks like a binary file, not CSV, JSON or NDJSON`, 'give the CSV, JSON or NDJSON export itself (gzipped is fine)');
  }
  const decodedHead = decodeHead(inner, encoding);
  const format = detectFormat(path, decodedHead);
  let sha = '';
  const finalSha = (): string => (sha ||= hash.digest('hex'));
  const problems: RowProblem[] = [];
  let problemCount = 0;
  const report = (p: RowProblem): void => {
    problemCount++;
    if (problems.length < MAX_PROBLEMS_KEPT) problems.push(p);
  };
  const common = { name: path, encoding, problems, problemCount: () => problemCount, bytes: () => byteCount, sha256: finalSha };
  const text = decodeChunks(stream, encoding, path);
  if (format === 'csv') return { ...common, format, ...(await csvRows(text, path, problems, report)) };
  if (format === 'ndjson') return { ...common, format, ...(await ndjsonRows(text, path, problems, report)) };
  return { ...common, format, ...(await jsonRows(text, path)) };
}

async function openRaw(path: string): Promise<Readable> {
  if (path === STDIN) {
    if (process.stdin.isTTY) {
      throw new InputError(`the export is '-' (standard input) but nothing is piped in`, 'pipe an export in, e.g. cat comments.csv | resonate …');
    }
    return process.stdin;
  }
  try {
    const info = await fsp.stat(path);
    if (info.isDirectory()) throw new InputError(`export ${path} is a directory, not a file`);
  } catch (err) {
    if (err instanceof InputError) throw err;
    throw fileError(err, path, 'export');
  }
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', (err) => reject(fileError(err, path, 'export')));
  });
  return stream;
}

function readError(err: unknown, name: string): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR') return new InputError(`export ${name} is a damaged or truncated gzip file`);
  return fileError(err, name, 'export');
}

/** Reads the first chunk without consuming it: it is pushed back for the next reader. */
async function peek(stream: Readable, name: string): Promise<Buffer> {
  const chunk = await new Promise<Buffer | null>((resolve, reject) => {
    const onReadable = (): void => {
      cleanup();
      resolve(stream.read() as Buffer | null);
    };
    const onEnd = (): void => {
      cleanup();
      resolve(null);
    };
    const onError = (err: Error): void => {
      cleanup();
      reject(readError(err, name));
    };
    const cleanup = (): void => {
      stream.off('readable', onReadable);
      stream.off('end', onEnd);
      stream.off('error', onError);
    };
    stream.on('readable', onReadable);
    stream.on('end', onEnd);
    stream.on('error', onError);
  });
  if (chunk === null) return Buffer.alloc(0);
  stream.unshift(chunk);
  return chunk;
}

function bomEncoding(head: Buffer): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/** True when the first chunk is UTF-8 (a multi-byte character cut at the chunk's end is allowed). */
function isUtf8Head(head: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function decodeHead(head: Buffer, encoding: Encoding): string {
  return new TextDecoder(encoding).decode(head.subarray(0, 64 * 1024), { stream: true });
}

/**
 * The export as text chunks. The encoding is chosen from the first chunk: a BOM (UTF-8, UTF-16 LE/BE), else UTF-8
 * when that chunk is valid UTF-8, else Windows-1252 (what spreadsheet programs save; a superset of Latin-1). A
 * stray invalid byte later in a UTF-8 file becomes U+FFFD. TextDecoder drops the BOM itself.
 */
export async function* decodeChunks(stream: Readable, encoding: Encoding, name: string): AsyncGenerator<string> {
  // UTF-8 chunks are decoded by Buffer's native decoder, cut after their last whole character, while they are valid
  // (checked natively): TextDecoder's streaming decode was ~3 % of a build's reading thread on a real export. From the
  // first invalid chunk on, TextDecoder decodes as before, starting at a character boundary and so giving the same
  // text; a stream that starts with a BOM goes to it from the start (it drops the BOM, Buffer would keep it).
  let decoder: InstanceType<typeof TextDecoder> | null = encoding === 'utf-8' ? null : new TextDecoder(encoding);
  let carry: Buffer | null = null;
  let started = false;
  try {
    for await (const chunk of stream) {
      let bytes = chunk as Buffer;
      if (decoder === null) {
        if (carry) bytes = Buffer.concat([carry, bytes]);
        carry = null;
        const end = wholeCharsEnd(bytes);
        const whole = bytes.subarray(0, end);
        const bom = !started && bomEncoding(bytes) === 'utf-8';
        if (!bom && isUtf8(whole)) {
          if (end < bytes.length) carry = Buffer.from(bytes.subarray(end));
          if (end > 0) {
            started = true;
            yield whole.toString('utf8');
          }
          continue;
        }
        decoder = new TextDecoder('utf-8', { ignoreBOM: started });
      }
      started = true;
      const text = decoder.decode(bytes, { stream: true });
      if (text) yield text;
    }
  } catch (err) {
    throw readError(err, name);
  }
  const rest = decoder ? decoder.decode() : carry ? new TextDecoder('utf-8', { ignoreBOM: true }).decode(carry) : '';
  if (rest) yield rest;
}

/** Where the last whole UTF-8 character of `bytes` ends: before a lead byte whose sequence the chunk cuts short. */
function wholeCharsEnd(bytes: Buffer): number {
  const n = bytes.length;
  for (let k = 1; k <= 4 && k <= n; k++) {
    const c = bytes[n - k];
    if ((c & 0xc0) === 0x80) continue;
    const length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
    return length > k ? n - k : n;
  }
  return n;
}

function detectFormat(path: string, head: string): ExportFormat {
  const p = path.toLowerCase().replace(/\.gz$/, '');
  if (p.endsWith('.ndjson') || p.endsWith('.jsonl')) return 'ndjson';
  if (p.endsWith('.csv') || p.endsWith('.tsv')) return 'csv';
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return p.endsWith('.json') && !objectsOnLines(head) ? 'json' : 'ndjson';
  return 'csv';
}

/** True when some `}` is followed, across whitespace holding a line end, by `{` (NDJSON). One pass, no regex backtracking. */
function objectsOnLines(text: string): boolean {
  for (let i = text.indexOf('}'); i !== -1; i = text.indexOf('}', i + 1)) {
    let j = i + 1;
    let newline = false;
    while (j < text.length && /\s/.test(text[j])) {
      if (text[j] === '\n') newline = true;
      j++;
    }
    if (newline && text[j] === '{') return true;
    i = j - 1;
  }
  return false;
}

function record(columns: readonly string[], cells: readonly unknown[]): Record<string, unknown> {
  const values = Object.create(null) as Record<string, unknown>;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    if (!(c in values)) values[c] = cells[i];
  }
  return values;
}

async function csvRows(text: AsyncIterable<string>, name: string, problems: readonly RowProblem[], report: (p: RowProblem) => void): Promise<{ columns: string[]; rows: AsyncIterable<ExportRow> }> {
  const delimiter = name.toLowerCase().replace(/\.gz$/, '').endsWith('.tsv') ? '\t' : ',';
  const parser = fastCsvParser(delimiter);
  let records: CsvRecord[] = [];
  const splitter = new CsvRecordSplitter(delimiter, (r) => records.push(r), report);
  const chunks = text[Symbol.asyncIterator]();
  let ended = false;
  // Rows come out a batch (one text chunk's records) at a time.
  const nextBatch = async (): Promise<{ line: number; cells: string[] }[] | null> => {
    while (records.length === 0 && !ended) {
      const next = await chunks.next();
      if (next.done) {
        splitter.end();
        ended = true;
      } else splitter.write(next.value);
    }
    if (records.length === 0) return null;
    const batch = records;
    records = [];
    const rows: { line: number; cells: string[] }[] = [];
    parseRecords(parser, batch, (line, cells) => rows.push({ line, cells }), report, delimiter);
    return rows;
  };
  let batch = await nextBatch();
  while (batch && batch.length === 0) batch = await nextBatch();
  if (!batch) {
    if (problems.length) throw new InputError(`export ${name} has no readable CSV header (line ${problems[0].line}: ${problems[0].reason})`);
    throw new InputError(`export ${name} is empty`);
  }
  const header = batch.shift()!;
  if (problems.length && problems[0].line < header.line) {
    throw new InputError(`export ${name} has no readable CSV header (line ${problems[0].line}: ${problems[0].reason})`, 'the first line must name the columns, e.g. id,author,body,score');
  }
  const columns = header.cells.map((c) => c.replace(/^\uFEFF/, '').trim());
  let current: { line: number; cells: string[] }[] | null = batch;
  async function* rows(): AsyncGenerator<ExportRow> {
    while (current) {
      for (const { line, cells } of current) {
        if (cells.length !== columns.length) {
          report({ line, reason: `${cells.length} fields where the header has ${columns.length}` });
          continue;
        }
        yield { line, values: record(columns, cells) };
      }
      current = await nextBatch();
    }
  }
  return { columns, rows: rows() };
}

/** Longest NDJSON line read; a longer line is skipped (malformed, with its line number) without being held. */
export const MAX_LINE_CHARS = MAX_RECORD_CHARS;

interface TextLine {
  line: number;
  /** The line without its line end; null when it was longer than MAX_LINE_CHARS. */
  text: string | null;
}

async function* boundedLines(text: AsyncIterable<string>): AsyncGenerator<TextLine> {
  let pieces: string[] = [];
  let held = 0;
  let tooLong = false;
  let line = 1;
  const take = (last: string): TextLine => {
    const out: TextLine = { line, text: tooLong ? null : (pieces.join('') + last).replace(/\r$/, '') };
    pieces = [];
    held = 0;
    tooLong = false;
    line++;
    return out;
  };
  for await (const chunk of text) {
    let from = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', from)) {
      const part = chunk.slice(from, nl);
      if (held + part.length > MAX_LINE_CHARS) tooLong = true;
      yield take(tooLong ? '' : part);
      from = nl + 1;
    }
    const rest = chunk.slice(from);
    if (!tooLong && rest) {
      held += rest.length;
      if (held > MAX_LINE_CHARS) {
        tooLong = true;
        pieces = [];
      } else pieces.push(rest);
    }
  }
  if (tooLong || held > 0) yield take('');
}

async function ndjsonRows(text: AsyncIterable<string>, name: string, problems: readonly RowProblem[], report: (p: RowProblem) => void): Promise<{ columns: string[]; rows: AsyncIterable<ExportRow> }> {
  const iterator = boundedLines(text);
  const parseLine = ({ line, text }: TextLine): Record<string, unknown> | null => {
    if (text === null) {
      report({ line, reason: `line longer than ${MAX_LINE_CHARS} characters` });
      return null;
    }
    try {
      const v = JSON.parse(text) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
      report({ line, reason: 'not a JSON object' });
    } catch (err) {
      report({ line, reason: `invalid JSON (${displayLine(String((err as Error).message ?? err), 80)})` });
    }
    return null;
  };
  let firstObject: Record<string, unknown> | null = null;
  let firstLine = 0;
  while (!firstObject) {
    const next = await iterator.next();
    if (next.done) {
      const first = problems[0];
      throw new InputError(`export ${name} has no JSON object on any line${first ? ` (line ${first.line}: ${first.reason})` : ''}`);
    }
    if (next.value.text !== null && next.value.text.trim() === '') continue;
    firstObject = parseLine(next.value);
    firstLine = next.value.line;
  }
  const columns = Object.keys(firstObject);
  const head = firstObject;
  async function* rows(): AsyncGenerator<ExportRow> {
    yield { line: firstLine, values: record(Object.keys(head), Object.values(head)) };
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      if (next.value.text !== null && next.value.text.trim() === '') continue;
      const obj = parseLine(next.value);
      if (obj) yield { line: next.value.line, values: record(Object.keys(obj), Object.values(obj)) };
    }
  }
  return { columns, rows: rows() };
}

/** Largest single item of a JSON array export (characters). */
export const MAX_JSON_ITEM_CHARS = 64 * 1024 * 1024;
/** Items whose keys make up the columns of a JSON array export. */
const COLUMN_PROBE = 100;

/**
 * A JSON array, streamed: elements are cut out of the text as it arrives and parsed one by one, so memory follows
 * the largest item, not the file. Anything but an array is read whole once, for an error that says what it is.
 */
async function jsonRows(stream: AsyncIterable<string>, name: string): Promise<{ columns: string[]; rows: AsyncIterable<ExportRow> }> {
  const iterator = stream[Symbol.asyncIterator]();
  const ready: string[] = [];
  const splitter = new JsonArraySplitter(
    (t) => ready.push(t),
    MAX_JSON_ITEM_CHARS,
    (n) => new InputError(`export ${name} has an item (number ${n}) larger than ${MAX_JSON_ITEM_CHARS / 1024 / 1024} MB`),
  );
  const seen: string[] = [];
  let ended = false;
  let index = 0;
  const invalid = (detail: string): InputError => new InputError(`export ${name} is not valid JSON: ${displayLine(detail, 160)}`);
  /** Reads until at least one element is ready or the text ends. */
  const fill = async (): Promise<void> => {
    while (ready.length === 0 && !ended) {
      const next = await iterator.next();
      try {
        if (next.done) {
          ended = true;
          splitter.end();
        } else {
          if (seen.length < 2) seen.push(next.value);
          splitter.write(next.value);
        }
      } catch (err) {
        if (err instanceof NotAnArray) throw await notAnArray(seen, iterator, name);
        if (err instanceof InputError) throw err;
        throw invalid((err as Error).message);
      }
    }
  };
  const parseItem = (text: string): unknown => {
    index++;
    try {
      return JSON.parse(text);
    } catch (err) {
      throw invalid(`item ${index}: ${(err as Error).message}`);
    }
  };
  // The first items decide the columns; they are then yielded first.
  const head: { value: unknown; index: number }[] = [];
  while (head.length < COLUMN_PROBE) {
    await fill();
    if (ready.length === 0) break;
    const value = parseItem(ready.shift()!);
    head.push({ value, index });
  }
  const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
  const columns = [...new Set(head.flatMap((h) => (isRecord(h.value) ? Object.keys(h.value) : [])))];
  async function* rows(): AsyncGenerator<ExportRow> {
    for (const h of head) if (isRecord(h.value)) yield { line: h.index, values: record(Object.keys(h.value), Object.values(h.value)) };
    for (;;) {
      await fill();
      if (ready.length === 0) return;
      const v = parseItem(ready.shift()!);
      if (isRecord(v)) yield { line: index, values: record(Object.keys(v), Object.values(v)) };
    }
  }
  return { columns, rows: rows() };
}

/** The whole text, parsed once, for an error that names what the top level is and where the items are. */
async function notAnArray(seen: string[], rest: AsyncIterator<string>, name: string): Promise<InputError> {
  const parts = [...seen];
  for (let next = await rest.next(); !next.done; next = await rest.next()) parts.push(next.value);
  let data: unknown;
  try {
    data = JSON.parse(parts.join('').replace(/^\uFEFF/, ''));
  } catch (err) {
    return new InputError(`export ${name} is not valid JSON: ${displayLine(String((err as Error).message ?? err), 160)}`);
  }
  if (data && typeof data === 'object' && (data as { kind?: unknown }).kind === 'resonate-community-profile') {
    return new InputError(`${name} is a resonate profile, not an export`, 'read against a saved profile with --profile (it is the export that --community and `profile build` read)');
  }
  const keys = data && typeof data === 'object' ? Object.keys(data) : [];
  const arrayKey = keys.find((k) => Array.isArray((data as Record<string, unknown>)[k]));
  return new InputError(
    `export ${name} is a JSON ${data === null ? 'null' : typeof data} where an array of items was expected`,
    arrayKey ? `its key "${arrayKey}" holds an array: extract it, e.g. jq '.${arrayKey}' ${name}` : undefined,
  );
}
