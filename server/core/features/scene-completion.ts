import type { CancellationToken } from '../cancellation';
import type { Place } from '../canon/model';
import type { FountainDocument, SceneHeading } from '../fountain/model';
import { type Completion, sortKey } from './completion-types';
import { insideNoteOrBoneyard, isBlank, lineContext, type LineContext } from './line-context';
import { nextElement } from './next-element';

/** The prefixes a scene heading starts with, as inserted (conventionally in capitals). */
const SCENE_PREFIXES: readonly { readonly label: string; readonly detail: string }[] = [
  { label: 'INT.', detail: 'interior' },
  { label: 'EXT.', detail: 'exterior' },
  { label: 'INT./EXT.', detail: 'interior and exterior' },
  { label: 'EST.', detail: 'establishing shot' },
  { label: 'I/E.', detail: 'interior and exterior' },
];

export const TIMES_OF_DAY: readonly string[] = [
  'DAY', 'NIGHT', 'MORNING', 'AFTERNOON', 'EVENING', 'CONTINUOUS', 'LATER', 'MOMENTS LATER', 'SAME',
];

/** A complete prefix and the space after it, as Fountain recognises a scene heading by. */
const TYPED_PREFIX = /^(\s*)(?:INT\.?\/EXT|INT|EXT|EST|I\/E)\.? +/i;
const TIME_SEPARATOR = ' - ';

/**
 * Completions while a scene heading is typed on a line after a blank line: the prefix at the start
 * (on an empty line only where a scene heading comes next, see {@link nextElement}), then the
 * locations the script already uses and the canon's places (`places`, from the pack in force), then
 * after " - " the time of day.
 */
export function sceneHeadingCompletions(
  doc: FountainDocument, offset: number, token: CancellationToken, places: readonly Place[] = [],
): Completion[] {
  if (token.isCancellationRequested || insideNoteOrBoneyard(doc, offset)) return [];
  const context = lineContext(doc.text, offset);
  if (!context.previousLineBlank) return [];
  const typedPrefix = TYPED_PREFIX.exec(context.before);
  if (typedPrefix !== null) {
    const others = otherHeadings(doc, context, offset);
    const separator = context.before.lastIndexOf(TIME_SEPARATOR);
    if (separator >= typedPrefix[0].length) {
      return timeCompletions(others, offset, context.lineStart + separator + TIME_SEPARATOR.length);
    }
    return locationCompletions(others, places, offset, context.lineStart + typedPrefix[0].length);
  }
  if (isBlank(context.before) && isBlank(context.after) && nextElement(doc, context.lineStart) !== 'scene-heading') return [];
  return prefixCompletions(context, offset);
}

function prefixCompletions(context: LineContext, offset: number): Completion[] {
  const typed = context.before.trimStart();
  const upper = typed.toUpperCase();
  const startsAHeading = typed === '.' || SCENE_PREFIXES.some((prefix) => `${prefix.label} `.startsWith(upper));
  if (!startsAHeading) return [];
  const replace = { start: offset - typed.length, end: offset };
  return SCENE_PREFIXES.map((prefix, index) => ({
    label: prefix.label,
    kind: 'keyword',
    detail: prefix.detail,
    insertText: `${prefix.label} `,
    replace,
    sortText: sortKey(index),
  }));
}

function locationCompletions(headings: readonly SceneHeading[], places: readonly Place[], offset: number, start: number): Completion[] {
  const used = countByFrequency(headings.map((heading) => heading.location));
  const fromScript: Completion[] = used.map(([location, count], index) => ({
    label: location,
    kind: 'location',
    detail: usedIn(count),
    replace: { start, end: offset },
    sortText: sortKey(index),
  }));
  const taken = new Set(used.map(([location]) => location));
  const fromCanon: Completion[] = [];
  for (const place of places) {
    const label = headingForm(place.name);
    if (label === '' || taken.has(label)) continue;
    taken.add(label);
    fromCanon.push({
      label,
      kind: 'location',
      detail: 'canon place',
      ...(place.description ? { documentation: `**${place.name}**\n\n${place.description}` } : {}),
      replace: { start, end: offset },
      sortText: sortKey(fromScript.length + fromCanon.length),
    });
  }
  return [...fromScript, ...fromCanon];
}

/** A place as a heading writes it: "The Archer School of Ballet" is ARCHER SCHOOL OF BALLET. */
export function headingForm(name: string): string {
  return name.trim().replace(/^the\s+/i, '').toUpperCase();
}

function timeCompletions(headings: readonly SceneHeading[], offset: number, start: number): Completion[] {
  const used = new Map(countByFrequency(headings.map((heading) => heading.time ?? '')));
  const extra = [...used.keys()].filter((time) => !TIMES_OF_DAY.includes(time));
  return [...TIMES_OF_DAY, ...extra].map((time, index) => {
    const count = used.get(time);
    return {
      label: time,
      kind: 'time',
      ...(count === undefined ? {} : { detail: usedIn(count) }),
      replace: { start, end: offset },
      sortText: sortKey(index),
    };
  });
}

/** The script's scene headings except one on the cursor's line, which is still being typed. */
function otherHeadings(doc: FountainDocument, context: LineContext, offset: number): SceneHeading[] {
  const lineEnd = offset + context.after.length;
  return doc.elements.filter(
    (element): element is SceneHeading =>
      element.type === 'scene-heading' && !(element.start >= context.lineStart && element.start <= lineEnd),
  );
}

/** Distinct non-empty values in capitals, most frequent first, ties in order of first use. */
function countByFrequency(values: readonly string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const value of values) {
    const key = value.trim().toUpperCase();
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

function usedIn(count: number): string {
  return `used in ${count} scene${count === 1 ? '' : 's'}`;
}
