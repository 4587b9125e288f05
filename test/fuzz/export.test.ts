// Property tests on the export reader: arbitrary files give rows or an InputError, never a crash or a hang, and on
// well-formed CSV the guarded reader gives exactly what fast-csv alone gives.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseString } from 'fast-csv';
import { afterAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { openExport } from '../../src/input/read-export.js';
import { runs, textish, TIMEOUT } from './runs.js';

const dir = mkdtempSync(join(tmpdir(), 'resonate-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

async function readAll(name: string, content: string | Uint8Array): Promise<{ rows: Record<string, unknown>[]; problems: number } | null> {
  const path = join(dir, `${n++}-${name}`);
  writeFileSync(path, content);
  try {
    const opened = await openExport(path);
    const rows: Record<string, unknown>[] = [];
    for await (const r of opened.rows) {
      expect(Number.isInteger(r.line) && r.line >= 1).toBe(true);
      rows.push(r.values);
    }
    return { rows, problems: opened.problemCount() };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return null;
  } finally {
    rmSync(path, { force: true });
  }
}

// Control bytes are left out: a file with NUL or many control bytes is refused as binary, by design.
const cell = fc.oneof(textish(6), fc.constantFrom('', ' ', '"', 'a"b', '""', ',', '\n', 'x\r\ny')).map((c) => c.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, ''));
const toCsv = (rows: string[][]): string =>
  // A one-column row with an empty cell is written "" so that it is a row, not a blank line (blank lines are skipped).
  rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) || c !== c.trim() || (c === '' && r.length === 1) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';

function fastCsvAlone(text: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const out: string[][] = [];
    parseString(text, { headers: false, ignoreEmpty: false })
      .on('data', (r: string[]) => out.push(r))
      .on('error', reject)
      .on('end', () => resolve(out));
  });
}

describe('fuzz: export reader', () => {
  it('arbitrary CSV-ish, JSON-ish and binary files: rows or an InputError', async () => {
    const content = fc.oneof(
      textish(80).map((t) => ({ name: 'x.csv', c: t as string | Uint8Array })),
      textish(80).map((t) => ({ name: 'x.ndjson', c: t as string | Uint8Array })),
      fc.json().map((t) => ({ name: 'x.json', c: t as string | Uint8Array })),
      fc.array(fc.json(), { maxLength: 8 }).map((ls) => ({ name: 'x.jsonl', c: ls.join('\n') as string | Uint8Array })),
      fc.uint8Array({ maxLength: 300 }).map((b) => ({ name: 'x.csv', c: b as string | Uint8Array })),
      fc.tuple(fc.constantFrom('id,body\n', '\uFEFFbody\n', 'body,score\r\n'), textish(60)).map(([h, t]) => ({ name: 'y.csv', c: (h + t) as string | Uint8Array })),
    );
    await fc.assert(
      fc.asyncProperty(content, async ({ name, c }) => {
        const r = await readAll(name, c);
        if (r) for (const row of r.rows) expect(Object.getPrototypeOf(row)).toBeNull();
      }),
      { numRuns: runs(0.5) },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, TIMEOUT * 2);

  it('well-formed CSV: the guarded reader gives the same rows as fast-csv alone', async () => {
    const table = fc.integer({ min: 1, max: 4 }).chain((width) => fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }).map((rows) => [Array.from({ length: width }, (_, i) => `c${i}`), ...rows]));
    await fc.assert(
      fc.asyncProperty(table, async (rows) => {
        const text = toCsv(rows);
        const expected = await fastCsvAlone(text);
        const got = await readAll('t.csv', text);
        expect(got).not.toBeNull();
        const header = expected[0];
        expect(got!.problems).toBe(0);
        expect(got!.rows.map((r) => header.map((h) => r[h]))).toEqual(expected.slice(1));
      }),
      { numRuns: runs(0.5) },
    );
  }, TIMEOUT * 2);
});
