// The Unicode character classes of all code points as runs, for src/text/char-class.ts. A module of its own so
// that the bundles prebuild it (scripts/bundle.mjs): the `\p{…}` patterns are ICU tables that V8 compiles on first
// use, about a millisecond of a `score` run for a draft's first characters. Run from the sources, the runs are
// worked out on first use instead (about 0.3 s, once per process).

import { classByPattern } from './char-class-patterns.js';

/**
 * Code points 0 to 0x10FFFF as runs of equal class bits: run i starts at `starts[i]` and has the bits `bits[i]`
 * (3,460 runs under Node 20's Unicode tables). Numbers, not characters: JSON writes the small values as escapes.
 */
export function classRuns(): { starts: number[]; bits: number[] } {
  const starts: number[] = [];
  const bits: number[] = [];
  let previous = -1;
  for (let cp = 0; cp <= 0x10ffff; cp++) {
    const b = classByPattern(cp);
    if (b !== previous) {
      starts.push(cp);
      bits.push(b);
      previous = b;
    }
  }
  return { starts, bits };
}
