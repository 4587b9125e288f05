#!/usr/bin/env node
// Exit codes: 0 ok; 1 a --fail-under gate was not met; 2 usage or input error.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script: it starts faster than an ES module */
const { loadCli } = require('./load-cli.js');

loadCli()
  .cli.main(process.argv)
  .then((code) => {
    process.exitCode = code;
  });
