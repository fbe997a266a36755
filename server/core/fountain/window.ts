import type { CancellationToken } from '../cancellation';
import { LineEnds, normaliseLineBreaks } from './chars';
import { readParagraph } from './classify';
import { ReadContext } from './context';
import { MaskRegion, MaskScanner } from './mask';
import type { Element, ParseProblem } from './model';
import { ElementSink } from './sink';
import { readLine, SourceLine } from './sourceLine';
import { readTitlePage } from './titlePage';

export interface WindowOptions {
  /** A line start: the document's start, or the start of a blank line. */
  readonly from: number;
  /** Asked at each later blank line; true ends the window there (the line is not read). */
  readonly shouldStop?: (blankLineStart: number) => boolean;
  readonly token?: CancellationToken;
}

/** What reading [from, end) produced; `end` is the text's length or a blank line's start. */
export interface WindowResult {
  readonly elements: Element[];
  readonly problems: ParseProblem[];
  /** The notes and boneyard read, in order. */
  readonly masks: MaskRegion[];
  /** Starts of the blank lines read: the places where an incremental re-parse may start or stop. */
  readonly blankLines: number[];
  readonly end: number;
  readonly complete: boolean;
}

const CHECK_EVERY = 1024;

/**
 * Reads a stretch of a document line by line. A blank line outside any note or boneyard resets all
 * state, so a stretch that starts and ends at such lines reads exactly as it would inside the whole.
 */
export function readWindow(text: string, options: WindowOptions): WindowResult {
  const atDocStart = options.from === 0;
  const from = atDocStart && text.charCodeAt(0) === 0xfeff ? 1 : options.from;
  const scanner = new MaskScanner(text, from);
  const ctx = new ReadContext(text, scanner.regions);
  const reader = new ParagraphReader(ctx, atDocStart);
  const blankLines: number[] = [];
  const lineEnds = new LineEnds(text);
  let at = from;
  for (let count = 1; ; count++) {
    if (count % CHECK_EVERY === 0 && options.token?.isCancellationRequested) return finish(text, ctx, reader, blankLines, options.from, at, false);
    const contentEnd = lineEnds.contentEnd(at);
    scanner.scanUntil(contentEnd);
    const line = readLine(text, at, scanner.regions, contentEnd);
    if (line.kind === 'blank') {
      if (at > from && options.shouldStop?.(at)) return finish(text, ctx, reader, blankLines, options.from, at, true);
      blankLines.push(at);
    }
    reader.take(line);
    if (line.end === line.contentEnd) return finish(text, ctx, reader, blankLines, options.from, text.length, true);
    at = line.end;
  }
}

function finish(text: string, ctx: ReadContext, reader: ParagraphReader, blankLines: number[], from: number, end: number, complete: boolean): WindowResult {
  reader.flush();
  const regions = ctx.regions.filter((region) => region.start < end);
  const elements = mergeByStart(reader.elements, regions.map((region) => maskElement(text, region)));
  const problems = [...ctx.problems, ...regions.filter((r) => !r.closed).map(unclosedProblem)];
  problems.sort((a, b) => a.start - b.start || a.end - b.end);
  return { elements, problems, masks: regions, blankLines, end, complete };
}

/** Groups lines into paragraphs and reads each; the document's first paragraph may be a title page. */
class ParagraphReader {
  readonly #ctx: ReadContext;
  readonly #sink = new ElementSink();
  readonly #lines: SourceLine[] = [];
  #mayBeTitlePage: boolean;

  constructor(ctx: ReadContext, atDocStart: boolean) {
    this.#ctx = ctx;
    this.#mayBeTitlePage = atDocStart;
  }

  get elements(): readonly Element[] {
    return this.#sink.elements;
  }

  take(line: SourceLine): void {
    if (line.kind === 'ignored') return;
    // A spacer keeps a paragraph going but cannot start one: after a blank line it is blank.
    if (line.kind === 'blank' || (line.kind === 'spacer' && this.#lines.length === 0)) {
      this.flush();
      this.#mayBeTitlePage = false;
    } else {
      this.#lines.push(line);
    }
  }

  flush(): void {
    const lines = this.#lines;
    while (lines.length > 0 && lines[lines.length - 1].kind === 'spacer') lines.pop();
    if (lines.length === 0) return;
    const titlePage = this.#mayBeTitlePage ? readTitlePage(this.#ctx, lines) : undefined;
    if (titlePage) this.#sink.add(titlePage);
    else readParagraph(this.#ctx, lines, this.#sink);
    this.#mayBeTitlePage = false;
    lines.length = 0;
  }
}

function maskElement(text: string, region: MaskRegion): Element {
  const innerEnd = region.closed ? region.end - 2 : region.end;
  return { type: region.kind, start: region.start, end: region.end, text: normaliseLineBreaks(text.slice(region.start + 2, innerEnd)) };
}

function unclosedProblem(region: MaskRegion): ParseProblem {
  return { start: region.start, end: region.start + 2, message: 'This boneyard (/*) is never closed with */, so the rest of the script is hidden.' };
}

/** Document order; an element before the notes it contains when both start at the same place. */
function mergeByStart(structure: readonly Element[], masks: readonly Element[]): Element[] {
  const out: Element[] = [];
  let m = 0;
  for (const element of structure) {
    while (m < masks.length && masks[m].start < element.start) out.push(masks[m++]);
    out.push(element);
  }
  while (m < masks.length) out.push(masks[m++]);
  return out;
}
