// Where the package's own data lives (data/, src/lexicons/, package.json), however the code is laid out:
// TypeScript sources under src/, tsc output under dist/, or the single-file bundle under dist/bundle/.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(from: string): string {
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('resonate: cannot find its package folder (package.json beside data/)');
    dir = up;
  }
}

// import.meta.dirname where Node has it (20.11 on; the CLI bundle passes its folder), else from the module's URL.
export const PACKAGE_ROOT = findRoot(import.meta.dirname ?? dirname(fileURLToPath(import.meta.url)));

export const packagePath = (...parts: string[]): string => join(PACKAGE_ROOT, ...parts);
