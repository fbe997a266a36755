import { isAllCaps, skipSpaces, skipSpacesBack, trimSpaces } from './chars';
import type { ReadContext } from './context';
import type { Cue } from './model';
import type { SourceLine } from './sourceLine';

function isOpenParen(code: number): boolean {
  return code === 40 || code === 0xff08;
}

function isCloseParen(code: number): boolean {
  return code === 41 || code === 0xff09;
}

/** The parts of a cue line, as indexes into the masked line. */
interface CueParts {
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Where the marks end: before a trailing `^`. */
  readonly end: number;
  readonly extensions: readonly (readonly [number, number])[];
  /** False when something other than parenthesised extensions follows the name. */
  readonly clean: boolean;
  readonly dual: boolean;
}

const NO_EXTENSIONS: readonly string[] = Object.freeze([]);

function cueParts(text: string, from: number, to: number): CueParts {
  const dual = to > from && text.charCodeAt(to - 1) === 94; /* ^ */
  const end = dual ? skipSpacesBack(text, from, to - 1) : to;
  const nameStart = skipSpaces(text, from, end);
  let paren = nameStart;
  while (paren < end && !isOpenParen(text.charCodeAt(paren))) paren++;
  const nameEnd = skipSpacesBack(text, nameStart, paren);
  const { extensions, clean } = extensionRanges(text, paren, end);
  return { nameStart, nameEnd, end, extensions, clean, dual };
}

/** `(V.O.) (CONT'D)` or `(V.O.)(CONT'D)`: each group's inside, and whether nothing else is there. */
function extensionRanges(text: string, from: number, to: number): { extensions: [number, number][]; clean: boolean } {
  const extensions: [number, number][] = [];
  let at = skipSpaces(text, from, to);
  while (at < to) {
    if (!isOpenParen(text.charCodeAt(at))) return { extensions, clean: false };
    let close = at + 1;
    while (close < to && !isCloseParen(text.charCodeAt(close))) close++;
    if (close >= to) return { extensions, clean: false };
    extensions.push([at + 1, close]);
    at = skipSpaces(text, close + 1, to);
  }
  return { extensions, clean: true };
}

/**
 * A cue read from a line: forced with `@` (anything goes), or natural when the name is in capitals
 * with at least one letter and only parenthesised extensions follow it. Undefined when the line is
 * not a cue. The masked line is read so that a note in a cue (`JOHN [[who?]]`) is not taken for part
 * of the name; indexes into it plus `line.start` are text offsets.
 */
export function readCue(ctx: ReadContext, line: SourceLine, forced: boolean): Cue | undefined {
  const base = line.start;
  const parts = cueParts(line.masked, line.first - base + (forced ? 1 : 0), line.last - base);
  const name = trimSpaces(ctx.plain(base + parts.nameStart, base + parts.nameEnd));
  if (name === '') return undefined;
  if (!forced && (!parts.clean || !isAllCaps(name))) return undefined;
  const text = trimSpaces(ctx.plain(line.first + (forced ? 1 : 0), base + parts.end));
  return {
    type: 'character',
    start: line.first,
    end: line.contentEnd,
    // Most cues are their name alone: one string for both, kept with the document.
    text: text === name ? name : text,
    name,
    nameStart: base + parts.nameStart,
    nameEnd: base + parts.nameEnd,
    // Most cues have none: one shared empty list, not an array per cue kept with the document.
    extensions: parts.extensions.length === 0 ? NO_EXTENSIONS : parts.extensions.map(([start, end]) => trimSpaces(ctx.plain(base + start, base + end))),
    forced,
    dual: parts.dual,
  };
}
