import type { FlowItem, FlowLine } from './flow';
import type { PageLine } from './model';

const MORE = '(MORE)';
const CONTD = "(CONT'D)";

/** The script's rows cut into pages of `rows` rows, by the rules a screenplay is printed by. */
export function cutPages(flowItems: readonly FlowItem[], rows: number): PageLine[][] {
  const items = flowItems.slice();
  const pages: PageLine[][] = [];
  let i = 0;
  while (i < items.length) {
    while (i < items.length && (items[i].kind === 'blank' || items[i].kind === 'page-break')) i++;
    if (i >= items.length) break;
    let used = 0;
    let j = i;
    while (j < items.length && items[j].kind !== 'page-break' && used + items[j].height <= rows) used += items[j++].height;
    if (j === i) j = i + 1; // an item taller than a page still prints, overflowing its page
    if (j >= items.length || items[j].kind === 'page-break') {
      pages.push(place(items.slice(i, j)));
      i = j;
      continue;
    }
    const cut = findBreak(items, i, j, rows);
    pages.push(place(cut.page));
    if (cut.carry) items.splice(cut.next, 0, cut.carry);
    i = cut.next;
  }
  return pages;
}

interface Cut {
  readonly page: FlowItem[];
  /** Where the next page starts in `items`. */
  readonly next: number;
  /** The cue repeated with (CONT'D) at the top of the next page. */
  readonly carry?: FlowItem;
}

/**
 * The last place before `end` where the page may end: going up from the foot of the page, the first
 * line after which a break is allowed. Where none is, the page is cut where it is full.
 */
function findBreak(items: FlowItem[], start: number, end: number, rows: number): Cut {
  for (let p = end - 1; p > start; p--) {
    if (items[p].kind === 'blank') continue;
    const verdict = breakAfter(items, p);
    if (verdict === 'yes') return { page: items.slice(start, p + 1), next: p + 1 };
    if (verdict === 'split' && rowsOf(items, start, p + 1) + 1 <= rows) return splitSpeech(items, start, p);
  }
  return { page: items.slice(start, end), next: end };
}

function rowsOf(items: readonly FlowItem[], from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) n += items[k].height;
  return n;
}

function nextPrinted(items: readonly FlowItem[], p: number): FlowItem | undefined {
  for (let k = p + 1; k < items.length; k++) if (items[k].kind !== 'blank') return items[k];
  return undefined;
}

/**
 * Whether the page may end after item p: never after a scene heading or a cue (they would stand
 * alone at the foot, their scene or speech on the next page), nor before a transition, nor leaving
 * one line of a short paragraph of action behind; inside a speech only between two lines of
 * dialogue, with (MORE) and (CONT'D).
 */
function breakAfter(items: readonly FlowItem[], p: number): 'yes' | 'no' | 'split' {
  const item = items[p];
  const next = nextPrinted(items, p);
  if (!next || next.kind === 'page-break') return 'yes';
  if (item.kind === 'scene-heading' || item.kind === 'character') return 'no';
  if (next.kind === 'transition' && item.kind !== 'transition') return 'no';
  if (item.line && item.line.count > 1 && !paragraphMayBreak(item.line.index, item.line.count)) return 'no';
  if (item.speech && next.speech?.id === item.speech.id) {
    const before = items[p - 1];
    const speaking = (x: FlowItem | undefined): boolean => x?.kind === 'dialogue' || x?.kind === 'lyrics';
    return speaking(item) && speaking(next) && speaking(before) && before.speech?.id === item.speech.id ? 'split' : 'no';
  }
  return 'yes';
}

/** A paragraph of up to three lines stays whole; a longer one leaves at least two lines either side. */
function paragraphMayBreak(index: number, count: number): boolean {
  if (index === count - 1) return true;
  if (count < 4) return false;
  return index >= 1 && index <= count - 3;
}

function splitSpeech(items: FlowItem[], start: number, p: number): Cut {
  const speech = items[p].speech!;
  const more: FlowItem = { kind: 'more', height: 1, lines: [{ kind: 'more', dy: 0, x: speech.cueX, align: 'left', runs: [{ text: MORE }] }] };
  const cue = speech.cue.includes(CONTD) ? speech.cue : `${speech.cue} ${CONTD}`;
  const carry: FlowItem = { kind: 'character', height: 1, lines: [{ kind: 'character', dy: 0, x: speech.cueX, align: 'left', runs: [{ text: cue }] }], speech };
  return { page: [...items.slice(start, p + 1), more], next: p + 1, carry };
}

/** Gives each line of a page its row. Blank rows at the foot of a page print nothing. */
function place(items: readonly FlowItem[]): PageLine[] {
  const lines: PageLine[] = [];
  let row = 0;
  for (const item of items) {
    for (const line of item.lines) lines.push(toPageLine(line, row));
    row += item.height;
  }
  return lines;
}

function toPageLine(line: FlowLine, row: number): PageLine {
  const { dy, ...rest } = line;
  return { ...rest, row: row + dy };
}
