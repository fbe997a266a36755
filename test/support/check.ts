/**
 * The one entry point tests use to check a Fountain script against the built-in canon, exactly as
 * the CLI and the server do. Lines and columns are 0-based, as in LSP.
 */
export type { CheckedFinding } from './checked-finding';
export { checkFountain } from './check-impl';
