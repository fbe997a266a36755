import type { CancellationToken } from '../cancellation';
import { lineBreakEnd, lineContentEnd } from './chars';
import { clampEdit, TextEdit } from './edit';
import type { Element, FountainDocument, ParseProblem } from './model';
import { detachedElement, shiftElement, shiftProblem } from './shift';
import { shiftRegion } from './mask';
import { documentFrom, stateOf } from './state';
import { readWindow, WindowResult } from './window';
import { countBefore } from '../sorted';

/**
 * Re-reads only the stretch an edit can change. The stretch starts at the last blank line wholly
 * before the edit and ends at the first blank line after it that was also a blank line outside
 * notes and boneyard before the edit: from there on the text and the reader's state are the same
 * as before, so the old elements, moved, are the new ones. Undefined when the previous document
 * cannot be patched (not ours, or cancelled) or this re-parse was cancelled.
 */
export function replaceWindow(previous: FountainDocument, rawEdit: TextEdit, token?: CancellationToken): FountainDocument | undefined {
  const state = stateOf(previous);
  if (!state || !state.complete) return undefined;
  const old = previous.text;
  const edit = clampEdit(old, rawEdit);
  const text = old.slice(0, edit.start) + edit.newText + old.slice(edit.end);
  const delta = text.length - old.length;
  const from = windowStart(old, state.blankLines, edit.start);
  const stop = new StopFinder(state.blankLines, edit.end, delta);
  const window = readWindow(text, { from, shouldStop: (at) => stop.matches(at), token });
  if (!window.complete) return undefined;
  return splice(previous, state.blankLines, text, from, window, delta);
}

/** The last blank line whose line break ends before the edit (so the edit cannot join it to a line). */
function windowStart(old: string, blankLines: readonly number[], editStart: number): number {
  const i = lastBelow(blankLines, editStart);
  if (i < 0) return 0;
  if (lineBreakEnd(old, lineContentEnd(old, blankLines[i])) < editStart) return blankLines[i];
  return i > 0 ? blankLines[i - 1] : 0;
}

/** Index of the last value below `limit` in an ascending array, or -1. */
function lastBelow(values: readonly number[], limit: number): number {
  return countBefore(values, (v) => v, limit) - 1;
}

/** Answers, for rising offsets in the new text, "was this, moved back, an old blank line after the edit?" */
class StopFinder {
  readonly #blankLines: readonly number[];
  readonly #editEnd: number;
  readonly #delta: number;
  #next: number;

  constructor(blankLines: readonly number[], editEnd: number, delta: number) {
    this.#blankLines = blankLines;
    this.#editEnd = editEnd;
    this.#delta = delta;
    this.#next = lastBelow(blankLines, editEnd + 1) + 1;
  }

  matches(newOffset: number): boolean {
    const old = newOffset - this.#delta;
    // Strictly after the edit: then the line break before the line is old text too.
    if (old <= this.#editEnd) return false;
    while (this.#next < this.#blankLines.length && this.#blankLines[this.#next] < old) this.#next++;
    return this.#blankLines[this.#next] === old;
  }
}

function splice(previous: FountainDocument, blankLines: readonly number[], text: string, from: number, window: WindowResult, delta: number): FountainDocument {
  const toEnd = window.end === text.length;
  const oldEnd = toEnd ? previous.text.length + 1 : window.end - delta;
  const moveElement = (e: Element): Element => (delta === 0 ? e : shiftElement(e, delta));
  const moveProblem = (p: ParseProblem): ParseProblem => (delta === 0 ? p : shiftProblem(p, delta));
  const elements = joinParts(previous.elements, window.elements.map(detachedElement), from, oldEnd, moveElement, (e) => e.start);
  const lineage = {
    previous,
    head: firstAtOrAfter(previous.elements, from, (e) => e.start),
    middle: window.elements.length,
    tail: firstAtOrAfter(previous.elements, oldEnd, (e) => e.start),
    delta,
  };
  const problems = joinParts(previous.problems, window.problems, from, oldEnd, moveProblem, (p) => p.start);
  const blanks = joinParts(blankLines, window.blankLines, from, oldEnd, (b) => b + delta, (b) => b);
  const masks = joinParts(previous.masks, window.masks, from, oldEnd, (r) => (delta === 0 ? r : shiftRegion(r, delta)), (r) => r.start);
  return documentFrom(text, elements, masks, problems, blanks, true, lineage);
}

/** Old items before `from`, the window's items, then old items from `oldEnd` on, moved. */
function joinParts<T>(old: readonly T[], middle: readonly T[], from: number, oldEnd: number, move: (item: T) => T, startOf: (item: T) => number): T[] {
  const head = firstAtOrAfter(old, from, startOf);
  const tail = firstAtOrAfter(old, oldEnd, startOf);
  const length = head + middle.length + old.length - tail;
  // Sized once (grown a push at a time, a list as long as the script was copied over and over),
  // by a slice as long as the result can be: V8 copies the head as one block, where a list sized
  // by its length is first filled with holes, then written. What follows the head is overwritten.
  const out = old.slice(0, Math.min(length, old.length));
  out.length = length;
  let at = head;
  for (const item of middle) out[at++] = item;
  for (let i = tail; i < old.length; i++) out[at++] = move(old[i]);
  return out;
}

function firstAtOrAfter<T>(items: readonly T[], offset: number, startOf: (item: T) => number): number {
  return countBefore(items, startOf, offset);
}
