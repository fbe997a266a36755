/** A half-open range of UTF-16 code unit offsets into a document's text: [start, end). */
export interface Span {
  readonly start: number;
  readonly end: number;
  /**
   * Never set: it tells the type checker a span of the document from a span of one passage
   * (PassageSpan), so that neither is passed where the other is meant.
   */
  readonly relativeTo?: 'document';
}

declare const relativeBrand: unique symbol;
declare const absoluteBrand: unique symbol;
declare const baseBrand: unique symbol;

/**
 * An offset counted from the start of a passage (story/script.ts Passage): what tokens, mentions,
 * referents and matches hold. Only `absolute` turns one into an offset of the document.
 */
export type RelOffset = number & { readonly [relativeBrand]: true };

/** An offset of the document, made from a passage's by `absolute`. */
export type AbsOffset = number & { readonly [absoluteBrand]: true };

/**
 * Where a passage starts in the document (story/script.ts baseOf), as what it is for: not a
 * number, so that tsc rejects adding it to an offset by hand (`base + token.start`); `absolute`
 * is the one conversion. Only the seam, which places passages, reads it as a number (baseOffset).
 */
export interface PassageBase {
  readonly [baseBrand]: true;
}

/** The document's offset of `offset`, an offset in the passage that starts at `base`. */
export function absolute(base: PassageBase, offset: RelOffset): AbsOffset {
  return ((base as unknown as number) + offset) as AbsOffset;
}

/** The passage's offset of `offset`, an offset of the document in the passage that starts at `base`. */
export function relative(base: PassageBase, offset: number): RelOffset {
  return (offset - (base as unknown as number)) as RelOffset;
}

/** A passage's start as a number: for the seam, which places and moves passages, not for a rule. */
export function baseOffset(base: PassageBase): AbsOffset {
  return base as unknown as AbsOffset;
}

/** A passage's start, as read from its element: made only where passages are placed (story/script.ts baseOf). */
export function passageBase(start: number): PassageBase {
  return start as unknown as PassageBase;
}

/**
 * A range of offsets counted from the start of a passage (story/script.ts Passage), not of the
 * document: what tokens, mentions, referents and matches hold, so that a passage an edit before it
 * moved reads the same. story/script.ts `at` turns one into a Span of the document.
 */
export interface PassageSpan {
  readonly start: RelOffset;
  readonly end: RelOffset;
  /** Never set (see Span.relativeTo). */
  readonly relativeTo?: 'passage';
}

export function span(start: number, end: number): Span {
  return { start, end };
}

/** The span `delta` code units further on. */
export function shiftSpan(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

export function contains(outer: Span, offset: number): boolean {
  return offset >= outer.start && offset <= outer.end;
}

/** Whether `inner` lies wholly inside `outer`. */
export function encloses(outer: Span, inner: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}
