import * as fs from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { suggestId } from '../core/canon/read-entry';
import { CommandError } from './inputs';
import { packTemplate } from './pack-template';

export const NEW_PACK_USAGE = `canon-keeper new-pack NAME`;

/** `canon-keeper new-pack NAME`: writes NAME.canon.yaml here, an annotated pack to start from; never overwrites. */
export function runNewPack(argv: readonly string[]): number {
  const { positionals } = parseArgs({ args: [...argv], allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new CommandError('new-pack takes one NAME, e.g. canon-keeper new-pack "The Lighthouse"');
  const name = positionals[0].trim();
  const id = suggestId(name);
  if (id === '') throw new CommandError(`new-pack needs a NAME with letters or digits, not “${name}”`);
  const file = `${id}.canon.yaml`;
  try {
    fs.writeFileSync(path.resolve(file), packTemplate(id, name), { flag: 'wx' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CommandError(code === 'EEXIST' ? `${file} already exists: not overwritten (choose another NAME, or move it away)` : `cannot write ${file}: ${(error as Error).message}`, false);
  }
  process.stdout.write(`Wrote ${file}. Replace its made-up story with your canon; then run:\n  canon-keeper lint ${file}\n  canon-keeper test ${file}\n`);
  return 0;
}
