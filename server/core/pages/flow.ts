import type { Cue, Element, FountainDocument, SceneHeading } from '../fountain/model';
import { columns, dualColumns, fullWidth, LEFT_MARGIN, rightEdge, type Column } from './layout';
import type { LineKind, Paper, StyledRun } from './model';
import { wrap } from './wrap';

/** A line within a flow item, `dy` rows below the item's top. */
export interface FlowLine {
  readonly kind: LineKind;
  readonly dy: number;
  readonly x: number;
  readonly align: 'left' | 'right' | 'center';
  readonly runs: readonly StyledRun[];
  readonly source?: number;
}

/** The speech a line of dialogue belongs to: what a page break inside it repeats. */
export interface Speech {
  readonly id: number;
  readonly cue: string;
  readonly cueX: number;
}

/**
 * The script as a column of rows before it is cut into pages: one item per printed row, except dual
 * dialogue, which is one item as tall as its longer side (its two speeches print side by side).
 */
export interface FlowItem {
  readonly kind: LineKind | 'blank' | 'dual' | 'page-break';
  readonly height: number;
  readonly lines: readonly FlowLine[];
  /** For action, centred text and lyrics: the item's place among its element's lines. */
  readonly line?: { readonly index: number; readonly count: number };
  readonly speech?: Speech;
}

/** Elements that print. Sections, synopses, notes and boneyard are the writer's, not the reader's. */
const PRINTED = new Set<Element['type']>(['scene-heading', 'action', 'character', 'parenthetical', 'dialogue', 'lyrics', 'transition', 'centered', 'page-break']);

export interface FlowOptions {
  readonly sceneNumbers: boolean;
}

/** Lays the script's printed elements out as rows, a blank row between paragraphs, speeches kept together. */
export function flow(doc: FountainDocument, paper: Paper, options: FlowOptions): FlowItem[] {
  const items: FlowItem[] = [];
  const elements = doc.elements.filter((e) => PRINTED.has(e.type));
  let scene = 0;
  let speeches = 0;
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i];
    const blanks = i === 0 ? 0 : blankLinesBetween(doc, elements[i - 1], element);
    for (let b = 0; b < blanks; b++) items.push({ kind: 'blank', height: 1, lines: [] });
    if (element.type === 'character') {
      const first = speechAt(elements, i);
      const second = dualAfter(elements, first.end);
      if (second) {
        items.push(dualItem(elements.slice(i, first.end), elements.slice(second.start, second.end), paper));
        i = second.end - 1;
      } else {
        const speech = { id: ++speeches, cue: cueText(element), cueX: columns(paper).character.x };
        items.push(...speechItems(elements.slice(i, first.end), columns(paper), speech));
        i = first.end - 1;
      }
      continue;
    }
    if (element.type === 'scene-heading') scene++;
    items.push(...elementItems(element, paper, options.sceneNumbers ? sceneNumber(element as SceneHeading, scene) : undefined));
  }
  return items;
}

/**
 * One blank line between paragraphs, however many the writer left (as afterwriting and the
 * screenwriting programs print): the blank lines around a section or note that does not print
 * would otherwise leave holes in the page.
 */
function blankLinesBetween(doc: FountainDocument, before: Element, after: Element): number {
  return doc.text.slice(before.end, after.start).split('\n').length > 2 ? 1 : 0;
}

/** The cue and the parentheticals, dialogue and lyrics under it: [from, end). */
function speechAt(elements: readonly Element[], from: number): { start: number; end: number } {
  let end = from + 1;
  while (end < elements.length && isSpeechPart(elements[end])) end++;
  return { start: from, end };
}

function isSpeechPart(e: Element): boolean {
  return e.type === 'parenthetical' || e.type === 'dialogue' || e.type === 'lyrics';
}

/** The speech after `at` when its cue is marked `^`, to print beside the one before it. */
function dualAfter(elements: readonly Element[], at: number): { start: number; end: number } | undefined {
  const next = elements[at];
  if (next?.type !== 'character' || !(next as Cue).dual) return undefined;
  return speechAt(elements, at);
}

function cueText(cue: Element): string {
  return cue.text.replace(/\s*\^\s*$/, '').toUpperCase();
}

function sceneNumber(heading: SceneHeading, counted: number): string {
  return heading.sceneNumber ?? String(counted);
}

type SpeechColumns = Readonly<Record<'character' | 'parenthetical' | 'dialogue', Column>>;

function speechItems(parts: readonly Element[], cols: SpeechColumns, speech: Speech): FlowItem[] {
  return speechLines(parts, cols).map((line) => ({ kind: line.kind, height: 1, lines: [{ ...line, dy: 0 }], speech }));
}

function speechLines(parts: readonly Element[], cols: SpeechColumns): FlowLine[] {
  const lines: FlowLine[] = [];
  let dy = 0;
  const add = (kind: LineKind, col: Column, text: string, source: number, upper = false, italic = false): void => {
    for (const runs of wrap(text, col.width, upper)) {
      lines.push({ kind, dy: dy++, x: col.x, align: 'left', runs: italic ? runs.map((r) => ({ ...r, italic: true })) : runs, source });
    }
  };
  for (const part of parts) {
    if (part.type === 'character') add('character', cols.character, cueText(part), part.start, true);
    else if (part.type === 'parenthetical') add('parenthetical', cols.parenthetical, part.text, part.start);
    else add(part.type === 'lyrics' ? 'lyrics' : 'dialogue', cols.dialogue, part.text, part.start, false, part.type === 'lyrics');
  }
  return lines;
}

function dualItem(left: readonly Element[], right: readonly Element[], paper: Paper): FlowItem {
  const lines = [...speechLines(left, dualColumns(paper, 0)), ...speechLines(right, dualColumns(paper, 1))];
  const height = Math.max(...lines.map((l) => l.dy + 1));
  return { kind: 'dual', height, lines };
}

function elementItems(element: Element, paper: Paper, sceneNumber: string | undefined): FlowItem[] {
  const full = fullWidth(paper);
  switch (element.type) {
    case 'page-break':
      return [{ kind: 'page-break', height: 0, lines: [] }];
    case 'scene-heading':
      return lineItems('scene-heading', wrap(element.text, full, true), { x: LEFT_MARGIN, align: 'left' }, element.start, sceneNumber ? numberLines(sceneNumber, paper) : []);
    case 'transition':
      return lineItems('transition', wrap(element.text, full, true), { x: rightEdge(paper), align: 'right' }, element.start);
    case 'centered':
      return lineItems('centered', wrap(element.text, full), { x: LEFT_MARGIN + full * 0.05, align: 'center' }, element.start);
    case 'lyrics':
      return lineItems('lyrics', wrap(element.text, full).map((runs) => runs.map((r) => ({ ...r, italic: true }))), { x: LEFT_MARGIN, align: 'left' }, element.start);
    default:
      return lineItems('action', wrap(element.text, full), { x: LEFT_MARGIN, align: 'left' }, element.start);
  }
}

/** A scene number prints left of the heading and again past the right margin, as in a shooting script. */
function numberLines(n: string, paper: Paper): FlowLine[] {
  return [
    { kind: 'scene-number', dy: 0, x: LEFT_MARGIN - 0.5, align: 'right', runs: [{ text: n }] },
    { kind: 'scene-number', dy: 0, x: rightEdge(paper) + 0.3, align: 'left', runs: [{ text: n }] },
  ];
}

function lineItems(kind: LineKind, wrapped: StyledRun[][], at: { x: number; align: FlowLine['align'] }, source: number, extra: FlowLine[] = []): FlowItem[] {
  return wrapped.map((runs, index) => ({
    kind,
    height: 1,
    lines: [{ kind, dy: 0, x: at.x, align: at.align, runs, source }, ...(index === 0 ? extra : [])],
    line: { index, count: wrapped.length },
  }));
}
