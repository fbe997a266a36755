import { parseArgs as parseNodeArgs } from 'util';

export const COMMANDS = ['check', 'parse'] as const;
export type CommandName = typeof COMMANDS[number];

/** What the command line was asked to do. */
export interface CliOptions {
  readonly command: CommandName | 'help' | 'version';
  readonly format: 'text' | 'json' | 'sarif';
  readonly canon: readonly string[];
  readonly story: boolean;
  readonly severities: Readonly<Record<string, string>>;
  readonly files: readonly string[];
}

export class UsageError extends Error {}

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);
const FORMATS = new Set(['text', 'json', 'sarif']);

const OPTIONS = {
  format: { type: 'string' },
  canon: { type: 'string', multiple: true },
  severity: { type: 'string', multiple: true },
  story: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = ReturnType<typeof readArgs>['values'];

export function parseArgs(argv: readonly string[]): CliOptions {
  const { values, positionals } = readArgs(argv);
  const [command, ...files] = positionals;
  if (values.help) return { ...empty(), command: 'help' };
  if (values.version) return { ...empty(), command: 'version' };
  if (command === undefined || command === 'help') return { ...empty(), command: 'help' };
  if (!isCommand(command)) throw new UsageError(`unknown command “${command}”: use ${[...COMMANDS, 'export', 'stats', 'timeline', 'lint', 'test', 'new-pack'].join(', ')}`);
  const format = formatOf(command, values.format);
  const severities = severitiesOf(values);
  if (files.length === 0) throw new UsageError(`${command} needs at least one file`);
  return { command, format, canon: values.canon ?? [], story: values.story ?? false, severities, files };
}

/** node's own parser, its errors (an unknown option, a missing value) turned into usage errors. */
function readArgs(argv: readonly string[]) {
  try {
    return parseNodeArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(usageMessage(error as Error & { code?: string }));
  }
}

function usageMessage(error: Error & { code?: string }): string {
  const option = /'(-[^ ']+)/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option “${option ?? error.message}”`;
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) return `${option.replace(/^(--[a-z]+).*/, '$1')} needs a value`;
  return error.message;
}

function isCommand(name: string): name is CommandName {
  return (COMMANDS as readonly string[]).includes(name);
}

function formatOf(command: CommandName, given: string | undefined): CliOptions['format'] {
  if (given === '') throw new UsageError('--format needs a value');
  const format = given ?? (command === 'parse' ? 'json' : 'text');
  if (!FORMATS.has(format)) throw new UsageError(`--format must be text, json or sarif, not “${format}”`);
  if (command === 'parse' && format !== 'json') throw new UsageError('parse prints json only');
  return format as CliOptions['format'];
}

function severitiesOf(values: Values): Record<string, string> {
  const severities: Record<string, string> = {};
  for (const setting of values.severity ?? []) {
    const at = setting.lastIndexOf('=');
    const rule = at < 0 ? '' : setting.slice(0, at);
    const level = setting.slice(at + 1);
    if (!rule || !LEVELS.has(level)) throw new UsageError('--severity takes RULE=LEVEL, LEVEL one of error, warning, information, hint, off');
    severities[rule] = level;
  }
  return severities;
}

function empty(): CliOptions {
  return { command: 'help', format: 'text', canon: [], story: false, severities: {}, files: [] };
}

export const USAGE = `Canon Keeper: checks Fountain fan fiction against a show's canon.

Usage:
  canon-keeper check [--canon PACK]... [--story] [--format text|json|sarif] [--severity RULE=LEVEL]... FILE|FOLDER...
  canon-keeper parse --format json FILE
  canon-keeper export --pdf OUT.pdf [--paper letter|a4] [--scene-numbers] [--no-title-page] FILE|FOLDER
  canon-keeper stats [--format text|json] [--paper letter|a4] FILE|FOLDER
  canon-keeper timeline [--canon PACK]... [--format svg|html] [--out FILE] FILE|FOLDER
  canon-keeper lint [--format text|json] PACK|FOLDER...
  canon-keeper test [--format text|json] PACK|FOLDER...
  canon-keeper new-pack NAME

check     reports where scripts contradict canon, exactly as the editor shows them. Without
          --canon, a script's pack is the one its folder's canon-keeper.yaml names, else the
          nearest *.canon.yaml in its folder or a folder above it (up to the folder holding
          .git), else the built-in Tiny Pretty Things season 1 pack. A FILE in a folder of
          chapters starts where the chapters before it leave the story clock. A FOLDER is
          checked as one story whose chapters are its .fountain files in natural name order (or
          the order its canon-keeper.yaml lists). --story checks the FILEs given as consecutive
          chapters. The problems of the packs used (an unknown key, say) are listed first; a pack
          with errors stops the check of the scripts that use it (exit 2).
parse     prints the Fountain elements with their LSP ranges (0-based lines and characters).
export    writes the script (a FOLDER: its chapters in order) as one PDF in the industry layout.
stats     prints pages, screen time, scenes, words, who speaks how much, locations, day and night.
timeline  draws the story (a FOLDER: its chapters in order) on the canon timeline: each scene where
          it stands among the canon's events, flashbacks and dreams off it, the states that hold
          and the warnings in each. svg is the picture alone; html adds its scenes in a table and
          the canon (characters, relations, events, states), in one page with nothing to fetch.
lint      checks canon packs alone: each problem at its file, line and column. Exit 1 on an error.
test      runs the examples a pack carries (examples:), each a short script and the warnings it
          must give, and says which pass and which fail. Exit 1 when one fails.
new-pack  writes NAME.canon.yaml in this folder: an annotated pack to start from (never overwrites).

Exit status: 0 when no error-severity finding, 1 when there is one, 2 on bad usage or input.`;
