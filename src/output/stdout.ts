// Writes to standard output with write(2) on descriptor 1, and through process.stdout only when that cannot finish.
//
// Why not process.stdout first: its first use builds a stream for the descriptor, and for a pipe (a CI step,
// `| jq`, a parent process reading the report) that is a net.Socket, which loads node:net and the stream machinery:
// about 7 ms of a 110 ms `score`. A descriptor in blocking mode takes the whole write here. One that the parent left
// non-blocking can refuse part of a large write (EAGAIN); the rest then goes through process.stdout, which waits
// for the reader.
import { writeSync } from 'node:fs';

/** Set once a write has gone to process.stdout: later writes follow it there, so output keeps its order. */
let viaStream = false;

/** A reader that stops early (`resonate … | head`) closes the pipe: that is the reader's choice, not an error. */
function isClosedPipe(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | null)?.code === 'EPIPE';
}

/**
 * Writes what it can synchronously; returns the bytes still to write (empty when done or when the reader has gone).
 * Errors other than a full non-blocking pipe or a closed one are thrown.
 */
function writeDirect(bytes: Buffer): Buffer {
  let offset = 0;
  try {
    while (offset < bytes.length) offset += writeSync(1, bytes, offset);
  } catch (err) {
    if (isClosedPipe(err)) return bytes.subarray(bytes.length);
    if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
  }
  return bytes.subarray(offset);
}

function writeStream(rest: Buffer): Promise<void> {
  if (!viaStream) {
    // The write's callback reports errors; the stream's 'error' event would otherwise end the process.
    process.stdout.on('error', () => undefined);
    viaStream = true;
  }
  return new Promise<void>((resolve, reject) =>
    process.stdout.write(rest, (err) => (err && !isClosedPipe(err) ? reject(err) : resolve())),
  );
}

/** Writes all of `content` to standard output; resolves when it is written or the reader has closed the pipe. */
export function writeStdout(content: string): Promise<void> {
  const bytes = Buffer.from(content, 'utf8');
  if (viaStream) return writeStream(bytes);
  const rest = writeDirect(bytes);
  return rest.length === 0 ? Promise.resolve() : writeStream(rest);
}

/** For callers that cannot wait (commander's help and version output): the same write, not awaited. */
export function writeStdoutNow(content: string): void {
  writeStdout(content).catch((err: unknown) => {
    process.stderr.write(`resonate: could not write to standard output: ${(err as Error).message}\n`);
    process.exitCode = 2;
  });
}
