// writeStdout in a child process: through a pipe that blocks, and through one in non-blocking mode (as it is once
// anything has touched process.stdout, e.g. a text report's colour check), where write(2) refuses part of a large
// report and the rest must go through process.stdout, in order.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = fileURLToPath(new URL('../../dist/output/stdout.js', import.meta.url));
// Far beyond a pipe's 64 KB buffer, with multi-byte characters across write boundaries; the child makes the same.
const MAKE = "Array.from({ length: 40000 }, (_, i) => 'line ' + i + ' \u2014 \u00e9\ud83c\udf5e\\n').join('')";
const CONTENT = new Function(`return ${MAKE}`)() as string;
const childScript = (touchStdout: boolean): string =>
  `${touchStdout ? 'process.stdout;' : ''} import(${JSON.stringify(MODULE)}).then(async (m) => { await m.writeStdout(${MAKE}); await m.writeStdout('end\\n'); })`;

describe('writeStdout', () => {
  it('writes a large report whole through a pipe', () => {
    const r = spawnSync(process.execPath, ['-e', childScript(false)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${CONTENT}end\n`);
  });

  it.skipIf(process.platform === 'win32')('finishes through process.stdout when the pipe is non-blocking and full', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'resonate-stdout-')), 'out');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const readFd = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
    const writeFd = openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK);
    const child = spawn(process.execPath, ['-e', childScript(true)], { stdio: ['ignore', writeFd, 'pipe'] });
    closeSync(writeFd);
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    // Read only once the child has filled the pipe and met EAGAIN.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const chunks: Buffer[] = [];
    const reader = new Socket({ fd: readFd, readable: true, writable: false });
    reader.on('data', (d: Buffer) => chunks.push(d));
    const [code] = await Promise.all([
      new Promise<number | null>((resolve) => child.on('close', resolve)),
      new Promise((resolve) => reader.on('end', resolve)),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(`${CONTENT}end\n`);
  });
});
