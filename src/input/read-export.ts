// Streams a community export (CSV, JSON array or NDJSON; optionally gzipped; a file or stdin) as rows.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { PassThrough, Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse as parseCsv } from 'fast-csv';
import { InputError } from '../errors.js';
import { fileError, STDIN } from './files.js';
import { looksBinary } from './decode.js';

export type ExportFormat = 'csv' | 'json' | 'ndjson';

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
  /** Rows that could not be read (ragged CSV rows, invalid NDJSON lines), filled while `rows` is consumed. */
  problems: RowProblem[];
  /** Raw bytes read so far and their SHA-256, final once `rows` is consumed. */
  bytes(): number;
  sha256(): string;
}

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
  const head = await peek(raw);
  const gz = head[0] === 0x1f && head[1] === 0x8b;
  let stream: Readable = raw;
  if (gz) stream = raw.pipe(createGunzip());
  const inner = gz ? await peek(stream) : head;
  const encoding = bomEncoding(inner);
  if (!encoding && looksBinary(inner)) {
    source.destroy();
    throw new InputError(`export ${path} looks like a binary file, not CSV, JSON or NDJSON`);
  }
  if (encoding && encoding !== 'utf-8') stream = stream.pipe(decodeTo8(encoding));
  const decodedHead = encoding && encoding !== 'utf-8' ? new TextDecoder(encoding).decode(inner.subarray(2)) : inner.toString('utf8');
  const format = detectFormat(path, decodedHead);
  let sha = '';
  const finalSha = (): string => (sha ||= hash.digest('hex'));
  const problems: RowProblem[] = [];
  const common = { name: path, problems, bytes: () => byteCount, sha256: finalSha };
  if (format === 'csv') return { ...common, format, ...(await csvRows(stream, path, problems)) };
  if (format === 'ndjson') return { ...common, format, ...(await ndjsonRows(stream, path, problems)) };
  return { ...common, format, ...(await jsonRows(stream, path)) };
}

async function openRaw(path: string): Promise<Readable> {
  if (path === STDIN) {
    if (process.stdin.isTTY) {
      throw new InputError(`the export is '-' (standard input) but nothing is piped in`, 'pipe an export in, e.g. cat comments.csv | resonate …');
    }
    return process.stdin;
  }
  try {
    const info = await stat(path);
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

/** Reads the first chunk without consuming it: it is pushed back for the next reader. */
async function peek(stream: Readable): Promise<Buffer> {
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
      reject(new InputError(`the export cannot be read: ${err.message}`));
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

function decodeTo8(encoding: 'utf-16le' | 'utf-16be'): Transform {
  const decoder = new TextDecoder(encoding);
  let first = true;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      const body = first ? chunk.subarray(2) : chunk;
      first = false;
      done(null, Buffer.from(decoder.decode(body, { stream: true }), 'utf8'));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode(), 'utf8'));
    },
  });
}

function detectFormat(path: string, head: string): ExportFormat {
  const p = path.toLowerCase().replace(/\.gz$/, '');
  if (p.endsWith('.ndjson') || p.endsWith('.jsonl')) return 'ndjson';
  if (p.endsWith('.csv') || p.endsWith('.tsv')) return 'csv';
  const first = head.replace(/^\uFEFF/, '').trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return p.endsWith('.json') && !/}\s*\n\s*{/.test(head) ? 'json' : 'ndjson';
  return 'csv';
}

function record(columns: readonly string[], cells: readonly unknown[]): Record<string, unknown> {
  const values = Object.create(null) as Record<string, unknown>;
  columns.forEach((c, i) => {
    if (!(c in values)) values[c] = cells[i];
  });
  return values;
}

async function csvRows(stream: Readable, name: string, problems: RowProblem[]): Promise<{ columns: string[]; rows: AsyncIterable<ExportRow> }> {
  const parser = parseCsv({ headers: false, ignoreEmpty: false, trim: false, delimiter: name.toLowerCase().replace(/\.gz$/, '').endsWith('.tsv') ? '\t' : ',' });
  const out = stream.pipe(parser);
  stream.on('error', (err) => out.destroy(err));
  const iterator = (out as unknown as AsyncIterable<string[]>)[Symbol.asyncIterator]();
  let line = 1;
  const advance = (cells: string[]): void => {
    let newlines = 0;
    for (const c of cells) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) newlines++;
    line += 1 + newlines;
  };
  let first: IteratorResult<string[]>;
  try {
    first = await iterator.next();
  } catch (err) {
    throw csvError(err, name);
  }
  if (first.done) throw new InputError(`export ${name} is empty`);
  const columns = first.value.map((c) => c.replace(/^\uFEFF/, '').trim());
  advance(first.value);
  async function* rows(): AsyncGenerator<ExportRow> {
    try {
      for (;;) {
        const next = await iterator.next();
        if (next.done) return;
        const cells = next.value;
        const at = line;
        advance(cells);
        if (cells.length === 1 && cells[0] === '') continue; // blank line
        if (cells.length !== columns.length) {
          problems.push({ line: at, reason: `${cells.length} fields where the header has ${columns.length}` });
          continue;
        }
        yield { line: at, values: record(columns, cells) };
      }
    } catch (err) {
      throw csvError(err, name, line);
    }
  }
  return { columns, rows: rows() };
}

function csvError(err: unknown, name: string, line?: number): InputError {
  if (err instanceof InputError) return err;
  const message = ((err as Error).message ?? String(err)).split('\n')[0].slice(0, 200);
  return new InputError(`export ${name} is not valid CSV${line ? ` near line ${line}` : ''}: ${message}`);
}

async function ndjsonRows(stream: Readable, name: string, problems: RowProblem[]): Promise<{ columns: string[]; rows: AsyncIterable<ExportRow> }> {
  const lines = createInterface({ input: stream.pipe(new PassThrough()), crlfDelay: Infinity });
  const iterator = lines[Symbol.asyncIterator]();
  let lineNo = 0;
  const parseLine = (text: string): Record<string, unknown> | null => {
    try {
      const v = JSON.parse(text) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
      problems.push({ line: lineNo, reason: 'not a JSON object' });
    } catch (err) {
      problems.push({ line: lineNo, reason: `invalid JSON (${(err as Error).message.slice(0, 80)})` });
    }
    return null;
  };
  let firstObject: Record<string, unknown> | null = null;
  let firstLine = 0;
  while (!firstObject) {
    const next = await iterator.next();
    if (next.done) throw new InputError(`export ${name} has no JSON object on any line`);
    lineNo++;
    if (next.value.trim() === '') continue;
    firstObject = parseLine(next.value);
    firstLine = lineNo;
  }
  const columns = Object.keys(firstObject);
  const head = firstObject;
  async function* rows(): AsyncGenerator<ExportRow> {
    yield { line: firstLine, values: record(Object.keys(head), Object.values(head)) };
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      lineNo++;
      if (next.value.trim() === '') continue;
      const obj = parseLine(next.value);
      if (obj) yield { line: lineNo, values: record(Object.keys(obj), Object.values(obj)) };
    }
  }
  return { columns, rows: rows() };
}

async function jsonRows(stream: Readable, name: string): Promise<{ columns: string[]; rows: AsyncIterable<ExportRow> }> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new InputError(`export ${name} is not valid JSON: ${(err as Error).message.slice(0, 160)}`);
  }
  if (!Array.isArray(data)) {
    const keys = data && typeof data === 'object' ? Object.keys(data) : [];
    const arrayKey = keys.find((k) => Array.isArray((data as Record<string, unknown>)[k]));
    throw new InputError(
      `export ${name} is a JSON ${data === null ? 'null' : typeof data} where an array of items was expected`,
      arrayKey ? `its key "${arrayKey}" holds an array: extract it, e.g. jq '.${arrayKey}' ${name}` : undefined,
    );
  }
  const objects = data.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v));
  const columns = [...new Set(objects.slice(0, 100).flatMap((o) => Object.keys(o)))];
  async function* rows(): AsyncGenerator<ExportRow> {
    let i = 0;
    for (const v of data as unknown[]) {
      i++;
      if (v && typeof v === 'object' && !Array.isArray(v)) yield { line: i, values: record(Object.keys(v), Object.values(v)) };
    }
  }
  return { columns, rows: rows() };
}
