import { detached } from '../detached';
import { shiftSpan } from '../span';
import type { Element, ParseProblem, TitlePageEntry } from './model';

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Moves an element (and every span inside it) by `delta` code units. Every keystroke moves every
 * element after the edit. The kinds a script is mostly made of are built field by field, in the
 * parser's order: at 200k lines that moved the 122k elements in 10 ms where a spread copy took
 * 30-40 ms, since one spread site sees every kind of element. Scene headings (whose optional
 * parts are absent, not undefined) and the title page are copied whole, then moved.
 */
export function shiftElement(element: Element, delta: number): Element {
  const start = element.start + delta;
  const end = element.end + delta;
  switch (element.type) {
    case 'action':
      return { type: 'action', start, end, text: element.text, forced: element.forced };
    case 'character':
      return {
        type: 'character', start, end, text: element.text, name: element.name, nameStart: element.nameStart + delta, nameEnd: element.nameEnd + delta,
        extensions: element.extensions, forced: element.forced, dual: element.dual,
      };
    case 'dialogue':
    case 'parenthetical':
    case 'note':
    case 'centered':
    case 'lyrics':
    case 'synopsis':
    case 'boneyard':
    case 'page-break':
      return { type: element.type, start, end, text: element.text };
    case 'transition':
      return { type: 'transition', start, end, text: element.text, forced: element.forced };
    case 'section':
      return { type: 'section', start, end, text: element.text, depth: element.depth };
    case 'title-page':
      return { ...element, start, end, entries: element.entries.map((entry) => shiftEntry(entry, delta)) };
    case 'scene-heading': {
      const moved: Mutable<Element> = { ...element };
      moved.start = start;
      moved.end = end;
      return moved;
    }
  }
}

export function shiftProblem(problem: ParseProblem, delta: number): ParseProblem {
  return { ...problem, start: problem.start + delta, end: problem.end + delta };
}

function shiftEntry(entry: TitlePageEntry, delta: number): TitlePageEntry {
  return { ...entry, keySpan: shiftSpan(entry.keySpan, delta), valueSpan: shiftSpan(entry.valueSpan, delta) };
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
