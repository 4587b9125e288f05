// A profile build's per-stem counts, surface forms and stem pairs, found through the tokens' shared word records.
//
// Why not Maps keyed by stem and by surface form: every language token of a community cost a Map lookup by its stem,
// a lookup and a write by its form, and each pair of content words three more. Here each stem has a dense id (an
// index into `entries`, which pairs are keyed by) and each surface form a slot, which the form's WordShared (one per
// distinct word, made by the tokenizer) remembers: a token finds its counts with one property read. The Map by stem
// remains for tokens seen the first time, and for hashtags and emoji, which have no WordShared.
import { risingFloor } from './lossy-floor.js';
import type { Token } from '../types.js';
import { isContentStem } from '../text/stopwords.js';
import { flatForms } from './count-tables.js';
import { PairCounts } from './pair-counts.js';
import type { WordEntry } from './profile-types.js';

/** A stem's counts (a class with fixed fields: the hottest object of a build). A count of 0: pruned, kept for its id. */
export class StemEntry {
  count = 0;
  items = 0;
  engaged = 0;
  engSum = 0;
  engSquares = 0;
  /** The last item that used the stem, so document frequency needs no per-item set. */
  lastItem = 0;
  /** The stem's surface forms since it was last counted from zero, as a list (most stems have one or two). */
  forms: FormCount | null = null;

  constructor(
    readonly stem: string,
    /** Index in StemCounts' entries; changes only when pruning compacts them. */
    public id: number,
    /** Only pairs of content stems are counted, and only their surface forms are kept (the only ones displayed). */
    readonly content: boolean,
  ) {}
}

class FormCount {
  count = 0;

  constructor(
    readonly norm: string,
    readonly entry: StemEntry,
    /** Index in StemCounts' forms, which the WordShared of the form remembers. */
    public slot: number,
    /** The stem's next form. */
    readonly next: FormCount | null,
  ) {}
}

export class StemCounts {
  private entries: StemEntry[] = [];
  private idByStem = new Map<string, number>();
  private forms: FormCount[] = [];
  /**
   * Whose slots a WordShared remembers: WordShared records are shared by every StemCounts of the thread, and a
   * new tag after pruning (which renumbers the slots) makes every remembered slot stale at once.
   */
  private tag = {};
  private readonly pairs = new PairCounts();
  /** Stems with a count (not pruned). */
  size = 0;

  /** Counts a language token of item number `itemNo` (engagement `e`, or null); returns its stem's entry. */
  count(t: Token, itemNo: number, e: number | null): StemEntry {
    const w = t.word;
    const form = w !== null && w.slotOwner === this.tag ? this.forms[w.slot] : this.formOf(t);
    form.count++;
    const entry = form.entry;
    if (entry.count++ === 0) this.size++;
    if (entry.lastItem !== itemNo) {
      entry.lastItem = itemNo;
      entry.items++;
      if (e !== null) {
        entry.engaged++;
        entry.engSum += e;
        entry.engSquares += e * e;
      }
    }
    return entry;
  }

  /** Counts a pair of adjacent content stems. */
  addPair(first: StemEntry, second: StemEntry): void {
    this.pairs.add(first.id, second.id);
  }

  get pairCount(): number {
    return this.pairs.size;
  }

  /** The form of a token not seen since the slots were last renumbered (or without a WordShared). */
  private formOf(t: Token): FormCount {
    const entry = this.entryOf(t.stem);
    let form = entry.forms;
    while (form !== null && form.norm !== t.norm) form = form.next;
    if (form === null) {
      form = new FormCount(t.norm, entry, this.forms.length, entry.forms);
      entry.forms = form;
      this.forms.push(form);
    }
    if (t.word !== null) {
      t.word.slot = form.slot;
      t.word.slotOwner = this.tag;
    }
    return form;
  }

  private entryOf(stem: string): StemEntry {
    const id = this.idByStem.get(stem);
    if (id !== undefined) return this.entries[id];
    const entry = new StemEntry(stem, this.entries.length, isContentStem(stem));
    this.entries.push(entry);
    this.idByStem.set(stem, entry.id);
    return entry;
  }

  /**
   * Lossy pruning: zeroes the stems counted at or below a floor that rises one at a time until at most `keep` have
   * counts. Returns the new floor (recorded in the profile: counts below it are incomplete).
   */
  pruneStems(keep: number, floor: number): number {
    const { floor: f, left } = risingFloor(this.size, keep, floor, (above) => {
      let n = 0;
      for (const entry of this.entries) if (entry.count > above) n++;
      return n;
    });
    if (f === floor) return f;
    for (const entry of this.entries) if (entry.count <= f) zero(entry);
    this.size = left;
    this.compact();
    return f;
  }

  /** Lossy pruning of the pairs (PairCounts.prune). Returns the new floor. */
  prunePairs(keep: number, floor: number): number {
    return this.pairs.prune(keep, floor);
  }

  /**
   * Drops the entries of pruned stems that no pair uses (so memory stays bounded however many stems an export
   * has) and renumbers the ids and slots of the rest. A stem in a pair keeps an entry: its pairs are counted on
   * under its id if it comes back.
   */
  private compact(): void {
    const inPair = new Uint8Array(this.entries.length);
    this.pairs.forEachId((id) => (inPair[id] = 1));
    const newId = new Int32Array(this.entries.length);
    const kept: StemEntry[] = [];
    for (const entry of this.entries) {
      if (entry.count === 0 && inPair[entry.id] === 0) continue;
      newId[entry.id] = kept.length;
      entry.id = kept.length;
      kept.push(entry);
    }
    this.pairs.renumber((id) => newId[id]);
    this.entries = kept;
    this.idByStem = new Map(kept.map((entry) => [entry.stem, entry.id]));
    this.forms = [];
    for (const entry of kept) {
      for (let form = entry.forms; form !== null; form = form.next) {
        form.slot = this.forms.length;
        this.forms.push(form);
      }
    }
    this.tag = {};
  }

  /** The counts of the stems not pruned, keyed by stem. */
  words(): Map<string, WordEntry> {
    const out = new Map<string, WordEntry>();
    for (const w of this.entries) {
      if (w.count === 0) continue;
      let forms: Map<string, number> | null = null;
      if (w.content) {
        forms = new Map();
        for (let f = w.forms; f !== null; f = f.next) forms.set(f.norm, f.count);
      }
      out.set(w.stem, [w.count, w.items, w.engaged, w.engSum, w.engSquares, flatForms(forms)]);
    }
    return out;
  }

  /** The pair counts keyed "first second". */
  bigrams(): Map<string, number> {
    return this.pairs.toMap((id) => this.entries[id].stem);
  }
}

function zero(entry: StemEntry): void {
  entry.count = 0;
  entry.items = 0;
  entry.engaged = 0;
  entry.engSum = 0;
  entry.engSquares = 0;
  entry.lastItem = 0;
  entry.forms = null;
}
