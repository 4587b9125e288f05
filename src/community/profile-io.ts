// Saves and loads community profiles (versioned JSON), refusing truncated, corrupt, foreign or newer files.
import { InputError } from '../errors.js';
import { EMOTIONS } from '../lexicons/index.js';
import { decodeText } from '../input/decode.js';
import { readInputBytes } from '../input/files.js';
import { writeAtomic } from '../output/write-atomic.js';
import { bigramTable, flatForms, packBigrams, unpackBigrams, wordTable } from './count-tables.js';
import { PROFILE_FORMAT_VERSION, type BigramTable, type CommunityProfileData, type WordEntry } from './profile-types.js';

/**
 * JSON with every character outside ASCII written as a \u escape. The same data, but an all-ASCII file becomes a
 * one-byte string when read, which V8 parses about twice as fast as the two-byte string one emoji or curly quote
 * in a surface form or sample would otherwise make of the whole file: that is on every `score`'s start-up.
 */
export function serializeProfile(profile: CommunityProfileData): string {
  const saved = { ...profile, counts: { ...profile.counts, bigrams: packBigrams(profile.counts.bigrams) } };
  return JSON.stringify(saved).replace(NON_ASCII, escapeChar) + '\n';
}

const NON_ASCII = /[\u007f-\uffff]/g;
const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

export async function saveProfile(profile: CommunityProfileData, path: string): Promise<void> {
  await writeAtomic(path, serializeProfile(profile));
}

export async function loadProfile(path: string): Promise<CommunityProfileData> {
  const bytes = await readInputBytes(path, 'profile');
  return parseProfile(decodeText(bytes, `profile ${path}`).text, path);
}

export function parseProfile(text: string, path: string): CommunityProfileData {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    const kind = exportKind(text);
    if (kind) throw new InputError(`${path} is a community export (${kind}), not a profile`, EXPORT_HINT);
    throw new InputError(`profile ${path} is not valid JSON (truncated or corrupt)`, 'rebuild it with: resonate profile build <export> -o <profile>');
  }
  const d = data as Partial<CommunityProfileData> | null;
  if (!d || typeof d !== 'object' || d.kind !== 'resonate-community-profile') {
    if (Array.isArray(d)) throw new InputError(`${path} is a community export (JSON array), not a profile`, EXPORT_HINT);
    throw new InputError(`${path} is not a resonate community profile`, 'build one with: resonate profile build <export> -o <profile>');
  }
  // Not String(…): a damaged value can be an object that has no string form at all.
  if (typeof d.formatVersion !== 'number') throw corrupt(path, 'formatVersion is not a number');
  if (d.formatVersion > PROFILE_FORMAT_VERSION) {
    throw new InputError(`profile ${path} has format version ${d.formatVersion}, newer than this resonate reads (${PROFILE_FORMAT_VERSION})`, 'upgrade resonate');
  }
  const saved = d.formatVersion;
  if (saved < PROFILE_FORMAT_VERSION) {
    const problem = saved < 2 ? upgradeFormat1(d as Record<string, unknown>) : upgradeFormat2Words(d as Record<string, unknown>);
    if (problem) throw corrupt(path, problem);
  }
  const problem = invalidPart(d as Record<string, unknown>, saved === PROFILE_FORMAT_VERSION);
  if (problem) throw corrupt(path, problem);
  if (typeof d.counts!.bigrams === 'string') unpackOnFirstUse(d.counts!, d.counts!.bigrams, path);
  // Upgraded or not, the data now has the current shape in memory (and is saved in the current format).
  d.formatVersion = PROFILE_FORMAT_VERSION;
  return d as CommunityProfileData;
}

const EXPORT_HINT = 'read an export with --community, or save it as a profile first: resonate profile build <export> -o <profile>';

/**
 * What an unparseable "profile" looks like when it is an export passed to the wrong flag: NDJSON (several lines
 * that each parse as an object) or CSV (a first line of comma- or tab-separated names). Null for anything else.
 */
function exportKind(text: string): string | null {
  const lines = text.replace(/^\uFEFF/, '').split('\n', 3).map((l) => l.trim());
  if (lines.length >= 2 && lines[0].startsWith('{') && lines[1].startsWith('{')) {
    try {
      JSON.parse(lines[0]);
      return 'NDJSON';
    } catch {
      return null;
    }
  }
  return /^"?[\w .-]+"?([,\t;]"?[\w .-]+"?)+$/.test(lines[0]) ? 'CSV' : null;
}

const corrupt = (path: string, part: string): InputError =>
  new InputError(`profile ${path} is incomplete or corrupt (${part})`, 'rebuild it with: resonate profile build <export> -o <profile>');

/**
 * A saved bigram string becomes the table when something first reads it (`profile show`, `profile merge`); a damaged
 * one is refused then, with the same one-line error. `score` never reads it.
 */
function unpackOnFirstUse(counts: CommunityProfileData['counts'], packed: string, path: string): void {
  let table: BigramTable | undefined;
  Object.defineProperty(counts, 'bigrams', {
    enumerable: true,
    configurable: true,
    get: () => {
      if (!table) {
        const unpacked = unpackBigrams(packed);
        if (!unpacked) throw corrupt(path, 'counts.bigrams');
        table = unpacked;
      }
      return table;
    },
  });
}

// Structural checks of everything the model reads, so a damaged profile is refused here instead of crashing (or
// yielding NaN) later. One pass over the counts: linear in the profile's size.
const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isNumOrNull = (v: unknown): boolean => v === null || isNum(v);
const isStrOrNull = (v: unknown): boolean => v === null || typeof v === 'string';
const isStr = (v: unknown): v is string => typeof v === 'string';
const isSums = (v: unknown): boolean => isObj(v) && isNum(v.n) && isNum(v.s) && isNum(v.q);
/** A loop, not every(isStr): an arrow function called per element is interpreted at start-up (~3,000 per score). */
function allStrings(a: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'string') return false;
  return true;
}

function isForms(v: unknown): boolean {
  if (!Array.isArray(v) || v.length % 2 !== 0) return false;
  for (let i = 0; i < v.length; i += 2) if (!isStr(v[i]) || !isNum(v[i + 1])) return false;
  return true;
}

/**
 * Format 1 kept words and bigrams as objects keyed by stem (each word's surface forms an object too); they become
 * the current word table and a bigram table (format 2's, read as it is). Returns what is damaged, or null.
 */
function upgradeFormat1(d: Record<string, unknown>): string | null {
  const c = d.counts;
  if (!isObj(c)) return 'counts';
  if (!isObj(c.words)) return 'counts.words';
  const words = new Map<string, WordEntry>();
  for (const k of Object.keys(c.words)) {
    const e = c.words[k];
    if (!Array.isArray(e) || e.length !== 6 || !isObj(e[5])) return 'counts.words';
    words.set(k, [e[0], e[1], e[2], e[3], e[4], flatForms(new Map(Object.entries(e[5] as Record<string, number>)))] as WordEntry);
  }
  if (!isObj(c.bigrams)) return 'counts.bigrams';
  c.words = wordTable(words);
  c.bigrams = bigramTable(new Map(Object.entries(c.bigrams)) as Map<string, number>);
  return null;
}

/** Format 2 kept an entry array per stem ([count, df, engaged, sum, squares, forms]); they become the current table. */
function upgradeFormat2Words(d: Record<string, unknown>): string | null {
  const c = d.counts;
  if (!isObj(c)) return 'counts';
  const w = c.words;
  if (!isObj(w) || !Array.isArray(w.stems) || !Array.isArray(w.entries) || w.stems.length !== w.entries.length || !w.stems.every(isStr)) return 'counts.words';
  const entries = w.entries as unknown[];
  const words = new Map<string, WordEntry>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!Array.isArray(e) || e.length !== 6 || !isNum(e[0]) || !isNum(e[1]) || !isNum(e[2]) || !isNum(e[3]) || !isNum(e[4]) || !isForms(e[5])) return 'counts.words';
    words.set(w.stems[i] as string, [e[0], e[1], e[2], e[3], e[4], (e[5] as unknown[]).join(' ')] as WordEntry);
  }
  c.words = wordTable(words);
  return null;
}

function invalidPart(d: Record<string, unknown>, bigramsPacked: boolean): string | null {
  const c = d.counts;
  if (!isObj(c)) return 'counts';
  if (!isNum(c.items) || !isNum(c.tokens) || !Array.isArray(c.stats) || !c.stats.every(isNum)) return 'counts';
  // Number.isFinite itself as the callback for the counts (five per stem, read on every start-up): a builtin costs
  // no interpreted call per element, as an arrow function would.
  const w = c.words;
  if (
    !isObj(w) ||
    !Array.isArray(w.stems) ||
    !Array.isArray(w.counts) ||
    !Array.isArray(w.forms) ||
    w.counts.length !== 5 * w.stems.length ||
    w.forms.length !== w.stems.length ||
    !allStrings(w.stems) ||
    !w.counts.every(Number.isFinite) ||
    !allStrings(w.forms)
  ) {
    return 'counts.words';
  }
  // The saved bigrams are one string (checked when first read); profiles of formats 1 and 2 hold a table.
  const bg = c.bigrams;
  const bigramsOk = bigramsPacked
    ? typeof bg === 'string'
    : isObj(bg) && Array.isArray(bg.pairs) && Array.isArray(bg.counts) && bg.pairs.length === bg.counts.length && bg.pairs.every(isStr) && bg.counts.every(isNum);
  if (!bigramsOk) return 'counts.bigrams';
  if (!isSums(c.engagement)) return 'counts.engagement';
  if (!isObj(c.features) || !Object.values(c.features).every(isSums)) return 'counts.features';
  if (!isObj(c.months) || !Object.values(c.months).every(isNum)) return 'counts.months';
  if (!isNumOrNull(c.firstTime) || !isNumOrNull(c.lastTime)) return 'counts time range';
  if (!Array.isArray(d.sample)) return 'sample';
  // An indexed loop: for…of steps an iterator, which allocates while the code is still cold.
  const sample = d.sample as unknown[];
  for (let i = 0; i < sample.length; i++) {
    const it = sample[i];
    if (!isObj(it) || typeof it.h !== 'string' || !isNumOrNull(it.e) || !isStrOrNull(it.t) || typeof it.w !== 'string' || !Array.isArray(it.st) || it.st.length !== c.stats.length || !it.st.every(Number.isFinite)) return 'sample';
  }
  const sm = d.summary;
  if (!isObj(sm) || !isNum(sm.rowsRead) || !isNum(sm.itemsUsed) || !isObj(sm.skipped) || !Object.values(sm.skipped).every(isNum) || !Array.isArray(sm.problems)) return 'summary';
  const cols = d.columns;
  if (!isObj(cols) || typeof cols.text !== 'string' || !['engagement', 'time', 'author', 'thread', 'id', 'parent'].every((k) => isStrOrNull(cols[k] ?? null))) return 'columns';
  if (!Array.isArray(d.sources) || !d.sources.every((x) => isObj(x) && typeof x.name === 'string')) return 'sources';
  const b = d.build;
  if (!isObj(b) || !isNum(b.sampleSize) || !isObj(b.prunedBelow)) return 'build';
  if (d.derived !== undefined) {
    const der = d.derived;
    const rowOk = (r: unknown): boolean => Array.isArray(r) && r.length === 4 && Number.isFinite(r[0]) && Number.isFinite(r[1]) && Number.isFinite(r[2]) && Number.isFinite(r[3]);
    if (!isObj(der) || typeof der.method !== 'string' || !Array.isArray(der.calibration)) return 'derived';
    // A loop over the rows (one per sample item), not every(rowOk): fewer interpreted calls at start-up.
    const rows = der.calibration as unknown[];
    for (let i = 0; i < rows.length; i++) if (!rowOk(rows[i])) return 'derived';
    const dis = der.distinctive;
    const termOk = (t: unknown): boolean => isObj(t) && typeof t.stem === 'string' && typeof t.term === 'string' && isNum(t.count) && isNum(t.itemShare) && isNum(t.z);
    if (dis !== undefined && (!isObj(dis) || typeof dis.method !== 'string' || !Array.isArray(dis.terms) || !dis.terms.every(termOk))) return 'derived';
    if (der.engagement !== undefined && !rowOk(der.engagement)) return 'derived';
    const chk = der.engagementCheck;
    const rate = (x: unknown): boolean => x === null || isNum(x); // NaN is written as null
    if (chk !== undefined && (!isObj(chk) || !rate(chk.pairwise) || !rate(chk.low) || !rate(chk.high) || !isNum(chk.pairs) || (chk.pairing !== 'thread' && chk.pairing !== 'all') || !isStrOrNull(chk.caveat))) return 'derived';
    const mix = der.topEmotionMix;
    if (mix !== undefined && (!isObj(mix) || !EMOTIONS.every((e) => isNum(mix[e])))) return 'derived';
    const rew = der.rewarded;
    const rewardedOk = (r: unknown): boolean => isObj(r) && typeof r.stem === 'string' && isNum(r.effect) && isNum(r.items);
    if (rew !== undefined && (!isObj(rew) || typeof rew.method !== 'string' || !Array.isArray(rew.terms) || !rew.terms.every(rewardedOk))) return 'derived';
  }
  return null;
}
