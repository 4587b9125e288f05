// A fast, deterministic 53-bit string hash (cyrb53) as fixed-width hex; orders the calibration sample.
import { classOf, LOWER_SELF, SPACE } from '../text/char-class.js';

export function hashText(text: string, seed = 0): string {
  return hexOfHash(hashNumber(text, seed));
}

/** The same hash as a number (below 2^53), for compact sets and cheap comparisons. */
export function hashNumber(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return mix(h1, h2);
}

function mix(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** A hash number as hashText writes it: fixed-width hex, so hex strings sort as the numbers do. */
export function hexOfHash(n: number): string {
  return n.toString(16).padStart(14, '0');
}

/**
 * `hashNumber(text.toLowerCase().replace(/\s+/g, ' '))`, the key under which items count as duplicates, without
 * building the lowercased and collapsed copy: every accepted row is hashed on the thread that reads the export.
 * Characters are folded one by one while lowercasing leaves them as they are or is ASCII; any other character
 * (İ becomes two characters, Σ depends on what follows) sends the text the long way.
 */
export function hashFolded(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  let inSpace = false;
  for (let i = 0; i < text.length; i++) {
    let ch = text.charCodeAt(i);
    let space: boolean;
    if (ch < 128) {
      space = ch === 32 || (ch >= 9 && ch <= 13);
      if (ch >= 65 && ch <= 90) ch += 32;
    } else {
      // A surrogate pair is folded a half at a time: a lone surrogate is its own lowercase, and a pair that
      // lowercasing would change is not LOWER_SELF.
      const bits = classOf(ch >= 0xd800 && ch <= 0xdbff ? text.codePointAt(i)! : ch);
      space = (bits & SPACE) !== 0;
      if (!space && (bits & LOWER_SELF) === 0) return hashNumber(text.toLowerCase().replace(/\s+/g, ' '));
    }
    if (space) {
      if (inSpace) continue;
      ch = 32;
    }
    inSpace = space;
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  return mix(h1, h2);
}

/** Shards of the set: a shard grows alone, so growing never holds two copies of the whole set at once. */
const SHARDS = 256;
/** Largest share of a shard's slots in use before it doubles (linear probing stays short below this). */
const MAX_LOAD = 0.75;

/**
 * A set of hash numbers in Float64Arrays (open addressing, linear probing), 8–21 bytes a row where a Set of hex
 * strings costs ~70, so de-duplicating millions of rows stays small. The set is split into 256 shards by the
 * hash's low bits: doubling one table of the whole set briefly held the old and the new table (24 bytes a row at
 * the peak), which made peak memory grow with the export; doubling a shard holds 1/256 of that.
 */
export class HashSet {
  private readonly tables: Float64Array[] = Array.from({ length: SHARDS }, () => new Float64Array(256));
  private readonly counts = new Uint32Array(SHARDS);
  private count = 0;

  /** Adds `h` (a non-negative integer below 2^53); returns false when it was already present. */
  add(h: number): boolean {
    const shard = h % SHARDS;
    let table = this.tables[shard];
    if (this.counts[shard] >= table.length * MAX_LOAD) table = this.grow(shard);
    if (!insert(table, h)) return false;
    this.counts[shard]++;
    this.count++;
    return true;
  }

  get size(): number {
    return this.count;
  }

  private grow(shard: number): Float64Array {
    const old = this.tables[shard];
    const table = new Float64Array(old.length * 2);
    for (const v of old) if (v !== 0) insert(table, v - 1);
    this.tables[shard] = table;
    return table;
  }
}

/** Puts `h` into `table` unless present (0 marks an empty slot, so `h + 1` is stored); false when present. */
function insert(table: Float64Array, h: number): boolean {
  const v = h + 1;
  const mask = table.length - 1;
  // The shard is chosen by h's low 8 bits, so the slot comes from the bits above them.
  const q = Math.floor(h / SHARDS);
  let i = (q ^ (q / 4294967296)) & mask;
  while (table[i] !== 0) {
    if (table[i] === v) return false;
    i = (i + 1) & mask;
  }
  table[i] = v;
  return true;
}
