import type { CancellationToken } from '../cancellation';
import type { FountainDocument, TitlePage } from '../fountain/model';
import type { Span } from '../span';
import { type Completion, sortKey } from './completion-types';
import { isBlank, lineContext } from './line-context';

const TITLE_KEY_LINE = /^[^\s:][^:]*:/;

/** The title page keys Fountain knows, and this project's `Canon`, in the order a title page lists them. */
export const TITLE_PAGE_KEYS: readonly { readonly key: string; readonly detail: string }[] = [
  { key: 'Title', detail: 'the title of the script' },
  { key: 'Credit', detail: 'e.g. "written by"' },
  { key: 'Author', detail: 'the writer' },
  { key: 'Authors', detail: 'the writers' },
  { key: 'Source', detail: 'e.g. "based on the novel by"' },
  { key: 'Draft date', detail: 'the date of this draft' },
  { key: 'Contact', detail: 'how to reach the writer' },
  { key: 'Copyright', detail: 'the copyright notice' },
  { key: 'Notes', detail: 'notes on the title page' },
  { key: 'Revision', detail: 'the revision of this draft' },
  { key: 'Canon', detail: 'compliant | AU | divergent' },
];

/**
 * Title page keys not yet used, where a key can be typed: at the start of a line of the title page
 * (no blank line between it and the top), or on the first line of a script without one.
 */
export function titlePageCompletions(doc: FountainDocument, offset: number, token: CancellationToken): Completion[] {
  const replace = keyBeingTyped(doc, offset);
  if (replace === undefined || token.isCancellationRequested) return [];
  const present = new Set(titlePage(doc)?.entries.map((entry) => entry.key.trim().toLowerCase()) ?? []);
  return TITLE_PAGE_KEYS.filter((entry) => !present.has(entry.key.toLowerCase())).map((entry, index) => ({
    label: entry.key,
    kind: 'title-key',
    detail: entry.detail,
    insertText: `${entry.key}: `,
    replace,
    sortText: sortKey(index),
  }));
}

function keyBeingTyped(doc: FountainDocument, offset: number): Span | undefined {
  const context = lineContext(doc.text, offset);
  const typed = context.before.toLowerCase();
  if (!isBlank(context.after) || !TITLE_PAGE_KEYS.some((entry) => entry.key.toLowerCase().startsWith(typed))) {
    return undefined;
  }
  if (!inTitlePageRegion(doc.text, context.lineStart)) return undefined;
  return { start: context.lineStart, end: offset };
}

/**
 * A title page is the run of lines at the top, starting with a `Key:` line, up to the first blank
 * line. This is read from the text rather than the title page element because a key half typed
 * below the others may not parse as part of the title page yet.
 */
function inTitlePageRegion(text: string, lineStart: number): boolean {
  if (lineStart === 0) return true;
  const above = text.slice(0, lineStart).split(/\r\n|\r|\n/);
  above.pop();
  return TITLE_KEY_LINE.test(above[0]) && above.every((line) => !isBlank(line));
}

function titlePage(doc: FountainDocument): TitlePage | undefined {
  const first = doc.elements[0];
  return first !== undefined && first.type === 'title-page' ? first : undefined;
}
