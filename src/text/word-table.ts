// A table from words to values that is looked up by a span of a text, without cutting the word out first.
//
// Why: the tokenizer looks up every word of every community item in its cache. With a Map the word had to be cut out
// of the text (a new string) and hashed by V8 for each lookup; here the span is hashed in place and compared with
// startsWith, so only a word not yet in the table is ever cut out. (Cold, as in a `score` run, a Map of cut-out words
// is faster per lookup; answering a draft's first lookups from one saved under 2 % of a `score` and nothing on a
// build, so it was removed: BENCHMARKS.md, "Hand-written code: kept or deleted".)

export class WordTable<V> {
  private keys: (string | undefined)[];
  private values: (V | undefined)[];
  private mask: number;
  private count = 0;

  /** `limit` bounds the entries held: the table is emptied when it is reached (pathological inputs). */
  constructor(private readonly limit: number) {
    this.keys = new Array<string | undefined>(1024).fill(undefined);
    this.values = new Array<V | undefined>(1024).fill(undefined);
    this.mask = 1023;
  }

  /** The value of text.slice(start, end), made by `make` (and kept) when the word is new. */
  get(text: string, start: number, end: number, make: (word: string) => V): V {
    const length = end - start;
    let slot = spanHash(text, start, end) & this.mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === undefined) break;
      if (k.length === length && text.startsWith(k, start)) return this.values[slot]!;
      slot = (slot + 1) & this.mask;
    }
    const word = text.slice(start, end);
    const value = make(word);
    if (this.count >= this.limit) this.clear();
    else if (this.count + 1 > (this.mask + 1) * 0.5) this.grow();
    this.insert(word, value);
    return value;
  }

  private insert(word: string, value: V): void {
    let slot = spanHash(word, 0, word.length) & this.mask;
    while (this.keys[slot] !== undefined) slot = (slot + 1) & this.mask;
    this.keys[slot] = word;
    this.values[slot] = value;
    this.count++;
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    const size = (this.mask + 1) * 2;
    this.keys = new Array<string | undefined>(size).fill(undefined);
    this.values = new Array<V | undefined>(size).fill(undefined);
    this.mask = size - 1;
    this.count = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== undefined) this.insert(keys[i]!, values[i]!);
  }

  private clear(): void {
    this.keys.fill(undefined);
    this.values.fill(undefined);
    this.count = 0;
  }
}

/** FNV-1a over the code units of text.slice(start, end), its high bits folded into the low ones the mask keeps. */
function spanHash(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h ^ (h >>> 15);
}
