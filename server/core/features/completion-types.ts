import type { Span } from '../span';

/** What a completion offers, in the writer's words; the LSP layer maps it to a CompletionItemKind. */
export type CompletionKind = 'keyword' | 'location' | 'time' | 'character' | 'title-key' | 'event';

/**
 * One completion as plain data. `replace` is the span of document text the completion replaces
 * (usually what the writer has typed so far on the line); the LSP layer turns it into a text edit.
 */
export interface Completion {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  /** The text to insert; the label when absent. */
  readonly insertText?: string;
  readonly filterText?: string;
  readonly replace: Span;
  /** Orders completions where the list has a meaning beyond the alphabet: "0000", "0001", ... */
  readonly sortText?: string;
}

/** A sort key that keeps the given order in a client that sorts by string comparison. */
export function sortKey(index: number): string {
  return String(index).padStart(4, '0');
}
