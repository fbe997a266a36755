import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { isScriptFile, readText } from './files';

export const STORY_FILE = 'canon-keeper.yaml';

/** Natural order: "chapter-2" before "chapter-10". */
export function naturalCompare(a: string, b: string): number {
  return a.localeCompare(b, undefined, { numeric: true, sensitivity: 'base' });
}

export interface StoryConfig {
  /** Chapter file names, in order, where the folder's canon-keeper.yaml lists them. */
  readonly chapters?: readonly string[];
  /** A canon pack for this story, relative to the folder. */
  readonly canon?: string;
  readonly severity?: Readonly<Record<string, string>>;
}

/** Reads a folder's canon-keeper.yaml; a broken one counts as absent (it is reported where it is edited). */
export function readStoryConfig(folder: string): StoryConfig | undefined {
  const file = path.join(folder, STORY_FILE);
  const text = readText(file);
  if (text === undefined) return undefined;
  try {
    const value: unknown = parseDocument(text).toJS();
    if (!value || typeof value !== 'object') return undefined;
    const v = value as Record<string, unknown>;
    const chapters = Array.isArray(v.chapters) ? v.chapters.filter((c): c is string => typeof c === 'string') : undefined;
    const canon = typeof v.canon === 'string' ? v.canon : undefined;
    const severity = v.severity && typeof v.severity === 'object' ? v.severity as Record<string, string> : undefined;
    return { chapters, canon, severity };
  } catch {
    return undefined;
  }
}

/**
 * The chapters of the story a script belongs to: the scripts of its folder in natural name order,
 * or in the order the folder's canon-keeper.yaml lists them.
 */
export function chaptersOf(scriptPath: string): string[] {
  return chaptersIn(path.dirname(scriptPath));
}

/** The chapters of the story a folder holds. */
export function chaptersIn(folder: string): string[] {
  const config = readStoryConfig(folder);
  // Chapters are the folder's own scripts: a listed path that leaves the folder is ignored, so a
  // story file cannot make the server read files elsewhere (an untrusted workspace reads it too).
  if (config?.chapters && config.chapters.length > 0) {
    const inFolder = config.chapters.map((c) => path.resolve(folder, c)).filter((c) => path.dirname(c) === path.resolve(folder));
    if (inFolder.length > 0) return inFolder;
  }
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names.filter(isScriptFile).sort(naturalCompare).map((n) => path.join(folder, n));
}

/** The chapters before this one, in order. */
export function earlierChapters(scriptPath: string): string[] {
  const chapters = chaptersOf(scriptPath);
  const at = chapters.findIndex((c) => path.resolve(c) === path.resolve(scriptPath));
  return at <= 0 ? [] : chapters.slice(0, at);
}
