// Dumps every dimension score of the held-out items that `npm run eval` scores for community fit (the same split
// and the same first N items per community, by id hash), each against every community's profile, so that ways of
// combining the dimensions into `overall` can be compared without rescoring (EVALUATION.md, "Overall and engagement").
//
//   npx tsx scripts/overall-dump.ts reddit|stackexchange OUT.json [--scored N]
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModel, type CommunityModel } from '../src/community/model.js';
import { hashText } from '../src/community/hash.js';
import { analysisInput } from '../src/analyzers/analysis-input.js';
import { runAnalyzers } from '../src/analyzers/index.js';
import { parseDraft } from '../src/input/read-draft.js';
import { dumpTarget, MIN_CHARS, readSplit, trainingProfile } from './eval-split.js';

const { dataset, outPath } = dumpTarget('overall-dump', ' [--scored N]');
const at = process.argv.indexOf('--scored');
const perCommunity = at > 0 ? Number(process.argv[at + 1]) : 40;
const DIMS = ['language', 'emotion', 'engagement', 'conversation'];
const split = await readSplit(dataset);
const { items, communities, folds } = split;
const tmp = mkdtempSync(join(tmpdir(), 'resonate-overalldump-'));
try {
  const models: CommunityModel[] = [];
  for (const c of communities) models.push(buildModel(await trainingProfile(split, c, join(tmp, `${c}.ndjson`))));
  const out: { c: number; id: string; s: (number | null)[][] }[] = [];
  communities.forEach((name, c) => {
    const held = items
      .filter((it, k) => folds[k] === 0 && it.community === name && it.text.length >= MIN_CHARS)
      .sort((a, b) => (hashText(a.id) < hashText(b.id) ? -1 : 1));
    let taken = 0;
    for (const it of held) {
      if (taken >= perCommunity) break;
      let doc;
      try {
        doc = parseDraft(it.text, it.id, true);
      } catch {
        continue;
      }
      taken++;
      out.push({
        c,
        id: it.id,
        s: models.map((m) => {
          const dims = runAnalyzers(analysisInput(doc, m));
          return DIMS.map((d) => dims.find((x) => x.id === d)?.score ?? null);
        }),
      });
    }
  });
  writeFileSync(outPath, JSON.stringify({ dataset, communities, dims: DIMS, items: out }) + '\n');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
