import * as fs from 'fs';
import * as path from 'path';
import type { PackResolver } from '../../../server/core/canon/load';

/** The repository root, from out/test/unit/canon once compiled. */
export const repoRoot = path.resolve(__dirname, '../../../..');
export const builtinPath = path.join(repoRoot, 'canon', 'tiny-pretty-things.canon.yaml');
export const fixturesDir = path.join(repoRoot, 'test', 'fixtures', 'canon');

export function builtinText(): string {
  return fs.readFileSync(builtinPath, 'utf8');
}

/**
 * What the LSP and CLI layers do for the loader, minus sandboxing: `builtin:` names the packs
 * shipped in canon/, anything else is a path relative to the pack that wrote it.
 */
export const fileResolver: PackResolver = (ref, fromUri) => {
  if (ref.startsWith('builtin:')) {
    const file = path.join(repoRoot, 'canon', `${ref.slice('builtin:'.length)}.canon.yaml`);
    return fs.existsSync(file) ? { uri: ref, text: fs.readFileSync(file, 'utf8') } : undefined;
  }
  const file = path.resolve(path.dirname(fromUri), ref);
  return fs.existsSync(file) ? { uri: file, text: fs.readFileSync(file, 'utf8') } : undefined;
};

/** A resolver over in-memory files, for merge tests. */
export function memoryResolver(files: Readonly<Record<string, string>>): PackResolver {
  return (ref) => (ref in files ? { uri: ref, text: files[ref] } : undefined);
}
