// An export's chunks decode to the text TextDecoder gives for the whole stream, wherever the chunks are cut.
import fc from 'fast-check';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeChunks } from '../../src/input/read-export.js';

async function decoded(chunks: Uint8Array[]): Promise<string> {
  let out = '';
  for await (const text of decodeChunks(Readable.from(chunks.map((c) => Buffer.from(c))), 'utf-8', 'test')) out += text;
  return out;
}

const reference = (bytes: Uint8Array): string => new TextDecoder('utf-8').decode(bytes);

/** Bytes of mostly valid UTF-8 (text with a BOM, multi-byte characters and now and then a stray byte), cut into chunks. */
const cutBytes = fc
  .tuple(
    fc.array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => Buffer.from(s)), fc.constantFrom(Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff]), Buffer.from([0xe2, 0x82]), Buffer.from([0xed, 0xa0, 0x80]))), { maxLength: 30 }),
    fc.array(fc.nat(200), { maxLength: 6 }),
  )
  .map(([parts, cuts]) => {
    const bytes = Buffer.concat(parts);
    const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
    const chunks: Uint8Array[] = [];
    let from = 0;
    for (const c of [...at, bytes.length]) {
      chunks.push(bytes.subarray(from, c));
      from = c;
    }
    return { bytes, chunks };
  });

describe('decodeChunks', () => {
  it('gives what TextDecoder gives for the whole stream, BOM and invalid bytes included', async () => {
    await fc.assert(fc.asyncProperty(cutBytes, async ({ bytes, chunks }) => {
        expect(await decoded(chunks)).toBe(reference(bytes));
      }));
  });

  it('keeps a character cut between chunks whole, and drops only a leading BOM', async () => {
    const euro = Buffer.from('a€b');
    expect(await decoded([euro.subarray(0, 2), euro.subarray(2)])).toBe('a€b');
    expect(await decoded([Buffer.from('\uFEFFx\uFEFF')])).toBe('x\uFEFF');
    expect(await decoded([Buffer.from('x'), Buffer.from('\uFEFFy')])).toBe('x\uFEFFy');
    expect(await decoded([Buffer.from([0x61, 0xe2, 0x82])])).toBe('a\uFFFD');
  });
});
