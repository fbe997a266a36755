import { countBefore } from '../sorted';
import type { Element } from '../fountain/model';
import type { Origins } from '../fountain/state';

/** A scene: from its heading (or the document start) to the next heading. */
export interface Scene {
  readonly index: number;
  /** The heading element; absent for text before the first heading. */
  readonly heading?: Element;
  readonly start: number;
  readonly end: number;
  /** Flashbacks, dreams, fantasies and memories are off the canon timeline. */
  readonly offClock: boolean;
  /** Why the scene is off the clock, as the script says it: "FLASHBACK". */
  readonly offClockReason?: string;
}

// Words that, in a heading or a transition, say the scene is not happening now.
const OFF_CLOCK_WORDS = [
  'FLASHBACK', 'FLASH BACK', 'FLASH-BACK', 'DREAM', 'DREAMS', 'DREAMING', 'DAYDREAM', 'NIGHTMARE',
  'FANTASY', 'FANTASIES', 'MEMORY', 'MEMORIES', 'IMAGINATION', 'IMAGINED', 'IMAGINES', 'HALLUCINATION',
  'VISION', 'VISIONS', 'REVERIE', 'FLASH FORWARD', 'FLASH-FORWARD', 'FLASHFORWARD', 'FUTURE', 'PREMONITION',
];
// Words in a transition that return to the present.
const BACK_WORDS = ['BACK TO PRESENT', 'BACK TO THE PRESENT', 'PRESENT DAY', 'END FLASHBACK', 'END OF FLASHBACK',
  'END DREAM', 'END OF DREAM', 'BACK TO REALITY', 'BACK TO SCENE', 'END FANTASY', 'END MEMORY', 'RETURN TO PRESENT'];

function findWord(text: string, words: readonly string[]): string | undefined {
  const upper = ` ${text.toUpperCase().replace(/[^\p{L}\p{N}\- ]+/gu, ' ')} `;
  return words.find((w) => upper.includes(` ${w} `));
}

/** The off-clock word a heading or transition names, if any: "FLASHBACK", "DREAM". */
export function offClockWord(text: string): string | undefined {
  return findWord(text, BACK_WORDS) ? undefined : findWord(text, OFF_CLOCK_WORDS);
}

export function returnsToPresent(text: string): boolean {
  return findWord(text, BACK_WORDS) !== undefined || /\bPRESENT\b/i.test(text);
}

/** A stretch of the script off the clock: a flashback, a dream. */
export interface OffClockSpan {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
}

/** A line that can open or close a flashback: a transition, or a short line of capitals in action. */
function isMarkerLine(e: Element): boolean {
  if (e.type === 'transition') return true;
  if (e.type !== 'action' && e.type !== 'centered') return false;
  // Most narration has a small letter: no marker then (a to z always change in capitals).
  if (/[a-z]/.test(e.text)) return false;
  const text = e.text.trim();
  return text.length > 0 && text.length <= 60 && !text.includes('\n') && text === text.toUpperCase() && /\p{L}/u.test(text);
}

/**
 * The elements findScenes reads, by index: headings, marker lines that take the story off the
 * clock, and lines that may bring it back. What an element is follows from its type and text alone,
 * so after an edit only the elements read anew are looked at (findLandmarks with `earlier`): a long
 * script is not gone through element by element at every keystroke.
 */
export interface Landmarks {
  readonly headings: readonly number[];
  /** Per heading, the off-clock word it names ("FLASHBACK"), if any. */
  readonly reasons: readonly (string | undefined)[];
  readonly markers: readonly number[];
  readonly closers: readonly number[];
}

/**
 * The landmarks of `elements`. Given those of an earlier version and where its elements went
 * (fountain/state.ts elementOrigins), those before the first element the edits reached are kept,
 * those after the last are moved by index, and only the elements in between are read.
 */
export function findLandmarks(elements: readonly Element[], earlier?: { readonly landmarks: Landmarks; readonly origins: Origins }): Landmarks {
  const headings: number[] = [];
  const reasons: (string | undefined)[] = [];
  const markers: number[] = [];
  const closers: number[] = [];
  const origins = earlier?.origins;
  const kept = origins ? Math.min(origins.kept, elements.length) : 0;
  const tailFrom = origins ? Math.max(kept, origins.tailFrom) : elements.length;
  const was = earlier?.landmarks;
  if (was) {
    const head = keepBefore(was.headings, kept, headings);
    for (let i = 0; i < head; i++) reasons.push(was.reasons[i]);
    keepBefore(was.markers, kept, markers);
    keepBefore(was.closers, kept, closers);
  }
  for (let i = kept; i < tailFrom; i++) {
    const e = elements[i];
    const heading = e.type === 'scene-heading';
    const marker = isMarkerLine(e);
    if (heading) {
      headings.push(i);
      reasons.push(offClockWord(e.text));
    }
    if (marker && offClockWord(e.text)) markers.push(i);
    if ((marker || heading) && returnsToPresent(e.text)) closers.push(i);
  }
  if (was && origins) {
    const from = moveFrom(was.headings, tailFrom, origins.tailShift, headings);
    for (let i = from; i < was.reasons.length; i++) reasons.push(was.reasons[i]);
    moveFrom(was.markers, tailFrom, origins.tailShift, markers);
    moveFrom(was.closers, tailFrom, origins.tailShift, closers);
  }
  return { headings, reasons, markers, closers };
}

/** Appends the indexes below `limit`; returns how many there were. */
function keepBefore(indexes: readonly number[], limit: number, out: number[]): number {
  let i = 0;
  for (; i < indexes.length && indexes[i] < limit; i++) out.push(indexes[i]);
  return i;
}

/**
 * Appends the indexes an element at `from` or after has now, from its earlier ones (`shift`
 * higher); returns where in `indexes` they start.
 */
function moveFrom(indexes: readonly number[], from: number, shift: number, out: number[]): number {
  const start = countBefore(indexes, (x) => x, from + shift);
  for (let i = start; i < indexes.length; i++) out.push(indexes[i] - shift);
  return start;
}

/**
 * Splits the script into scenes, and finds what is off the clock: a scene whose heading says so,
 * and what follows a marker line (FLASHBACK TO:, DREAM SEQUENCE:) up to a line that returns to the
 * present (BACK TO PRESENT:, END FLASHBACK) or, where none ever does, to the end of the scene the
 * marker opens (the next one, for a marker standing last in its scene).
 */
export function findScenes(elements: readonly Element[], textLength: number, landmarks = findLandmarks(elements)): { scenes: Scene[]; offClock: OffClockSpan[] } {
  const { headings, reasons } = landmarks;
  const scenes: Scene[] = new Array(headings.length + 1);
  for (let i = 0; i <= headings.length; i++) {
    const heading = i > 0 ? elements[headings[i - 1]] : undefined;
    const reason = i > 0 ? reasons[i - 1] : undefined;
    const start = heading ? heading.start : 0;
    const end = i < headings.length ? elements[headings[i]].start : textLength;
    scenes[i] = { index: i - 1, heading, start, end, offClock: reason !== undefined, offClockReason: reason };
  }
  const spans: OffClockSpan[] = [];
  for (const sc of scenes) if (sc.offClock) spans.push({ start: sc.start, end: sc.end, reason: sc.offClockReason ?? '' });
  // Closers by one pointer that only moves on, scenes by binary search: looking each marker's
  // closer up from the start of the script made long scripts with many flashbacks quadratic.
  const { markers, closers } = landmarks;
  let closerAt = 0;
  for (const m of markers) {
    const marker = elements[m];
    const reason = offClockWord(marker.text) ?? '';
    while (closerAt < closers.length && (closers[closerAt] <= m || elements[closers[closerAt]].start <= marker.end)) closerAt++;
    const end = closerAt < closers.length ? elements[closers[closerAt]].start : sceneEndAfter(scenes, elements, m);
    spans.push({ start: marker.end, end, reason });
  }
  return { scenes, offClock: spans };
}

/** The first element after index `m` that `test` accepts. */
function firstAfter(elements: readonly Element[], m: number, test: (e: Element) => boolean): Element | undefined {
  for (let i = m + 1; i < elements.length; i++) if (test(elements[i])) return elements[i];
  return undefined;
}

function sceneEndAfter(scenes: readonly Scene[], elements: readonly Element[], m: number): number {
  const marker = elements[m];
  const here = sceneIndexAt(scenes, marker.start);
  const next = firstAfter(elements, m, (e) => e.start > marker.end && e.type !== 'note' && e.type !== 'boneyard');
  if (next?.type === 'scene-heading') {
    // A heading after the marker opens the scene after the marker's.
    const following = scenes[here + 1];
    if (following?.heading === next) return following.end;
  }
  return scenes[here].end;
}

/**
 * The index of the last scene starting at or before the offset, by binary search (0 where none
 * does; findScenes always starts the first scene at 0).
 */
export function sceneIndexAt(scenes: readonly Scene[], offset: number): number {
  return Math.max(0, countBefore(scenes, (s) => s.start, offset, true) - 1);
}

/** The scene an offset stands in. */
export function sceneAt(scenes: readonly Scene[], offset: number): Scene {
  return scenes[sceneIndexAt(scenes, offset)];
}

/** What the spans cover from `from` on, as sorted disjoint spans, each moved by `delta`. */
export function mergedSpans(spans: readonly OffClockSpan[], from: number, delta: number): { start: number; end: number }[] {
  const sorted = spans.filter((s) => s.start < s.end && s.end > from).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    const start = Math.max(s.start, from) + delta;
    if (last && start <= last.end) last.end = Math.max(last.end, s.end + delta);
    else merged.push({ start, end: s.end + delta });
  }
  return merged;
}
