import type { CancellationToken } from '../cancellation';
import type { Cue, Element, FountainDocument, SceneHeading } from '../fountain/model';
import { columns } from '../pages/layout';
import type { PageOptions } from '../pages/model';
import { paginate } from '../pages/paginate-script';
import { wrap } from '../pages/wrap';

export interface CharacterStats {
  readonly name: string;
  /** How many times the character speaks (one cue, one speech). */
  readonly speeches: number;
  /** Lines of dialogue as printed, in the dialogue column. */
  readonly dialogueLines: number;
  readonly words: number;
}

export interface ScriptStats {
  /** Pages of script, the title page not counted. */
  readonly pages: number;
  /** At a page a minute, the last page counted by how full it is; whole minutes. */
  readonly screenMinutes: number;
  readonly scenes: number;
  /** Words a reader reads: headings, action, dialogue, parentheticals, transitions (not cue names). */
  readonly words: number;
  /** Most words first. */
  readonly characters: readonly CharacterStats[];
  /** Scenes at each location, most first. */
  readonly locations: readonly { readonly name: string; readonly scenes: number }[];
  /** Scenes by their heading's prefix. */
  readonly setting: { readonly interior: number; readonly exterior: number; readonly both: number; readonly unmarked: number };
  /** Scenes by the time of day their heading gives (DAY, NIGHT, CONTINUOUS ...); "" where none. */
  readonly timeOfDay: readonly { readonly time: string; readonly scenes: number }[];
}

/** The statistics of a script, or of a story's chapters taken in order. */
export function scriptStats(docs: readonly FountainDocument[], options: PageOptions = {}, token?: CancellationToken): ScriptStats {
  const pages = paginate(docs, options, token);
  const fullPages = Math.max(0, pages.bodyPages - 1) + pages.lastPageLines / pages.paper.linesPerPage;
  const elements = docs.flatMap((d) => d.elements);
  const headings = elements.filter((e): e is SceneHeading => e.type === 'scene-heading');
  const dialogueWidth = columns(pages.paper).dialogue.width;
  return {
    pages: pages.bodyPages,
    screenMinutes: Math.round(fullPages),
    scenes: headings.length,
    words: elements.filter((e) => READ.has(e.type)).reduce((n, e) => n + countWords(e.text), 0),
    characters: characterStats(elements, dialogueWidth),
    locations: tally(headings.map((h) => h.location.trim().toUpperCase())).map(([name, scenes]) => ({ name, scenes })),
    setting: settingOf(headings),
    timeOfDay: tally(headings.map((h) => (h.time ?? '').trim().toUpperCase())).map(([time, scenes]) => ({ time, scenes })),
  };
}

const READ = new Set<Element['type']>(['scene-heading', 'action', 'parenthetical', 'dialogue', 'lyrics', 'transition', 'centered']);

/** Words as a word processor counts them: runs of letters and digits, emphasis marks aside. */
export function countWords(text: string): number {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’\-]*/gu)?.length ?? 0;
}

function characterStats(elements: readonly Element[], width: number): CharacterStats[] {
  const byName = new Map<string, { speeches: number; dialogueLines: number; words: number }>();
  let speaker: { speeches: number; dialogueLines: number; words: number } | undefined;
  for (const e of elements) {
    if (e.type === 'character') {
      const name = (e as Cue).name.toUpperCase();
      speaker = byName.get(name) ?? { speeches: 0, dialogueLines: 0, words: 0 };
      byName.set(name, speaker);
      speaker.speeches++;
    } else if (speaker && (e.type === 'dialogue' || e.type === 'lyrics')) {
      speaker.dialogueLines += wrap(e.text, width).length;
      speaker.words += countWords(e.text);
    } else if (e.type !== 'parenthetical' && e.type !== 'note' && e.type !== 'boneyard') {
      speaker = undefined;
    }
  }
  return [...byName].map(([name, s]) => ({ name, ...s })).sort((a, b) => b.words - a.words || a.name.localeCompare(b.name));
}

function settingOf(headings: readonly SceneHeading[]): ScriptStats['setting'] {
  const setting = { interior: 0, exterior: 0, both: 0, unmarked: 0 };
  for (const h of headings) {
    const prefix = (h.prefix ?? '').toUpperCase().replace(/\s/g, '');
    if (/^(INT\.?\/EXT|EXT\.?\/INT|I\.?\/E)/.test(prefix)) setting.both++;
    else if (prefix.startsWith('INT')) setting.interior++;
    else if (prefix.startsWith('EXT') || prefix.startsWith('EST')) setting.exterior++;
    else setting.unmarked++;
  }
  return setting;
}

/** Counts of each value, most first, ties in order of first appearance. */
function tally(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]);
}
