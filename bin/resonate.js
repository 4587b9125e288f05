#!/usr/bin/env node
// Exit codes: 0 ok; 1 a --fail-under gate was not met; 2 usage or input error.
//
// Loads the bundled CLI (dist/bundle/main.cjs) with the V8 code cache that `npm run build` stores beside it.
// Most of a run's start-up is V8 compiling the bundle and then, lazily, each function the run calls; the cache
// holds the bytecode of the functions a typical run uses, so V8 deserializes instead of compiling. A cache made
// by another Node/V8 version or with other V8 flags is rejected by V8 and the bundle is compiled as usual.
// The loader lives in this file (scripts/bundle.mjs requires it to make the cache): a second module would cost
// every run another resolution and compilation.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script: it starts faster than an ES module */
const { readFileSync, statSync } = require('node:fs');
// module.constructor is the Module class that node:module exports; asking for node:module itself costs every run
// the set-up of its public module (~0.4 ms), which nothing else in a run needs.
const createRequire = module.constructor.createRequire ?? require('node:module').createRequire;
const { join } = require('node:path');
const { Script } = require('node:vm');

const BUNDLE = join(__dirname, '..', 'dist', 'bundle', 'main.cjs');
const CODE_CACHE = `${BUNDLE}.v8cache`;
/** The bundle starts with this (scripts/bundle.mjs writes it): Node's own wrapper around a CommonJS module. */
const MODULE_WRAPPER = '(function (exports, require, module, __filename, __dirname) {';

/** The cache, unless the bundle was written after it (V8 itself only checks that the source has the same length). */
function readCodeCache() {
  try {
    if (statSync(CODE_CACHE).mtimeMs < statSync(BUNDLE).mtimeMs) return undefined;
    return readFileSync(CODE_CACHE);
  } catch {
    return undefined;
  }
}

/** Compiles and runs the bundle as CommonJS; returns its exports and the compiled script (to make a cache from). */
function loadCli(useCache = true) {
  const source = readFileSync(BUNDLE, 'latin1');
  if (!source.startsWith(MODULE_WRAPPER)) throw new Error(`resonate: ${BUNDLE} is not a build of this version (run npm run build)`);
  const cachedData = useCache ? readCodeCache() : undefined;
  const script = new Script(source, { filename: BUNDLE, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, join(BUNDLE, '..'));
  return { cli: module.exports, script };
}

module.exports = { loadCli, BUNDLE, CODE_CACHE, MODULE_WRAPPER };

if (require.main === module) {
  let cli;
  try {
    cli = loadCli().cli;
  } catch (err) {
    // A missing or half-written dist/ (an install that did not run `npm run build`): one line, not a stack trace.
    process.stderr.write(`resonate: cannot load ${BUNDLE}: ${err.message.split('\n')[0]}\n`);
    process.exitCode = 2;
  }
  cli?.main(process.argv).then((code) => {
    process.exitCode = code;
  });
}
