import type { Span } from './span';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** A text edit in the same document, or in another file named by its URI. */
export interface Edit {
  readonly span: Span;
  readonly newText: string;
  readonly uri?: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly Edit[];
  readonly preferred?: boolean;
}

/** A place elsewhere that explains a finding: where a state began, a canon source. */
export interface Related {
  readonly span: Span;
  readonly message: string;
  /** Another document; absent means the document the finding is in. */
  readonly uri?: string;
}

/** What a rule reports: plain data, converted to an LSP diagnostic only at the edge. */
export interface Finding {
  readonly ruleId: string;
  readonly span: Span;
  readonly message: string;
  readonly severity: Severity;
  readonly related?: readonly Related[];
  readonly fixes?: readonly Fix[];
}
