import type { CancellationToken } from '../cancellation';
import { applyEdit, TextEdit } from './edit';
import { replaceWindow } from './incremental';
import type { FountainDocument } from './model';
import { documentFrom } from './state';
import { readWindow } from './window';

export type { TextEdit } from './edit';

/**
 * Parses a Fountain 1.1 document. Never throws, whatever the input; runs in time linear in the
 * text's length. A cancelled parse returns the elements read so far.
 */
export function parse(text: string, token?: CancellationToken): FountainDocument {
  const window = readWindow(text, { from: 0, token });
  return documentFrom(text, window.elements, window.masks, window.problems, window.blankLines, window.complete);
}

/**
 * The document after replacing [edit.start, edit.end) of `previous.text` with `edit.newText`:
 * deep-equal to `parse` of the new text, but re-reading only the paragraphs the edit can change.
 */
export function reparse(previous: FountainDocument, edit: TextEdit, token?: CancellationToken): FountainDocument {
  return replaceWindow(previous, edit, token) ?? parse(applyEdit(previous.text, edit), token);
}
