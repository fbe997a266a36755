import { ForwardSearch, isBlankRange, lineBreakEnd, lineContentEnd } from './chars';
import { countBefore } from '../sorted';

/** A note `[[...]]` or a boneyard `/* ... *\/`: text that is not part of the script. */
export interface MaskRegion {
  readonly kind: 'note' | 'boneyard';
  readonly start: number;
  readonly end: number;
  /** False for a boneyard that runs to the end of the document without `*\/`. */
  readonly closed: boolean;
}

/**
 * Finds notes and boneyard from left to right, resumably, so that the line reader can ask for
 * "everything that starts before here" as it goes and an incremental re-parse can stop early.
 *
 * Whichever opener comes first wins: a `/*` inside a note is note text, a `[[` inside a boneyard is
 * boneyard. A note may span lines but not a blank line (the spec's rule; a spacer line is allowed);
 * a `[[` without a `]]` before the next blank line is plain text.
 */
export class MaskScanner {
  readonly #text: string;
  readonly #regions: MaskRegion[] = [];
  #cursor: number;
  /**
   * Every `[[` before this offset is known to have no `]]` before the same blank line, so looking
   * again would only repeat the same failed search. Remembering it keeps 20,000 unclosed `[[` linear.
   */
  #noteFailUntil = -1;

  readonly #boneyards: ForwardSearch;
  readonly #notes: ForwardSearch;

  constructor(text: string, from: number) {
    this.#text = text;
    this.#cursor = from;
    this.#boneyards = new ForwardSearch(text, '/*');
    this.#notes = new ForwardSearch(text, '[[');
  }

  get regions(): readonly MaskRegion[] {
    return this.#regions;
  }

  /**
   * Finds every region that starts before `limit` (a region found may end after it). The openers
   * are found by the engine's string search, not a loop over every character: the parser asks at
   * every line, and a script is almost all text between openers.
   */
  scanUntil(limit: number): void {
    let i = this.#cursor;
    while (i < limit) {
      const boneyard = this.#boneyards.next(i, limit);
      const note = this.#notes.next(i, limit);
      const opener = note < 0 || (boneyard >= 0 && boneyard < note) ? boneyard : note;
      if (opener < 0) {
        i = limit;
      } else if (opener === boneyard) {
        i = this.#boneyard(opener);
      } else if (opener >= this.#noteFailUntil) {
        const end = this.#note(opener);
        i = end < 0 ? opener + 1 : end;
      } else {
        i = opener + 1;
      }
    }
    if (i > this.#cursor) this.#cursor = i;
  }

  #boneyard(start: number): number {
    const close = this.#text.indexOf('*/', start + 2);
    const closed = close >= 0;
    const end = closed ? close + 2 : this.#text.length;
    this.#regions.push({ kind: 'boneyard', start, end, closed });
    return end;
  }

  /** Returns the note's end, or -1 when no `]]` comes before a blank line. */
  #note(start: number): number {
    const text = this.#text;
    let i = start + 2;
    while (i < text.length) {
      const code = text.charCodeAt(i);
      if (code === 93 /* ] */ && text.charCodeAt(i + 1) === 93) {
        this.#regions.push({ kind: 'note', start, end: i + 2, closed: true });
        return i + 2;
      }
      if (code === 10 || code === 13) {
        const lineStart = lineBreakEnd(text, i);
        if (isBlankRange(text, lineStart, lineContentEnd(text, lineStart))) {
          this.#noteFailUntil = lineStart;
          return -1;
        }
        i = lineStart;
      } else {
        i++;
      }
    }
    this.#noteFailUntil = text.length;
    return -1;
  }
}

/** The text of [from, to) with every masked code unit except line breaks replaced by a space. */
export function maskedSlice(text: string, regions: readonly MaskRegion[], from: number, to: number): string {
  let r = firstRegionEndingAfter(regions, from);
  if (r >= regions.length || regions[r].start >= to) return text.slice(from, to);
  const parts: string[] = [];
  let at = from;
  for (; r < regions.length && regions[r].start < to; r++) {
    const start = Math.max(regions[r].start, from);
    const end = Math.min(regions[r].end, to);
    parts.push(text.slice(at, start), blankOut(text, start, end));
    at = end;
  }
  parts.push(text.slice(at, to));
  return parts.join('');
}

/** The text of [from, to) with masked code units left out: what a reader of the script sees. */
export function plainSlice(text: string, regions: readonly MaskRegion[], from: number, to: number): string {
  let r = firstRegionEndingAfter(regions, from);
  if (r >= regions.length || regions[r].start >= to) return text.slice(from, to);
  const parts: string[] = [];
  let at = from;
  for (; r < regions.length && regions[r].start < to; r++) {
    if (regions[r].start > at) parts.push(text.slice(at, regions[r].start));
    at = Math.max(at, regions[r].end);
  }
  if (at < to) parts.push(text.slice(at, to));
  return parts.join('');
}

/** Index of the first region whose end is after `offset` (binary search: regions are sorted). */
export function firstRegionEndingAfter(regions: readonly MaskRegion[], offset: number): number {
  return countBefore(regions, (r) => r.end, offset, true);
}

function blankOut(text: string, start: number, end: number): string {
  let out = '';
  let run = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || code === 13) {
      out += ' '.repeat(run) + text[i];
      run = 0;
    } else {
      run++;
    }
  }
  return out + ' '.repeat(run);
}

/**
 * A document's text of [from, to) as analyses read it: every note and boneyard blanked out, line
 * breaks kept, so that offsets stay those of the document.
 */
export function maskedText(doc: { readonly text: string; readonly masks: readonly MaskRegion[] }, from = 0, to = doc.text.length): string {
  return maskedSlice(doc.text, doc.masks, from, to);
}

export function shiftRegion(region: MaskRegion, delta: number): MaskRegion {
  return { ...region, start: region.start + delta, end: region.end + delta };
}
