/**
 * Line starts of a text, with the line breaks LSP knows: LF, CRLF and a lone CR.
 * Positions are in UTF-16 code units, which is what JavaScript strings and LSP both count.
 */
export interface Position {
  readonly line: number;
  readonly character: number;
}

export class LineIndex {
  readonly #starts: number[];
  readonly #length: number;

  constructor(text: string, starts: number[] = lineStarts(text)) {
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
    const out = starts.slice(0, first + 1);
    const stop = after < starts.length ? starts[after] + delta : text.length + 1;
    for (let i = out[first]; i < text.length && i + 1 < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        out.push(i + 1);
      } else if (c === 10 /* \n */) {
        out.push(i + 1);
      }
    }
    for (let k = after; k < starts.length; k++) if (starts[k] + delta > out[out.length - 1]) out.push(starts[k] + delta);
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
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.#starts[low] };
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
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (c === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return starts;
}
