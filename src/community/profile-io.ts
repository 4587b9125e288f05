// Saves and loads community profiles (versioned JSON), refusing truncated, corrupt, foreign or newer files.
import { InputError } from '../errors.js';
import { decodeText } from '../input/decode.js';
import { readInputBytes } from '../input/files.js';
import { writeAtomic } from '../output/write-atomic.js';
import { PROFILE_FORMAT_VERSION, type CommunityProfileData } from './profile-types.js';

export function serializeProfile(profile: CommunityProfileData): string {
  return JSON.stringify(profile) + '\n';
}

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
    throw new InputError(`profile ${path} is not valid JSON (truncated or corrupt)`, 'rebuild it with: resonate profile build <export> -o <profile>');
  }
  const d = data as Partial<CommunityProfileData> | null;
  if (!d || typeof d !== 'object' || d.kind !== 'resonate-community-profile') {
    throw new InputError(`${path} is not a resonate community profile`, 'build one with: resonate profile build <export> -o <profile>');
  }
  if (typeof d.formatVersion !== 'number' || d.formatVersion > PROFILE_FORMAT_VERSION) {
    throw new InputError(`profile ${path} has format version ${String(d.formatVersion)}, newer than this resonate reads (${PROFILE_FORMAT_VERSION})`, 'upgrade resonate');
  }
  const c = d.counts;
  const valid =
    c && typeof c === 'object' && typeof c.items === 'number' && typeof c.tokens === 'number' && Array.isArray(c.stats) &&
    c.words && typeof c.words === 'object' && c.bigrams && typeof c.bigrams === 'object' && Array.isArray(d.sample) &&
    d.summary && d.columns && typeof d.columns.text === 'string' && Array.isArray(d.sources);
  if (!valid) throw new InputError(`profile ${path} is incomplete or corrupt`, 'rebuild it with: resonate profile build <export> -o <profile>');
  return d as CommunityProfileData;
}
