import * as fs from 'fs';
import * as path from 'path';
import { loadPack, type PackProblem } from '../core/canon/load';
import type { CanonPack } from '../core/canon/model';
import { LineIndex } from '../core/lines';
import { fileResolver } from '../host/builtin';
import { readText } from '../host/files';
import { InputError } from './input';

/** The --canon packs, layered in the order given (each may also extend others); undefined without any. */
export function packFromFlags(canon: readonly string[]): CanonPack | undefined {
  if (canon.length === 0) return undefined;
  const files = canon.map((c) => path.resolve(c));
  for (const f of files) if (!fs.existsSync(f)) throw new InputError(`cannot read canon pack ${f}: no such file`);
  const roots = [process.cwd(), ...files.map((f) => path.dirname(f))];
  const text = `canon: 1\nid: command-line\nname: command line packs\nextends: ${JSON.stringify(files)}\n`;
  const result = loadPack(text, path.join(process.cwd(), '(command line)'), fileResolver(roots));
  throwOnErrors(result.problems);
  if (!result.pack) throw new InputError('the canon pack could not be loaded');
  return result.pack;
}

/**
 * A pack with errors stops the check (exit 2), each error at its file, line and column: in the
 * editor the pack shows them, here nothing else would, and a check against the wrong canon passes.
 */
export function throwOnErrors(problems: readonly PackProblem[]): void {
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length === 0) return;
  const lines = errors.map((p) => {
    const at = new LineIndex(readText(p.uri) ?? '').positionAt(p.span.start);
    return `${p.uri}:${at.line + 1}:${at.character + 1}: error ${p.message}`;
  });
  throw new InputError(`the canon pack has errors:\n${lines.join('\n')}`);
}
