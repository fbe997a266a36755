import type { FountainDocument } from '../fountain/model';
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
}

export function readMode(value: string): CanonMode {
  const v = value.trim().toLowerCase().replace(/[^a-z]/g, '');
  if (v === 'au' || v.startsWith('alternat')) return 'au';
  if (v.startsWith('diverg') || v.startsWith('canondiverg') || v === 'fixit') return 'divergent';
  return 'compliant';
}

export function readConventions(doc: FountainDocument, lineOf: (offset: number) => number): Conventions {
  let mode: CanonMode = 'compliant';
  let modeSpan: Span | undefined;
  let divergeAt: number | undefined;
  const ignoredLines = new Set<number>();
  for (const element of doc.elements) {
    if (element.type === 'title-page') {
      const entry = element.entries.find((e) => e.key.trim().toLowerCase() === 'canon');
      if (entry) {
        mode = readMode(entry.value);
        modeSpan = entry.valueSpan;
      }
    } else if (element.type === 'note') {
      const body = noteBody(doc.text, element.start, element.end).toLowerCase();
      if (/^canon-ignore\b/.test(body)) ignoredLines.add(lineOf(element.start));
      else if (/^diverge\s*:/.test(body) && divergeAt === undefined) divergeAt = element.start;
    }
  }
  return { mode, modeSpan, divergeAt: mode === 'divergent' ? divergeAt : undefined, ignoredLines };
}

/** The text inside a note's `[[` `]]`, trimmed. */
export function noteBody(text: string, start: number, end: number): string {
  let s = text.slice(start, end);
  if (s.startsWith('[[')) s = s.slice(2);
  if (s.endsWith(']]')) s = s.slice(0, -2);
  return s.trim();
}
