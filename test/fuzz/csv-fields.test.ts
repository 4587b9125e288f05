// Property test on the CSV field reader: on any text, the records the splitter hands on come out as exactly the rows
// (and problems) fast-csv gives for them, and splitRecord reads the plain records itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvRecordSplitter, fastCsvParser, parseRecords, parseRecordsWithFastCsv, splitRecord, type CsvRecord, type CsvRecordProblem } from '../../src/input/csv-records.js';
import { runs, textish, TIMEOUT } from './runs.js';

type Out = { rows: [number, string[]][]; problems: CsvRecordProblem[] };

function read(text: string, delimiter: string, chunk: number, parse: typeof parseRecords): Out {
  const records: CsvRecord[] = [];
  const problems: CsvRecordProblem[] = [];
  const s = new CsvRecordSplitter(delimiter, (r) => records.push(r), (p) => problems.push(p));
  for (let i = 0; i < text.length; i += chunk) s.write(text.slice(i, i + chunk));
  s.end();
  const rows: [number, string[]][] = [];
  // Batches of a few records, as the reader hands them on.
  for (let k = 0; k < records.length; k += 3) parse(fastCsvParser(delimiter), records.slice(k, k + 3), (line, cells) => rows.push([line, cells]), (p) => problems.push(p), delimiter);
  return { rows, problems };
}

const piece = fc.constantFrom('"', '""', ',', '\t', ' ', '\n', '\r\n', '\r', 'a', 'bc', '\uFEFF', '\u00a0', 'é', '😀', ',"', '",', '"x"', '""""');
const csvText = fc.oneof(fc.array(piece, { maxLength: 40 }).map((a) => a.join('')), textish(40));
// Well-formed tables, quoted as a writer would (and sometimes needlessly), ragged on purpose.
const cell = fc.oneof(fc.constantFrom('', ' ', '"', 'a"b', '""', ',', '\n', '\r\n', '\r', ' x ', '\uFEFF', '\t'), fc.string({ maxLength: 5 }));
const table = fc
  .array(fc.array(fc.tuple(cell, fc.boolean()), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 })
  .map((rows) => rows.map((r) => r.map(([c, q]) => (q || /[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));

describe('fuzz: CSV fields', () => {
  it('parseRecords gives exactly the rows and problems of fast-csv, for any text and chunking', () => {
    fc.assert(
      fc.property(fc.oneof(csvText, table), fc.constantFrom(',', '\t'), fc.integer({ min: 1, max: 50 }), (text, delimiter, chunk) => {
        expect(read(text, delimiter, chunk, parseRecords)).toEqual(read(text, delimiter, chunk, parseRecordsWithFastCsv));
      }),
      { numRuns: runs(10) },
    );
  }, TIMEOUT);

  it('splitRecord reads plain records itself and gives what fast-csv gives', () => {
    const parser = fastCsvParser(',');
    for (const text of ['a,b,c', 'a,,', ',a', '"x, ""y""",z', 'a,"multi\nline"', '"",""', '"a",b,"c"', 'x,"q\r\nq",', 'a, b ,c ']) {
      const cells = splitRecord(text, ',');
      expect(cells, text).not.toBeNull();
      expect(cells).toEqual(parser.parse(text + '\n', false).rows[0]);
    }
    for (const text of [' ,a', '\uFEFFa', 'a"b,c', '"a" ,b', '"a"b', 'a, "b"']) expect(splitRecord(text, ','), text).toBeNull();
  });
});
