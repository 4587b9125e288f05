// `resonate compare a.md b.md`: which of two drafts resonates more with one community, and why.
import { Command, Option } from 'commander';
import { checkCommunityFlags, loadCommunity, type CommunityFlags } from './load-community.js';
import { chalkFor, columnOptions, emit, resolveSettings, type OutputFlags, communityOption, profileOption } from './common.js';
import { UsageError } from '../errors.js';
import { COMPARE_FORMAT_NAMES, type CompareFormatName } from '../formatters/names.js';

type CompareFlags = CommunityFlags & OutputFlags;

export function compareCommand(setCode: (code: number) => void): Command {
  const cmd = new Command('compare')
    .description('read two drafts against one community side by side: each dimension, the winner, and why')
    .argument('<a>', "the first draft (.md or .txt; '-' for standard input)")
    .argument('<b>', "the second draft (.md or .txt; '-' for standard input)")
    .addOption(communityOption())
    .addOption(profileOption())
    .addOption(new Option('-f, --format <format>', 'output format (default: text)').choices(COMPARE_FORMAT_NAMES))
    .option('-o, --output <file>', 'write the result to a file (atomically) instead of standard output')
    .option('--no-color', 'never colour the text output');
  for (const o of columnOptions()) cmd.addOption(o);
  cmd.addHelpText(
    'after',
    `
Examples:
  resonate compare draft-v1.md draft-v2.md --profile community.profile.json
  resonate compare old.md new.md --community export.csv --format markdown > comment.md
  resonate compare old.md new.md --profile community.profile.json --format html -o compare.html

Exit code 0 whichever draft wins; 2 on a usage or input error.`,
  );
  cmd.action(async (a: string, b: string, given: CompareFlags) => {
    const { flags, weights } = await resolveSettings(given);
    if (a === '-' && b === '-') throw new UsageError("standard input ('-') can be used once only");
    checkCommunityFlags(flags, a === '-' || b === '-');
    const format = (flags.format ?? 'text') as CompareFormatName;
    const { readDraft } = await import('../input/read-draft.js');
    const { buildReport } = await import('../report/build-report.js');
    const { buildCompareReport } = await import('../report/compare-report.js');
    const { COMPARE_FORMATTERS } = await import('../formatters/compare-index.js');
    const docA = await readDraft(a);
    const docB = await readDraft(b);
    const model = await loadCommunity(flags);
    // The sentence-by-sentence reading is for the HTML page only: the other formats never carry it.
    const detail = format === 'html';
    const report = buildCompareReport(docA, docB, buildReport(docA, model, { weights, detail }), buildReport(docB, model, { weights, detail }), model);
    await emit(COMPARE_FORMATTERS[format](report, { chalk: chalkFor(format, flags) }), flags.output);
    setCode(0);
  });
  return cmd;
}
