// `resonate score`: one draft, one community, one report.
import { Command } from 'commander';
import { checkCommunityFlags, loadCommunity, type CommunityFlags } from './load-community.js';
import { chalkFor, columnOptions, emit, formatOption, parseScore, type OutputFlags } from './common.js';
import { FORMATTERS, type FormatName } from '../formatters/index.js';

interface ScoreFlags extends CommunityFlags, OutputFlags {
  failUnder?: string;
}

export function scoreCommand(setCode: (code: number) => void): Command {
  const cmd = new Command('score')
    .description("read a draft against a community's comment history and report how well it resonates")
    .argument('<draft>', "the draft: a .md (YAML front matter optional) or .txt file, or '-' for standard input")
    .option('-c, --community <export>', "the community's exported history: CSV, JSON array or NDJSON, optionally .gz; '-' for standard input")
    .option('-p, --profile <file>', 'a saved community profile (from `resonate profile build`), instead of --community')
    .addOption(formatOption())
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--fail-under <score>', 'exit with code 1 when the overall score is below this (0-100)')
    .option('--no-color', 'never colour the text report (colour is also off when piped or NO_COLOR is set)');
  for (const o of columnOptions()) cmd.addOption(o);
  cmd.addHelpText(
    'after',
    `
Examples:
  resonate score draft.md --community comments.csv
  resonate score draft.md --profile community.profile.json --format markdown > comment.md
  cat export.csv | resonate score post.md --community - --format json --fail-under 60

Every dimension score is a percentile: the share of same-length samples of the
community's own writing that the draft beats. Exit codes: 0 ok, 1 below
--fail-under, 2 usage or input error.`,
  );
  cmd.action(async (draftPath: string, flags: ScoreFlags) => {
    const failUnder = flags.failUnder === undefined ? undefined : parseScore(flags.failUnder, '--fail-under');
    checkCommunityFlags(flags, draftPath === '-');
    const format = (flags.format ?? 'text') as FormatName;
    const { readDraft } = await import('../input/read-draft.js');
    const { buildReport } = await import('../report/build-report.js');
    const model = await loadCommunity(flags);
    const doc = await readDraft(draftPath);
    const report = buildReport(doc, model);
    await emit(FORMATTERS[format](report, { chalk: chalkFor(format, flags) }), flags.output);
    const below = failUnder !== undefined && (report.overall.score === null || report.overall.score < failUnder);
    if (below) process.stderr.write(`resonate: overall score ${report.overall.score ?? 'n/a'} is below --fail-under ${failUnder}\n`);
    setCode(below ? 1 : 0);
  });
  return cmd;
}
