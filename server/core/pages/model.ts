/** A stretch of printed text in one style: emphasis in the script becomes these flags. */
export interface StyledRun {
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

/** What a printed line is, in the writer's words; (MORE) and the page number are lines too. */
export type LineKind =
  | 'scene-heading'
  | 'scene-number'
  | 'action'
  | 'character'
  | 'parenthetical'
  | 'dialogue'
  | 'lyrics'
  | 'transition'
  | 'centered'
  | 'more'
  | 'page-number'
  | 'title';

/**
 * One printed line, placed: `row` counts lines of 1/6 inch down from the top margin (negative rows
 * sit in the header, where the page number is); `x` is inches from the page's left edge to where the
 * text starts, or ends for right-aligned text, or its middle for centred text.
 */
export interface PageLine {
  readonly kind: LineKind;
  readonly row: number;
  readonly x: number;
  readonly align: 'left' | 'right' | 'center';
  readonly runs: readonly StyledRun[];
  /** Offset in the script of the element the line prints, for going from a page back to the text. */
  readonly source?: number;
}

export interface Page {
  /** 0 for the title page, then 1, 2, ... as printed. */
  readonly number: number;
  readonly lines: readonly PageLine[];
}

export interface Paper {
  readonly name: 'letter' | 'a4';
  /** Inches. */
  readonly width: number;
  readonly height: number;
  /** Printed lines between the top and bottom margins. */
  readonly linesPerPage: number;
}

export interface PageOptions {
  readonly paper?: 'letter' | 'a4';
  /** Print scene numbers beside headings: as written (`#12A#`), else counted. */
  readonly sceneNumbers?: boolean;
  /** Print a title page when the script has one (default true). */
  readonly titlePage?: boolean;
}

export interface Pagination {
  readonly paper: Paper;
  /** Title page first when there is one, then the script's pages. */
  readonly pages: readonly Page[];
  /** How many of `pages` are the script itself (not the title page). */
  readonly bodyPages: number;
  /** Lines printed on the last page of the script, for fractions of a page. */
  readonly lastPageLines: number;
}

/** The text of a printed line, styles dropped. */
export function lineText(line: PageLine): string {
  return line.runs.map((r) => r.text).join('');
}
