import type { TitlePage } from '../fountain/model';
import { LEFT_MARGIN, rightEdge } from './layout';
import type { Page, PageLine, Paper } from './model';
import { wrap } from './wrap';

/** The keys printed in the middle of the title page, top to bottom. */
const CENTRE = ['title', 'credit', 'author', 'authors', 'source'];
/** Printed bottom left (how to reach the writer) and bottom right (which draft). */
const LEFT = ['contact', 'copyright', 'notes'];
const RIGHT = ['draft date', 'date'];
/** Rows below the top margin where the title starts: about a third of the way down the page. */
const TITLE_ROW = 15;
const SIDE_WIDTH = 30;

/**
 * The title page, from the script's title page keys. Keys of tools (Canon:, Format: ...) do not
 * print. Undefined when none of the printed keys is there.
 */
export function titlePageOf(title: TitlePage | undefined, paper: Paper): Page | undefined {
  if (!title) return undefined;
  const value = (key: string): string | undefined => title.entries.find((e) => e.key.toLowerCase() === key)?.value;
  const lines: PageLine[] = [];
  let row = TITLE_ROW;
  const middle = (LEFT_MARGIN + rightEdge(paper)) / 2;
  for (const key of CENTRE) {
    const text = value(key);
    if (text === undefined) continue;
    for (const runs of wrap(text, 60)) lines.push({ kind: 'title', row: row++, x: middle, align: 'center', runs });
    row++;
  }
  side(lines, LEFT.map(value), LEFT_MARGIN, 'left', paper);
  side(lines, RIGHT.map(value), rightEdge(paper), 'right', paper);
  return lines.length > 0 ? { number: 0, lines } : undefined;
}

/** A block at the foot of the page, its last line on the body's last row. */
function side(lines: PageLine[], values: readonly (string | undefined)[], x: number, align: 'left' | 'right', paper: Paper): void {
  const block: PageLine['runs'][] = [];
  for (const v of values) {
    if (v === undefined) continue;
    if (block.length > 0) block.push([]);
    block.push(...wrap(v, SIDE_WIDTH));
  }
  const top = paper.linesPerPage - block.length;
  block.forEach((runs, k) => {
    if (runs.length > 0) lines.push({ kind: 'title', row: top + k, x, align, runs });
  });
}
