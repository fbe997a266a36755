import type { Span } from '../span';
import type { Element, ParseProblem, TitlePageEntry } from './model';

/** Moves an element (and every span inside it) by `delta` code units. */
export function shiftElement(element: Element, delta: number): Element {
  const moved = { ...element, start: element.start + delta, end: element.end + delta };
  switch (moved.type) {
    case 'character':
      return { ...moved, nameSpan: shiftSpan(moved.nameSpan, delta) };
    case 'title-page':
      return { ...moved, entries: moved.entries.map((entry) => shiftEntry(entry, delta)) };
    default:
      return moved;
  }
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
