/** A finding as a test sees it: LSP's 0-based lines and columns, its severity by name, its rule's code. */
export interface CheckedFinding {
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly code: string;
  readonly message: string;
}
