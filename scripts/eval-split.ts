// The evaluation data and its split, shared by scripts/eval.ts and scripts/fit-dump.ts so both measure the same
// training and held-out items: items are dealt into 5 folds by a hash of community and thread (a Reddit post is
// its own thread; on Stack Exchange whole question threads are held out), fold 0 is held out, and each
// community's profile is built with buildProfile from the other folds written as a temporary NDJSON export.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildProfile } from '../src/community/build-profile.js';
import type { CommunityProfileData } from '../src/community/profile-types.js';
import { assignFolds } from '../src/evaluation/folds.js';
import { openExport } from '../src/input/read-export.js';

const DATA = resolve(fileURLToPath(new URL('../', import.meta.url)), '../shared/eval');
export const FILES = { reddit: 'reddit-16.csv.gz', stackexchange: 'stackexchange-6.csv.gz' } as const;
export type Dataset = keyof typeof FILES;
/** Held-out items shorter than this are not scored for community fit. */
export const MIN_CHARS = 80;

export interface Item {
  community: string;
  id: string;
  thread: string;
  kind: string;
  text: string;
  score: number;
  created: string;
}

export interface Split {
  items: Item[];
  communities: string[];
  /** Fold of each item (0 = held out). */
  folds: number[];
}

/** A one-line message naming the first missing data file, or null when all are there. */
export function missingData(datasets: readonly Dataset[], tool: string): string | null {
  for (const d of datasets) {
    const path = join(DATA, FILES[d]);
    if (!existsSync(path)) return `${tool}: ${path} is missing. The evaluation data lives in ../shared/eval next to the repository (see its README).`;
  }
  return null;
}

/**
 * The dataset and output file a dump script is given (`tool reddit|stackexchange OUT.json …`); prints the usage
 * line or the missing data file and exits 2 when either is wrong.
 */
export function dumpTarget(tool: string, usage: string): { dataset: Dataset; outPath: string } {
  const dataset = process.argv[2] as Dataset;
  const outPath = process.argv[3];
  if (!FILES[dataset] || !outPath) {
    process.stderr.write(`usage: ${tool}.ts reddit|stackexchange OUT.json${usage}\n`);
    process.exit(2);
  }
  const missing = missingData([dataset], tool);
  if (missing) {
    process.stderr.write(missing + '\n');
    process.exit(2);
  }
  return { dataset, outPath };
}

/** Reads a dataset's items (those with a community and some text) and deals them into folds. */
export async function readSplit(dataset: Dataset): Promise<Split> {
  const opened = await openExport(join(DATA, FILES[dataset]));
  const items: Item[] = [];
  const str = (v: unknown): string => (typeof v === 'string' ? v : v == null ? '' : String(v));
  for await (const row of opened.rows) {
    const v = row.values;
    const item = {
      community: str(v.community),
      id: str(v.id),
      thread: str(v.post_id) || str(v.id),
      kind: str(v.kind),
      text: str(v.text),
      score: Number(v.score) || 0,
      created: str(v.created_utc),
    };
    if (item.community && item.text.trim()) items.push(item);
  }
  const communities = [...new Set(items.map((i) => i.community))].sort();
  const folds = assignFolds(
    items.map((i) => `${i.community}/${i.thread}`),
    5,
  );
  return { items, communities, folds };
}

/** The profile of one community's training folds, built through a temporary NDJSON export at `path`. */
export async function trainingProfile(split: Split, community: string, path: string): Promise<CommunityProfileData> {
  const lines = split.items
    .filter((it, k) => it.community === community && split.folds[k] !== 0)
    .map((it) => JSON.stringify({ id: it.id, post_id: it.thread, text: it.text, score: it.score, created_utc: it.created }));
  writeFileSync(path, lines.join('\n') + '\n');
  return buildProfile([path]);
}
