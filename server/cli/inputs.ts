import * as fs from 'fs';
import { decodeUtf8 } from '../host/files';
import { chaptersIn } from '../host/story';

/**
 * A problem with what the command was given: reported in one line, exit status 2. `usage` is false
 * where the command was right and a file was not (unreadable, empty folder): no pointer to --help.
 */
export class CommandError extends Error {
  constructor(message: string, readonly usage = true) {
    super(message);
  }
}

export interface Chapter {
  readonly path: string;
  readonly text: string;
}

/** A script, or a folder's chapters in natural name order (or as its canon-keeper.yaml lists them). */
export function readChapters(input: string): Chapter[] {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(input);
  } catch {
    throw new CommandError(`cannot read ${input}: no such file or folder`, false);
  }
  const files = stat.isDirectory() ? chaptersIn(input) : [input];
  if (files.length === 0) throw new CommandError(`${input} holds no .fountain scripts`, false);
  return files.map((path) => {
    try {
      return { path, text: decodeUtf8(fs.readFileSync(path)) };
    } catch (error) {
      throw new CommandError(`cannot read ${path}: ${(error as Error).message}`, false);
    }
  });
}
