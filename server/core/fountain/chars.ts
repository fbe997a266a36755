/**
 * Character tests and trims shared by the parser. The parser never uses `String.prototype.trim`
 * because its idea of whitespace (which includes U+FEFF) differs from the one Fountain needs,
 * and a single definition keeps "blank line" and "trimmed text" consistent everywhere.
 */

/** Space-like characters that never carry content on a line. */
export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 11 || code === 12 || code === 0xa0 || code === 0x3000;
}

export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/** Offset of the first non-space character of `text` in [from, to), or `to` if there is none. */
export function skipSpaces(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && isSpace(text.charCodeAt(i))) i++;
  return i;
}

/** Offset just after the last non-space character of `text` in [from, to), or `from` if there is none. */
export function skipSpacesBack(text: string, from: number, to: number): number {
  let i = to;
  while (i > from && isSpace(text.charCodeAt(i - 1))) i--;
  return i;
}

export function trimSpaces(text: string): string {
  const start = skipSpaces(text, 0, text.length);
  return text.slice(start, skipSpacesBack(text, start, text.length));
}

/** How far past what is asked ForwardSearch searches at once: lines are short, and a search has a cost of its own. */
const CHUNK = 4096;

/**
 * The first occurrence of a string at or after an offset and before a limit, by the engine's own
 * search, with what was searched kept: a reader going forward through a document searches each
 * stretch once, not once per line, and never far past its limit, so that re-reading a few lines
 * of a long script after a keystroke does not search the rest of it for a note or a CR it lacks.
 */
export class ForwardSearch {
  readonly #text: string;
  readonly #needle: string;
  /** No occurrence starts in [#from, #to) but #found (-1: none). */
  #from = 0;
  #to = 0;
  #found = -1;

  constructor(text: string, needle: string) {
    this.#text = text;
    this.#needle = needle;
  }

  /** Offset of the first occurrence starting in [at, limit), or -1. */
  next(at: number, limit: number): number {
    if (at < this.#from || at > this.#to || (this.#found >= 0 && at > this.#found)) {
      this.#from = at;
      this.#to = at;
      this.#found = -1;
    }
    const text = this.#text;
    while (this.#found < 0 && this.#to < limit && this.#to < text.length) {
      const end = Math.min(text.length, Math.max(limit, this.#to + CHUNK));
      // Occurrences starting in [#to, end): the slice runs on by the needle's length less one.
      const i = text.slice(this.#to, Math.min(text.length, end + this.#needle.length - 1)).indexOf(this.#needle);
      if (i >= 0) this.#found = this.#to + i;
      this.#to = end;
    }
    return this.#found >= 0 && this.#found < limit ? this.#found : -1;
  }
}

/** The offset of each line's break, going forward through a document (see ForwardSearch). */
export class LineEnds {
  readonly #length: number;
  readonly #lf: ForwardSearch;
  readonly #cr: ForwardSearch;

  constructor(text: string) {
    this.#length = text.length;
    this.#lf = new ForwardSearch(text, '\n');
    this.#cr = new ForwardSearch(text, '\r');
  }

  /** Offset of the line break ending the line that contains `from` (or the text's length): lineContentEnd. */
  contentEnd(from: number): number {
    const lf = this.#lf.next(from, this.#length);
    const end = lf < 0 ? this.#length : lf;
    const cr = this.#cr.next(from, end);
    return cr < 0 ? end : cr;
  }
}

/** Offset after the line break that starts at `at` (CRLF counts as one break). */
export function lineBreakEnd(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === 13) return text.charCodeAt(at + 1) === 10 ? at + 2 : at + 1;
  return code === 10 ? at + 1 : at;
}

/** Offset of the line break ending the line that contains `from` (or the text's length). */
export function lineContentEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isLineBreak(text.charCodeAt(i))) i++;
  return i;
}

/**
 * A line of two or more spaces and nothing else. The spec lets such a line keep dialogue (and a
 * multi-line note) going where an empty line would end it.
 */
export function isSpacer(text: string, start: number, end: number): boolean {
  if (end - start < 2) return false;
  for (let i = start; i < end; i++) if (text.charCodeAt(i) !== 32) return false;
  return true;
}

/** Empty or white space only, and not a spacer: a line that separates paragraphs. */
export function isBlankRange(text: string, start: number, end: number): boolean {
  return skipSpaces(text, start, end) === end && !isSpacer(text, start, end);
}

const LOWERCASE = /\p{Ll}/u;
const LETTER = /\p{L}/u;

/**
 * "All caps" as the spec means it for cues and transitions: no lowercase letter and at least one
 * letter. Scripts without case (Japanese, say) count as capitals, which is how a writer of such a
 * script can still have cues without forcing each one.
 */
export function isAllCaps(text: string): boolean {
  return !LOWERCASE.test(text) && LETTER.test(text);
}

export function normaliseLineBreaks(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}
