import * as fs from 'fs';
import { decodeUtf8 } from '../host/files';
import { chaptersIn } from '../host/story';

/** A problem with what the command was given: reported in one line, exit status 2. */
export class CommandError extends Error {}

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
    throw new CommandError(`cannot read ${input}: no such file or folder`);
  }
  const files = stat.isDirectory() ? chaptersIn(input) : [input];
  if (files.length === 0) throw new CommandError(`${input} holds no .fountain scripts`);
  return files.map((path) => {
    try {
      return { path, text: decodeUtf8(fs.readFileSync(path)) };
    } catch (error) {
      throw new CommandError(`cannot read ${path}: ${(error as Error).message}`);
    }
  });
}
