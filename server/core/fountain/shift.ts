import { detached } from '../detached';
import type { Span } from '../span';
import type { Element, ParseProblem, TitlePageEntry } from './model';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Moves an element (and every span inside it) by `delta` code units. Every keystroke moves every
 * element after the edit, so this copies the element whole (a copy of one shape is V8's fast path)
 * and then sets the offsets; a spread that overrides keys as it copies is several times slower.
 */
export function shiftElement(element: Element, delta: number): Element {
  const moved: Mutable<Element> = { ...element };
  moved.start += delta;
  moved.end += delta;
  if (moved.type === 'character') moved.nameSpan = shiftSpan(moved.nameSpan, delta);
  else if (moved.type === 'title-page') moved.entries = moved.entries.map((entry) => shiftEntry(entry, delta));
  return moved;
}

export function shiftProblem(problem: ParseProblem, delta: number): ParseProblem {
  return { ...problem, start: problem.start + delta, end: problem.end + delta };
}

function shiftEntry(entry: TitlePageEntry, delta: number): TitlePageEntry {
  return { ...entry, keySpan: shiftSpan(entry.keySpan, delta), valueSpan: shiftSpan(entry.valueSpan, delta) };
}

function shiftSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

/**
 * The element with every string in it detached from the text it was cut from (see detached.ts).
 * An element an edit re-read lives on, moved, through the versions after it; cut from the text of
 * its version, it would keep that whole text alive, one more copy for every place the writer edits.
 */
export function detachedElement(element: Element): Element {
  return detachStrings(element) as Element;
}

function detachStrings(value: unknown): unknown {
  if (typeof value === 'string') return detached(value);
  if (Array.isArray(value)) return value.map(detachStrings);
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) copy[key] = detachStrings(inner);
  return copy;
}
