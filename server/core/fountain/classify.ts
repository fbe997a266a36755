import { isAllCaps, trimSpaces } from './chars';
import { ReadContext, visible } from './context';
import { readCue } from './cue';
import { looksLikeSceneHeading, readSceneHeading } from './sceneHeading';
import type { ElementSink } from './sink';
import type { SourceLine } from './sourceLine';

/**
 * Where a line sits in its paragraph: first (a blank line or the document's start before it),
 * inside action-like text, or inside a cue's dialogue.
 */
type State = 'first' | 'action' | 'dialogue';

/**
 * Reads one paragraph (lines between blank lines, notes-only lines left out). Everything the spec
 * asks of the surroundings is visible from here: "a blank line before" is "first in the paragraph",
 * "a blank line after" is "last in the paragraph". That locality is what makes re-parsing only the
 * edited paragraphs exact.
 */
export function readParagraph(ctx: ReadContext, lines: readonly SourceLine[], sink: ElementSink): void {
  let state: State = 'first';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    state = state === 'dialogue' ? readDialogueLine(ctx, line, sink) : readScriptLine(ctx, line, state, i === lines.length - 1, sink);
  }
  sink.endRun();
}

function readDialogueLine(ctx: ReadContext, line: SourceLine, sink: ElementSink): State {
  const shown = visible(line);
  if (isParenthesised(shown)) {
    sink.add({ type: 'parenthetical', start: line.first, end: line.contentEnd, text: trimSpaces(ctx.plain(line.first, line.last)) });
  } else if (shown.startsWith('~')) {
    sink.extend('lyrics', line.first, line.contentEnd, trimSpaces(ctx.plain(line.first + 1, line.last)));
  } else {
    sink.extend('dialogue', line.first, line.contentEnd, trimSpaces(ctx.plain(line.first, line.last)));
  }
  return 'dialogue';
}

function isParenthesised(shown: string): boolean {
  const open = shown.charCodeAt(0);
  const close = shown.charCodeAt(shown.length - 1);
  return (open === 40 || open === 0xff08) && (close === 41 || close === 0xff09);
}

function readScriptLine(ctx: ReadContext, line: SourceLine, state: State, last: boolean, sink: ElementSink): State {
  if (readMarkedLine(ctx, line, sink)) return 'action';
  if (state === 'first') {
    const next = readFirstLine(ctx, line, last, sink);
    if (next) return next;
  }
  sink.extend('action', line.start, line.contentEnd, ctx.plain(line.start, line.contentEnd));
  return 'action';
}

/** Lines whose first character decides what they are, wherever they stand outside dialogue. */
function readMarkedLine(ctx: ReadContext, line: SourceLine, sink: ElementSink): boolean {
  const shown = visible(line);
  const at = line.first;
  const end = line.contentEnd;
  if (isPageBreak(shown)) sink.add({ type: 'page-break', start: at, end, text: '' });
  else if (shown.startsWith('#')) sink.add(section(ctx, line, shown));
  else if (shown.startsWith('=')) sink.add({ type: 'synopsis', start: at, end, text: trimSpaces(ctx.plain(at + 1, line.last)) });
  else if (shown.startsWith('~')) sink.extend('lyrics', at, end, trimSpaces(ctx.plain(at + 1, line.last)));
  else if (shown.startsWith('!')) sink.extend('action', line.start, end, ctx.plain(line.start, at) + ctx.plain(at + 1, end), true);
  else if (isCentered(shown)) sink.extend('centered', at, end, trimSpaces(ctx.plain(at + 1, line.last - 1)));
  else return false;
  return true;
}

function isPageBreak(shown: string): boolean {
  if (shown.length < 3) return false;
  for (let i = 0; i < shown.length; i++) if (shown.charCodeAt(i) !== 61) return false;
  return true;
}

function isCentered(shown: string): boolean {
  return shown.length >= 2 && shown.startsWith('>') && shown.endsWith('<');
}

function section(ctx: ReadContext, line: SourceLine, shown: string) {
  let depth = 0;
  while (shown.charCodeAt(depth) === 35) depth++;
  return { type: 'section', start: line.first, end: line.contentEnd, text: trimSpaces(ctx.plain(line.first + depth, line.last)), depth } as const;
}

/**
 * The first line of a paragraph may be a heading or transition (when it is also the last: the spec
 * wants a blank line after both) or a cue (when it is not: a cue needs its dialogue below it).
 */
function readFirstLine(ctx: ReadContext, line: SourceLine, last: boolean, sink: ElementSink): State | undefined {
  const shown = visible(line);
  if (shown.startsWith('@')) return readCueLine(ctx, line, true, sink);
  if (last) return readLoneLine(ctx, line, shown, sink);
  if (shown.startsWith('.') || shown.startsWith('>')) return undefined;
  const state = readCueLine(ctx, line, false, sink);
  if (state && looksLikeSceneHeading(line)) {
    ctx.report(line.first, line.last, 'This reads as a character cue: a scene heading needs a blank line after it.');
  }
  return state;
}

function readCueLine(ctx: ReadContext, line: SourceLine, forced: boolean, sink: ElementSink): State | undefined {
  const cue = readCue(ctx, line, forced);
  if (!cue) return undefined;
  sink.add(cue);
  return 'dialogue';
}

/** A paragraph of one line: a scene heading, a transition, or else action. */
function readLoneLine(ctx: ReadContext, line: SourceLine, shown: string, sink: ElementSink): State | undefined {
  if (shown.startsWith('.') && !shown.startsWith('..') && shown.length > 1) {
    sink.add(readSceneHeading(ctx, line, true));
  } else if (!shown.startsWith('.') && looksLikeSceneHeading(line)) {
    sink.add(readSceneHeading(ctx, line, false));
  } else if (shown.startsWith('>') && shown.length > 1) {
    sink.add({ type: 'transition', start: line.first, end: line.contentEnd, text: trimSpaces(ctx.plain(line.first + 1, line.last)), forced: true });
  } else if (isTransition(ctx, line, shown)) {
    sink.add({ type: 'transition', start: line.first, end: line.contentEnd, text: trimSpaces(ctx.plain(line.first, line.last)), forced: false });
  } else {
    return undefined;
  }
  return 'action';
}

/** All capitals ending in `TO:`, with nothing after the colon (Jouvence and the spec agree). */
function isTransition(ctx: ReadContext, line: SourceLine, shown: string): boolean {
  return ctx.text.endsWith('TO:', line.contentEnd) && line.last === line.contentEnd && isAllCaps(shown);
}
