import * as assert from 'assert';
import { spawnSync } from 'child_process';

/**
 * Fails unless this node's V8 knows every flag in `flags` (as setFlagsFromString takes them): V8
 * drops a flag it does not know without a word, and what the flag was set for with it.
 */
export function assertKnownV8Flags(flags: string): void {
  const known = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
  for (const flag of flags.split(' ')) {
    const name = flag.replace(/^--(no-)?/, '').split('=')[0];
    assert.ok(known.includes(`--${name} `), `node ${process.version} has no V8 flag --${name}`);
  }
}
