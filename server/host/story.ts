import * as fs from 'fs';
import * as path from 'path';
import { parseDocument } from 'yaml';
import { parse } from '../core/fountain/parse';
import { titlePageValue } from '../core/fountain/title-values';
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

/** Reads a script's text; the editor's open text where it has one, else the disk. */
export type ReadScript = (file: string) => string | undefined;

/** The title on a script's title page (see titlePageValue), reading only the block a title page can be. */
export function titleOf(text: string): string | undefined {
  const head = text.replace(/^\uFEFF/, '').split(/\r?\n[ \t]*\r?\n/, 1)[0];
  return titlePageValue(parse(`${head}\n`), 'title');
}

const NUMBER = '(?:\\d+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)';
const PART = `(?:chapter|chap\\.?|ch\\.?|part|pt\\.?|episode|ep\\.?|act|book|volume|vol\\.?)`;
const PART_AT_END = new RegExp(`[\\s,:;.|()\\[\\]\\-\u2013\u2014]*\\b${PART}\\s*${NUMBER}\\b(?:\\s*of\\s*${NUMBER})?[\\s)\\]]*$`, 'i');
const PART_AT_START = new RegExp(`^${PART}\\s*${NUMBER}\\b`, 'i');

/**
 * The story a title names, or undefined where the title names only a chapter ("Chapter 2: The
 * Ward"): "After the Fall, Chapter Two" and "The Ghost (part 3 of 4)" name the story "after the fall"
 * and "the ghost".
 */
export function storyOfTitle(title: string): string | undefined {
  if (PART_AT_START.test(title.trim())) return undefined;
  return title.replace(PART_AT_END, '').replace(/\s+/g, ' ').trim().toLowerCase() || undefined;
}

/**
 * The stories a folder's scripts make, in order: a script whose title page names another story
 * than the one before it (a one-shot beside another, each with its own title) begins a story of
 * its own; a script with no title, the same title, or the same title with a chapter number goes on
 * with the story before it. A folder whose canon-keeper.yaml lists its chapters is one story.
 */
export function storiesIn(folder: string, read: ReadScript = readText): string[][] {
  const scripts = chaptersIn(folder);
  if (readStoryConfig(folder)?.chapters?.length) return scripts.length > 0 ? [scripts] : [];
  const stories: string[][] = [];
  let current: string | undefined;
  for (const script of scripts) {
    const title = titleOf(read(script) ?? '');
    const story = title === undefined ? undefined : storyOfTitle(title);
    if (stories.length === 0 || (story !== undefined && story !== current)) stories.push([]);
    if (story !== undefined) current = story;
    stories[stories.length - 1].push(script);
  }
  return stories;
}

/**
 * The chapters of the story a script belongs to, in order (see storiesIn): the scripts of its
 * folder in natural name order, or in the order the folder's canon-keeper.yaml lists them.
 */
export function chaptersOf(scriptPath: string, read: ReadScript = readText): string[] {
  const resolved = path.resolve(scriptPath);
  const stories = storiesIn(path.dirname(scriptPath), read);
  return stories.find((s) => s.some((c) => path.resolve(c) === resolved)) ?? [scriptPath];
}

/** Every script of a folder. */
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

/** The chapters of its story before this one, in order. */
export function earlierChapters(scriptPath: string, read: ReadScript = readText): string[] {
  const chapters = chaptersOf(scriptPath, read);
  const at = chapters.findIndex((c) => path.resolve(c) === path.resolve(scriptPath));
  return at <= 0 ? [] : chapters.slice(0, at);
}
