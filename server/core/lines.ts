/**
 * Line starts of a text, with the line breaks LSP knows: LF, CRLF and a lone CR.
 * Positions are in UTF-16 code units, which is what JavaScript strings and LSP both count.
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export class LineIndex {
  /** A typed array: an edit copies and moves the starts after it in one pass over plain memory. */
  readonly #starts: Float64Array;
  readonly #length: number;

  constructor(text: string, starts: Float64Array = Float64Array.from(lineStarts(text))) {
    this.#starts = starts;
    this.#length = text.length;
  }

  /**
   * The index of `text`, which is this index's text with [start, end) replaced by `inserted`:
   * lines before the edit are kept, lines after it moved, and only the lines around it scanned
   * again (from the line before, since a line break inserted after a CR joins it into CRLF).
   */
  edited(text: string, start: number, end: number, inserted: string): LineIndex {
    const delta = inserted.length - (end - start);
    const starts = this.#starts;
    const first = Math.max(0, this.#lineOf(start) - 1);
    // Line starts after `end`: the line break before each is old text, and so is what follows it.
    const after = this.#lineOf(end) + 1;
    const middle: number[] = [];
    breaksFrom(text, starts[first], after < starts.length ? starts[after] + delta : text.length + 1, middle);
    // The rescan ends with the line break before the first old start kept, if it reached it.
    const last = middle.length > 0 ? middle[middle.length - 1] : starts[first];
    const tail = after < starts.length && starts[after] + delta <= last ? after + 1 : after;
    const out = new Float64Array(first + 1 + middle.length + starts.length - tail);
    out.set(starts.subarray(0, first + 1));
    out.set(middle, first + 1);
    const moved = starts.subarray(tail);
    const at = first + 1 + middle.length;
    for (let k = 0; k < moved.length; k++) out[at + k] = moved[k] + delta;
    return new LineIndex(text, out);
  }

  /** The line an offset stands on. */
  #lineOf(offset: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  get lineCount(): number {
    return this.#starts.length;
  }

  lineStart(line: number): number {
    return this.#starts[Math.max(0, Math.min(line, this.#starts.length - 1))];
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.#length));
    const line = this.#lineOf(clamped);
    return { line, character: clamped - this.#starts[line] };
  }

  /**
   * Whether `offset` stands at `line` and `character`: positionAt's answer compared, without
   * making it, and without looking for the line (a keystroke compares every diagnostic of the
   * script this way): the offset is the line's start plus the character, before the next line's.
   */
  isAt(offset: number, line: number, character: number): boolean {
    if (line < 0 || line >= this.#starts.length || character < 0) return false;
    const clamped = Math.max(0, Math.min(offset, this.#length));
    return clamped - this.#starts[line] === character && (line + 1 === this.#starts.length || clamped < this.#starts[line + 1]);
  }

  offsetAt(position: Position): number {
    if (position.line >= this.#starts.length) return this.#length;
    if (position.line < 0) return 0;
    const start = this.#starts[position.line];
    const next = position.line + 1 < this.#starts.length ? this.#starts[position.line + 1] : this.#length;
    return Math.max(start, Math.min(start + position.character, next));
  }
}

export function lineStarts(text: string): number[] {
  const starts = [0];
  breaksFrom(text, 0, text.length + 1, starts);
  return starts;
}

/** Appends the start of each line that a line break in `text` from `from` on begins, up to `stop`. */
function breaksFrom(text: string, from: number, stop: number, starts: number[]): void {
  for (let i = from; i < text.length && i + 1 < stop; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
}
