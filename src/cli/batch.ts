// `resonate batch`: many drafts (a content calendar, files, globs, folders) against one community loaded once.
import { Command, Option } from 'commander';
import { checkCommunityFlags, loadCommunity, type CommunityFlags } from './load-community.js';
import { chalkFor, columnOptions, emit, resolveSettings, type OutputFlags, communityOption, profileOption } from './common.js';
import { InputError, ResonateError } from '../errors.js';
import { displayLine } from '../text/normalize.js';
import { count } from '../wording.js';
import { BATCH_FORMAT_NAMES, type BatchFormatName } from '../formatters/names.js';
import type { BatchItem, BatchSort } from '../report/batch-report.js';

interface BatchFlags extends CommunityFlags, OutputFlags {
  failUnder?: string;
  sort?: BatchSort;
}

/** Progress goes to stderr only when it is a terminal and the batch is more than a handful of drafts. */
const PROGRESS_MIN = 6;
/** Kept here (not imported from the report module) so that loading the CLI does not load the analyzers. */
const SORTS: readonly BatchSort[] = ['score', 'date', 'input'];

export function batchCommand(setCode: (code: number) => void): Command {
  const cmd = new Command('batch')
    .description('score many drafts against one community (loaded once): a content calendar CSV, draft files, globs or folders of .md files')
    .argument('<inputs...>', "a calendar .csv (columns id, title, date, channel and body or path; '-' for standard input), draft files, globs or folders")
    .addOption(communityOption())
    .addOption(profileOption())
    .addOption(new Option('-f, --format <format>', 'output format (default: text)').choices(BATCH_FORMAT_NAMES))
    .addOption(new Option('--sort <order>', 'row order: score (highest first), date (earliest first) or input (default: score)').choices([...SORTS]))
    .option('-o, --output <file>', 'write the result to a file (atomically) instead of standard output')
    .option('--fail-under <score>', 'exit with code 1 when any draft scores below this (0-100); the output says which')
    .option('--no-color', 'never colour the text table');
  for (const o of columnOptions()) cmd.addOption(o);
  cmd.addHelpText(
    'after',
    `
Examples:
  resonate batch calendar.csv --profile community.profile.json
  resonate batch drafts/ --profile community.profile.json --format csv > ranked.csv
  resonate batch 'posts/**/*.md' --community export.csv --format markdown --fail-under 50
  resonate batch calendar.csv --profile community.profile.json --format html -o calendar.html

Calendar paths are read relative to the calendar's folder. An unreadable, missing or empty draft is reported in
its row and on stderr, and the others are still scored. Exit codes: 0 ok, 1 a draft is below --fail-under (or,
with --fail-under, a draft could not be read), 2 usage or input error (a draft could not be read).`,
  );
  cmd.action(async (inputs: string[], given: BatchFlags) => {
    const { flags, failUnder, weights } = await resolveSettings(given);
    checkCommunityFlags(flags, inputs.includes('-'));
    const format = (flags.format ?? 'text') as BatchFormatName;
    const { collectEntries } = await import('../input/read-calendar.js');
    const { readDraft, parseDraft } = await import('../input/read-draft.js');
    const { buildReport } = await import('../report/build-report.js');
    const { buildBatchReport } = await import('../report/batch-report.js');
    const { BATCH_FORMATTERS } = await import('../formatters/batch-index.js');
    const entries = await collectEntries(inputs);
    if (entries.length === 0) throw new InputError('no drafts to score: the inputs hold no calendar rows or draft files');
    // The community is read (or the export profiled) once for the whole batch.
    const model = await loadCommunity(flags);
    const progress = process.stderr.isTTY === true && entries.length >= PROGRESS_MIN;
    const items: BatchItem[] = [];
    for (const [k, e] of entries.entries()) {
      if (progress) process.stderr.write(`\rresonate: scoring ${k + 1}/${entries.length}`);
      const item: BatchItem = { input: e.input, id: e.id, title: e.title, date: e.date, channel: e.channel, source: e.source, report: null, error: e.error ?? null };
      if (!e.error) {
        try {
          const doc = e.text !== undefined ? parseDraft(e.text, e.source, true) : await readDraft(e.path!);
          // The calendar's title/date/channel are the plan; they take precedence over front matter.
          const fm = { ...doc.frontMatter };
          if (e.title) fm.title = e.title;
          if (e.date) fm.date = e.date;
          if (e.channel) fm.channel = e.channel;
          item.report = buildReport({ ...doc, frontMatter: fm }, model, { weights });
        } catch (err) {
          // One odd draft must not sink the batch: its row says what went wrong.
          item.error = err instanceof ResonateError ? err.message : `internal error: ${(err as Error)?.message ?? String(err)}`;
        }
      }
      items.push(item);
    }
    if (progress) process.stderr.write('\n');
    const batch = buildBatchReport(items, { sort: flags.sort ?? 'score', failUnder });
    await emit(BATCH_FORMATTERS[format](batch, { chalk: chalkFor(format, flags) }), flags.output);
    const failed = batch.rows.filter((r) => r.error);
    for (const r of failed.slice(0, 10)) process.stderr.write(`resonate: could not score ${displayLine(r.source, 200)}: ${displayLine(r.error!, 300)}\n`);
    if (failed.length > 10) process.stderr.write(`resonate: … and ${failed.length - 10} more drafts could not be scored\n`);
    if (batch.summary.scored === 0) {
      process.stderr.write(`resonate: none of the ${batch.summary.drafts} drafts could be scored\n`);
      setCode(2);
      return;
    }
    const below = batch.summary.belowFailUnder;
    if (below.length) {
      const shown = below.slice(0, 10).map((s) => displayLine(s, 120)).join(', ');
      process.stderr.write(`resonate: ${below.length} of ${count(batch.summary.scored, 'draft')} below --fail-under ${failUnder}: ${shown}${below.length > 10 ? ', …' : ''}\n`);
    }
    // A draft that could not be read fails the run: a typo in a calendar's path must not pass a CI gate. Under
    // --fail-under it is a failed gate (1) like a low score; otherwise an input error (2).
    if (failed.length) {
      process.stderr.write(`resonate: ${count(failed.length, 'draft')} of ${batch.summary.drafts} could not be scored; exit code ${failUnder !== undefined ? 1 : 2}\n`);
      setCode(failUnder !== undefined ? 1 : 2);
      return;
    }
    setCode(below.length ? 1 : 0);
  });
  return cmd;
}
