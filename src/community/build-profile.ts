// Builds a community profile from one or more exports in one streaming pass.
import type { ColumnMap, SourceSummary } from '../types.js';
import { InputError } from '../errors.js';
import { count, skipList } from '../wording.js';
import { detectColumns, parseEngagement, parseTime, type ColumnOverrides } from '../input/columns.js';
import { openExport } from '../input/read-export.js';
import { STDIN, STDIN_NAME } from '../input/files.js';
import { DEFAULT_MAX_BIGRAMS, DEFAULT_MAX_WORDS, DEFAULT_SAMPLE_SIZE, ProfileBuilder } from './profile-builder.js';
import { PROFILE_FORMAT_VERSION, type CommunityProfileData, type ProfileBuildOptions, type ProfileSummary } from './profile-types.js';
import { TOOL_VERSION } from '../version.js';
import { defaultJobs, MeasurePool, workersAvailable } from './measure-pool.js';
import { mergeCounts } from './merge-profiles.js';

export interface BuildOptions extends Partial<ProfileBuildOptions> {
  columns?: ColumnOverrides;
  /** Unreadable (malformed) rows are an error instead of a counted skip. */
  strict?: boolean;
  /** Worker threads measuring items beside the main thread (default: one per core beyond the first, up to 4). */
  jobs?: number;
  /** Accepted items measured on the main thread before workers start (small exports are not worth a thread). */
  workersAfter?: number;
  /** Called every few thousand rows with rows read and bytes read so far. */
  onProgress?: (rows: number, bytes: number) => void;
  /** Told (one line each) about what was read but not understood, such as a time column with no readable dates. */
  onWarning?: (message: string) => void;
}

const MAX_PROBLEMS_LISTED = 20;

export async function buildProfile(paths: readonly string[], options: BuildOptions = {}): Promise<CommunityProfileData> {
  const opts: ProfileBuildOptions = {
    sampleSize: options.sampleSize ?? DEFAULT_SAMPLE_SIZE,
    maxWords: options.maxWords ?? DEFAULT_MAX_WORDS,
    maxBigrams: options.maxBigrams ?? DEFAULT_MAX_BIGRAMS,
    since: options.since ?? null,
    until: options.until ?? null,
  };
  const since = opts.since ? parseTime(opts.since) : null;
  // A bare date in --until means the whole of that day.
  const untilStart = opts.until ? parseTime(opts.until) : null;
  const until = untilStart !== null && /^\d{4}-\d{2}-\d{2}$/.test(opts.until!.trim()) ? untilStart + 86_400_000 - 1 : untilStart;
  const builder = new ProfileBuilder(opts.sampleSize, opts.maxWords, opts.maxBigrams);
  const sources: SourceSummary[] = [];
  const summary: ProfileSummary = { rowsRead: 0, itemsUsed: 0, skipped: builder.skipped, problems: [] };
  let columns: ColumnMap | null = null;
  const jobs = workersAvailable() ? (options.jobs ?? defaultJobs()) : 0;
  const workersAfter = options.workersAfter ?? 2000;
  let accepted = 0;
  let pool: MeasurePool | null = null;
  try {
    for (const path of paths) {
      const opened = await openExport(path);
      const cols = detectColumns(opened.columns, options.columns);
      columns ??= cols;
      const unreadTime = unreadTimeColumn(opened.columns, cols);
      if (unreadTime) options.onWarning?.(`${path}: column '${unreadTime}' looks like a time but is not one resonate recognises; name it with --time-column to read it`);
      let rows = 0;
      let times = 0;
      let timesUnreadable = 0;
      for await (const row of opened.rows) {
        if (options.strict && opened.problemCount() > 0) throw strictError(path, opened.problems[0]);
        rows++;
        if (options.onProgress && rows % 5000 === 0) options.onProgress(summary.rowsRead + rows, opened.bytes());
        const v = row.values;
        const time = cols.time ? parseTime(v[cols.time]) : null;
        if (cols.time && v[cols.time] != null && v[cols.time] !== '') {
          times++;
          if (time === null) timesUnreadable++;
        }
        if ((since !== null || until !== null) && (time === null || (since !== null && time < since) || (until !== null && time > until))) {
          builder.skip('outOfRange');
          continue;
        }
        const item = {
          text: textOf(v[cols.text]),
          engagement: cols.engagement ? parseEngagement(v[cols.engagement]) : null,
          time,
          thread: cols.thread && v[cols.thread] != null && v[cols.thread] !== '' ? String(v[cols.thread]) : null,
          author: cols.author && typeof v[cols.author] === 'string' ? (v[cols.author] as string) : null,
        };
        const ok = builder.accept(item);
        if (typeof ok === 'string') continue;
        if (!pool && jobs > 0 && ++accepted > workersAfter) pool = new MeasurePool(builder, jobs, opts);
        if (pool) {
          const wait = pool.add(ok.key, ok.text, item);
          if (wait) await wait;
        } else builder.addAccepted(ok.key, ok.text, item);
      }
      if (timesUnreadable > 0) {
        const what = `(epoch seconds or milliseconds, or a date such as 2025-01-31T12:00:00Z)`;
        options.onWarning?.(
          timesUnreadable === times
            ? `${path}: no value in time column '${cols.time}' could be read as a date ${what}; the profile has no dates`
            : `${path}: ${timesUnreadable} of ${count(times, 'value')} in time column '${cols.time}' could not be read as a date ${what}; those items have no date`,
        );
      }
      const problemCount = opened.problemCount();
      if (options.strict && problemCount > 0) throw strictError(path, opened.problems[0], problemCount);
      for (let k = 0; k < problemCount; k++) builder.skip('malformed');
      for (const p of opened.problems) if (summary.problems.length < MAX_PROBLEMS_LISTED) summary.problems.push({ source: path, ...p });
      summary.rowsRead += rows + problemCount;
      sources.push({ name: path === STDIN ? STDIN_NAME : path, rows: rows + problemCount, sha256: opened.sha256() });
    }
  } catch (err) {
    await pool?.terminate();
    throw err;
  }
  // The pool's last batch may belong to the main thread: flush it before finishing the main builder.
  const fromWorkers = pool ? await pool.finish() : [];
  const own = builder.finish();
  const { counts, sample, prunedBelow } = pool ? mergeCounts([own, ...fromWorkers], opts.sampleSize, true) : own;
  summary.itemsUsed = counts.items;
  if (counts.items === 0) {
    const why = skipList(summary.skipped);
    throw new InputError(`no usable items in the export (${summary.rowsRead} rows read${why ? `; skipped: ${why}` : ''})`);
  }
  return {
    formatVersion: PROFILE_FORMAT_VERSION,
    kind: 'resonate-community-profile',
    tool: { name: 'resonate', version: TOOL_VERSION },
    sources,
    columns: columns!,
    build: { ...opts, prunedBelow },
    summary,
    counts,
    sample,
  };
}

/** A column whose name says time or date that column detection did not take as the time column; null if none. */
function unreadTimeColumn(names: readonly string[], cols: ColumnMap): string | null {
  if (cols.time) return null;
  return names.find((n) => n !== cols.text && /time|date|posted|created|when/i.test(n)) ?? null;
}

/** For --strict with a saved profile or a finished build: unreadable rows counted in the summary are an error. */
export function checkStrict(summary: ProfileSummary): void {
  const count = summary.skipped.malformed;
  if (count > 0) {
    const first = summary.problems[0] ?? { source: 'the export', line: 0, reason: 'unreadable row' };
    throw strictError(first.source, first, count);
  }
}

function strictError(path: string, first: { line: number; reason: string }, count?: number): InputError {
  const many = count === undefined ? 'has unreadable rows' : `has ${count} unreadable row${count === 1 ? '' : 's'}`;
  return new InputError(`export ${path} ${many} (first: line ${first.line}: ${first.reason}) and --strict is set`, 'fix the export, or drop --strict to skip and count such rows');
}

export function textOf(value: unknown): string {
  if (typeof value === 'string') return value.startsWith('{"text":') ? segmentsText(value) : value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/**
 * Google Takeout's YouTube comment exports hold each comment as JSON text segments (`{"text":"Great "},
 * {"text":"video"}`); the comment is their joined text. Anything that does not parse stays as it was.
 */
function segmentsText(value: string): string {
  try {
    const parts = JSON.parse(`[${value}]`) as unknown[];
    const texts = parts.map((p) => (p && typeof p === 'object' && typeof (p as { text?: unknown }).text === 'string' ? (p as { text: string }).text : null));
    return texts.every((t) => t !== null) ? texts.join('') : value;
  } catch {
    return value;
  }
}
