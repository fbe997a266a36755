import * as fs from 'fs';
import * as path from 'path';
import { loadPack, type LoadResult, type PackProblem } from '../core/canon/load';
import type { CanonPack } from '../core/canon/model';
import { builtinPack, fileResolver } from './builtin';
import { decodeUtf8, findFiles } from './files';
import { isInside } from './project-root';
import { readStoryConfig } from './story';

export const PACK_SUFFIXES = ['.canon.yaml', '.canon.yml', '.canon.json'];

export function isPackFile(file: string): boolean {
  const lower = file.toLowerCase();
  return PACK_SUFFIXES.some((s) => lower.endsWith(s));
}

/** Pack files under a folder, skipping dependencies and version control; bounded, for huge workspaces. */
export function findPackFiles(root: string, limit = 200): string[] {
  return findFiles(root, isPackFile, limit).sort();
}

/** The pack files directly in a folder, none from the folders under it. */
export function packFilesIn(folder: string): string[] {
  try {
    return fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isFile() && isPackFile(e.name)).map((e) => path.join(folder, e.name)).sort();
  } catch {
    return [];
  }
}

/**
 * Loaded packs by file, each with its problems and the last version that loaded without errors:
 * a broken edit is reported, and the story goes on being checked against the last good canon.
 */
export class PackStore {
  readonly #roots: string[];
  readonly #loaded = new Map<string, { result: LoadResult; lastGood?: CanonPack; text: string }>();

  readonly #openText: (file: string) => string | undefined;

  constructor(roots: readonly string[], openText: (file: string) => string | undefined = () => undefined) {
    this.#roots = [...roots];
    this.#openText = openText;
  }

  /** (Re)loads a pack from the given text, or from disk. */
  load(file: string, text?: string): LoadResult {
    let source = text;
    if (source === undefined) {
      try {
        source = decodeUtf8(fs.readFileSync(file));
      } catch (error) {
        // The reason (no such file, no permission) is the message, so readText's undefined will not do here.
        const problem: PackProblem = { uri: file, span: { start: 0, end: 0 }, message: `cannot read the pack: ${(error as Error).message}`, severity: 'error' };
        const result = { problems: [problem] };
        this.#remember(file, result, '');
        return result;
      }
    }
    const result = loadPack(source, file, fileResolver(this.#roots, this.#openText));
    this.#remember(file, result, source);
    return result;
  }

  #remember(file: string, result: LoadResult, text: string): void {
    const previous = this.#loaded.get(file);
    this.#loaded.set(file, { result, text, lastGood: result.pack ?? previous?.lastGood });
  }

  forget(file: string): void {
    this.#loaded.delete(file);
  }

  /** The pack to check with: the file's current pack, or its last good one. */
  pack(file: string): CanonPack | undefined {
    if (!this.#loaded.has(file)) this.load(file);
    return this.#loaded.get(file)?.lastGood;
  }

  /** The last load of a pack: its problems, and the pack where it had no error. */
  result(file: string): LoadResult | undefined {
    return this.#loaded.get(file)?.result;
  }

  text(file: string): string | undefined {
    return this.#loaded.get(file)?.text;
  }

  get files(): string[] {
    return [...this.#loaded.keys()];
  }
}

/**
 * The canon a script is checked against: the pack its folder's canon-keeper.yaml names; else the
 * nearest pack file in its folder or a parent folder inside the roots; else the first pack of the
 * settings; else (undefined) the built-in Tiny Pretty Things pack. `packsIn` lists a folder's own
 * pack files.
 */
export function packFileFor(scriptPath: string, packsIn: (folder: string) => readonly string[], roots: readonly string[], settingPacks: readonly string[]): string | undefined {
  let dir = path.dirname(path.resolve(scriptPath));
  for (let depth = 0; depth < 32 && roots.some((r) => isInside(r, dir)); depth++) {
    const config = readStoryConfig(dir);
    if (config?.canon) return path.resolve(dir, config.canon);
    const here = packsIn(dir);
    if (here.length > 0) return here[0];
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return settingPacks[0];
}

export function canonFor(store: PackStore, packFile: string | undefined): CanonPack {
  return (packFile && store.pack(packFile)) || builtinPack();
}
