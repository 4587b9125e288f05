// Spawns the built CLI (bin/resonate.js → dist/) the way a user runs it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/resonate.js', import.meta.url));
export const COMMUNITY = 'fixtures/community/crumb-club.csv';
export const DRAFTS = {
  native: 'fixtures/drafts/crumb-club-native.md',
  generic: 'fixtures/drafts/generic-kitchen-tips.md',
  offKey: 'fixtures/drafts/off-key-product-launch.md',
};

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(args: string[], options: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '0', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
