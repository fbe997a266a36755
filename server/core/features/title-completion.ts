import type { CancellationToken } from '../cancellation';
import type { FountainDocument, TitlePage } from '../fountain/model';
import type { Span } from '../span';
import { type Completion, sortKey } from './completion-types';
import { isBlank, lineContext } from './line-context';

const TITLE_KEY_LINE = /^[^\s:][^:]*:/;

export interface TitleKey {
  readonly key: string;
  readonly detail: string;
  /** What the key does, for its completion's card and its hover. */
  readonly help: string;
}

/**
 * The title page keys Fountain knows, and this project's `Canon` and `Spellings`, in the order a
 * title page lists them.
 */
export const TITLE_PAGE_KEYS: readonly TitleKey[] = [
  { key: 'Title', detail: 'the title of the script', help: 'The title, printed in capitals in the middle of the title page. Fountain keeps emphasis (`_underlined_`).' },
  { key: 'Credit', detail: 'e.g. "written by"', help: 'The credit line printed under the title, e.g. "written by" or "a fan fiction by".' },
  { key: 'Author', detail: 'the writer', help: 'The writer\'s name, printed under the credit.' },
  { key: 'Authors', detail: 'the writers', help: 'The writers\' names, one a line (indent the lines after the first), printed under the credit.' },
  { key: 'Source', detail: 'e.g. "based on the novel by"', help: 'What the script is based on, printed under the writers: for fan fiction, the show.' },
  { key: 'Draft date', detail: 'the date of this draft', help: 'The date of this draft, printed at the bottom right of the title page.' },
  { key: 'Contact', detail: 'how to reach the writer', help: 'How to reach the writer, printed at the bottom left of the title page; indent further lines.' },
  { key: 'Copyright', detail: 'the copyright notice', help: 'The copyright notice.' },
  { key: 'Notes', detail: 'notes on the title page', help: 'Notes printed on the title page.' },
  { key: 'Revision', detail: 'the revision of this draft', help: 'The revision of this draft (e.g. "Blue").' },
  { key: 'Canon', detail: 'compliant | AU | divergent', help: 'How this story stands to the show\'s canon: Canon Keeper checks continuity against the canon pack accordingly. Not printed.' },
  { key: 'Spellings', detail: 'names spelt so on purpose', help: 'Names spelt differently from canon on purpose, separated by commas: Canon Keeper does not warn about them (`names.near-miss`). Not printed.' },
];

export interface CanonModeValue {
  readonly value: string;
  readonly detail: string;
  readonly help: string;
}

/** The values of `Canon:`, as conventions.ts reads them. */
export const CANON_MODES: readonly CanonModeValue[] = [
  { value: 'compliant', detail: 'follows canon', help: '**compliant** (the default): the story follows the show\'s canon; every continuity rule applies.' },
  { value: 'AU', detail: 'alternate universe', help: '**AU**, an alternate universe: the characters, not the events. Continuity rules are off; names are still checked.' },
  { value: 'divergent', detail: 'canon until a point', help: '**divergent**: canon up to the first `[[diverge: ...]]` note; after it, continuity findings become hints.' },
];

const CANON_VALUE_SO_FAR = /^(\s*canon\s*:\s*)([\p{L}-]*)$/iu;

/**
 * The values of `Canon:` while one is typed on its line of the title page: compliant, AU, divergent,
 * each with what it does.
 */
export function titlePageValueCompletions(doc: FountainDocument, offset: number, token: CancellationToken): Completion[] {
  if (token.isCancellationRequested) return [];
  const context = lineContext(doc.text, offset);
  const match = CANON_VALUE_SO_FAR.exec(context.before);
  if (match === null || !isBlank(context.after) || !inTitlePageRegion(doc.text, context.lineStart)) return [];
  const replace = { start: context.lineStart + match[1].length, end: offset };
  return CANON_MODES.map((mode, index) => ({
    label: mode.value,
    kind: 'keyword',
    detail: mode.detail,
    documentation: mode.help,
    replace,
    sortText: sortKey(index),
  }));
}

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
    documentation: entry.help,
    insertText: `${entry.key}: `,
    replace,
    sortText: sortKey(index),
  }));
}

function keyBeingTyped(doc: FountainDocument, offset: number): Span | undefined {
  const context = lineContext(doc.text, offset);
  const typed = context.before.toLowerCase();
  if (!isBlank(context.after) || context.before.includes(':') || !TITLE_PAGE_KEYS.some((entry) => entry.key.toLowerCase().startsWith(typed))) {
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
export function inTitlePageRegion(text: string, lineStart: number): boolean {
  if (lineStart === 0) return true;
  const above = text.slice(0, lineStart).split(/\r\n|\r|\n/);
  above.pop();
  return TITLE_KEY_LINE.test(above[0]) && above.every((line) => !isBlank(line));
}

function titlePage(doc: FountainDocument): TitlePage | undefined {
  const first = doc.elements[0];
  return first !== undefined && first.type === 'title-page' ? first : undefined;
}
