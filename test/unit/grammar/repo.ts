import * as fs from 'fs';
import * as path from 'path';

/** The repository root: this file runs from out/test/unit/grammar. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

export function readRepoJson(relativePath: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(repoRoot, relativePath), 'utf8'));
}
