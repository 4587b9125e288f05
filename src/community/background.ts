// The general-English background model: SUBTLEXus stem frequencies, precompiled by scripts/build-background.ts.
import { readFileSync } from 'node:fs';

export interface Background {
  total: number;
  size: number;
  counts: Map<string, number>;
  /** Smoothed probability of a stem in general spoken English. */
  prob(stem: string): number;
}

let cached: Background | undefined;

export function background(): Background {
  if (cached) return cached;
  const raw = JSON.parse(readFileSync(new URL('../../data/background-en.json', import.meta.url), 'utf8')) as {
    total: number;
    stems: Record<string, number>;
  };
  const counts = new Map(Object.entries(raw.stems));
  const size = counts.size;
  const denom = raw.total + 0.5 * size;
  cached = {
    total: raw.total,
    size,
    counts,
    // Add-half smoothing: a stem absent from the list (slang, jargon, emoji) gets half a count.
    prob: (stem) => ((counts.get(stem) ?? 0) + 0.5) / denom,
  };
  return cached;
}
