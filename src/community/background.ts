// The general-English background model: stem frequencies of spoken (SUBTLEXus subtitles) and written (the Brown
// Corpus) English, precompiled by scripts/build-background.ts into a sorted TSV with an index of short buckets,
// searched in place (no parse of the whole list on start-up).
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';

/**
 * The written register's share of the background. Communities write: against spoken English alone, everything
 * online prose shares (the words of explaining, arguing, asking) read as every community's own language, and a
 * post from another community looked typical of this one. Chosen on half of the development communities and
 * reported on the other half (EVALUATION.md, "A written background").
 */
export const WRITTEN_SHARE = 0.5;

export interface Background {
  /** Tokens the two corpora hold together: the sample size of the background's estimates. */
  total: number;
  /** Tokens of the spoken and of the written corpus. */
  totals: [spoken: number, written: number];
  size: number;
  /** Counts of a stem in the spoken and the written corpus (0 when absent). */
  counts(stem: string): [spoken: number, written: number];
  /** Smoothed probability of a stem in general English, the two registers mixed. */
  prob(stem: string): number;
}

let cached: Background | undefined;

export function background(): Background {
  if (cached) return cached;
  // The list is ASCII (Porter stems): read as Latin-1 it is copied, not decoded (0.56 against 0.82 ms).
  const bytes = readFileSync(packagePath('data', 'background-en.tsv'));
  cached = backgroundFrom(bytes.toString(isAscii(bytes) ? 'latin1' : 'utf8'));
  return cached;
}

/**
 * Reads the TSV text written by scripts/build-background.ts: "#total\tSPOKEN\tWRITTEN\tSTEMS", "#index\t{JSON}" (a
 * stem's first two characters → [start, end) of their lines after the header), then sorted "stem\tspoken\twritten"
 * lines. `writtenShare` weighs the written register (eval varies it; the product uses WRITTEN_SHARE).
 */
export function backgroundFrom(text: string, writtenShare = WRITTEN_SHARE): Background {
  const firstNl = text.indexOf('\n');
  const secondNl = text.indexOf('\n', firstNl + 1);
  const [spokenTotal, writtenTotal, size] = text.slice(text.indexOf('\t') + 1, firstNl).split('\t').map(Number);
  const index = JSON.parse(text.slice(text.indexOf('\t', firstNl) + 1, secondNl)) as Record<string, [number, number] | undefined>;
  const body = secondNl + 1;
  const lookup = (stem: string): [number, number] => {
    const key = stem.slice(0, 2);
    const range = Object.hasOwn(index, key) ? index[key] : undefined;
    if (!range) return [0, 0];
    // A binary search of the bucket's sorted lines, read in place: a scan of the bucket (up to 15 KB) for each stem
    // was most of a build's first lookups of its vocabulary.
    let lo = body + range[0];
    let hi = body + range[1];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = Math.max(lo, text.lastIndexOf('\n', mid - 1) + 1);
      const tab = text.indexOf('\t', start);
      const end = text.indexOf('\n', tab);
      const order = compareAt(text, start, tab, stem);
      if (order === 0) {
        const tab2 = text.indexOf('\t', tab + 1);
        return [Number(text.slice(tab + 1, tab2)), Number(text.slice(tab2 + 1, end))];
      }
      if (order < 0) lo = end + 1;
      else hi = start;
    }
    return [0, 0];
  };
  // Add-half smoothing in each register: a stem absent from a list (slang, jargon, emoji) gets half a count there.
  const spokenDenom = spokenTotal + 0.5 * size;
  const writtenDenom = writtenTotal + 0.5 * size;
  const memo = new Map<string, number>();
  const prob = (stem: string): number => {
    let p = memo.get(stem);
    if (p === undefined) {
      const [s, w] = lookup(stem);
      p = (1 - writtenShare) * ((s + 0.5) / spokenDenom) + writtenShare * ((w + 0.5) / writtenDenom);
      memo.set(stem, p);
    }
    return p;
  };
  return { total: spokenTotal + writtenTotal, totals: [spokenTotal, writtenTotal], size, counts: lookup, prob };
}

/** Code-unit order of text.slice(start, end) against `word` (negative: the slice sorts first), without the slice. */
function compareAt(text: string, start: number, end: number, word: string): number {
  const n = Math.min(end - start, word.length);
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(start + i) - word.charCodeAt(i);
    if (d !== 0) return d;
  }
  return end - start - word.length;
}
