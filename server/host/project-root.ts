import * as fs from 'fs';
import * as path from 'path';

/**
 * How far up the command line looks for a script's canon pack when no editor says where the
 * workspace is: the nearest folder above the script (or its own) that holds `.git`, the top of
 * the writer's project as an editor would open it; where there is none, the filesystem root.
 * Only the pack files directly in each folder on the way are listed, never the folders below.
 */
export function projectRootOf(script: string): string {
  let dir = path.dirname(path.resolve(script));
  for (;;) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return dir;
    dir = parent;
  }
}

/** Whether `folder` is `root` or inside it. */
export function isInside(root: string, folder: string): boolean {
  const rel = path.relative(root, folder);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
