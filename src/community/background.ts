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
    // From the newline before the bucket's first line (the header's own, for the first bucket) to its last newline.
    const bucket = text.slice(body + range[0] - 1, body + range[1]);
    const at = bucket.indexOf(`\n${stem}\t`);
    if (at === -1) return [0, 0];
    const from = at + stem.length + 2;
    const tab = bucket.indexOf('\t', from);
    return [Number(bucket.slice(from, tab)), Number(bucket.slice(tab + 1, bucket.indexOf('\n', tab)))];
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
