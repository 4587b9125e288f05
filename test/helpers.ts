// Test helpers: tiny in-memory communities built through the real profile builder.
import { readFileSync } from 'node:fs';
import { ProfileBuilder } from '../src/community/profile-builder.js';
import { buildModel, type CommunityModel } from '../src/community/model.js';
import { PROFILE_FORMAT_VERSION, type CommunityProfileData } from '../src/community/profile-types.js';

export function profileOf(items: { text: string; score?: number }[], sampleSize = 2000): CommunityProfileData {
  const b = new ProfileBuilder(sampleSize);
  for (const it of items) b.add({ text: it.text, engagement: it.score ?? null, time: null, thread: null, author: null });
  const { counts, sample, prunedBelow } = b.finish();
  return {
    formatVersion: PROFILE_FORMAT_VERSION,
    kind: 'resonate-community-profile',
    tool: { name: 'resonate', version: 'test' },
    sources: [{ name: 'test', rows: items.length, sha256: '' }],
    columns: { text: 'body', engagement: items.some((i) => i.score !== undefined) ? 'score' : null, time: null, author: null, thread: null, id: null, parent: null },
    build: { sampleSize, maxWords: 1e6, maxBigrams: 1e6, since: null, until: null, prunedBelow },
    summary: { rowsRead: items.length, itemsUsed: counts.items, skipped: b.skipped, problems: [] },
    counts,
    sample,
  };
}

export function modelOf(items: { text: string; score?: number }[]): CommunityModel {
  return buildModel(profileOf(items));
}

/** The lines of the fixture community export: real comment text (and CSV around it) for tests against an oracle. */
export function fixtureExportLines(): string[] {
  return readFileSync(new URL('../fixtures/community/crumb-club.csv', import.meta.url), 'utf8').split('\n');
}
