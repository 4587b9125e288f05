// Resolves --community / --profile into a community model.
import { UsageError } from '../errors.js';
import type { CommunityModel } from '../community/model.js';
import type { ColumnFlags } from './common.js';
import { columnOverrides, readProgress, warnOnStderr } from './common.js';

export interface CommunityFlags extends ColumnFlags {
  community?: string;
  profile?: string;
}

export function checkCommunityFlags(flags: CommunityFlags, otherStdin: boolean): void {
  if (flags.community && flags.profile) throw new UsageError('give either --community or --profile, not both');
  if (!flags.community && !flags.profile) throw new UsageError('say which community to read against: --community EXPORT or --profile PROFILE');
  if (otherStdin && (flags.community === '-' || flags.profile === '-')) throw new UsageError("standard input ('-') can be used once only");
}

export async function loadCommunity(flags: CommunityFlags): Promise<CommunityModel> {
  const { buildModel, sampleMeasuredCurrently } = await import('../community/model.js');
  if (flags.profile) {
    const { loadProfile } = await import('../community/profile-io.js');
    const profile = await loadProfile(flags.profile);
    if (!sampleMeasuredCurrently(profile)) {
      const [what, path] = flags.profile === '-' ? ['the profile', 'PROFILE'] : [flags.profile, flags.profile];
      warnOnStderr(`${what} was saved by another version of resonate, so its sample is measured again on every run (the scores are the same); save it anew to skip that: resonate profile merge ${path} -o ${path}`);
    }
    return buildModel(profile);
  }
  const { buildProfile } = await import('../community/build-profile.js');
  const progress = readProgress();
  const profile = await buildProfile([flags.community!], { columns: columnOverrides(flags), onProgress: progress.onProgress, onWarning: warnOnStderr });
  progress.done();
  return buildModel(profile);
}
