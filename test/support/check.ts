/**
 * The one entry point tests use to check a Fountain script against the built-in canon, exactly as
 * the CLI and the server do. Lines and columns are 0-based, as in LSP.
 */
export interface CheckedFinding {
  readonly line: number;
  readonly character: number;
  readonly endLine: number;
  readonly endCharacter: number;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly code: string;
  readonly message: string;
}

export { checkFountain } from './check-impl';
