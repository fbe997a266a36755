import type { CancellationToken } from '../cancellation';
import type { Cue, FountainDocument } from '../fountain/model';
import type { Span } from '../span';
import { type Completion, sortKey } from './completion-types';
import { isBlank, insideNoteOrBoneyard, lineContext } from './line-context';
import { nextElement } from './next-element';
import { speakerOrder } from './speaker-order';

/** Capitals (or letters without case), digits and the punctuation names use; `@` forces any case. */
const CUE_SO_FAR = /^(\s*)(?:@[^\s(:][^(:]*|@|[\p{Lu}\p{Lt}\p{Lo}\d][\p{Lu}\p{Lt}\p{Lo}\p{M}\d .'&-]*)?$/u;
/** A name begun in lower case on a line of its own ("nev"): a cue, if some name begins so. */
const LOWER_SO_FAR = /^(\s*)(\p{Ll}[\p{L}\p{M}\d .'&-]*)$/u;
const HEADING_PREFIX = /^\s*(?:INT\.?\/EXT|INT|EXT|EST|I\/E)[. ]/i;

/**
 * The script's own characters while a cue may be typed: on a line after a blank line, with nothing
 * (where the context says a cue comes next, not a scene heading), capitals, or the start of a name
 * in lower case so far. Ordered as Final Draft orders them, see {@link orderedCueNames}.
 */
export function cueCompletions(doc: FountainDocument, offset: number, token: CancellationToken): Completion[] {
  const replace = cueBeingTyped(doc, offset);
  if (replace === undefined || token.isCancellationRequested) return [];
  const typed = doc.text.slice(replace.start, replace.end).toLowerCase();
  const lower = typed !== '' && typed === doc.text.slice(replace.start, replace.end);
  return speakerOrder(doc, otherCues(doc, offset), offset)
    .filter((speaker) => !lower || speaker.name.toLowerCase().startsWith(typed))
    .map((speaker, index) => ({
    label: speaker.name,
    kind: 'character',
    detail: speeches(speaker.count),
    replace,
    sortText: sortKey(index),
  }));
}

/**
 * The script's character names in the order cue completion offers them at `offset`: the current
 * scene's speakers first (the one who spoke before the last speaker on top, the last speaker after
 * the others), then the rest of the script's characters, most frequent first.
 */
export function orderedCueNames(doc: FountainDocument, offset: number, token: CancellationToken): string[] {
  if (token.isCancellationRequested) return [];
  return speakerOrder(doc, otherCues(doc, offset), offset).map((speaker) => speaker.name);
}

/** The span a cue completion replaces, or undefined where no cue can be typed. */
function cueBeingTyped(doc: FountainDocument, offset: number): Span | undefined {
  if (insideNoteOrBoneyard(doc, offset) || insideTitlePage(doc, offset)) return undefined;
  const context = lineContext(doc.text, offset);
  if (!context.previousLineBlank || HEADING_PREFIX.test(context.before)) return undefined;
  if (isBlank(context.before) && isBlank(context.after) && nextElement(doc, context.lineStart) !== 'cue') return undefined;
  const match = CUE_SO_FAR.exec(context.before) ?? (isBlank(context.after) ? LOWER_SO_FAR.exec(context.before) : null);
  if (match === null) return undefined;
  const typed = context.before.slice(match[1].length);
  const start = offset - typed.length + (typed.startsWith('@') ? 1 : 0);
  return { start, end: offset };
}

function insideTitlePage(doc: FountainDocument, offset: number): boolean {
  const first = doc.elements[0];
  return first !== undefined && first.type === 'title-page' && offset >= first.start && offset < first.end;
}

/** Every cue but one on the cursor's line: that is the name being typed, not a speaker yet. */
function otherCues(doc: FountainDocument, offset: number): Cue[] {
  const context = lineContext(doc.text, offset);
  const lineEnd = offset + context.after.length;
  return doc.elements.filter(
    (element): element is Cue =>
      element.type === 'character' && !(element.start >= context.lineStart && element.start <= lineEnd),
  );
}

function speeches(count: number): string {
  return count === 1 ? '1 speech' : `${count} speeches`;
}
