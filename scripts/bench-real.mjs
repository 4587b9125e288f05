// Real-text part of `npm run bench`: exports made at bench time from ../shared/eval (never committed), in the formats
// users have (CSV, NDJSON, gzip), each timed against fast-csv parse-only and Python csv + TfidfVectorizer.fit of the
// same rows; the fixed cost on a ~1,000-row export; peak RSS as the export grows 10×; and where the build's time goes.
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createGunzip, gzipSync } from 'node:zlib';
import { parse } from 'fast-csv';

/** The eval files' columns, written back in this order. */
const COLUMNS = ['community', 'platform', 'id', 'kind', 'post_id', 'parent_id', 'title', 'text', 'score', 'num_comments', 'answer_count', 'view_count', 'created_utc', 'tags', 'is_self'];

async function readRows(gzFile) {
  const rows = [];
  const stream = createReadStream(gzFile).pipe(createGunzip()).pipe(parse({ headers: true }));
  for await (const row of stream) rows.push(row);
  return rows;
}

const csvField = (s) => (/[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);
const numeric = new Set(['score', 'num_comments', 'answer_count', 'view_count', 'created_utc']);

async function writeExport(file, rows, format) {
  const tmp = file + '.tmp';
  const ws = createWriteStream(tmp);
  const write = async (s) => {
    if (!ws.write(s)) await once(ws, 'drain');
  };
  if (format === 'csv') await write(COLUMNS.join(',') + '\n');
  for (const r of rows) {
    if (format === 'csv') await write(COLUMNS.map((c) => csvField(r[c] ?? '')).join(',') + '\n');
    else {
      // NDJSON as an API dump has it: numbers as numbers, empty fields absent.
      const o = {};
      for (const c of COLUMNS) if (r[c] !== '' && r[c] !== undefined) o[c] = numeric.has(c) && /^-?\d+(\.\d+)?$/.test(r[c]) ? Number(r[c]) : r[c];
      await write(JSON.stringify(o) + '\n');
    }
  }
  ws.end();
  await once(ws, 'finish');
  renameSync(tmp, file);
}

/**
 * Writes the real exports into `dir` (cached by name) and returns them: each with the file the baselines read
 * (fast-csv needs CSV: an NDJSON export is compared with the same rows as CSV) and the column holding the text.
 */
export async function realExports(evalDir, dir) {
  mkdirSync(dir, { recursive: true });
  const sources = { reddit: join(evalDir, 'reddit-16.csv.gz'), se: join(evalDir, 'stackexchange-6.csv.gz') };
  if (!existsSync(sources.reddit) || !existsSync(sources.se)) return null;
  const out = (name) => join(dir, name);
  const made = (f) => existsSync(f);
  let rowsOf = {};
  const rows = async (k) => (rowsOf[k] ??= await readRows(sources[k]));
  const every = (xs, n) => xs.filter((_, i) => i % n === 0);
  const plan = [
    ['reddit-16.csv', async (f) => writeExport(f, await rows('reddit'), 'csv')],
    ['reddit-16.csv.gz', async (f) => writeFileSync(f, gzipSync(readFileSync(out('reddit-16.csv'))))],
    ['stackexchange-6.csv', async (f) => writeExport(f, await rows('se'), 'csv')],
    ['stackexchange-6.ndjson', async (f) => writeExport(f, await rows('se'), 'ndjson')],
    // Every 16th Stack Exchange item (questions, answers and comments of all six sites): ~1,000 rows, ~0.8 MB.
    ['stackexchange-6-1k.csv', async (f) => writeExport(f, every(await rows('se'), 16), 'csv')],
    // Every 10th Reddit post: the full reddit-16.csv is this export grown 10×, for the peak-RSS ratio.
    ['reddit-16-tenth.csv', async (f) => writeExport(f, every(await rows('reddit'), 10), 'csv')],
  ];
  for (const [name, make] of plan) {
    if (made(out(name))) continue;
    console.error(`writing ${out(name)} ...`);
    await make(out(name));
  }
  rowsOf = null;
  const entry = (name, baseline = name) => ({ name, file: out(name), csv: out(baseline), bytes: statSync(out(name)).size, textColumn: 'text' });
  return {
    table: [entry('reddit-16.csv'), entry('reddit-16.csv.gz'), entry('stackexchange-6.csv'), entry('stackexchange-6.ndjson', 'stackexchange-6.csv')],
    small: entry('stackexchange-6-1k.csv'),
    tenth: entry('reddit-16-tenth.csv'),
    full: entry('reddit-16.csv'),
  };
}

/** fast-csv parse only, for a CSV or a gzipped CSV (gunzip in the same process, as the build does). */
export function parseOnlyScript(out) {
  const file = join(out, 'parse-only.mjs');
  writeFileSync(file, `import { parse, parseFile } from 'fast-csv';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
let n = 0;
const f = process.argv[2];
const s = f.endsWith('.gz') ? createReadStream(f).pipe(createGunzip()).pipe(parse({ headers: true })) : parseFile(f, { headers: true });
s.on('error', (e) => { console.error(e); process.exit(1); })
  .on('data', () => { n++; })
  .on('end', () => { console.log(n); });
`);
  return file;
}

/** Python csv (or json lines) + TfidfVectorizer.fit on one text column, gzip read through gzip.open. */
export function tfidfScript(out) {
  const file = join(out, 'tfidf.py');
  writeFileSync(file, `import csv, gzip, json, sys
from sklearn.feature_extraction.text import TfidfVectorizer
path, column = sys.argv[1], sys.argv[2]
csv.field_size_limit(1 << 30)
opener = gzip.open if path.endswith('.gz') else open
with opener(path, 'rt', newline='', encoding='utf-8') as f:
    if '.ndjson' in path:
        texts = [json.loads(line).get(column, '') for line in f if line.strip()]
    else:
        texts = [r[column] for r in csv.DictReader(f)]
TfidfVectorizer().fit(texts)
print(len(texts))
`);
  return file;
}

// ---------- where the build's time goes ----------

/**
 * Stages of a build, by the nearest function on a sample's stack that names one (the bundle keeps function names).
 * Checked from the innermost frame outwards, so `tokenize` called from `measureItem` counts as tokenizing.
 */
const STAGES = [
  ['tokenizing and stemming', ['tokenize', 'porterStem', 'stemOf', 'stem', 'sharedOf', 'normOf']],
  ['valence (AFINN)', ['valenceOf']],
  ['measuring sentences and cues', ['measureItem', 'measureSentence', 'splitSentences']],
  ['counting stems and pairs', ['addAccepted', 'count', 'addPair', 'prunePairs', 'pruneStems']],
  ['accepting (filters, duplicate hashes)', ['accept', 'hashFolded', 'stripMarkup']],
  ['reading and parsing (decode, CSV/NDJSON, gunzip)', ['decodeChunks', 'nextBatch', 'scan', 'splitRecord', 'parseRecords', 'csvRows', 'ndjsonRows', 'jsonRows', 'zlibOnError', 'processCallback']],
  ['handing batches to the worker', ['dispatch', 'postMessage', 'pushItem']],
  ['tables and merge', ['finish', 'mergeCounts', 'wordTable', 'bigramTable']],
  ['model and calibration (derived)', ['withDerived', 'buildModel', 'calibrate', 'fitEngagementWeights', 'distinctiveTerms']],
  ['writing the profile', ['saveProfile', 'serializeProfile', 'writeAtomic']],
];
const STAGE_OF = new Map(STAGES.flatMap(([stage, fns]) => fns.map((f) => [f, stage])));

/** Milliseconds per stage (plus GC, idle and other) of one thread's .cpuprofile. */
export function stagesOf(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map();
  const stageOf = (id) => {
    if (memo.has(id)) return memo.get(id);
    const n = byId.get(id);
    const name = n.callFrame.functionName;
    let stage;
    if (name === '(garbage collector)') stage = 'garbage collection';
    else if (name === '(idle)') stage = 'idle (waiting)';
    else if (STAGE_OF.has(name)) stage = STAGE_OF.get(name);
    else stage = parent.has(id) ? stageOf(parent.get(id)) : 'start-up and other';
    memo.set(id, stage);
    return stage;
  };
  const ms = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const s = stageOf(profile.samples[i]);
    ms.set(s, (ms.get(s) ?? 0) + profile.timeDeltas[i] / 1000);
  }
  return { ms, totalMs: (profile.endTime - profile.startTime) / 1000 };
}
