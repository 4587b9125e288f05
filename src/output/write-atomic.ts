// Writes a file atomically: a temporary file beside the target, then a rename, so readers never see half a file.
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../errors.js';

export async function writeAtomic(path: string, content: string): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    await writeFile(tmp, content, 'utf8');
    await rename(tmp, path);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write ${path} (${code === 'ENOENT' ? 'its folder does not exist' : code === 'EACCES' ? 'permission denied' : code ?? (err as Error).message})`);
  }
}
