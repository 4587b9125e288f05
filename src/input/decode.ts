// Turns the bytes of a text file into a string: BOMs, UTF-16, Windows-1252 fallback, binary refused.
import { isAscii, isUtf8 } from 'node:buffer';
import { InputError } from '../errors.js';

export interface Decoded {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

/** Decodes a whole buffer; `name` is used in error messages. */
export function decodeText(bytes: Uint8Array, name: string): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  if (looksBinary(bytes)) {
    throw new InputError(`${name} looks like a binary file, not text`, 'give a UTF-8 text, Markdown, CSV, JSON or NDJSON file');
  }
  // Validated natively and decoded as UTF-8, the text a fatal TextDecoder gives (whose first use costs ~0.2 ms more).
  // ASCII, such as every saved profile (written with the rest escaped), is copied as Latin-1 instead of decoded:
  // the same text, sooner (a 208 KB profile ~0.1 ms).
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (isAscii(bytes)) return { text: buffer.toString('latin1'), encoding: 'utf-8' };
  if (isUtf8(bytes)) return { text: buffer.toString('utf8'), encoding: 'utf-8' };
  // Not valid UTF-8: exports saved by spreadsheet programs are usually Windows-1252 (a superset of Latin-1).
  return { text: new TextDecoder('windows-1252').decode(bytes), encoding: 'windows-1252' };
}

/** NUL bytes or a high share of control bytes in the first 8 KB (UTF-16 without a BOM counts as binary). */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  if (n === 0) return false;
  // Native string searches instead of a loop over the bytes: every run checks its draft and profile at start-up,
  // when a loop would still be running in the interpreter. Latin-1 maps each byte to one character.
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, n).toString('latin1');
  if (head.includes('\0')) return true;
  const control = head.match(CONTROL_BYTES)?.length ?? 0;
  return control / n > 0.1;
}

const CONTROL_BYTES = /[\x01-\x08\x0e-\x1f]/g;
