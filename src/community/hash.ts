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

/** Each ASCII character lowercased, and whitespace (\t \n \v \f \r and space) as a space: one read per character. */
const ASCII_FOLDED = Uint8Array.from({ length: 128 }, (_, c) => (c === 32 || (c >= 9 && c <= 13) ? 32 : c >= 65 && c <= 90 ? c + 32 : c));

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
      ch = ASCII_FOLDED[ch];
      space = ch === 32;
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
const TWO_32 = 4294967296;

/** One shard: slot i holds (h / SHARDS) + 1 as hi[i] · 2^32 + lo[i]; 0 in both marks an empty slot. */
interface Shard {
  lo: Uint32Array;
  hi: Uint16Array;
}

const newShard = (slots: number): Shard => ({ lo: new Uint32Array(slots), hi: new Uint16Array(slots) });

/**
 * A set of hash numbers in typed arrays (open addressing, linear probing), 8–16 bytes a row where a Set of hex
 * strings costs ~70, so de-duplicating millions of rows stays small. The set is split into 256 shards by the
 * hash's low 8 bits; a slot keeps the other 45 bits in 6 bytes (a 32-bit and a 16-bit array) rather than the 8 of
 * a Float64Array, which took a quarter off the one part of a build's memory that grows with the export. Doubling
 * one table of the whole set briefly held the old and the new table, which made peak memory grow with the export;
 * doubling a shard holds 1/256 of that.
 */
export class HashSet {
  private readonly shards: Shard[] = Array.from({ length: SHARDS }, () => newShard(256));
  private readonly counts = new Uint32Array(SHARDS);
  private count = 0;

  /** Adds `h` (a non-negative integer below 2^53); returns false when it was already present. */
  add(h: number): boolean {
    const s = h % SHARDS;
    let shard = this.shards[s];
    if (this.counts[s] >= shard.lo.length * MAX_LOAD) shard = this.grow(s);
    if (!insert(shard, Math.floor(h / SHARDS) + 1)) return false;
    this.counts[s]++;
    this.count++;
    return true;
  }

  get size(): number {
    return this.count;
  }

  private grow(s: number): Shard {
    const old = this.shards[s];
    const shard = newShard(old.lo.length * 2);
    for (let i = 0; i < old.lo.length; i++) if (old.lo[i] !== 0 || old.hi[i] !== 0) insert(shard, old.hi[i] * TWO_32 + old.lo[i]);
    this.shards[s] = shard;
    return shard;
  }
}

/** Puts the slot value `v` (1 to 2^45) into the shard unless present; false when present. */
function insert(shard: Shard, v: number): boolean {
  const lo = v >>> 0;
  const hi = Math.floor(v / TWO_32);
  const { lo: los, hi: his } = shard;
  const mask = los.length - 1;
  let i = (lo ^ hi) & mask;
  while (los[i] !== 0 || his[i] !== 0) {
    if (los[i] === lo && his[i] === hi) return false;
    i = (i + 1) & mask;
  }
  los[i] = lo;
  his[i] = hi;
  return true;
}
