#!/usr/bin/env node
// What each hand-written replacement of a library saves, end to end: `npm run bench:replacements`.
//
// Each bench/replacements/*.patch puts one library back in place of the code written to replace it (natural's
// PorterStemmer, sentiment.analyze, micromark for every draft, the word tables made at start-up). The script copies the checked-in files twice into a temporary folder, applies one
// patch to the second copy, builds both, and times them in turn in one run: `score` of a fixture draft against a
// saved profile (medians of SCORE_RUNS) and `profile build` of a real export (BUILD_RUNS each, wall and CPU time).
// It also checks that both give the same bytes (the replacement must equal its library). Needs `npm run bench` to
// have written the real exports (bench/out/real/).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const PATCHES = join(ROOT, 'bench', 'replacements');
const EXPORT = resolve(ROOT, process.env.BENCH_EXPORT ?? 'bench/out/real/stackexchange-6.csv');
const SCORE_RUNS = Number(process.env.SCORE_RUNS ?? 21);
const BUILD_RUNS = Number(process.env.BUILD_RUNS ?? 3);
const only = process.argv.slice(2);
if (!existsSync(EXPORT)) {
  console.error(`bench-replacements: ${EXPORT} not found; run npm run bench first (it writes the real exports)`);
  process.exit(2);
}

function sh(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A built copy of the checked-in files (plus the working tree's changes), with `patch` applied when given. */
function builtCopy(parent, name, patch) {
  const dir = join(parent, name);
  for (const f of sh('git', ['ls-files', '-z'], ROOT).split('\0').filter(Boolean)) {
    if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(dir, f));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  if (patch) sh('patch', ['-p1', '-s', '-i', patch], dir);
  sh(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], dir);
  sh(process.execPath, ['scripts/bundle.mjs'], dir);
  return dir;
}

/** Wall ms and CPU ms (user + system, from /usr/bin/time) of one run; stdout kept for the byte check. */
function timed(dir, args) {
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, join(dir, 'bin/resonate.js'), ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${dir}: resonate ${args.join(' ')} failed:\n${r.stderr}`);
  const [u, s] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { wall, cpu: (u + s) * 1000, stdout: r.stdout };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const md5 = (s) => createHash('md5').update(s).digest('hex');

const tmp = mkdtempSync(join(tmpdir(), 'resonate-replacements-'));
try {
  console.error('building the base copy ...');
  const base = builtCopy(tmp, 'base', null);
  const profile = join(tmp, 'crumb-club.profile.json');
  sh(process.execPath, [join(base, 'bin/resonate.js'), 'profile', 'build', 'fixtures/community/crumb-club.csv', '-o', profile], ROOT);
  const drafts = readdirSync(join(ROOT, 'fixtures/drafts')).filter((f) => /\.(md|txt)$/.test(f)).map((f) => join('fixtures/drafts', f));
  const scoreArgs = ['score', 'fixtures/drafts/crumb-club-native.md', '--profile', profile, '--format', 'json'];
  const rows = [];
  const load = readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  for (const file of readdirSync(PATCHES).filter((f) => f.endsWith('.patch')).sort()) {
    const name = file.replace(/\.patch$/, '');
    if (only.length && !only.includes(name)) continue;
    console.error(`${name}: building ...`);
    const lib = builtCopy(tmp, name, join(PATCHES, file));
    // Same bytes: every fixture draft's report, and the real export's profile.
    for (const d of drafts) {
      const args = ['score', d, '--profile', profile, '--format', 'json'];
      if (md5(timed(base, args).stdout) !== md5(timed(lib, args).stdout)) throw new Error(`${name}: the report of ${d} differs from the base's`);
    }
    console.error(`${name}: timing score (${SCORE_RUNS} each, in turn) ...`);
    const s = { base: [], lib: [] };
    timed(base, scoreArgs);
    timed(lib, scoreArgs);
    // In turn, and which goes first alternates (the second of a pair ran faster in trials: files just read are cached).
    for (let i = 0; i < SCORE_RUNS; i++) {
      for (const k of i % 2 ? ['lib', 'base'] : ['base', 'lib']) s[k].push(timed(k === 'base' ? base : lib, scoreArgs).wall);
    }
    console.error(`${name}: timing profile build (${BUILD_RUNS} each, in turn) ...`);
    const b = { base: [], lib: [], baseCpu: [], libCpu: [] };
    const outs = { base: join(tmp, 'base.profile.json'), lib: join(tmp, 'lib.profile.json') };
    for (let i = 0; i < BUILD_RUNS; i++) {
      for (const [k, dir] of i % 2 ? [['lib', lib], ['base', base]] : [['base', base], ['lib', lib]]) {
        const r = timed(dir, ['profile', 'build', EXPORT, '-o', outs[k]]);
        b[k].push(r.wall);
        b[`${k}Cpu`].push(r.cpu);
      }
    }
    if (md5(readFileSync(outs.base)) !== md5(readFileSync(outs.lib))) throw new Error(`${name}: the profile of ${EXPORT} differs from the base's`);
    const row = {
      name,
      score: { base: median(s.base), lib: median(s.lib) },
      build: { base: median(b.base), lib: median(b.lib), baseCpu: median(b.baseCpu), libCpu: median(b.libCpu), spread: { base: [Math.min(...b.base), Math.max(...b.base)], lib: [Math.min(...b.lib), Math.max(...b.lib)] } },
    };
    rows.push(row);
    rmSync(lib, { recursive: true, force: true });
    console.error(`${name}: score ${row.score.base.toFixed(1)} vs ${row.score.lib.toFixed(1)} ms; build ${row.build.base.toFixed(0)} vs ${row.build.lib.toFixed(0)} ms`);
  }
  const pct = (mine, lib) => `${(100 * (1 - mine / lib)).toFixed(1)} %`;
  console.log(`\nWhat each replacement saves against its library (load average at the start ${load}; \`score\`: medians of ${SCORE_RUNS} in turn; build of ${EXPORT.replace(ROOT + '/', '')}: medians of ${BUILD_RUNS} in turn)\n`);
  console.log('| replacement (library path) | `score` ms, replacement / library | saved | build s (wall), replacement / library | saved | build CPU s | saved |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const sec = (ms) => (ms / 1000).toFixed(2);
    console.log(`| ${r.name} | ${r.score.base.toFixed(1)} / ${r.score.lib.toFixed(1)} | ${pct(r.score.base, r.score.lib)} | ${sec(r.build.base)} / ${sec(r.build.lib)} | ${pct(r.build.base, r.build.lib)} | ${sec(r.build.baseCpu)} / ${sec(r.build.libCpu)} | ${pct(r.build.baseCpu, r.build.libCpu)} |`);
  }
  writeFileSync(join(ROOT, 'bench', 'out', 'replacements.json'), JSON.stringify({ load, rows }, null, 2));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
