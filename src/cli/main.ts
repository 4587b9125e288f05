// The CLI: wires commands, turns errors into exit codes; only bin/resonate.js sets process.exitCode.
import { Command, CommanderError } from 'commander';
import { ResonateError } from '../errors.js';
import { displayLine } from '../text/normalize.js';
import { writeStdoutNow } from '../output/stdout.js';
import { TOOL_VERSION } from '../version.js';
import { scoreCommand } from './score.js';
import { profileCommand } from './profile.js';
import { batchCommand } from './batch.js';
import { compareCommand } from './compare.js';
import { backtestCommand } from './backtest.js';

export const EXIT_OK = 0;
export const EXIT_GATE = 1;
export const EXIT_ERROR = 2;

export async function main(argv: readonly string[]): Promise<number> {
  let code = EXIT_OK;
  const setCode = (c: number): void => {
    code = c;
  };
  const debug = argv.includes('--debug');
  const program = new Command('resonate')
    .description(
      "How well will a draft resonate with one community? resonate reads the community's own comment history and " +
        'reports, with evidence, how the draft fits its language, emotional tone, what it rewards and how it converses. ' +
        'It is a resonance reading, never a virality prediction.',
    )
    .version(TOOL_VERSION, '-V, --version')
    .option('--debug', 'show stack traces for errors')
    .exitOverride()
    .configureOutput({ writeOut: writeStdoutNow, outputError: (str, write) => write(`resonate: ${str.replace(/^error: /, '')}`) })
    .showSuggestionAfterError(true);
  const commands = { score: scoreCommand, profile: profileCommand, batch: batchCommand, compare: compareCommand, backtest: backtestCommand };
  // A run names its command first (--debug is taken out before parsing): only that one is built, which spares
  // every run making the others' options and help (a few ms). Anything else (help, a typo) gets them all.
  const named = argv.filter((a) => a !== '--debug')[2];
  const chosen = Object.hasOwn(commands, named) ? [commands[named as keyof typeof commands]] : Object.values(commands);
  for (const make of chosen) program.addCommand(make(setCode));
  const outputError = (str: string, write: (s: string) => void): void => write(`resonate: ${str.replace(/^error: /, '')}`);
  const wire = (c: Command): void => {
    c.exitOverride().configureOutput({ writeOut: writeStdoutNow, outputError });
    c.commands.forEach(wire);
  };
  program.commands.forEach(wire);
  program.addHelpText(
    'after',
    `
Quick start:
  resonate score draft.md --community comments.csv          read one draft against an export
  resonate profile build comments.csv -o community.json     save the community once…
  resonate score draft.md --profile community.json          …then score against it in a blink
  resonate batch calendar.csv --profile community.json      rank a content calendar
  resonate profile show community.json                      know your community

Run \`resonate <command> --help\` for a command's options and examples.
Exit codes: 0 ok, 1 a --fail-under gate was not met, 2 usage or input error.`,
  );
  try {
    await program.parseAsync(argv.filter((a) => a !== '--debug'), { from: 'node' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT_OK : EXIT_ERROR;
    }
    if (err instanceof ResonateError) {
      // Messages can quote file names and column names from the input: make them inert, and one line.
      process.stderr.write(`resonate: ${displayLine(err.message, 2000)}${err.hint ? ` (${displayLine(err.hint, 500)})` : ''}\n`);
      if (debug) process.stderr.write(`${err.stack}\n`);
      return EXIT_ERROR;
    }
    process.stderr.write(`resonate: internal error: ${displayLine((err as Error)?.message ?? String(err), 2000)}${debug ? '' : ' (run with --debug for details)'}\n`);
    if (debug) process.stderr.write(`${(err as Error)?.stack}\n`);
    return EXIT_ERROR;
  }
}
