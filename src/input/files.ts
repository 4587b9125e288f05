// Reading whole inputs (files or stdin) with errors a user can act on.
import { readFileSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';

export const STDIN = '-';
/** How reports name what was read from standard input. */
export const STDIN_NAME = '<stdin>';

/**
 * Drafts, profiles and calendars are read whole, and synchronously: the promise API reads in 64 KB steps, each a
 * round trip through the thread pool, which a short `score` run noticed (about 5 ms of its start-up).
 */
export async function readInputBytes(path: string, what: string): Promise<Buffer> {
  if (path === STDIN) return readStdin(what);
  let info;
  try {
    info = statSync(path);
  } catch (err) {
    throw fileError(err, path, what);
  }
  if (info.isDirectory()) throw new InputError(`${what} ${path} is a directory, not a file`);
  try {
    return readFileSync(path);
  } catch (err) {
    throw fileError(err, path, what);
  }
}

async function readStdin(what: string): Promise<Buffer> {
  if (process.stdin.isTTY) {
    throw new InputError(`${what} is '-' (standard input) but nothing is piped in`, `pipe a file in, e.g. cat file | resonate …`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function fileError(err: unknown, path: string, what: string): InputError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new InputError(`${what} ${path} does not exist`);
  if (code === 'EACCES' || code === 'EPERM') return new InputError(`${what} ${path} cannot be read (permission denied)`);
  if (code === 'EISDIR') return new InputError(`${what} ${path} is a directory, not a file`);
  return new InputError(`${what} ${path} cannot be read (${code ?? (err as Error).message})`);
}
