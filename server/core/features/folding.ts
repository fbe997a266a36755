import type { CancellationToken } from '../cancellation';
import type { FountainDocument } from '../fountain/model';
import type { LineIndex } from '../lines';
import type { Span } from '../span';
import { outline, type OutlineNode } from './outline';

/** A foldable run of lines, 0-based and inclusive; the LSP layer passes it on as a FoldingRange. */
export interface FoldingRange {
  readonly startLine: number;
  readonly endLine: number;
  readonly kind?: 'region' | 'comment';
}

/**
 * Sections and scenes fold up to their last non-blank line before the next heading that closes
 * them (the extent the outline gives them, which leaves out trailing blank lines); boneyard and
 * notes of two lines or more fold as comments.
 * `lines` must be built from `doc.text`.
 */
export function foldingRanges(doc: FountainDocument, lines: LineIndex, token: CancellationToken): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (extent: Span, kind?: 'comment'): void => {
    const range = toLines(lines, extent, kind);
    if (range !== undefined) ranges.push(range);
  };
  addHeadings(outline(doc, token), add);
  for (const element of doc.elements) {
    if (token.isCancellationRequested) return [];
    if (element.type === 'boneyard' || element.type === 'note') add(element, 'comment');
  }
  if (token.isCancellationRequested) return [];
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

function addHeadings(nodes: readonly OutlineNode[], add: (extent: Span) => void): void {
  for (const node of nodes) {
    add(node.span);
    addHeadings(node.children, add);
  }
}

function toLines(lines: LineIndex, extent: Span, kind?: 'comment'): FoldingRange | undefined {
  const startLine = lines.positionAt(extent.start).line;
  // The last character's line: an extent that ends with a line break does not reach the next line.
  const endLine = lines.positionAt(Math.max(extent.start, extent.end - 1)).line;
  if (endLine <= startLine) return undefined;
  return kind === undefined ? { startLine, endLine } : { startLine, endLine, kind };
}
