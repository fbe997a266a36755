import * as fs from 'fs';
import * as path from 'path';

/**
 * One script to check, with the chapters that come before it when it belongs to a story folder
 * (`story-*`: its `.fountain` files, in name order, are consecutive chapters of one story).
 */
export interface CorpusEntry {
  /** Path relative to the corpus root, with forward slashes, for test titles. */
  readonly name: string;
  readonly file: string;
  /** Earlier chapters of the same story, oldest first; empty for a standalone script. */
  readonly previousChapterFiles: readonly string[];
}

/** Where the corpus lives: `test/corpus` in the repository, or `CANON_KEEPER_CORPUS` to measure another set. */
export function corpusRoot(): string {
  const override = process.env.CANON_KEEPER_CORPUS;
  if (override) return path.resolve(override);
  // Compiled to out/test/unit/corpus/, four levels below the repository root.
  return path.resolve(__dirname, '..', '..', '..', '..', 'test', 'corpus');
}

export function findCorpusEntries(root: string): CorpusEntry[] {
  const entries: CorpusEntry[] = [];
  collect(root, root, entries);
  return entries;
}

function collect(root: string, dir: string, entries: CorpusEntry[]): void {
  const children = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => byName(a.name, b.name));
  const scripts = children.filter((c) => c.isFile() && c.name.endsWith('.fountain')).map((c) => path.join(dir, c.name));
  const isStory = path.basename(dir).startsWith('story-');
  scripts.forEach((file, index) => {
    entries.push({
      name: path.relative(root, file).split(path.sep).join('/'),
      file,
      previousChapterFiles: isStory ? scripts.slice(0, index) : [],
    });
  });
  for (const child of children) {
    if (child.isDirectory()) collect(root, path.join(dir, child.name), entries);
  }
}

/** Chapter order is the writer's numbering: 2 before 10. */
function byName(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
