import type { FountainDocument, TitlePage } from '../fountain/model';
import type { Span } from '../span';

/** How the story stands to canon, from the title page's `Canon:` key. */
export type CanonMode = 'compliant' | 'au' | 'divergent';

export interface Conventions {
  readonly mode: CanonMode;
  /** Where the `Canon:` value stands, for quick fixes and messages. */
  readonly modeSpan?: Span;
  /** Offset of the first `[[diverge: ...]]` note in a divergent story: continuity findings after it become hints. */
  readonly divergeAt?: number;
  /** Lines (0-based) holding `[[canon-ignore]]`: findings starting on them are dropped. */
  readonly ignoredLines: ReadonlySet<number>;
  /** Names spelt so on purpose, in lower case, from the title page's `Spellings:` (commas between). */
  readonly keptSpellings: ReadonlySet<string>;
}

/** The names of a `Spellings:` value: "Nevaeh, Dellia" gives nevaeh and dellia. */
export function readSpellings(value: string): string[] {
  return value.split(/[,\n]/).map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
}

export function readMode(value: string): CanonMode {
  return knownMode(value) ?? 'compliant';
}

/** The mode a `Canon:` value names, or undefined for a value that names none ("othello"). */
export function knownMode(value: string): CanonMode | undefined {
  const v = value.trim().toLowerCase().replace(/[^a-z]/g, '');
  if (v === 'au' || v.startsWith('alternat')) return 'au';
  if (v.startsWith('diverg') || v.startsWith('canondiverg') || v === 'fixit') return 'divergent';
  if (v === '' || v === 'compliant' || v === 'canoncompliant' || v === 'canon' || v === 'yes' || v === 'true') return 'compliant';
  return undefined;
}

/**
 * The story's conventions, from its title page and its notes. Those are the document's mask
 * regions and, at most, its first elements: a long script is not read element by element for them.
 */
export function readConventions(doc: FountainDocument, lineOf: (offset: number) => number): Conventions {
  let mode: CanonMode = 'compliant';
  let modeSpan: Span | undefined;
  let divergeAt: number | undefined;
  const ignoredLines = new Set<number>();
  const entries = titlePage(doc)?.entries ?? [];
  const entry = entries.find((e) => e.key.trim().toLowerCase() === 'canon');
  const keptSpellings = new Set(entries.filter((e) => e.key.trim().toLowerCase() === 'spellings').flatMap((e) => readSpellings(e.value)));
  if (entry) {
    mode = readMode(entry.value);
    modeSpan = entry.valueSpan;
  }
  for (const note of doc.masks) {
    if (note.kind !== 'note') continue;
    const body = noteBody(doc.text, note.start, note.end).toLowerCase();
    if (/^canon-ignore\b/.test(body)) ignoredLines.add(lineOf(note.start));
    else if (/^diverge\s*:/.test(body) && divergeAt === undefined) divergeAt = note.start;
  }
  return { mode, modeSpan, divergeAt: mode === 'divergent' ? divergeAt : undefined, ignoredLines, keptSpellings };
}

/** The title page: only the document's first paragraph can be one, after any notes or boneyard it opens with. */
export function titlePage(doc: FountainDocument): TitlePage | undefined {
  for (const element of doc.elements) {
    if (element.type === 'title-page') return element;
    if (element.type !== 'note' && element.type !== 'boneyard') return undefined;
  }
  return undefined;
}

/** The text inside a note's `[[` `]]`, trimmed. */
export function noteBody(text: string, start: number, end: number): string {
  let s = text.slice(start, end);
  if (s.startsWith('[[')) s = s.slice(2);
  if (s.endsWith(']]')) s = s.slice(0, -2);
  return s.trim();
}
