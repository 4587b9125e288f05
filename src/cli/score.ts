// `resonate score`: one draft, one community, one report.
import { Command } from 'commander';
import { checkCommunityFlags, loadCommunity, type CommunityFlags } from './load-community.js';
import { chalkFor, columnOptions, emit, formatOption, resolveSettings, type OutputFlags, communityOption, profileOption } from './common.js';
import { FORMAT_NAMES, type FormatName } from '../formatters/names.js';

interface ScoreFlags extends CommunityFlags, OutputFlags {
  failUnder?: string;
  strict?: boolean;
  englishOnly?: boolean;
}

export function scoreCommand(setCode: (code: number) => void): Command {
  const cmd = new Command('score')
    .description("read a draft against a community's comment history and report how well it resonates")
    .argument('<draft>', "the draft: a .md (YAML front matter optional) or .txt file, or '-' for standard input")
    .addOption(communityOption())
    .addOption(profileOption())
    .addOption(formatOption([...FORMAT_NAMES, 'github']))
    .option('-o, --output <file>', 'write the report to a file (atomically) instead of standard output')
    .option('--fail-under <score>', 'exit with code 1 when the overall score is below this (0-100)')
    .option('--no-color', 'never colour the text report (colour is also off when piped or NO_COLOR is set)')
    .option('--strict', 'unreadable rows in the export (malformed CSV records, invalid NDJSON lines) are an error, not a counted skip')
    .option('--english-only', 'exit with code 2 when the draft or the export is not in English (instead of a report without the dimensions that need English)');
  for (const o of columnOptions()) cmd.addOption(o);
  cmd.addHelpText(
    'after',
    `
Examples:
  resonate score draft.md --community comments.csv
  resonate score draft.md --profile community.profile.json --format markdown > comment.md
  cat export.csv | resonate score post.md --community - --format json --fail-under 60
  resonate score post.md --format github --fail-under 60   # GitHub Actions annotations
  resonate score draft.md --profile community.profile.json --format html -o report.html

Defaults for --community/--profile, --fail-under, column names and dimension
weights can come from resonate.config.json or a "resonate" key in package.json.

Every dimension score is a percentile: the share of the community's own items
of similar length that the draft beats (the report says which items). Exit codes: 0 ok, 1 below
--fail-under, 2 usage or input error.`,
  );
  cmd.action(async (draftPath: string, given: ScoreFlags) => {
    // Defaults from resonate.config.json / package.json "resonate"; flags override them.
    const { flags, failUnder, weights } = await resolveSettings(given);
    checkCommunityFlags(flags, draftPath === '-');
    const format = flags.format ?? 'text';
    const { readDraft } = await import('../input/read-draft.js');
    const { buildReport } = await import('../report/build-report.js');
    const model = await loadCommunity(flags);
    if (flags.strict) (await import('../community/build-profile.js')).checkStrict(model.profile.summary);
    const doc = await readDraft(draftPath);
    const report = buildReport(doc, model, { weights, detail: format === 'html' });
    const notEnglish = flags.englishOnly ? (await import('../analyzers/language-gate.js')).languageNote({ draft: report.draft.language, community: report.community.language }) : null;
    if (notEnglish) {
      const { InputError } = await import('../errors.js');
      throw new InputError(notEnglish, 'resonate reads English; drop --english-only to get the dimensions it can read');
    }
    const below = failUnder !== undefined && (report.overall.score === null || report.overall.score < failUnder);
    const ctx = { chalk: chalkFor(format, flags) };
    if (format === 'github') {
      const { formatGithub } = await import('../formatters/github.js');
      await emit(formatGithub(report, ctx, failUnder === undefined ? undefined : { failUnder, passed: !below }), flags.output);
    } else {
      const { FORMATTERS } = await import('../formatters/index.js');
      await emit(FORMATTERS[format as FormatName](report, ctx), flags.output);
    }
    if (below) process.stderr.write(`resonate: ${failUnderMessage(report.overall.score, failUnder!)}\n`);
    setCode(below ? 1 : 0);
  });
  return cmd;
}

/** Why the --fail-under gate failed: a score below it, or no overall score at all. */
export function failUnderMessage(score: number | null, failUnder: number): string {
  return score === null
    ? `no overall score (no dimension could be scored), so --fail-under ${failUnder} is not met`
    : `overall score ${score} is below --fail-under ${failUnder}`;
}
