import type { FountainDocument } from '../fountain/model';

/** The line the cursor is on, split at the cursor, and what a completion needs to know around it. */
export interface LineContext {
  /** Offset of the first character of the cursor's line. */
  readonly lineStart: number;
  /** The line's text from its start up to the cursor. */
  readonly before: string;
  /** The line's text from the cursor up to (not including) its line break. */
  readonly after: string;
  /** True when the line before is empty or whitespace, or when there is no line before. */
  readonly previousLineBlank: boolean;
}

export function lineContext(text: string, offset: number): LineContext {
  const cursor = Math.max(0, Math.min(offset, text.length));
  const lineStart = startOfLine(text, cursor);
  const lineEnd = endOfLine(text, cursor);
  const previousLineBlank = lineStart === 0 || isBlank(previousLine(text, lineStart));
  return {
    lineStart,
    before: text.slice(lineStart, cursor),
    after: text.slice(cursor, lineEnd),
    previousLineBlank,
  };
}

/**
 * Notes and boneyard are the writer's private margin: nothing is completed inside them.
 * The cursor right after a closing `]]` or `*\/` is outside.
 */
export function insideNoteOrBoneyard(doc: FountainDocument, offset: number): boolean {
  return doc.elements.some(
    (element) => (element.type === 'note' || element.type === 'boneyard') && element.start < offset && offset < element.end,
  );
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

function startOfLine(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && !isLineBreak(text.charCodeAt(start - 1))) start--;
  return start;
}

function endOfLine(text: string, offset: number): number {
  let end = offset;
  while (end < text.length && !isLineBreak(text.charCodeAt(end))) end++;
  return end;
}

/** The text of the line that ends just before `lineStart` (which must be > 0). */
function previousLine(text: string, lineStart: number): string {
  let end = lineStart - 1;
  // A CRLF pair is one line break.
  if (text.charCodeAt(end) === 10 && end > 0 && text.charCodeAt(end - 1) === 13) end--;
  return text.slice(startOfLine(text, end), end);
}
