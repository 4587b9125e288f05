// Shared CLI pieces: option parsing helpers, colour decision, output writing.
import { Chalk, type ChalkInstance } from 'chalk';
import { Option } from 'commander';
import { UsageError } from '../errors.js';
import { writeStdout } from '../output/stdout.js';
import { writeAtomic } from '../output/write-atomic.js';
import { FORMAT_NAMES } from '../formatters/names.js';
import { displayLine } from '../text/normalize.js';

export interface ColumnFlags {
  textColumn?: string;
  scoreColumn?: string;
  timeColumn?: string;
}

export interface OutputFlags {
  format?: string;
  output?: string;
  color: boolean;
}

export const columnOptions = (): Option[] => [
  new Option('--text-column <name>', 'export column holding the comment text (default: detected from body/text/comment/message/content, else title/headline/subject)'),
  new Option('--score-column <name>', 'export column holding engagement (default: detected from score/likes/upvotes/reactions/ups/replies)'),
  new Option('--time-column <name>', 'export column holding the time (default: detected from created_at/created_utc/date/timestamp)'),
];

/** The community a command reads against: an export, or a saved profile (exactly one; see checkCommunityFlags). */
export const communityOption = (): Option =>
  new Option('-c, --community <export>', "the community's exported history: CSV, JSON array or NDJSON, optionally .gz; '-' for standard input");
export const profileOption = (): Option => new Option('-p, --profile <file>', 'a saved community profile (from `resonate profile build`), instead of --community');

export const formatOption = (names: readonly string[] = FORMAT_NAMES): Option =>
  new Option('-f, --format <format>', 'output format (default: text)').choices(names as string[]);

export function parseScore(value: string, flag: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) throw new UsageError(`${flag} needs a number from 0 to 100, got '${value}'`);
  return n;
}

export function parsePositiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a whole number of at least 1, got '${value}'`);
  return n;
}

/**
 * Colour only for text on a terminal, and never with NO_COLOR or --no-color. Only text reports use a chalk: the
 * other formats get none, which spares loading chalk's terminal detection.
 */
export function chalkFor(format: string, flags: OutputFlags): ChalkInstance | undefined {
  if (format !== 'text') return undefined;
  const tty = !flags.output && process.stdout.isTTY === true;
  const noColor = 'NO_COLOR' in process.env && process.env.NO_COLOR !== '';
  const colour = flags.color && tty && !noColor;
  return new Chalk({ level: colour ? 2 : 0 });
}

export async function emit(content: string, output: string | undefined): Promise<void> {
  if (output) await writeAtomic(output, content);
  else await writeStdout(content);
}

export function columnOverrides(flags: ColumnFlags): { text?: string; engagement?: string; time?: string } {
  return { text: flags.textColumn, engagement: flags.scoreColumn, time: flags.timeColumn };
}

export interface Settings<T> {
  /** The flags with the config's defaults filled in where no flag was given. */
  flags: T;
  failUnder?: number;
  weights?: Record<string, number>;
}

/**
 * Fills in defaults from the nearest resonate config (flags always win): the community or profile when neither
 * flag is given, export column names, --fail-under and dimension weights.
 */
export async function resolveSettings<T extends ColumnFlags & { community?: string; profile?: string; failUnder?: string }>(flags: T): Promise<Settings<T>> {
  const { loadConfig, mergedWeights } = await import('../config.js');
  const { DEFAULT_WEIGHTS } = await import('../report/overall.js');
  const config = await loadConfig();
  const merged: T = { ...flags };
  if (config) {
    if (!merged.community && !merged.profile) {
      if (config.profile) merged.profile = config.profile;
      if (config.community) merged.community = config.community;
    }
    merged.textColumn ??= config.columns?.text;
    merged.scoreColumn ??= config.columns?.score;
    merged.timeColumn ??= config.columns?.time;
  }
  const failUnder = flags.failUnder !== undefined ? parseScore(flags.failUnder, '--fail-under') : config?.failUnder;
  return { flags: merged, failUnder, weights: mergedWeights(DEFAULT_WEIGHTS, config) };
}

/** Build warnings (a time column that could not be read, …) go to stderr, one line each. */
export const warnOnStderr = (message: string): void => void process.stderr.write(`resonate: warning: ${displayLine(message, 400)}\n`);

/** A progress line on stderr while an export is read, only when stderr is a terminal (never in pipes or CI logs). */
export function readProgress(): { onProgress?: (rows: number, bytes: number) => void; done(): void } {
  if (!process.stderr.isTTY) return { done: () => undefined };
  let shown = false;
  return {
    onProgress: (rows, bytes) => {
      shown = true;
      process.stderr.write(`\rresonate: ${rows} rows, ${(bytes / 1e6).toFixed(1)} MB read`);
    },
    done: () => {
      if (shown) process.stderr.write('\n');
    },
  };
}
