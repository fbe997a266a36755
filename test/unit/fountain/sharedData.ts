import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository's root, from the compiled test's place in out/test/unit/fountain. */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');

/**
 * Public Fountain data shared beside the repository (never copied into it). Absent in a user's own
 * clone, where the tests that need it skip and say why.
 */
export const sharedFountain = path.resolve(repoRoot, '..', 'shared', 'fountain');

export function hasSharedFountain(): boolean {
  return fs.existsSync(sharedFountain);
}

export function skipWithoutShared(context: Mocha.Context): void {
  if (hasSharedFountain()) return;
  console.log(`      (skipped: shared Fountain data not found at ${sharedFountain})`);
  context.skip();
}
