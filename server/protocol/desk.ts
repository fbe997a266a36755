import type { ScriptStats } from '../core/features/stats';
import type { PageMark } from '../core/pages/marks';
import type { Page, Paper } from '../core/pages/model';

/**
 * The writer's desk: requests the client sends for what a screenwriter expects beside the text
 * (status bar, statistics, preview, PDF). Types only, shared by the client and the server, so
 * that the two agree on every field.
 */
export const DESK = {
  stats: 'canonKeeper/stats',
  pages: 'canonKeeper/pages',
  exportPdf: 'canonKeeper/exportPdf',
} as const;

export interface DocumentParams {
  readonly uri: string;
  /** The paper pages are counted and laid out on; Letter unless the writer chose A4. */
  readonly paper?: 'letter' | 'a4';
}

/** The canon a script is checked against, as the writer names it. */
export interface CanonInForce {
  readonly pack: string;
  readonly mode: 'compliant' | 'au' | 'divergent';
}

export interface StatsResult {
  readonly stats: ScriptStats;
  readonly canon: CanonInForce;
}

export interface PagesResult {
  readonly paper: Paper;
  readonly pages: readonly Page[];
  /** Canon warnings placed on the printed lines they concern. */
  readonly marks: readonly PageMark[];
}

export interface ExportPdfParams extends DocumentParams {
  /** The script alone, or every chapter of its story folder in order. */
  readonly scope: 'script' | 'story';
  /** Where to write the PDF: a file path on the server's machine. */
  readonly target: string;
  /** Font files to set letters the standard Courier lacks (Cyrillic, Japanese ...), tried before the computer's own. */
  readonly fonts?: readonly string[];
}

export interface ExportPdfResult {
  readonly target: string;
  /** PDF pages, the title page counted. */
  readonly pages: number;
  readonly chapters: number;
  /** Letters no font had, printed as "?": each once. */
  readonly unprintable: readonly string[];
  /** Fonts the writer named that could not be used, each said in a sentence. */
  readonly fontProblems: readonly string[];
}
