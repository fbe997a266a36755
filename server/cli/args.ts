/** What the command line was asked to do. */
export interface CliOptions {
  readonly command: 'check' | 'parse' | 'help' | 'version';
  readonly format: 'text' | 'json' | 'sarif';
  readonly canon: readonly string[];
  readonly story: boolean;
  readonly severities: Readonly<Record<string, string>>;
  readonly files: readonly string[];
}

export class UsageError extends Error {}

const LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

export function parseArgs(argv: readonly string[]): CliOptions {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') return { ...empty(), command: 'help' };
  if (command === '--version' || command === '-v') return { ...empty(), command: 'version' };
  if (command !== 'check' && command !== 'parse') throw new UsageError(`unknown command “${command}”: use check, parse, export or stats`);
  let format: CliOptions['format'] = command === 'parse' ? 'json' : 'text';
  const canon: string[] = [];
  const files: string[] = [];
  const severities: Record<string, string> = {};
  let story = false;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const value = (): string => {
      const v = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : rest[++i];
      if (v === undefined || v === '') throw new UsageError(`${arg.split('=')[0]} needs a value`);
      return v;
    };
    if (arg === '--format' || arg.startsWith('--format=')) {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`--format must be text, json or sarif, not “${v}”`);
      if (command === 'parse' && v !== 'json') throw new UsageError('parse prints json only');
      format = v;
    } else if (arg === '--canon' || arg.startsWith('--canon=')) {
      canon.push(value());
    } else if (arg === '--severity' || arg.startsWith('--severity=')) {
      const [rule, level] = splitEq(value());
      if (!rule || !LEVELS.has(level)) throw new UsageError('--severity takes RULE=LEVEL, LEVEL one of error, warning, information, hint, off');
      severities[rule] = level;
    } else if (arg === '--story') {
      story = true;
    } else if (arg === '--help' || arg === '-h') {
      return { ...empty(), command: 'help' };
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option “${arg}”`);
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) throw new UsageError(`${command} needs at least one file`);
  return { command, format, canon, story, severities, files };
}

function splitEq(v: string): [string, string] {
  const at = v.lastIndexOf('=');
  return at < 0 ? ['', ''] : [v.slice(0, at), v.slice(at + 1)];
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

check     reports where scripts contradict canon. Without --canon, the built-in Tiny Pretty
          Things season 1 pack is used (or a *.canon.yaml beside the script). A FOLDER is checked
          as one story whose chapters are its .fountain files in natural name order (or the order
          its canon-keeper.yaml lists). --story checks the FILEs given as consecutive chapters.
parse     prints the Fountain elements with their LSP ranges (0-based lines and characters).
export    writes the script (a FOLDER: its chapters in order) as one PDF in the industry layout.
stats     prints pages, screen time, scenes, words, who speaks how much, locations, day and night.

Exit status: 0 when no error-severity finding, 1 when there is one, 2 on bad usage or input.`;
