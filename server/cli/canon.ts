import * as fs from 'fs';
import * as path from 'path';
import { loadPack, type LoadResult } from '../core/canon/load';
import { ProblemSink } from '../core/canon/problems';
import { readFile } from '../core/canon/read-file';
import type { CanonPack } from '../core/canon/model';
import { fileResolver } from '../host/builtin';
import { readText } from '../host/files';
import { findPackFiles } from '../host/packs';
import { CommandError } from './inputs';
import { InputError } from './input';
import type { PackProblems } from './pack-report';

/**
 * The --canon packs, layered in the order given (each may also extend others); undefined without
 * any, or where they have errors (collected in `problems`, with their warnings).
 */
/** The pack the --canon flags make: it extends each of them. */
export const COMMAND_LINE_PACK = 'command-line';
export const COMMAND_LINE_FILE = '(command line)';

export function packFromFlags(canon: readonly string[], problems: PackProblems): CanonPack | undefined {
  if (canon.length === 0) return undefined;
  const files = canon.map((c) => path.resolve(c));
  for (const f of files) if (!fs.existsSync(f)) throw new InputError(`cannot read canon pack ${f}: no such file`);
  const roots = [process.cwd(), ...files.map((f) => path.dirname(f))];
  // Named after the packs it layers, as a picture or a hover shows it: "A Midsummer Night's Dream",
  // each name read as the loader reads it (quoted or folded alike); problems are the load's to report.
  const names = files.map((f) => {
    const name = readFile(readText(f) ?? '', f, new ProblemSink()).header.get('name')?.value;
    return name?.kind === 'string' ? name.value : path.basename(f);
  });
  const text = `canon: 1\nid: ${COMMAND_LINE_PACK}\nname: ${JSON.stringify(names.join(' + '))}\nextends: ${JSON.stringify(files)}\n`;
  const result = loadPack(text, path.join(process.cwd(), COMMAND_LINE_FILE), fileResolver(roots));
  problems.add(result.problems);
  return result.pack;
}

/** Said on standard error, on a line of its own, when a pack had errors and its scripts were not checked. */
export const PACK_ERRORS = 'the canon pack has errors (listed above): scripts that use it were not checked';

/** The packs named on the command line: files, or every pack file in a folder. */
export function packFilesFrom(inputs: readonly string[]): string[] {
  return inputs.flatMap((input) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch {
      throw new CommandError(`cannot read ${input}: no such file or folder`, false);
    }
    if (!stat.isDirectory()) return [path.resolve(input)];
    const found = findPackFiles(input);
    if (found.length === 0) throw new CommandError(`${input} holds no canon packs (*.canon.yaml or *.canon.json)`, false);
    return found.map((f) => path.resolve(f));
  });
}

/** One pack file as the editor loads it, `extends:` resolved from its folder or the current one. */
export function loadPackFile(file: string): LoadResult {
  const text = readText(file);
  if (text === undefined) throw new CommandError(`cannot read ${file}`, false);
  return loadPack(text, file, fileResolver([process.cwd(), path.dirname(file)]));
}
