import type { ParseProblem } from './model';
import { MaskRegion, plainSlice } from './mask';
import type { SourceLine } from './sourceLine';

/** What the element readers share while reading one stretch of a document. */
export class ReadContext {
  readonly text: string;
  readonly regions: readonly MaskRegion[];
  readonly #problems: ParseProblem[] = [];

  constructor(text: string, regions: readonly MaskRegion[]) {
    this.text = text;
    this.regions = regions;
  }

  get problems(): readonly ParseProblem[] {
    return this.#problems;
  }

  report(start: number, end: number, message: string): void {
    this.#problems.push({ start, end, message });
  }

  /** The text of [from, to) without notes and boneyard. */
  plain(from: number, to: number): string {
    return from >= to ? '' : plainSlice(this.text, this.regions, from, to);
  }
}

/** The visible part of a line (masked, trimmed); offsets into it are `line.first + index`. */
export function visible(line: SourceLine): string {
  return line.masked.slice(line.first - line.start, line.last - line.start);
}
