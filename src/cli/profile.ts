// `resonate profile build|show|merge`: save a community once, score against it many times.
import { Command, Option } from 'commander';
import { readProgress, columnOptions, columnOverrides, emit, parsePositiveInt, warnOnStderr, type ColumnFlags } from './common.js';
import { UsageError } from '../errors.js';
import { isoDay } from '../report/iso-day.js';
import { count, skipList } from '../wording.js';
import { displayLine } from '../text/normalize.js';
import { OVERVIEW_FORMAT_NAMES, type OverviewFormatName } from '../formatters/names.js';

/** Below this vocabularyOverlap, `profile merge` warns that the profiles may be different communities (EVALUATION.md). */
const MERGE_OVERLAP_WARN = 0.5;

interface BuildFlags extends ColumnFlags {
  output: string;
  since?: string;
  until?: string;
  sampleSize?: string;
  jobs?: string;
  strict?: boolean;
}

function parseCount(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 16) throw new UsageError(`${flag} needs a whole number from 0 to 16, got '${value}'`);
  return n;
}

export function profileCommand(setCode: (code: number) => void): Command {
  const profile = new Command('profile').description('build, inspect and merge saved community profiles');

  const build = new Command('build')
    .description('read one or more exports in one streaming pass and save the community profile')
    .argument('<export...>', "exports: CSV, JSON array or NDJSON, optionally .gz; '-' for standard input")
    .requiredOption('-o, --output <file>', 'where to write the profile (written atomically)')
    .option('--since <date>', 'only items on or after this date (e.g. 2025-01-01)')
    .option('--until <date>', 'only items on or before this date')
    .option('--sample-size <n>', 'items kept for calibration (default 2000)')
    .option('--jobs <n>', 'worker threads measuring items beside the main thread (default: one per core beyond the first, up to 4); the counts and scores are the same for any value (only which rare phrases survive the phrase cap can differ)')
    .option('--strict', 'unreadable rows (malformed CSV records, invalid NDJSON lines) are an error, not a counted skip');
  for (const o of columnOptions()) build.addOption(o);
  build.action(async (paths: string[], flags: BuildFlags) => {
    if (paths.filter((p) => p === '-').length > 1) throw new UsageError("standard input ('-') can be used once only");
    const { parseTime } = await import('../input/columns.js');
    for (const [flag, v] of [['--since', flags.since], ['--until', flags.until]] as const) {
      if (v !== undefined && parseTime(v) === null) throw new UsageError(`${flag} needs a date like 2025-01-31, got '${v}'`);
    }
    const { buildProfile } = await import('../community/build-profile.js');
    const { saveProfile } = await import('../community/profile-io.js');
    const progress = readProgress();
    const data = await buildProfile(paths, {
      columns: columnOverrides(flags),
      since: flags.since ?? null,
      until: flags.until ?? null,
      sampleSize: flags.sampleSize ? parsePositiveInt(flags.sampleSize, '--sample-size') : undefined,
      // An explicit --jobs starts the workers at once (tests use it on small files); by default they start after 2000 items.
      ...(flags.jobs !== undefined ? { jobs: parseCount(flags.jobs, '--jobs'), workersAfter: 0 } : {}),
      onProgress: progress.onProgress,
      onWarning: warnOnStderr,
      strict: flags.strict,
    });
    progress.done();
    const { withDerived } = await import('../community/model.js');
    await saveProfile(withDerived(data), flags.output);
    const s = data.summary;
    const skipped = skipList(s.skipped) || 'none';
    const c = data.counts;
    const range = c.firstTime !== null ? `, ${isoDay(c.firstTime)} to ${isoDay(c.lastTime!)}` : '';
    process.stderr.write(
      `resonate: profile written to ${flags.output}: ${s.rowsRead} rows read, ${s.itemsUsed} items used, skipped: ${skipped}${range}; vocabulary ${c.words.stems.length} stems\n`,
    );
    for (const p of s.problems.slice(0, 5)) process.stderr.write(`resonate: skipped ${p.source} line ${p.line}: ${p.reason}\n`);
    setCode(0);
  });

  const show = new Command('show')
    .description('"know your community": its distinctive terms, emotional baseline, conversation norms, what it rewards, activity')
    .argument('<profile>', 'a profile written by `resonate profile build`')
    .addOption(new Option('-f, --format <format>', 'output format (default: text)').choices(OVERVIEW_FORMAT_NAMES))
    .option('-o, --output <file>', 'write to a file instead of standard output');
  show.action(async (path: string, flags: { format?: OverviewFormatName; output?: string }) => {
    const { loadProfile } = await import('../community/profile-io.js');
    const { buildModel } = await import('../community/model.js');
    const { communityOverview } = await import('../report/community-overview.js');
    const { formatOverview } = await import('../formatters/overview.js');
    const overview = communityOverview(buildModel(await loadProfile(path)));
    await emit(formatOverview(overview, flags.format ?? 'text'), flags.output);
    setCode(0);
  });

  const merge = new Command('merge')
    .description('merge profiles built from shards of one export into the profile of the whole')
    .argument('<profiles...>', 'profiles to merge')
    .requiredOption('-o, --output <file>', 'where to write the merged profile')
    .option('--allow-duplicates', 'merge even when two profiles hold the same source (same SHA-256), counting its items twice');
  merge.action(async (paths: string[], flags: { output: string; allowDuplicates?: boolean }) => {
    const { loadProfile, saveProfile } = await import('../community/profile-io.js');
    const { duplicateSource, mergeProfiles, vocabularyOverlap } = await import('../community/merge-profiles.js');
    const { isContentStem } = await import('../text/stopwords.js');
    const profiles = [];
    for (const p of paths) profiles.push(await loadProfile(p));
    const dup = duplicateSource(profiles);
    if (dup && !flags.allowDuplicates) {
      throw new UsageError(
        `${paths[dup.again]} holds a source that ${paths[dup.first]} already holds (${displayLine(dup.name, 120)}, sha256 ${dup.sha256.slice(0, 12)}…): merging would count its items twice`,
        'merge each shard once, or pass --allow-duplicates to count it twice on purpose',
      );
    }
    // Shards of one community share most of their common words; two communities merged by mistake do not.
    for (let i = 1; i < profiles.length; i++) {
      const overlap = vocabularyOverlap(profiles[0], profiles[i], isContentStem);
      if (overlap < MERGE_OVERLAP_WARN) {
        warnOnStderr(`${paths[i]} shares ${Math.round(100 * overlap)}% of its common vocabulary with ${paths[0]} (shards of one community share ${Math.round(100 * MERGE_OVERLAP_WARN)}% or more): are they the same community?`);
      }
    }
    const merged = mergeProfiles(profiles);
    const { withDerived } = await import('../community/model.js');
    await saveProfile(withDerived(merged), flags.output);
    process.stderr.write(`resonate: merged ${count(paths.length, 'profile')} (${merged.counts.items} items) into ${flags.output}\n`);
    setCode(0);
  });

  for (const c of [build, show, merge]) profile.addCommand(c);
  return profile;
}
