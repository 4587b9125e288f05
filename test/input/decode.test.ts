// looksBinary reads its 8 KB with native string searches (the rule is the byte loop below); decodeText validates UTF-8 natively.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText, looksBinary } from '../../src/input/decode.js';

function byLoop(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.1;
}

describe('looksBinary', () => {
  it('agrees with the byte-by-byte rule, in views of larger buffers too', () => {
    // About one byte in ten below 32 (the rule's threshold), a NUL now and then: both answers occur.
    const byte = fc.oneof(
      { arbitrary: fc.integer({ min: 32, max: 255 }), weight: 800 },
      { arbitrary: fc.integer({ min: 1, max: 31 }), weight: 100 },
      { arbitrary: fc.constant(0), weight: 1 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(byte, { maxLength: 9000 }), (offset, values) => {
        const buffer = new Uint8Array(offset + values.length);
        buffer.set(values, offset);
        const view = buffer.subarray(offset);
        expect(looksBinary(view)).toBe(byLoop(view));
      }),
      { numRuns: 300 },
    );
  });

  it('calls a NUL byte binary and plain UTF-8 text not', () => {
    expect(looksBinary(new Uint8Array([104, 105, 0, 33]))).toBe(true);
    expect(looksBinary(new TextEncoder().encode('crumb 🍞 “shot”\n\tproof\r\n'))).toBe(false);
    expect(looksBinary(new Uint8Array(0))).toBe(false);
    // Only the first 8 KB count.
    const late = new Uint8Array(20_000).fill(97);
    late.fill(1, 8192);
    expect(looksBinary(late)).toBe(false);
    expect(looksBinary(late.subarray(8000))).toBe(true);
  });
});

describe('decodeText', () => {
  /** What a fatal UTF-8 TextDecoder, with Windows-1252 when it throws, gives. */
  const byDecoder = (bytes: Uint8Array): string => {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder('windows-1252').decode(bytes);
    }
  };
  it('gives the text TextDecoder gives, valid UTF-8 or not, in views of larger buffers too', () => {
    // Bytes of real UTF-8 text with a stray byte now and then, so both answers occur.
    const piece = fc.oneof(
      { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }).map((t) => [...new TextEncoder().encode(t)]), weight: 10 },
      { arbitrary: fc.integer({ min: 0x80, max: 0xff }).map((b) => [b]), weight: 1 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(piece, { maxLength: 60 }), (offset, pieces) => {
        const values = pieces.flat().filter((b) => b >= 32 || b === 10);
        const buffer = new Uint8Array(offset + values.length);
        buffer.set(values, offset);
        const view = buffer.subarray(offset);
        if (view[0] === 0xef || view[0] === 0xff || view[0] === 0xfe) return;
        expect(decodeText(view, 'test').text).toBe(byDecoder(view));
      }),
      { numRuns: 500 },
    );
  });
  it('gives ASCII bytes (read by the Latin-1 copy) the text TextDecoder gives, in views of larger buffers too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(fc.integer({ min: 32, max: 127 }), { maxLength: 200 }), (offset, values) => {
        const buffer = new Uint8Array(offset + values.length + 3).fill(0xe9);
        buffer.set([...values, 10], offset);
        const view = buffer.subarray(offset, offset + values.length + 1);
        expect(decodeText(view, 'test').text).toBe(byDecoder(view));
      }),
      { numRuns: 500 },
    );
  });
});
