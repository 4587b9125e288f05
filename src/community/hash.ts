// A fast, deterministic 53-bit string hash (cyrb53) as fixed-width hex; orders the calibration sample.

export function hashText(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const n = 4294967296 * (2097151 & h2) + (h1 >>> 0);
  return n.toString(16).padStart(14, '0');
}

/** The same hash as a number (below 2^53), for compact sets. */
export function hashNumber(text: string): number {
  return parseInt(hashText(text), 16);
}

/**
 * A set of hash numbers in one Float64Array (open addressing, linear probing): 16 bytes a row at most, where a
 * Set of hex strings costs ~70, so de-duplicating millions of rows stays small.
 */
export class HashSet {
  private table = new Float64Array(1 << 16);
  private count = 0;

  /** Adds `h` (a non-negative integer); returns false when it was already present. */
  add(h: number): boolean {
    const v = h + 1; // 0 marks an empty slot
    if (this.count * 2 >= this.table.length) this.grow();
    const mask = this.table.length - 1;
    let i = (h ^ (h / 4294967296)) & mask;
    while (this.table[i] !== 0) {
      if (this.table[i] === v) return false;
      i = (i + 1) & mask;
    }
    this.table[i] = v;
    this.count++;
    return true;
  }

  get size(): number {
    return this.count;
  }

  private grow(): void {
    const old = this.table;
    this.table = new Float64Array(old.length * 2);
    this.count = 0;
    for (const v of old) if (v !== 0) this.add(v - 1);
  }
}
