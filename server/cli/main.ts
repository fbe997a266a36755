import { parseArgs, USAGE, UsageError, type CliOptions, type CommandName } from './args';
import { runCheck } from './check';
import { InputError, print } from './input';
import { runParse } from './parse-command';
import { runExport } from './export';
import { CommandError } from './inputs';
import { runStats } from './stats';
import { runTimeline } from './timeline';
import { runLint } from './lint';
import { runNewPack } from './new-pack';
import { runTestPack } from './test-pack';
export { ONE_SHOT_V8_FLAGS, tuneForOneShotRun } from './jit';

const VERSION = '0.1.0';

/** The commands, one file each: adding one is a file and a line here (and its name in args.ts). */
const COMMANDS: Record<CommandName, (options: CliOptions) => number> = {
  check: runCheck,
  parse: runParse,
};

/** Runs the command line; resolves to the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    // These commands read their own options (one file each).
    if (argv[0] === 'export') return await runExport(argv.slice(1));
    if (argv[0] === 'stats') return runStats(argv.slice(1));
    if (argv[0] === 'timeline') return runTimeline(argv.slice(1));
    if (argv[0] === 'lint') return runLint(argv.slice(1));
    if (argv[0] === 'test') return runTestPack(argv.slice(1));
    if (argv[0] === 'new-pack') return runNewPack(argv.slice(1));
    const options = parseArgs(argv);
    if (options.command === 'help') return print(USAGE, 0);
    if (options.command === 'version') return print(VERSION, 0);
    return COMMANDS[options.command](options);
  } catch (error) {
    const badOption = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ?? false;
    if (!(error instanceof UsageError) && !(error instanceof InputError) && !(error instanceof CommandError) && !badOption) throw error;
    process.stderr.write(`canon-keeper: ${(error as Error).message}\n`);
    if (error instanceof UsageError || badOption || (error instanceof CommandError && error.usage)) process.stderr.write(`Run canon-keeper --help for usage.\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
