import { skipSpacesBack, trimSpaces } from './chars';
import { ReadContext, visible } from './context';
import type { SceneHeading } from './model';
import type { SourceLine } from './sourceLine';

/**
 * The spec's prefixes ("INT, EXT, EST, INT./EXT, INT/EXT, I/E ... or similar"), plus their mirror
 * images, which the spec's "or similar" covers and its reference sample (Big Fish) uses:
 * "EXT/INT. SORORITY HOUSE". Longest first so that "INT./EXT" wins over "INT".
 */
const PREFIXES = ['INT./EXT', 'EXT./INT', 'INT/EXT', 'EXT/INT', 'I/E', 'E/I', 'INT', 'EXT', 'EST'];

/** A full stop as the prefix's follower; the ideographic ones let CJK scripts write "INT。". */
function isStop(code: number): boolean {
  return code === 46 || code === 0x3002 || code === 0xff0e;
}

interface Prefix {
  readonly written: string;
  /** Index in the heading text where the location starts. */
  readonly rest: number;
}

/** The heading prefix at the start of `text`, case-insensitively, followed by a stop or a space. */
export function headingPrefix(text: string): Prefix | undefined {
  for (const prefix of PREFIXES) {
    if (!startsWithAsciiFolded(text, prefix)) continue;
    const follower = text.charCodeAt(prefix.length);
    if (isStop(follower)) return { written: text.slice(0, prefix.length + 1), rest: prefix.length + 1 };
    if (follower === 32) return { written: text.slice(0, prefix.length), rest: prefix.length + 1 };
  }
  return undefined;
}

function startsWithAsciiFolded(text: string, upper: string): boolean {
  if (text.length < upper.length) return false;
  for (let i = 0; i < upper.length; i++) {
    const code = text.charCodeAt(i);
    const folded = code >= 97 && code <= 122 ? code - 32 : code;
    if (folded !== upper.charCodeAt(i)) return false;
  }
  return true;
}

/** True for a line that starts like a heading (the caller checks the blank lines around it). */
export function looksLikeSceneHeading(line: SourceLine): boolean {
  return headingPrefix(visible(line)) !== undefined;
}

export function readSceneHeading(ctx: ReadContext, line: SourceLine, forced: boolean): SceneHeading {
  const shown = visible(line);
  const numbered = sceneNumber(shown);
  const bodyStart = line.first + (forced ? 1 : 0);
  const bodyEnd = numbered ? skipSpacesBack(ctx.text, bodyStart, line.first + numbered.at) : line.last;
  const text = trimSpaces(ctx.plain(bodyStart, bodyEnd));
  const heading: SceneHeading = { type: 'scene-heading', start: line.first, end: line.contentEnd, text, forced, ...headingParts(text) };
  return numbered ? { ...heading, sceneNumber: numbered.value } : heading;
}

interface HeadingParts {
  prefix?: string;
  location: string;
  time?: string;
}

function headingParts(text: string): HeadingParts {
  const prefix = headingPrefix(text);
  if (!prefix) return { location: text };
  const rest = trimSpaces(text.slice(prefix.rest));
  const dash = rest.lastIndexOf(' - ');
  if (dash < 0) return { prefix: prefix.written, location: rest };
  const location = trimSpaces(rest.slice(0, dash));
  const time = trimSpaces(rest.slice(dash + 3));
  return time === '' ? { prefix: prefix.written, location } : { prefix: prefix.written, location, time };
}

/** `#1A#` at the very end of the heading: letters, digits, `.` and `-` between two `#`. */
function sceneNumber(shown: string): { value: string; at: number } | undefined {
  if (shown.length < 3 || shown.charCodeAt(shown.length - 1) !== 35) return undefined;
  const open = shown.lastIndexOf('#', shown.length - 2);
  if (open < 0) return undefined;
  const value = shown.slice(open + 1, shown.length - 1);
  if (value === '' || !/^[A-Za-z0-9.-]+$/.test(value)) return undefined;
  return { value, at: open };
}
