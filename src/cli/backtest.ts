// `resonate backtest`: how well does the reading order this community's own past posts by engagement?
import { Command, Option } from 'commander';
import { columnOptions, columnOverrides, emit, parsePositiveInt, type ColumnFlags } from './common.js';
import { UsageError } from '../errors.js';
import { BACKTEST_DEFAULTS } from '../evaluation/ordering.js';

interface BacktestFlags extends ColumnFlags {
  folds: string;
  seed: string;
  maxItems: string;
  format?: string;
  output?: string;
}

export function backtestCommand(setCode: (code: number) => void): Command {
  const cmd = new Command('backtest')
    .description("k-fold check of the reading on a community's own history: does it order higher-engagement items above lower ones?")
    .argument('<export>', "the community's exported history with an engagement column: CSV, JSON array or NDJSON, optionally .gz; '-' for standard input")
    .option('-k, --folds <k>', 'number of folds: each fold is scored against a profile of the others', String(BACKTEST_DEFAULTS.folds))
    .option('--seed <n>', 'seed for the fold assignment and the bootstrap (same seed, same result)', String(BACKTEST_DEFAULTS.seed))
    .option('--max-items <n>', 'most held-out items scored (whole threads, in seeded order)', '3000')
    .addOption(new Option('-f, --format <format>', 'output format (default: text)').choices(['text', 'json']))
    .option('-o, --output <file>', 'write the result to a file (atomically) instead of standard output');
  for (const o of columnOptions()) cmd.addOption(o);
  cmd.addHelpText(
    'after',
    `
Examples:
  resonate backtest comments.csv
  resonate backtest export.ndjson.gz --score-column likes --folds 10 --format json

Within threads when the export has them (same topic, same moment), else over all
items: the share of pairs with different engagement that each score orders the
right way (50% is chance), and Spearman's correlation, with bootstrap 95%
intervals, next to length alone. Exit codes: 0 ok, 2 usage or input error
(including an export without an engagement column).`,
  );
  cmd.action(async (path: string, flags: BacktestFlags) => {
    const folds = parsePositiveInt(flags.folds, '--folds');
    if (folds < 2) throw new UsageError(`--folds needs at least 2, got '${flags.folds}'`);
    const seed = Number(flags.seed);
    if (!Number.isInteger(seed) || seed < 0) throw new UsageError(`--seed needs a whole number, got '${flags.seed}'`);
    const maxItems = parsePositiveInt(flags.maxItems, '--max-items');
    const { readBacktestItems } = await import('../evaluation/read-items.js');
    const { runBacktest, formatBacktestText } = await import('../evaluation/backtest.js');
    const { items, columns } = await readBacktestItems(path, columnOverrides(flags));
    const result = runBacktest(items, columns, { folds, seed, maxItems, resamples: BACKTEST_DEFAULTS.resamples });
    const out = flags.format === 'json' ? JSON.stringify({ kind: 'resonate-backtest', columns, ...result }, null, 2) + '\n' : formatBacktestText(result);
    await emit(out, flags.output);
    setCode(0);
  });
  return cmd;
}
