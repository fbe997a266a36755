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

/**
 * A range of offsets counted from the start of a passage (story/script.ts Passage), not of the
 * document: what tokens, mentions, referents and matches hold, so that a passage an edit before it
 * moved reads the same. story/script.ts `at` turns one into a Span of the document.
 */
export interface PassageSpan {
  readonly start: number;
  readonly end: number;
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
