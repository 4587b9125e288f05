// The general-English background model: SUBTLEXus stem frequencies, precompiled by scripts/build-background.ts
// into a sorted TSV with an index of short buckets, searched in place (no parse of the whole list on start-up).
import { isAscii } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';

export interface Background {
  total: number;
  size: number;
  /** Count of a stem in the background corpus (0 when absent). */
  count(stem: string): number;
  /** Smoothed probability of a stem in general spoken English. */
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
 * Reads the TSV text written by scripts/build-background.ts: "#total\tTOKENS\tSTEMS", "#index\t{JSON}" (a stem's
 * first two characters → [start, end) of their lines after the header), then sorted "stem\tcount" lines.
 */
export function backgroundFrom(text: string): Background {
  const firstNl = text.indexOf('\n');
  const secondNl = text.indexOf('\n', firstNl + 1);
  const [total, size] = text.slice(text.indexOf('\t') + 1, firstNl).split('\t').map(Number);
  const index = JSON.parse(text.slice(text.indexOf('\t', firstNl) + 1, secondNl)) as Record<string, [number, number] | undefined>;
  const body = secondNl + 1;
  const memo = new Map<string, number>();
  const lookup = (stem: string): number => {
    const key = stem.slice(0, 2);
    const range = Object.hasOwn(index, key) ? index[key] : undefined;
    if (!range) return 0;
    // From the newline before the bucket's first line (the header's own, for the first bucket) to its last newline.
    const bucket = text.slice(body + range[0] - 1, body + range[1]);
    const at = bucket.indexOf(`\n${stem}\t`);
    if (at === -1) return 0;
    const from = at + stem.length + 2;
    return Number(bucket.slice(from, bucket.indexOf('\n', from)));
  };
  const count = (stem: string): number => {
    let c = memo.get(stem);
    if (c === undefined) {
      c = lookup(stem);
      memo.set(stem, c);
    }
    return c;
  };
  const denom = total + 0.5 * size;
  // Add-half smoothing: a stem absent from the list (slang, jargon, emoji) gets half a count.
  return { total, size, count, prob: (stem) => (count(stem) + 0.5) / denom };
}
