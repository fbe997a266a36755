import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { notCancelled } from '../core/cancellation';
import { checkStory, type SeveritySetting } from '../core/check';
import type { CanonPack } from '../core/canon/model';
import { parse } from '../core/fountain/parse';
import { LineIndex } from '../core/lines';
import { builtinPack, fileResolver } from '../host/builtin';
import { decodeUtf8, readText } from '../host/files';
import { packFileFor, packFilesIn, PackStore } from '../host/packs';
import { chaptersIn, readStoryConfig } from '../host/story';
import { loadPack } from '../core/canon/load';
import { toDiagnostic, toRange } from '../lsp/diagnostics';
import { parseArgs, USAGE, UsageError, type CliOptions } from './args';
import { runExport } from './export';
import { CommandError } from './inputs';
import { runStats } from './stats';
import { formatJson, formatSarif, formatText, type FileReport } from './report';
export { ONE_SHOT_V8_FLAGS, tuneForOneShotRun } from './jit';

const VERSION = '0.1.0';

/** Runs the command line; resolves to the exit status. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    if (argv[0] === 'export') return await runExport(argv.slice(1));
    if (argv[0] === 'stats') return runStats(argv.slice(1));
    const options = parseArgs(argv);
    if (options.command === 'help') return print(USAGE, 0);
    if (options.command === 'version') return print(VERSION, 0);
    if (options.command === 'parse') return runParse(options);
    return runCheck(options);
  } catch (error) {
    const badOption = (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS') ?? false;
    if (error instanceof UsageError || error instanceof InputError || error instanceof CommandError || badOption) {
      process.stderr.write(`canon-keeper: ${(error as Error).message}\n`);
      if (error instanceof UsageError || badOption || (error instanceof CommandError && error.usage)) process.stderr.write(`Run canon-keeper --help for usage.\n`);
      return 2;
    }
    throw error;
  }
}

class InputError extends Error {}

function print(text: string, code: number): number {
  process.stdout.write(text + '\n');
  return code;
}

/** Reads a script as an editor shows it: UTF-8, without the byte order mark. */
function readScript(file: string): string {
  try {
    return decodeUtf8(fs.readFileSync(file));
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

function runParse(options: CliOptions): number {
  const out = options.files.map((file) => {
    const text = readScript(file);
    const doc = parse(text);
    const lines = new LineIndex(text);
    return { version: 1, elements: doc.elements.map((e) => ({ type: e.type, range: toRange(lines, e), text: e.text })) };
  });
  return print(JSON.stringify(out.length === 1 ? out[0] : out, null, 2), 0);
}

/** The --canon packs, layered in the order given (each may also extend others). */
function canonFromOptions(options: CliOptions): CanonPack | undefined {
  if (options.canon.length === 0) return undefined;
  const files = options.canon.map((c) => path.resolve(c));
  for (const f of files) if (!fs.existsSync(f)) throw new InputError(`cannot read canon pack ${f}: no such file`);
  const roots = [process.cwd(), ...files.map((f) => path.dirname(f))];
  const text = `canon: 1\nid: command-line\nname: command line packs\nextends: ${JSON.stringify(files)}\n`;
  const result = loadPack(text, path.join(process.cwd(), '(command line)'), fileResolver(roots));
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (!result.pack || errors.length > 0) {
    const lines = errors.map((p) => {
      const packText = readText(p.uri) ?? '';
      const at = new LineIndex(packText).positionAt(p.span.start);
      return `${p.uri}:${at.line + 1}:${at.character + 1}: error ${p.message}`;
    });
    throw new InputError(`the canon pack has errors:\n${lines.join('\n')}`);
  }
  return result.pack;
}

/** Groups the inputs into stories: each file alone, a folder as one story, or all files with --story. */
function stories(options: CliOptions): string[][] {
  const groups: string[][] = [];
  for (const input of options.files) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new InputError(`cannot read ${input}: no such file or folder`);
    }
    if (stat.isDirectory()) groups.push(chaptersIn(input));
    else groups.push([input]);
  }
  return options.story ? [groups.flat()] : groups;
}

function runCheck(options: CliOptions): number {
  const given = canonFromOptions(options);
  const reports: FileReport[] = [];
  for (const chapters of stories(options)) {
    const texts = chapters.map(readScript);
    const pack = given ?? discoveredPack(chapters[0]);
    const folderSeverity = chapters.length > 0 ? readStoryConfig(path.dirname(path.resolve(chapters[0])))?.severity ?? {} : {};
    const severities = { ...folderSeverity, ...options.severities } as Record<string, SeveritySetting>;
    const results = checkStory(texts.map((t) => parse(t)), pack, {
      severities,
      onRuleError: (id, error) => process.stderr.write(`canon-keeper: rule ${id} failed and was skipped: ${(error as Error).message}\n`),
    }, notCancelled);
    results.forEach((result, i) => {
      const lines = new LineIndex(texts[i]);
      const uri = pathToFileURL(path.resolve(chapters[i])).href;
      reports.push({ path: chapters[i], text: texts[i], diagnostics: result.findings.map((f) => toDiagnostic(f, lines, uri)) });
    });
  }
  const output = options.format === 'json' ? formatJson(reports) : options.format === 'sarif' ? formatSarif(reports) : formatText(reports);
  process.stdout.write(output);
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 1)) ? 1 : 0;
}

/** A pack beside the script (as the editor would find it), else the built-in one. */
function discoveredPack(script: string | undefined): CanonPack {
  if (!script) return builtinPack();
  const folder = path.dirname(path.resolve(script));
  // Only the folder's own pack files can count (packFileFor looks no higher than the folder it is
  // given): listing them, not every folder under it, which for a script in a home folder was up
  // to 5,000 folders read before the check began.
  const file = packFileFor(script, packFilesIn(folder), [folder], []);
  if (!file) return builtinPack();
  const store = new PackStore([folder]);
  const result = store.load(file);
  if (!result.pack) throw new InputError(`the canon pack ${file} has errors: ${result.problems.find((p) => p.severity === 'error')?.message ?? ''}`);
  return result.pack;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => { process.exitCode = code; });
}
