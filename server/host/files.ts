import * as fs from 'fs';
import * as path from 'path';

const SCRIPT_EXTENSIONS = new Set(['.fountain', '.spmd']);

/** A Fountain script, by its extension. */
export function isScriptFile(file: string): boolean {
  return SCRIPT_EXTENSIONS.has(path.extname(file).toLowerCase());
}

/** Decodes UTF-8, turning invalid bytes into U+FFFD, which the loader reports as "not UTF-8". */
export function decodeUtf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(bytes).replace(/^\uFEFF/, '');
}

/**
 * A file's text as the editor shows it (UTF-8, no byte order mark, invalid bytes as U+FFFD),
 * or undefined where it cannot be read.
 */
export function readText(file: string): string | undefined {
  try {
    return decodeUtf8(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}

/**
 * Files under a folder whose names match, breadth first, skipping dependencies and hidden folders
 * (version control among them); bounded in files found and folders read, for huge workspaces.
 */
export function findFiles(root: string, matches: (name: string) => boolean, limit: number): string[] {
  const found: string[] = [];
  const queue = [root];
  let visited = 0;
  while (queue.length > 0 && found.length < limit && visited < 5000) {
    const dir = queue.shift() as string;
    visited++;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      if (e.isDirectory()) {
        if (e.name !== 'node_modules' && !e.name.startsWith('.')) queue.push(path.join(dir, e.name));
      } else if (e.isFile() && matches(e.name)) {
        found.push(path.join(dir, e.name));
      }
    }
  }
  return found;
}
