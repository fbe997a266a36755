import * as fs from 'fs';
import { decodeUtf8 } from '../host/files';

/** Input the command line cannot use (a missing file, a broken pack): exit status 2. */
export class InputError extends Error {}

/** Reads a script as an editor shows it: UTF-8, without the byte order mark. */
export function readScript(file: string): string {
  try {
    return decodeUtf8(fs.readFileSync(file));
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

/** Writes to standard output; resolves to the exit status. */
export function print(text: string, code: number): number {
  process.stdout.write(text + '\n');
  return code;
}
