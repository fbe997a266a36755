import { isAllCaps, skipSpaces, trimSpaces } from './chars';
import type { ReadContext } from './context';
import type { TitlePage, TitlePageEntry } from './model';
import type { SourceLine } from './sourceLine';

/**
 * Keys the spec and the common apps name. An unknown key in capitals on the first line is not
 * taken as the start of a title page, because "FADE IN:" opens many scripts.
 */
const KNOWN_KEYS = new Set([
  'title', 'credit', 'author', 'authors', 'source', 'draft date', 'date', 'contact', 'notes',
  'copyright', 'revision', 'format', 'font', 'watermark', 'tl', 'tc', 'tr', 'cc', 'bl', 'br',
]);

/** Characters that start other elements and so cannot start a key. */
const NOT_KEY_START = new Set(['!', '@', '#', '~', '=', '>', '.', '[', '/', '(', '*', '_']);

interface KeyLine {
  readonly keyEnd: number;
  readonly colon: number;
}

/** `Key: value` at the start of the line; the colon may be a full-width one (`Title：映画`). */
function keyLine(line: SourceLine): KeyLine | undefined {
  if (line.first !== line.start) return undefined;
  const masked = line.masked;
  let colon = 0;
  while (colon < masked.length && masked[colon] !== ':' && masked[colon] !== '\uff1a') colon++;
  if (colon === 0 || colon >= masked.length || NOT_KEY_START.has(masked[0])) return undefined;
  // A URL such as `http://...` on a contact line is a value, not a key.
  if (masked[colon + 1] === '/') return undefined;
  const key = trimSpaces(masked.slice(0, colon));
  return key === '' ? undefined : { keyEnd: line.start + key.length, colon: line.start + colon };
}

function opensTitlePage(line: SourceLine): boolean {
  const key = keyLine(line);
  if (!key) return false;
  const name = line.masked.slice(0, key.keyEnd - line.start);
  return !isAllCaps(name) || KNOWN_KEYS.has(name.toLowerCase());
}

interface EntryDraft {
  key: string;
  keyStart: number;
  keyEnd: number;
  values: string[];
  valueStart: number;
  valueEnd: number;
}

/** The title page, when the document's first paragraph is one. */
export function readTitlePage(ctx: ReadContext, lines: readonly SourceLine[]): TitlePage | undefined {
  if (lines.length === 0 || !opensTitlePage(lines[0])) return undefined;
  const drafts: EntryDraft[] = [];
  for (const line of lines) {
    const key = keyLine(line);
    if (key) drafts.push(startEntry(ctx, line, key));
    else continueEntry(ctx, drafts[drafts.length - 1], line);
  }
  const last = lines[lines.length - 1];
  return {
    type: 'title-page',
    start: lines[0].start,
    end: last.contentEnd,
    text: lines.map((line) => ctx.plain(line.start, line.contentEnd)).join('\n'),
    entries: drafts.map(finishEntry),
  };
}

function startEntry(ctx: ReadContext, line: SourceLine, key: KeyLine): EntryDraft {
  const valueFirst = line.start + skipSpaces(line.masked, key.colon + 1 - line.start, line.masked.length);
  const hasInline = valueFirst < line.last;
  return {
    key: trimSpaces(ctx.plain(line.start, key.keyEnd)),
    keyStart: line.start,
    keyEnd: key.keyEnd,
    values: hasInline ? [trimSpaces(ctx.plain(valueFirst, line.last))] : [],
    // An empty value sits, zero-width, just after the colon's line content.
    valueStart: hasInline ? valueFirst : line.last,
    valueEnd: line.last,
  };
}

/** An indented line (or, leniently, any line without a key) adds a line to the current value. */
function continueEntry(ctx: ReadContext, draft: EntryDraft, line: SourceLine): void {
  const value = trimSpaces(ctx.plain(line.first, line.last));
  if (value === '') return;
  if (draft.values.length === 0) draft.valueStart = line.first;
  draft.values.push(value);
  draft.valueEnd = line.last;
}

function finishEntry(draft: EntryDraft): TitlePageEntry {
  return {
    key: draft.key,
    keySpan: { start: draft.keyStart, end: draft.keyEnd },
    value: draft.values.join('\n'),
    valueSpan: { start: draft.valueStart, end: draft.valueEnd },
  };
}
