import type { Paper } from './model';

/**
 * The industry layout, in inches and Courier 12 pt characters (10 to the inch, 6 lines to the inch).
 * Lines per page are afterwriting's (55 on Letter, 57 on A4): a 1 inch top margin and a bottom
 * margin of about an inch, so a page of script runs close to a minute of screen time.
 */
export const PAPERS: Readonly<Record<Paper['name'], Paper>> = {
  letter: { name: 'letter', width: 8.5, height: 11, linesPerPage: 55 },
  a4: { name: 'a4', width: 8.27, height: 11.69, linesPerPage: 57 },
};

export const CHAR_WIDTH = 0.1;
export const LINE_HEIGHT = 1 / 6;
export const TOP_MARGIN = 1;
export const LEFT_MARGIN = 1.5;
export const RIGHT_MARGIN = 1;
/** The page number's line, in rows above the first line of the body (half an inch from the top). */
export const PAGE_NUMBER_ROW = -3;

/** Where an element's column starts (inches from the page edge) and how many characters it holds. */
export interface Column {
  readonly x: number;
  readonly width: number;
}

/**
 * Characters across the action column: 61 on Letter, 58 on A4. The 1.5 inch left and 1 inch right
 * margins hold 60 and 57; like afterwriting (and a typewriter's ragged right edge) one more character
 * may run into the right margin, which keeps page counts the same as afterwriting's.
 */
export function fullWidth(paper: Paper): number {
  return Math.floor((paper.width - LEFT_MARGIN - RIGHT_MARGIN) / CHAR_WIDTH + 1e-9) + 1;
}

export function columns(paper: Paper): Readonly<Record<'action' | 'character' | 'parenthetical' | 'dialogue', Column>> {
  const full = fullWidth(paper);
  return {
    action: { x: LEFT_MARGIN, width: full },
    character: { x: 3.7, width: 38 },
    parenthetical: { x: 3.1, width: 26 },
    dialogue: { x: 2.5, width: 36 },
  };
}

/**
 * Dual dialogue: the action column halved; in each half the cue, parenthetical and dialogue keep
 * their order of indents, narrower.
 */
export function dualColumns(paper: Paper, side: 0 | 1): Readonly<Record<'character' | 'parenthetical' | 'dialogue', Column>> {
  const half = fullWidth(paper) / 2;
  const x = LEFT_MARGIN + side * half * CHAR_WIDTH;
  return {
    character: { x: x + 1, width: Math.floor(half) - 10 },
    parenthetical: { x: x + 0.4, width: Math.floor(half) - 6 },
    dialogue: { x, width: Math.floor(half) - 2 },
  };
}

/** The right edge of the text area, where transitions and page numbers end. */
export function rightEdge(paper: Paper): number {
  return paper.width - RIGHT_MARGIN;
}
