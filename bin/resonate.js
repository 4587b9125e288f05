#!/usr/bin/env node
// Exit codes: 0 ok; 1 a --fail-under gate was not met; 2 usage or input error.
import { main } from '../dist/bundle/main.js';

process.exitCode = await main(process.argv);
