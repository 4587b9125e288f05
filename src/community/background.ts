// The general-English background model: SUBTLEXus stem frequencies, precompiled by scripts/build-background.ts
// into a sorted TSV that is binary-searched in place (no parse of the whole list on start-up).
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
  cached = backgroundFrom(readFileSync(packagePath('data', 'background-en.tsv'), 'utf8'));
  return cached;
}

/** Reads the TSV text: "#total\tN" then sorted "stem\tcount" lines. */
export function backgroundFrom(text: string): Background {
  const firstNl = text.indexOf('\n');
  const total = Number(text.slice(text.indexOf('\t') + 1, firstNl));
  const dataStart = firstNl + 1;
  let size = 0;
  for (let i = text.indexOf('\n', dataStart); i !== -1; i = text.indexOf('\n', i + 1)) size++;
  const memo = new Map<string, number>();
  const lookup = (stem: string): number => {
    let lo = dataStart;
    let hi = text.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const start = Math.max(dataStart, text.lastIndexOf('\n', mid - 1) + 1);
      const tab = text.indexOf('\t', start);
      const end = text.indexOf('\n', tab);
      const key = text.slice(start, tab);
      if (key === stem) return Number(text.slice(tab + 1, end));
      if (key < stem) lo = end + 1;
      else hi = start;
    }
    return 0;
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
