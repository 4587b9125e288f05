// Cuts CSV text into records before their fields are read, so a broken record costs one counted skip, not the whole
// file. Fields are read by splitRecord below for plain records and by fast-csv for the rest.
//
// Why: fast-csv re-parses everything after an unclosed quote each time a chunk arrives (8 MB after the quote took
// 49 s and 664 MB, then it aborts with no rows). This splitter tracks quote state itself (RFC 4180: a quote opens a
// field only at its start, "" inside quotes is a quote, CRLF / LF / CR end records), bounds a record's length, and
// hands fast-csv only complete, balanced records. On an unclosed quote (end of input reached, or MAX_RECORD_CHARS
// passed, inside quotes) the broken record is reported with its first line, and reading resumes at the next line in
// *recovery mode*: there a quoted field may not cross a line end, so each further broken line is reported alone, and
// the first line that forms a complete record by itself ends recovery. Every character is scanned at most a few
// times: work is linear in the input.
import { CsvParserStream, ParserOptions } from 'fast-csv';
import { displayLine } from '../text/normalize.js';

/** Longest record read (characters, about 1 MB): longer records are skipped as malformed with their line. */
export const MAX_RECORD_CHARS = 1 << 20;

export interface CsvRecord {
  /** 1-based line where the record starts. */
  line: number;
  text: string;
}

export interface CsvRecordProblem {
  line: number;
  reason: string;
}

export const UNCLOSED_QUOTE = 'unclosed quote: a quoted field is never closed';
export const TOO_LONG = `record longer than ${MAX_RECORD_CHARS} characters (a cell this long is not a comment, or a quote is never closed)`;
export const TEXT_AFTER_QUOTE = 'text after a closing quote (only part of the field is quoted)';

const enum State {
  FieldStart,
  Unquoted,
  Quoted,
  QuoteSeen,
  AfterQuote,
  SkipLine,
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** The characters fast-csv skips before looking for an opening quote (JavaScript's \s). */
function isSpace(c: number): boolean {
  return (
    c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * A streaming splitter: `write` text chunks, then `end`; complete records and problems are handed to the callbacks
 * in input order. Records that are blank (only whitespace) are dropped.
 */
export class CsvRecordSplitter {
  private buf = '';
  private pos = 0;
  private recStart = 0;
  private state = State.FieldStart;
  /** Line of the character at `pos` (1-based) and whether the previous character was a CR (CRLF counts once). */
  private line = 1;
  private prevCR = false;
  private recLine = 1;
  private recBad: string | null = null;
  private recovering = false;
  private readonly delimiter: number;

  constructor(
    delimiter: string,
    private readonly onRecord: (r: CsvRecord) => void,
    private readonly onProblem: (p: CsvRecordProblem) => void,
    private readonly maxChars = MAX_RECORD_CHARS,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  write(chunk: string): void {
    if (this.state === State.SkipLine) {
      this.buf = chunk;
      this.pos = 0;
    } else {
      this.buf = this.buf.slice(this.recStart) + chunk;
      this.pos -= this.recStart;
    }
    this.recStart = 0;
    this.scan();
  }

  end(): void {
    for (;;) {
      const s = this.state;
      if (s === State.SkipLine) break;
      if (s === State.Quoted) {
        // End of input inside quotes: the record is broken; read on from its second line.
        if (!this.broken(UNCLOSED_QUOTE)) break;
        this.scan();
        continue;
      }
      this.finishRecord(this.buf.length);
      break;
    }
    this.buf = '';
  }

  private scan(): void {
    const buf = this.buf;
    const n = buf.length;
    const d = this.delimiter;
    let i = this.pos;
    let state = this.state;
    let line = this.line;
    let prevCR = this.prevCR;
    const limit = (): number => this.recStart + this.maxChars;
    let max = limit();
    // The next quote, LF, CR and delimiter at or after i (n: none), found by indexOf and kept while i has not passed
    // them: a field is crossed in a few native searches instead of a step of this loop per character.
    let nextQuote = -1;
    let nextLF = -1;
    let nextCR = -1;
    let nextDelimiter = -1;
    const delimiter = String.fromCharCode(d);
    // Most exports have no CR at all, and a search for one runs to the buffer's end. Searching anyway, field after
    // field, made the optimized scan of two-byte buffers (any emoji) slow down after a few MB: a 19 MB export of quoted
    // bodies with an emoji in every row took 16 s to split, 0.6 s with this test (one search per buffer).
    const hasCR = buf.includes('\r');
    // After a record ends (saved, handed on, state moved by the method called), the scan resumes from the fields.
    const resume = (): void => {
      if (this.pos < i) nextQuote = nextLF = nextCR = nextDelimiter = -1; // a broken record rewinds: the positions found are ahead
      i = this.pos;
      state = this.state;
      line = this.line;
      prevCR = this.prevCR;
      max = limit();
    };
    while (i < n) {
      const c = buf.charCodeAt(i);
      if (state === State.SkipLine) {
        if (c === LF || c === CR) {
          // The rest of an over-long line was dropped; the next record starts on the next line.
          state = State.FieldStart;
          this.recStart = i + 1;
          this.recLine = line + (c === LF && prevCR ? 0 : 1);
          this.recBad = null;
          max = limit();
        }
      } else if (i >= max) {
        this.save(i, state, line, prevCR);
        if (!this.broken(state === State.Quoted || state === State.QuoteSeen ? UNCLOSED_QUOTE_OR_LONG : TOO_LONG)) return;
        resume();
        continue;
      } else if (state === State.Quoted && c !== QUOTE && !this.recovering) {
        // Inside quotes only the closing quote changes the state; up to it (or the record limit) line ends are counted.
        if (nextQuote < i) nextQuote = indexOrEnd(buf, '"', i);
        const stop = Math.min(nextQuote, max);
        for (;;) {
          if (nextLF < i) nextLF = indexOrEnd(buf, '\n', i);
          if (nextCR < i) nextCR = hasCR ? indexOrEnd(buf, '\r', i) : n;
          const end = Math.min(nextLF, nextCR);
          if (end >= stop) break;
          if (end > i) prevCR = false;
          if (end === nextLF) {
            if (!prevCR) line++;
            prevCR = false;
          } else {
            line++;
            prevCR = true;
          }
          i = end + 1;
        }
        if (stop > i) prevCR = false;
        i = stop;
        continue;
      } else if (state === State.Unquoted && c !== d && c !== LF && c !== CR) {
        // In an unquoted field only a delimiter or a line end changes anything.
        if (nextDelimiter < i) nextDelimiter = indexOrEnd(buf, delimiter, i);
        if (nextLF < i) nextLF = indexOrEnd(buf, '\n', i);
        if (nextCR < i) nextCR = hasCR ? indexOrEnd(buf, '\r', i) : n;
        i = Math.min(nextDelimiter, nextLF, nextCR, max);
        prevCR = false;
        continue;
      } else if (state === State.Quoted) {
        if (c === QUOTE) state = State.QuoteSeen;
        else if ((c === LF || c === CR) && this.recovering) {
          // In recovery a quoted field may not run past its line: this line is broken on its own.
          this.save(i, state, line, prevCR);
          this.onProblem({ line: this.recLine, reason: UNCLOSED_QUOTE });
          this.endRecordAt(i, c, line, prevCR);
          resume();
          continue;
        }
      } else {
        if (state === State.QuoteSeen) {
          if (c === QUOTE) {
            state = State.Quoted;
            i++;
            prevCR = false;
            continue;
          }
          state = State.AfterQuote;
        }
        if (c === LF || c === CR) {
          this.save(i, state, line, prevCR);
          this.finishRecord(i);
          this.endRecordAt(i, c, line, prevCR);
          resume();
          continue;
        }
        if (c === d) state = State.FieldStart;
        else if (state === State.FieldStart) {
          if (c === QUOTE) state = State.Quoted;
          else if (!isSpace(c)) state = State.Unquoted;
        } else if (state === State.AfterQuote && !isSpace(c)) {
          this.recBad ??= TEXT_AFTER_QUOTE;
          state = State.Unquoted;
        }
      }
      if (c === LF) {
        if (!prevCR) line++;
        prevCR = false;
      } else if (c === CR) {
        line++;
        prevCR = true;
      } else prevCR = false;
      i++;
    }
    this.save(i, state, line, prevCR);
    if (state === State.SkipLine) this.recStart = i;
  }

  private save(pos: number, state: State, line: number, prevCR: boolean): void {
    this.pos = pos;
    this.state = state;
    this.line = line;
    this.prevCR = prevCR;
  }

  /** Emits the record from recStart to `end` (exclusive), or its problem; blank records are dropped. */
  private finishRecord(end: number): void {
    const text = this.buf.slice(this.recStart, end);
    if (this.recBad) {
      // A quote left open swallows the following lines up to the next quote: say how far the record ran.
      const span = this.line > this.recLine ? ` (the record runs on to line ${this.line})` : '';
      this.onProblem({ line: this.recLine, reason: this.recBad + span });
      return;
    }
    if (isBlank(text)) return;
    this.recovering = false;
    this.onRecord({ line: this.recLine, text });
  }

  /** Moves past the line end `c` at index i: the next record starts after it. */
  private endRecordAt(i: number, c: number, line: number, prevCR: boolean): void {
    const next = c === LF ? (prevCR ? line : line + 1) : line + 1;
    this.pos = i + 1;
    this.recStart = i + 1;
    this.state = State.FieldStart;
    this.line = next;
    this.prevCR = c === CR;
    this.recLine = next;
    this.recBad = null;
  }

  /**
   * Reports the current record as broken and rewinds to the line after its first line, in recovery mode.
   * Returns false when there is nothing more to scan in the buffer (the caller stops).
   */
  private broken(reason: string): boolean {
    this.onProblem({ line: this.recLine, reason });
    this.recovering = true;
    const buf = this.buf;
    let j = this.recStart;
    while (j < buf.length && buf.charCodeAt(j) !== LF && buf.charCodeAt(j) !== CR) j++;
    if (j >= buf.length) {
      // The broken record's first line is longer than what is held: drop the rest of that line as it arrives.
      this.state = State.SkipLine;
      this.pos = buf.length;
      this.recStart = buf.length;
      this.line = this.recLine;
      this.prevCR = false;
      return false;
    }
    const c = buf.charCodeAt(j);
    this.endRecordAt(j, c, this.recLine, false);
    return true;
  }
}

/** The index of `ch` at or after `from`, or the text's length when there is none. */
function indexOrEnd(text: string, ch: string, from: number): number {
  const at = text.indexOf(ch, from);
  return at === -1 ? text.length : at;
}

const UNCLOSED_QUOTE_OR_LONG = `unclosed quote, or a quoted cell longer than ${MAX_RECORD_CHARS} characters`;

function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

interface FastCsvParser {
  parse(line: string, hasMoreData: boolean): { line: string; rows: string[][] };
}

/**
 * fast-csv's own parser, used synchronously on batches of records the splitter has already checked (no stream, no
 * per-row callbacks). `CsvParserStream` keeps it in its `parser` field; the unit tests fail if a fast-csv release
 * moves it.
 */
export function fastCsvParser(delimiter: string): FastCsvParser {
  const stream = new CsvParserStream(new ParserOptions({ headers: false, ignoreEmpty: false, trim: false, delimiter }));
  const parser = (stream as unknown as { parser?: FastCsvParser }).parser;
  if (!parser || typeof parser.parse !== 'function') throw new Error('fast-csv no longer exposes its row parser');
  return parser;
}

/**
 * Parses checked records into rows of cells: each record by `splitRecord`, and the whole batch by fast-csv as soon as
 * one record is outside what `splitRecord` reads, so every batch gives exactly the rows fast-csv would give.
 */
export function parseRecords(parser: FastCsvParser, records: readonly CsvRecord[], onRow: (line: number, cells: string[]) => void, onProblem: (p: CsvRecordProblem) => void, delimiter = ','): void {
  const rows: string[][] = [];
  for (const r of records) {
    const cells = splitRecord(standalone(r.text), delimiter);
    if (!cells) return parseRecordsWithFastCsv(parser, records, onRow, onProblem);
    rows.push(cells);
  }
  for (let k = 0; k < rows.length; k++) onRow(records[k].line, rows[k]);
}

/**
 * A copy of `text` that does not share the memory of the string it was cut from. A record is a slice of the
 * splitter's buffer (a whole chunk of the file) and its cells are slices of the record; a cell kept for long (a
 * thread id in the calibration sample, a word in a cache) would otherwise keep the whole chunk alive. Prefixing
 * makes a new string and slicing it off flattens that string into one copy of the record.
 */
function standalone(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * The cells of one record, or null when the record is not plain RFC 4180 and fast-csv must read it.
 *
 * Why not fast-csv for every record: it walks a record one Token object per character (and re-runs a regular
 * expression over the rest of the record at every field), which made CSV parsing the largest single cost of the
 * reading thread of a profile build. This reads the common shape directly with indexOf: fields split on the
 * delimiter; a field that starts with a quote runs to its closing quote, `""` inside being one quote, and the closing
 * quote must be followed by the delimiter or the record's end. Everything fast-csv treats in its own way returns
 * null: a record starting with whitespace (fast-csv drops an all-space first field, and a BOM), a quote anywhere but
 * at a field's start, text or spaces after a closing quote. Records come from CsvRecordSplitter, so they hold no
 * line end outside quotes; quoted line ends are kept as they are, as fast-csv keeps them.
 */
export function splitRecord(text: string, delimiter: string): string[] | null {
  const n = text.length;
  if (n > 0 && isSpace(text.charCodeAt(0))) return null;
  let quote = text.indexOf('"');
  if (quote === -1) return text.split(delimiter);
  const d = delimiter.charCodeAt(0);
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (i === quote) {
      let value = '';
      let from = i + 1;
      for (;;) {
        const q = text.indexOf('"', from);
        if (q === -1) return null;
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(from, q + 1);
          from = q + 2;
          continue;
        }
        value += text.slice(from, q);
        i = q + 1;
        break;
      }
      cells.push(value);
      if (i === n) return cells;
      if (text.charCodeAt(i) !== d) return null;
      i++;
      quote = text.indexOf('"', i);
      if (quote === -1) quote = n + 1;
    } else {
      let end = text.indexOf(delimiter, i);
      if (end === -1) end = n;
      if (quote < end) return null; // a quote inside an unquoted field
      cells.push(text.slice(i, end));
      if (end === n) return cells;
      i = end + 1;
    }
  }
}

/**
 * Parses checked records into rows of cells with fast-csv: a batch at once, and record by record only when the batch
 * does not come out one row per record (then a record fast-csv still refuses is reported, not fatal).
 */
export function parseRecordsWithFastCsv(parser: FastCsvParser, records: readonly CsvRecord[], onRow: (line: number, cells: string[]) => void, onProblem: (p: CsvRecordProblem) => void): void {
  if (records.length === 0) return;
  let rows: string[][] | null = null;
  try {
    rows = parser.parse(records.map((r) => r.text).join('\n') + '\n', false).rows;
  } catch {
    rows = null;
  }
  if (rows && rows.length === records.length) {
    for (let k = 0; k < rows.length; k++) onRow(records[k].line, rows[k]);
    return;
  }
  for (const r of records) {
    try {
      const one = parser.parse(r.text + '\n', false).rows;
      if (one.length === 1) onRow(r.line, one[0]);
      else onProblem({ line: r.line, reason: `fast-csv read ${one.length} rows from one record` });
    } catch (err) {
      onProblem({ line: r.line, reason: `not valid CSV: ${displayLine(String((err as Error).message ?? err), 80)}` });
    }
  }
}
