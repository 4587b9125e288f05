#!/usr/bin/env node
// Benchmark for resonate: `npm run bench` (add `-- --large` or BENCH_LARGE=1 for the 2M-row RSS check).
// Generates a deterministic synthetic community export, then times fast-csv alone,
// `profile build`, an optional Python/scikit-learn baseline, peak RSS, and `score` start-up; then the same on
// real exports made from ../shared/eval (scripts/bench-real.mjs) when that folder is there (BENCH_REAL=0 skips it).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { parseOnlyScript, realExports, stagesOf, tfidfScript } from './bench-real.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const LARGE = process.argv.includes('--large') || process.env.BENCH_LARGE === '1';
const SEED = 0x5eed2024;
const PY_REFERENCE_MBPS = 11.5;
mkdirSync(OUT, { recursive: true });

// ---------- deterministic generator ----------
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = (`the be to of and a in that have i it for not on with he as you do at this but his by from they we say her she or an will my one all would there their what so up out if about who get which go me when make can like time no just him know take people into year your good some could them see other than then now look only come its over think also back after use two how our work first well way even new want because any these give day most us is was are been has had were said did got made went find here thing things really very much more still lot little bit always never maybe pretty super actually today yesterday tonight morning weekend week month hour minute try tried trying help thanks thank love loved great nice awesome amazing beautiful perfect weird hard easy soft big small long short hot cold warm wet dry old fresh right wrong sure same different next last every each both few many own too again once before while though since until around through during without between under above down off left right kitchen oven recipe flour water salt yeast dough bread loaf loaves crust crumb bake baked baking baker bakers starter jar fridge counter bowl scale grams temperature degrees rise rising proof proofed shape shaped shaping score scored knife blade steam lid pan tray sheet stone rack timer photo picture pic picture friend partner kids family house home store market question answer advice tip tips mistake problem issue fix result results attempt first second third finally honestly literally definitely probably exactly basically totally`).split(/\s+/);
const JARGON = (`levain poolish biga autolyse hydration banneton lame coil folds stretch bulk fermentation retard retarded oven-spring ear gummy open-crumb tight-crumb windowpane preshape bench-rest dutch-oven boule batard baguette focaccia ciabatta sourdough discard rye spelt einkorn emmer semolina durum high-extraction whole-wheat bread-flour ap-flour tangzhong inclusions lamination scoring crumb-shot crust-shot overproofed underproofed fed peak float-test aliquot ph couche peel steam-tray ice-cubes cast-iron challah brioche bagels boiling lye pretzel crumb-club bakery hooch sluggish vigorous`).split(/\s+/);
// synthetic long-tail words from syllables, so the vocabulary reaches a few thousand types
const SYL = ['ba', 'ke', 'lo', 'ri', 'mu', 'ta', 'sen', 'dor', 'vi', 'pra', 'cul', 'fen', 'gro', 'mi', 'nat', 'ol', 'pel', 'quo', 'ras', 'ston', 'tru', 'ven', 'wil', 'zam'];
function buildVocab(rand) {
  const words = [...COMMON, ...JARGON];
  const seen = new Set(words);
  while (words.length < 3500) {
    const n = 2 + Math.floor(rand() * 2);
    let w = '';
    for (let i = 0; i < n; i++) w += SYL[Math.floor(rand() * SYL.length)];
    if (!seen.has(w)) { seen.add(w); words.push(w); }
  }
  // cumulative Zipf(s=1.07) weights; common words and jargon come first so they dominate
  const cum = new Float64Array(words.length);
  let acc = 0;
  for (let i = 0; i < words.length; i++) { acc += 1 / Math.pow(i + 1, 1.07); cum[i] = acc; }
  for (let i = 0; i < cum.length; i++) cum[i] /= acc;
  return { words, cum };
}
function pickZipf(rand, vocab) {
  const r = rand();
  let lo = 0, hi = vocab.cum.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (vocab.cum[mid] < r) lo = mid + 1; else hi = mid; }
  return vocab.words[lo];
}
const EMOJI = ['🍞', '🔥', '😭', '❤️', '🙌'];
const PUNCT = ['.', '.', '.', '.', '!', '?', '!!', '...'];
function sentence(rand, vocab) {
  const n = 3 + Math.floor(rand() * 10);
  const parts = [];
  for (let i = 0; i < n; i++) {
    let w = pickZipf(rand, vocab);
    if (i > 0 && rand() < 0.06) w += ',';
    parts.push(w);
  }
  let s = parts.join(' ');
  s = s[0].toUpperCase() + s.slice(1) + PUNCT[Math.floor(rand() * PUNCT.length)];
  if (rand() < 0.05) s += ' "' + pickZipf(rand, vocab) + ' ' + pickZipf(rand, vocab) + '"';
  if (rand() < 0.08) s += ' ' + EMOJI[Math.floor(rand() * EMOJI.length)];
  return s;
}
function body(rand, vocab) {
  // 1–8 sentences, skewed towards short comments
  const n = 1 + Math.floor(Math.pow(rand(), 1.6) * 8);
  let out = '';
  for (let i = 0; i < n; i++) {
    if (i > 0) out += rand() < 0.12 ? '\n' : ' ';
    out += sentence(rand, vocab);
  }
  return out;
}
function csvField(s) {
  return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
function heavyScore(rand) {
  // Pareto-ish tail with some negatives: most near 0–10, a few in the thousands
  const u = rand();
  if (u < 0.08) return -Math.floor(rand() * 15);
  return Math.floor(Math.pow(1 - rand(), -1 / 1.15)) - 1;
}

async function writeLines(file, generator) {
  const ws = createWriteStream(file + '.tmp');
  for (const chunk of generator) {
    if (!ws.write(chunk)) await once(ws, 'drain');
  }
  ws.end();
  await once(ws, 'finish');
  const { renameSync } = await import('node:fs');
  renameSync(file + '.tmp', file);
}

function* rows(count, repeat = 1) {
  yield 'id,thread_id,author,created_at,score,body\n';
  for (let rep = 0; rep < repeat; rep++) {
    // repetition 0 is exactly the small file; later ones reuse its vocabulary and authors but draw
    // new bodies (a different seed), so the profile builder's duplicate filter does not drop them
    let rand = mulberry32(SEED);
    const vocab = buildVocab(rand);
    const authors = Array.from({ length: 5000 }, (_, i) => `${pickZipf(rand, vocab).replace(/[^a-z]/g, '')}_${pickZipf(rand, vocab).replace(/[^a-z]/g, '')}${i % 7 === 0 ? i : ''}`);
    if (rep > 0) rand = mulberry32(SEED + rep);
    const t0 = Date.UTC(2023, 0, 1);
    let buf = '';
    for (let i = 0; i < count; i++) {
      const id = rep * count + i + 1;
      const thread = `t${Math.floor((rep * count + i) / 40) + 1}`;
      const author = authors[Math.floor(Math.pow(rand(), 2.2) * authors.length)];
      const created = new Date(t0 + Math.floor(((i + rand()) / count) * 730 * 86400000)).toISOString().replace(/\.\d+Z$/, 'Z');
      buf += `c${id},${thread},${author},${created},${heavyScore(rand)},${csvField(body(rand, vocab))}\n`;
      if (buf.length > 1 << 16) { yield buf; buf = ''; }
    }
    if (buf) yield buf;
  }
}

async function ensureFile(count, repeat = 1) {
  const file = join(OUT, `community-${count * repeat}-seed${SEED.toString(16)}${repeat > 1 ? `-x${repeat}` : ''}.csv`);
  if (existsSync(file)) { console.error(`using cached ${file}`); return file; }
  console.error(`generating ${file} ...`);
  const t = performance.now();
  await writeLines(file, rows(count, repeat));
  console.error(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return file;
}

// ---------- measurement helpers ----------
const MB = (bytes) => bytes / 1e6;
function run(args, { timeRss = false, cmd = process.execPath, quiet = true, env = process.env } = {}) {
  const argv = timeRss ? ['-f', '%M', cmd, ...args] : args;
  const exe = timeRss ? '/usr/bin/time' : cmd;
  const t = performance.now();
  const r = spawnSync(exe, argv, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, env });
  const ms = performance.now() - t;
  if (r.status !== 0) {
    throw new Error(`${exe} ${argv.join(' ')} failed (${r.status}):\n${r.stderr}`);
  }
  let rssKb = null;
  if (timeRss) {
    const lines = r.stderr.trim().split('\n');
    rssKb = Number(lines[lines.length - 1]);
  }
  if (!quiet && r.stdout) process.stderr.write(r.stdout);
  return { ms, rssKb, stdout: r.stdout, stderr: r.stderr };
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// ---------- main ----------
const file = await ensureFile(ROWS);
const bytes = statSync(file).size;
console.error(`file: ${file} (${MB(bytes).toFixed(1)} MB, ${ROWS} rows)`);

const parseOnly = parseOnlyScript(OUT);
// The first Python that has scikit-learn: $PYTHON, then python3 on the PATH (a pyenv shim may lack it), then the system's.
const PYTHON = [process.env.PYTHON, 'python3', '/usr/bin/python3'].find((py) => py && spawnSync(py, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0);
const HAS_SKLEARN = PYTHON !== undefined;
const tfidf = HAS_SKLEARN ? tfidfScript(OUT) : null;

console.error('a. fast-csv parse only ...');
const a = run([parseOnly, file]);
const parsedRows = Number(a.stdout.trim());
const csvMBps = MB(bytes) / (a.ms / 1000);
console.error(`   ${parsedRows} rows in ${(a.ms / 1000).toFixed(2)} s`);

console.error('b/d. profile build (with /usr/bin/time) ...');
const profileOut = join(OUT, 'profile.json');
const b = run(['bin/resonate.js', 'profile', 'build', file, '-o', profileOut], { timeRss: true });
const buildMBps = MB(bytes) / (b.ms / 1000);
console.error(`   ${(b.ms / 1000).toFixed(2)} s, peak RSS ${(b.rssKb / 1024).toFixed(0)} MiB`);

let pyMBps = PY_REFERENCE_MBPS;
let pySource = 'reference figure (scikit-learn not installed)';
if (HAS_SKLEARN) {
  console.error('c. python csv + TfidfVectorizer.fit ...');
  const p = run([tfidf, file, 'body'], { cmd: PYTHON });
  pyMBps = MB(bytes) / (p.ms / 1000);
  pySource = `measured in this run (${(p.ms / 1000).toFixed(2)} s)`;
}

let large = null;
if (LARGE) {
  const bigFile = await ensureFile(ROWS, 10);
  const bigBytes = statSync(bigFile).size;
  console.error(`d. profile build on ${MB(bigBytes).toFixed(0)} MB ...`);
  const l = run(['bin/resonate.js', 'profile', 'build', bigFile, '-o', join(OUT, 'profile-large.json')], { timeRss: true });
  large = { ms: l.ms, rssKb: l.rssKb, bytes: bigBytes };
  console.error(`   ${(l.ms / 1000).toFixed(2)} s, peak RSS ${(l.rssKb / 1024).toFixed(0)} MiB`);
}

console.error('e. score start-up ...');
const crumbProfile = join(OUT, 'crumb-club.profile.json');
run(['bin/resonate.js', 'profile', 'build', 'fixtures/community/crumb-club.csv', '-o', crumbProfile]);
const scoreArgs = ['bin/resonate.js', 'score', 'fixtures/drafts/crumb-club-native.md', '--profile', crumbProfile, '--format', 'json'];
/** Medians of `score` and `node -e 0` run in turn (so a busy moment hits both), after one warm-up run of each. */
function startUp(env) {
  run(scoreArgs, { env });
  run(['-e', '0'], { env });
  const score = [];
  const node = [];
  for (let i = 0; i < 11; i++) {
    score.push(run(scoreArgs, { env }).ms);
    node.push(run(['-e', '0'], { env }).ms);
  }
  return { scoreMs: median(score), nodeMs: median(node) };
}
const { scoreMs, nodeMs } = startUp(process.env);
// The same draft against the profile built from the synthetic export above (a larger vocabulary and a full 2,000-item
// sample): start-up grows with the profile's size, and real communities' profiles are larger than the fixture's.
const bigScoreArgs = scoreArgs.map((a) => (a === crumbProfile ? profileOut : a));
run(bigScoreArgs);
const bigScoreMs = median(Array.from({ length: 11 }, () => run(bigScoreArgs).ms));
const bigProfileBytes = statSync(profileOut).size;
// NODE_EXTRA_CA_CERTS makes every Node process parse that certificate file at start-up, before any script runs:
// it raises `node -e 0` itself (here, about 26 -> 70 ms) and so flatters the ratio. Measured without it as well.
let noCerts = null;
if (process.env.NODE_EXTRA_CA_CERTS) {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  noCerts = startUp(env);
}

console.error('f. batch of 500 drafts ...');
// A 500-draft calendar whose bodies are four paragraphs of the fixture drafts each (deterministic).
const calendar = join(OUT, 'calendar-500.csv');
{
  const texts = ['crumb-club-native.md', 'generic-kitchen-tips.md', 'off-key-product-launch.md', 'plain.txt'].map((f) =>
    readFileSync(join(ROOT, 'fixtures/drafts', f), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, ''),
  );
  const paras = texts.flatMap((t) => t.split(/\n\s*\n/).filter((p) => p.trim() && !p.startsWith('```')));
  const q = (x) => `"${x.replace(/"/g, '""')}"`;
  const lines = ['id,title,date,channel,body'];
  for (let i = 0; i < 500; i++) {
    const body = [0, 1, 2, 3].map((k) => paras[(i * 7 + k * 13) % paras.length]).join('\n\n');
    const d = new Date(Date.UTC(2025, 0, 1) + i * 86400000).toISOString().slice(0, 10);
    lines.push([`d${i}`, q(`Draft ${i}`), d, 'crumb-club', q(body)].join(','));
  }
  writeFileSync(calendar, lines.join('\n') + '\n');
}
const batchArgs = ['bin/resonate.js', 'batch', calendar, '--profile', crumbProfile, '--format', 'csv'];
const batchMs = median(Array.from({ length: 3 }, () => run(batchArgs).ms));

// ---------- report ----------
const f = (x, d = 2) => x.toFixed(d);
const yes = (ok) => (ok ? 'yes' : '**no**');
const table = [
  ['Measure', 'Figure', 'Ratio', 'Target', 'Met'],
  ['---', '---', '---', '---', '---'],
  [`fast-csv parse only (${parsedRows} rows)`, `${f(a.ms / 1000)} s, ${f(csvMBps, 1)} MB/s`, '', '', ''],
  ['`profile build`', `${f(b.ms / 1000)} s, ${f(buildMBps, 1)} MB/s`, `${f(buildMBps / csvMBps)} × fast-csv`, '≥ 0.5', yes(buildMBps / csvMBps >= 0.5)],
  ['vs Python csv + TfidfVectorizer.fit', `${f(pyMBps, 1)} MB/s (${pySource})`, `${f(buildMBps / pyMBps)} ×`, '≥ 1.0', yes(buildMBps / pyMBps >= 1.0)],
  // When Python was measured, the fixed reference figure is shown as well: the two differ with the machine's state.
  ...(pyMBps === PY_REFERENCE_MBPS
    ? []
    : [['vs the reference figure (Python csv + TfidfVectorizer.fit, 11.5 MB/s on this machine before)', `${f(PY_REFERENCE_MBPS, 1)} MB/s`, `${f(buildMBps / PY_REFERENCE_MBPS)} ×`, '', '']]),
  [`peak RSS, build ${f(MB(bytes), 0)} MB`, `${f(b.rssKb / 1024, 0)} MiB`, '', '', ''],
];
if (large) {
  table.push([`peak RSS, build ${f(MB(large.bytes), 0)} MB (10×)`, `${f(large.rssKb / 1024, 0)} MiB; ${f(large.ms / 1000, 1)} s, ${f(MB(large.bytes) / (large.ms / 1000), 1)} MB/s`, `${f(large.rssKb / b.rssKb)} × small`, '≤ 1.2', yes(large.rssKb / b.rssKb <= 1.2)]);
} else {
  table.push(['peak RSS, 10× file', 'not run (use --large or BENCH_LARGE=1)', '', '≤ 1.2', 'n/a']);
}
table.push(['`batch` of 500 drafts with saved profile (median of 3)', `${f(batchMs / 1000)} s`, `${f(batchMs / scoreMs)} × one \`score\``, 'seconds', yes(batchMs < 10_000)]);
table.push(['`score` with saved profile (medians of 11, alternating)', `${f(scoreMs, 0)} ms vs \`node -e 0\` ${f(nodeMs, 0)} ms (+${f(scoreMs - nodeMs, 0)} ms)`, `${f(scoreMs / nodeMs)} ×`, '≤ 1.5', yes(scoreMs / nodeMs <= 1.5)]);
table.push([`\`score\` against the ${f(MB(bigProfileBytes), 1)} MB profile of the ${ROWS}-row export (median of 11)`, `${f(bigScoreMs, 0)} ms`, `${f(bigScoreMs / nodeMs)} × \`node -e 0\``, '', '']);
if (noCerts) {
  table.push(['the same without `NODE_EXTRA_CA_CERTS` (set here: every Node process reads that file first)', `${f(noCerts.scoreMs, 0)} ms vs \`node -e 0\` ${f(noCerts.nodeMs, 0)} ms (+${f(noCerts.scoreMs - noCerts.nodeMs, 0)} ms)`, `${f(noCerts.scoreMs / noCerts.nodeMs)} ×`, '', '']);
}

console.log(`\nresonate benchmark — ${MB(bytes).toFixed(1)} MB, ${ROWS} rows, node ${process.version}\n`);
for (const r of table) console.log('| ' + r.join(' | ') + ' |');
writeFileSync(join(OUT, 'results.json'), JSON.stringify({ bytes, rows: ROWS, csvMs: a.ms, buildMs: b.ms, buildRssKb: b.rssKb, pyMBps, pySource, large, scoreMs, nodeMs, noCerts, bigScoreMs, bigProfileBytes, batchMs }, null, 2));

// ---------- real text ----------
const EVAL = resolve(ROOT, '..', 'shared', 'eval');
const real = process.env.BENCH_REAL === '0' ? null : await realExports(EVAL, join(OUT, 'real'));
if (!real) {
  console.log(`\nReal exports: not run (${process.env.BENCH_REAL === '0' ? 'BENCH_REAL=0' : `no ${EVAL}`}).`);
} else {
  const rowsOut = [];
  const build = (file, out, extra = []) => run(['bin/resonate.js', 'profile', 'build', file, '-o', out, ...extra], { timeRss: true });
  for (const x of real.table) {
    console.error(`real: ${x.name} ...`);
    const parse = run([parseOnly, x.csv]);
    const b = build(x.file, join(OUT, 'real', `${x.name}.profile.json`));
    const py = HAS_SKLEARN ? run([tfidf, x.file, x.textColumn], { cmd: PYTHON }) : null;
    rowsOut.push({ ...x, rows: Number(parse.stdout.trim()), parseMs: parse.ms, buildMs: b.ms, rssKb: b.rssKb, pyMs: py?.ms ?? null });
  }
  // The fixed cost: a ~1,000-row export, medians of 5 runs of each in turn, against `node -e 0` and fast-csv's
  // parse-only process (which is a `node` start-up plus the parse).
  console.error(`real: ${real.small.name} (fixed cost) ...`);
  const smallOut = join(OUT, 'real', `${real.small.name}.profile.json`);
  const sm = { build: [], parse: [], node: [] };
  build(real.small.file, smallOut);
  for (let i = 0; i < 5; i++) {
    sm.build.push(run(['bin/resonate.js', 'profile', 'build', real.small.file, '-o', smallOut]).ms);
    sm.parse.push(run([parseOnly, real.small.csv]).ms);
    sm.node.push(run(['-e', '0']).ms);
  }
  const small = { build: median(sm.build), parse: median(sm.parse), node: median(sm.node) };
  const smallPy = HAS_SKLEARN ? run([tfidf, real.small.file, 'text'], { cmd: PYTHON }).ms : null;
  // Peak RSS as the export grows 10×: every 10th Reddit post against all of them.
  console.error('real: peak RSS, 1/10 and all of reddit-16 ...');
  const tenth = build(real.tenth.file, join(OUT, 'real', 'tenth.profile.json'));
  const full = rowsOut.find((r) => r.name === real.full.name);
  // Where the time goes: one build of the Reddit CSV under --cpu-prof (both threads), by stage.
  console.error('real: cpu profile of the reddit-16.csv build ...');
  const profDir = join(OUT, 'real', 'cpu-prof');
  rmSync(profDir, { recursive: true, force: true });
  const prof = run(['--cpu-prof', '--cpu-prof-dir', profDir, 'bin/resonate.js', 'profile', 'build', real.full.file, '-o', join(OUT, 'real', 'prof.profile.json')]);
  const threads = readdirSync(profDir).sort().map((f) => stagesOf(JSON.parse(readFileSync(join(profDir, f), 'utf8'))));

  console.log(`\nReal exports (from ${EVAL}; one run each; load average at the start ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})\n`);
  console.log('| export | rows | MB | fast-csv parse only | `profile build` | build MB/s | build ÷ fast-csv speed | Python csv + TfidfVectorizer.fit | build ÷ Python speed | peak RSS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rowsOut) {
    const twin = r.csv === r.file ? '' : ' (same rows as CSV)';
    console.log(`| ${r.name} | ${r.rows} | ${f(MB(r.bytes), 1)} | ${f(r.parseMs / 1000)} s${twin} | ${f(r.buildMs / 1000)} s | ${f(MB(r.bytes) / (r.buildMs / 1000), 1)} | ${f(r.parseMs / r.buildMs)} × (≥ 0.5: ${yes(r.parseMs / r.buildMs >= 0.5)}) | ${r.pyMs === null ? 'not measured (no scikit-learn)' : `${f(r.pyMs / 1000)} s`} | ${r.pyMs === null ? '' : `${f(r.pyMs / r.buildMs)} ×`} | ${f(r.rssKb / 1024, 0)} MiB |`);
  }
  const target = small.node + small.parse; // 2 × node -e 0 + (the parse-only process − its node start-up)
  console.log(`\nFixed cost, ${real.small.name} (${f(MB(real.small.bytes), 2)} MB; medians of 5, in turn): build ${f(small.build, 0)} ms; \`node -e 0\` ${f(small.node, 0)} ms; fast-csv parse-only process ${f(small.parse, 0)} ms (the parse ${f(small.parse - small.node, 0)} ms); target 2 × \`node -e 0\` + the parse = ${f(target, 0)} ms: ${f(small.build / target)} × (≤ 1: ${yes(small.build <= target)})${smallPy === null ? '' : `; Python csv + TfidfVectorizer.fit ${f(smallPy, 0)} ms`}.`);
  console.log(`Peak RSS as the export grows 10×: ${real.tenth.name} (${f(MB(real.tenth.bytes), 1)} MB) ${f(tenth.rssKb / 1024, 0)} MiB, ${real.full.name} (${f(MB(real.full.bytes), 1)} MB) ${f(full.rssKb / 1024, 0)} MiB: ${f(full.rssKb / tenth.rssKb)} ×.`);
  console.log(`\nWhere the time goes: \`node --cpu-prof\` build of ${real.full.name} (${f(prof.ms / 1000)} s wall under the profiler), ms of samples per stage and thread:\n`);
  const stages = [...new Set(threads.flatMap((t) => [...t.ms.keys()]))].sort((p, q) => threads.reduce((a, t) => a + (t.ms.get(q) ?? 0), 0) - threads.reduce((a, t) => a + (t.ms.get(p) ?? 0), 0));
  console.log(`| stage | ${threads.map((_, i) => (i === 0 ? 'main thread' : `worker ${i}`)).join(' | ')} |`);
  console.log(`| --- | ${threads.map(() => '---').join(' | ')} |`);
  for (const s of stages) console.log(`| ${s} | ${threads.map((t) => `${f(t.ms.get(s) ?? 0, 0)} ms (${f((100 * (t.ms.get(s) ?? 0)) / t.totalMs, 0)} %)`).join(' | ')} |`);
  console.log(`| thread's run | ${threads.map((t) => `${f(t.totalMs, 0)} ms`).join(' | ')} |`);
  writeFileSync(join(OUT, 'results-real.json'), JSON.stringify({ rows: rowsOut, small, smallPy, tenthRssKb: tenth.rssKb, stages: threads.map((t) => Object.fromEntries(t.ms)) }, null, 2));
}
