// The CSV record splitter in front of fast-csv: quote state, line numbers, recovery after an unclosed quote, bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, fastCsvParser, parseRecords, TEXT_AFTER_QUOTE, UNCLOSED_QUOTE, type CsvRecord, type CsvRecordProblem } from '../../src/input/csv-records.js';
import { runs, TIMEOUT } from '../fuzz/runs.js';

function split(text: string, chunk = 7, max?: number): { records: CsvRecord[]; problems: CsvRecordProblem[] } {
  const records: CsvRecord[] = [];
  const problems: CsvRecordProblem[] = [];
  const s = new CsvRecordSplitter(',', (r) => records.push(r), (p) => problems.push(p), max);
  for (let i = 0; i < text.length; i += chunk) s.write(text.slice(i, i + chunk));
  s.end();
  return { records, problems };
}

function rows(text: string, chunk = 7, max?: number): { rows: [number, string[]][]; problems: CsvRecordProblem[] } {
  const { records, problems } = split(text, chunk, max);
  const out: [number, string[]][] = [];
  parseRecords(fastCsvParser(','), records, (line, cells) => out.push([line, cells]), (p) => problems.push(p));
  return { rows: out, problems };
}

describe('CsvRecordSplitter', () => {
  it('splits records with quoted commas, "" escapes and newlines inside quotes, with each record\'s first line', () => {
    const r = rows('a,b\n1,"x, ""y"""\n2,"multi\nline"\n3,z\n');
    expect(r.problems).toEqual([]);
    expect(r.rows).toEqual([
      [1, ['a', 'b']],
      [2, ['1', 'x, "y"']],
      [3, ['2', 'multi\nline']],
      [5, ['3', 'z']],
    ]);
  });

  it('handles CRLF, bare CR, blank lines and a last record without a line end, whatever the chunking', () => {
    for (const chunk of [1, 2, 3, 100]) {
      const r = rows('a,b\r\n\r\n1,x\r\n2,"q\r\nq"\r\n\r\n3,y\r4,w', chunk);
      expect(r.problems).toEqual([]);
      expect(r.rows).toEqual([
        [1, ['a', 'b']],
        [3, ['1', 'x']],
        [4, ['2', 'q\r\nq']],
        [7, ['3', 'y']],
        [8, ['4', 'w']],
      ]);
    }
  });

  it('quotes open a field only at its start (after spaces); a quote inside an unquoted field is text', () => {
    const r = rows('a,b\n1,ab"c\n2,  "q,r"\n');
    expect(r.problems).toEqual([]);
    expect(r.rows.slice(1)).toEqual([
      [2, ['1', 'ab"c']],
      [3, ['2', 'q,r']],
    ]);
  });

  it('an unclosed quote at the end is reported at its line and the lines after it are still read', () => {
    const r = rows('a,b\n1,x\n2,"never closed\n3,y\n4,z\n');
    expect(r.problems).toEqual([{ line: 3, reason: UNCLOSED_QUOTE }]);
    expect(r.rows.map(([l]) => l)).toEqual([1, 2, 4, 5]);
  });

  it('an unclosed quote that pairs with a later quote is one malformed record saying where it ran to', () => {
    const r = rows('a,b\n1,"open\n2,"x"\n3,y\n');
    expect(r.problems).toEqual([{ line: 2, reason: `${TEXT_AFTER_QUOTE} (the record runs on to line 3)` }]);
    expect(r.rows.map(([l]) => l)).toEqual([1, 4]);
  });

  it('a quote open past the bound is broken; reading resumes on the next line in recovery', () => {
    const body = Array.from({ length: 50 }, (_, i) => `${i + 10},plain ${i}`).join('\n');
    const r = rows(`a,b\n1,"open\n${body}\n`, 16, 100);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0].line).toBe(2);
    expect(r.rows).toHaveLength(51);
    expect(r.rows[1]).toEqual([3, ['10', 'plain 0']]);
  });

  it('lines inside the broken window are read again: escaped quote pairs there stay text', () => {
    const r = rows('a,b\n1,"x\n2,a""b\n3,c\n', 5, 12);
    expect(r.problems.map((p) => p.line)).toEqual([2]);
    expect(r.rows.slice(1)).toEqual([
      [3, ['2', 'a""b']],
      [4, ['3', 'c']],
    ]);
  });

  it('an over-long unquoted line is skipped without being held, then reading goes on', () => {
    const r = rows(`a,b\n1,${'x'.repeat(500)}\n2,y\n`, 13, 100);
    expect(r.problems.map((p) => p.line)).toEqual([2]);
    expect(r.rows).toEqual([
      [1, ['a', 'b']],
      [3, ['2', 'y']],
    ]);
  });

  it('text after a closing quote is reported, not passed to fast-csv (which would abort)', () => {
    const r = rows('a,b\n1,"x"y\n2,z\n');
    expect(r.problems).toEqual([{ line: 2, reason: TEXT_AFTER_QUOTE }]);
    expect(r.rows.map(([l]) => l)).toEqual([1, 3]);
  });

  it('gives the same records, lines and problems however the text is chunked', () => {
    // Fields are crossed with indexOf up to the end of what is held: chunk ends must not change what is found.
    const piece = fc.constantFrom('"', '""', ',', ' ', '\n', '\r\n', '\r', 'a', 'bc', 'é', '😀', '"x"', 'a longer field', '"quoted, with\nlines"');
    const text = fc.array(piece, { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 30 }), fc.option(fc.integer({ min: 1, max: 40 })), (t, chunk, max) => {
        expect(split(t, chunk, max ?? undefined)).toEqual(split(t, Math.max(1, t.length), max ?? undefined));
      }),
      { numRuns: runs(5) },
    );
  }, TIMEOUT);

  it('fast-csv still exposes its synchronous row parser', () => {
    expect(fastCsvParser(',').parse('a,"b"\n', false).rows).toEqual([['a', 'b']]);
  });
});
