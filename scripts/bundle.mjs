// Bundles the tsc output (dist/) into dist/bundle/: the CLI as one CommonJS script (main.cjs) with a V8 code cache
// beside it (main.cjs.v8cache), and the profile-build worker as one ES module (build-worker.js).
// Loading one file instead of a few hundred modules takes about a quarter off every run's start-up
// (measured: `score` against a saved profile 0.27 s → 0.20 s; `node -e 0` 0.07 s). The code cache spares V8
// compiling that file and the functions a run calls (bin/resonate.js loads both).
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { loadCli, CODE_CACHE, MODULE_WRAPPER } = require('../bin/resonate.js');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  outdir: join(ROOT, 'dist/bundle'),
  legalComments: 'eof',
  // An all-ASCII script is held by V8 as a one-byte string: one non-ASCII character anywhere (a comment, a regular
  // expression) makes the whole 450 KB source, and the wrapped copy bin/resonate.js compiles, two bytes a character.
  // esbuild escapes strings and identifiers itself; dropping whitespace drops the comments; the sources write
  // regular expressions with \u escapes. The CLI bundle is checked below.
  charset: 'ascii',
  minifyWhitespace: true,
  // sentiment require()s other languages' word lists by computed path; only English is ever used here.
  logOverride: { 'unsupported-require-call': 'silent', 'empty-glob': 'silent' },
  logLevel: 'warning',
};

/**
 * commander loads node:child_process (with node:net and more) for executable subcommands, which resonate does not
 * have: its spawn() is bound on first use instead, sparing every run the loading.
 */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /^child_process$/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = { spawn: (...args) => require('node:child_process').spawn(...args) };",
      loader: 'js',
    }));
  },
};

/**
 * node:module is not set up by Node before a script asks for it (~0.4 ms); the sources only call its createRequire
 * to load yaml for front matter the simple reader leaves, so the CLI bundle asks for it on that call.
 */
const lazyModule = {
  name: 'lazy-module',
  setup(b) {
    // (The shim's own require of it is left to Node.)
    b.onResolve({ filter: /^node:module$/ }, (args) => (args.namespace === 'lazy-builtin' ? undefined : { path: 'module', namespace: 'lazy-builtin' }));
    b.onLoad({ filter: /^module$/, namespace: 'lazy-builtin' }, () => ({
      contents: "module.exports = { createRequire: (...args) => require('node:module').createRequire(...args) };",
      loader: 'js',
    }));
  },
};

/**
 * chalk detects the terminal when it is loaded (node:tty, and with it node:net); only text reports with a chalk
 * need it. Its `Chalk` (the one thing resonate imports) loads the package on first construction instead.
 */
const lazyChalk = {
  name: 'lazy-chalk',
  setup(b) {
    b.onResolve({ filter: /^chalk$/ }, (args) => (args.namespace === 'lazy-chalk' ? undefined : { path: 'chalk', namespace: 'lazy-chalk' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-chalk' }, () => ({
      contents: "let chalk; export class Chalk { constructor(options) { chalk ??= require('chalk'); return new chalk.Chalk(options); } }",
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

/**
 * Tables the sources build at start-up (src/text/afinn.ts from the sentiment package's JSON,
 * src/lexicons/emotion-table.ts from emotion.json, src/lexicons/conversation-table.ts, src/text/stop-stems.ts by
 * stemming the stopwords, src/text/char-class-runs.ts from \p{...} patterns, src/version.ts from package.json),
 * built here once instead: each module's exports are evaluated (functions called) and written, all in one file,
 * dist/bundle/tables.json; the bundles get modules that read their part of it. The word lists are sorted strings
 * searched in place, so reading them is one JSON.parse of a few long strings instead of thousands of interned keys
 * (about 3 ms of every run for the two lexicons). A string constant in the bundle instead cost about as much again
 * in a larger code cache; a file per table cost each run one more read per table (~0.1 ms each).
 */
const PREBUILT = {
  afinn: /[\\/]dist[\\/]text[\\/]afinn\.js$/,
  'emotion-table': /[\\/]dist[\\/]lexicons[\\/]emotion-table\.js$/,
  'conversation-table': /[\\/]dist[\\/]lexicons[\\/]conversation-table\.js$/,
  'stop-stems': /[\\/]dist[\\/]text[\\/]stop-stems\.js$/,
  'char-class-runs': /[\\/]dist[\\/]text[\\/]char-class-runs\.js$/,
  version: /[\\/]dist[\\/]version\.js$/,
};
const TABLES_FILE = 'tables.json';
const tables = {};
const prebuiltTables = {
  name: 'prebuilt-tables',
  setup(b) {
    // One reader of the file for all the table modules, read when the first of them is set up.
    b.onResolve({ filter: /^resonate-prebuilt-tables$/ }, () => ({ path: 'tables', namespace: 'prebuilt-tables' }));
    b.onLoad({ filter: /.*/, namespace: 'prebuilt-tables' }, () => ({
      // By path where the folder is known without a file: URL (see the CLI bundle's define below).
      contents: `import { readFileSync } from 'node:fs';\nimport { join } from 'node:path';\nlet all;\nconst file = () => (import.meta.dirname ? join(import.meta.dirname, '${TABLES_FILE}') : new URL('${TABLES_FILE}', import.meta.url));\nexport const tableOf = (name) => (all ??= JSON.parse(readFileSync(file(), 'utf8')))[name];\n`,
      resolveDir: ROOT,
      loader: 'js',
    }));
    for (const [name, filter] of Object.entries(PREBUILT)) {
      b.onLoad({ filter }, async (args) => {
        const module = await import(pathToFileURL(args.path).href);
        const data = {};
        let contents = `import { tableOf } from 'resonate-prebuilt-tables';\nconst data = tableOf('${name}');\n`;
        for (const [key, value] of Object.entries(module)) {
          const made = typeof value === 'function';
          if (made && value.length !== 0) throw new Error(`bundle: ${args.path}: ${key} takes arguments; it cannot be prebuilt`);
          data[key] = made ? value() : value;
          contents += made ? `export const ${key} = () => data.${key};\n` : `export const ${key} = data.${key};\n`;
        }
        tables[name] = data;
        return { contents, loader: 'js' };
      });
    }
    // Both bundles' tables, in a fixed order (the second build adds to what the first wrote).
    b.onEnd(() => {
      mkdirSync(join(ROOT, 'dist/bundle'), { recursive: true });
      const ordered = Object.fromEntries(Object.keys(PREBUILT).filter((k) => k in tables).map((k) => [k, tables[k]]));
      writeFileSync(join(ROOT, `dist/bundle/${TABLES_FILE}`), JSON.stringify(ordered));
    });
  },
};

/**
 * micromark (under mdast-util-from-markdown) sets up its parser's tables when it is loaded, ~40 modules; most
 * drafts are read by src/input/markdown-plain.ts without it. Its `fromMarkdown` loads the package on first call
 * instead (it stays in the bundle, wrapped by esbuild so that its module code runs then).
 */
const lazyFromMarkdown = {
  name: 'lazy-from-markdown',
  setup(b) {
    b.onResolve({ filter: /^mdast-util-from-markdown$/ }, (args) =>
      args.namespace === 'lazy-from-markdown' ? undefined : { path: 'mdast-util-from-markdown', namespace: 'lazy-from-markdown' },
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-from-markdown' }, () => ({
      contents: "let m; export function fromMarkdown(...args) { m ??= require('mdast-util-from-markdown'); return m.fromMarkdown(...args); }",
      resolveDir: ROOT,
      loader: 'js',
    }));
  },
};

if (process.argv[2] === '--code-cache') await makeCodeCache();
else {
  // Afresh: what an earlier build wrote (tables under other names, a cache) is not left beside this one.
  rmSync(join(ROOT, 'dist/bundle'), { recursive: true, force: true });
  await build({
    ...common,
    entryPoints: { main: join(ROOT, 'dist/cli/main.js') },
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    // The sources locate package data and the worker from import.meta.dirname, or import.meta.url; in a CommonJS
    // script they are its folder and its file's URL, made when first asked for (pathToFileURL and the fileURLToPath
    // that undid it were ~0.5 ms of every run).
    define: { 'import.meta.url': '__resonateModule.url', 'import.meta.dirname': '__dirname' },
    plugins: [lazyChildProcess, lazyModule, lazyChalk, lazyFromMarkdown, prebuiltTables],
    // The file is the function Node itself wraps a CommonJS module in, written out: bin/resonate.js compiles the
    // text as read. Wrapping it there made a second copy of the whole source, and V8 flattened that into a third.
    banner: { js: `${MODULE_WRAPPER}const __resonateModule = { get url() { return (this.href ??= require('node:url').pathToFileURL(__filename).href); } };` },
    footer: { js: '})' },
  });
  const nonAscii = readFileSync(join(ROOT, 'dist/bundle/main.cjs'), 'latin1').match(/.{0,40}[^\x00-\x7f]/);
  if (nonAscii) throw new Error(`bundle: dist/bundle/main.cjs is not ASCII (write the character as a \\u escape): ${nonAscii[0]}`);
  await build({
    ...common,
    entryPoints: { 'build-worker': join(ROOT, 'dist/community/build-worker.js') },
    format: 'esm',
    plugins: [prebuiltTables],
    // Bundled CommonJS dependencies (natural, sentiment) call require(); an ES module has none of its own.
    banner: { js: "import { createRequire as __resonateCreateRequire } from 'node:module'; const require = __resonateCreateRequire(import.meta.url);" },
  });
  // In a fresh process, so the cache holds what a real run compiles and nothing of this script.
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--code-cache'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error('bundle: making the code cache failed');
}

/**
 * Runs `score` on a fixture in each report format, the run whose start-up matters most (a CI gate or an editor
 * runs it once per draft), and stores the code V8 compiled for it. V8 deserializes the whole cache on every run:
 * with the code of `profile build`, `batch`, `compare` and `profile show` as well it was 561 KB against 383 KB,
 * and a `score` run took about 2 ms longer (medians of 101 alternating runs), while those commands compile
 * their own few functions lazily at no measurable cost (`profile show` and `compare` medians of 15 alike).
 * Without the fixtures no cache is made; runs then compile as usual.
 */
async function makeCodeCache() {
  const draft = join(ROOT, 'fixtures/drafts/crumb-club-native.md');
  const community = join(ROOT, 'fixtures/community/crumb-club.csv');
  if (![draft, community].every((f) => existsSync(f))) return;
  const dir = mkdtempSync(join(tmpdir(), 'resonate-code-cache-'));
  try {
    const profile = join(dir, 'community.profile.json');
    // Built by another process, so that the building code stays out of this one's cache.
    const built = spawnSync(process.execPath, [join(ROOT, 'bin/resonate.js'), 'profile', 'build', community, '-o', profile], { stdio: 'ignore' });
    if (built.status !== 0) throw new Error('bundle: code-cache run failed: resonate profile build');
    const runs = ['json', 'text', 'markdown', 'github'].map((format) => ['score', draft, '--profile', profile, '--format', format]);
    const { cli, script } = loadCli(false);
    // Quiet: the reports go nowhere (stdout is ignored by the parent), progress and notes are not shown.
    const stderrWrite = process.stderr.write;
    process.stderr.write = () => true;
    try {
      for (const args of runs) {
        const code = await cli.main(['node', 'resonate', ...args]);
        if (code !== 0) throw new Error(`bundle: code-cache run failed: resonate ${args.join(' ')}`);
      }
    } finally {
      process.stderr.write = stderrWrite;
    }
    writeFileSync(CODE_CACHE, script.createCachedData());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
