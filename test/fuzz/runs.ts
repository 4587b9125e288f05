// How many cases each fuzz target runs: a few hundred in `npm test`, FUZZ_RUNS (e.g. 10000 in `npm run fuzz`) otherwise.
const LONG = Number(process.env.FUZZ_RUNS) > 0;
export const RUNS = LONG ? Number(process.env.FUZZ_RUNS) : 200;
/** Targets that spawn work per case (files, full reports) run a share of the cases in `npm test`; every target runs all FUZZ_RUNS in a long run. */
export const runs = (share = 1): number => (LONG ? RUNS : Math.max(10, Math.round(RUNS * share)));
/** Long fuzz runs need more than vitest's default per-test timeout (the heaviest targets take ~30 ms a case). */
export const TIMEOUT = 30_000 + RUNS * (LONG ? 60 : 20);

/** Text that reaches the odd corners: quotes, commas, line ends, controls, emoji, combining marks, long runs. */
import fc from 'fast-check';
const PIECES = ['"', '""', ',', '\n', '\r\n', '\r', ' ', '\t', '.', '...', '?', '!', '…', '#', '@', '*', '_', '`', '```', '---', '> ', '- ', '1. ', '[x](http://a.b)', '<b>', '\u001b[31m', '\u202e', '\u0000', '\uFEFF', '😀', '👍🏽', 'e\u0301', 'don’t', "it's", 'Mr.', '3.14', 'https://x.y/z', 'crumb', 'starter', 'proof', 'the', 'you', 'we', 'I'];
export const textish = (maxLength = 60): fc.Arbitrary<string> =>
  fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength }).map((a) => a.join(''));
