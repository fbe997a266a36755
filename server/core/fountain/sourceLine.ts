import { isSpacer, lineBreakEnd, lineContentEnd, skipSpaces, skipSpacesBack } from './chars';
import { firstRegionEndingAfter, maskedSlice, MaskRegion } from './mask';

/**
 * How a line takes part in paragraphs:
 * - blank: empty or white space only; separates paragraphs.
 * - spacer: two or more spaces; continues a paragraph (the spec's blank line inside dialogue).
 * - ignored: nothing but notes, boneyard and white space; neither content nor a separator, so that
 *   commenting out a line never changes how its neighbours read.
 * - content: everything else.
 */
export type LineKind = 'blank' | 'spacer' | 'ignored' | 'content';

export interface SourceLine {
  readonly start: number;
  /** Offset of the line break (or the end of the text). */
  readonly contentEnd: number;
  /** Offset after the line break. */
  readonly end: number;
  readonly kind: LineKind;
  /** The line's content with notes and boneyard as spaces, so that indexes stay offsets. */
  readonly masked: string;
  /** Offset of the first visible character (contentEnd when none). */
  readonly first: number;
  /** Offset after the last visible character (first when none). */
  readonly last: number;
}

/** The line starting at `start`; `contentEnd`, where its line break is, where the caller knows it. */
export function readLine(text: string, start: number, regions: readonly MaskRegion[], contentEnd = lineContentEnd(text, start)): SourceLine {
  const end = lineBreakEnd(text, contentEnd);
  const touched = touchesMask(regions, start, contentEnd);
  const masked = touched ? maskedSlice(text, regions, start, contentEnd) : text.slice(start, contentEnd);
  const firstIndex = skipSpaces(masked, 0, masked.length);
  const lastIndex = skipSpacesBack(masked, firstIndex, masked.length);
  const kind = lineKind(text, start, contentEnd, touched, firstIndex === masked.length);
  return { start, contentEnd, end, kind, masked, first: start + firstIndex, last: start + lastIndex };
}

function lineKind(text: string, start: number, contentEnd: number, touched: boolean, empty: boolean): LineKind {
  if (!empty) return 'content';
  if (touched) return 'ignored';
  return isSpacer(text, start, contentEnd) ? 'spacer' : 'blank';
}

/** True when a region overlaps the line's content, or covers an empty line inside it. */
function touchesMask(regions: readonly MaskRegion[], start: number, contentEnd: number): boolean {
  const r = firstRegionEndingAfter(regions, start);
  // For an empty line contentEnd === start, so this asks for a region that began before the line.
  return r < regions.length && regions[r].start < contentEnd;
}
