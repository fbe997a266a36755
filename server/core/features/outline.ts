import type { CancellationToken } from '../cancellation';
import type { Element, FountainDocument, Section, SceneHeading } from '../fountain/model';
import type { Span } from '../span';
import { trimEnd } from './text-offsets';

/** A section or scene as the outline shows it; the LSP layer turns it into a DocumentSymbol. */
export interface OutlineNode {
  readonly kind: 'section' | 'scene';
  /** The heading as a reader sees it, e.g. "INT. ROOF - NIGHT" or "Act One". Never empty. */
  readonly name: string;
  /** "#1A" for a numbered scene and/or its first synopsis, joined by " — ". */
  readonly detail?: string;
  /** From the heading to the last non-blank text before the next sibling-or-higher heading. */
  readonly span: Span;
  /** The heading itself. */
  readonly selectionSpan: Span;
  readonly children: readonly OutlineNode[];
}

/** A node whose extent is still growing while the elements after its heading are read. */
interface OpenNode {
  readonly heading: Section | SceneHeading;
  /** Scenes nest under every section, so they are deeper than any section can be. */
  readonly depth: number;
  readonly children: OutlineNode[];
  synopsis?: string;
}

/**
 * The script's sections and scenes as a tree: `#` contains `##`, a section contains the scenes
 * after it, and scenes before the first section are at the top.
 */
export function outline(doc: FountainDocument, token: CancellationToken): OutlineNode[] {
  const roots: OutlineNode[] = [];
  const open: OpenNode[] = [];
  for (const element of doc.elements) {
    if (token.isCancellationRequested) return [];
    if (element.type === 'section' || element.type === 'scene-heading') {
      const depth = element.type === 'section' ? element.depth : Number.POSITIVE_INFINITY;
      closeDownTo(depth, element.start, open, roots, doc.text);
      open.push({ heading: element, depth, children: [] });
    } else if (element.type === 'synopsis') {
      noteSynopsis(open, element);
    }
  }
  closeDownTo(Number.NEGATIVE_INFINITY, doc.text.length, open, roots, doc.text);
  return roots;
}

function noteSynopsis(open: OpenNode[], synopsis: Element): void {
  const innermost = open[open.length - 1];
  if (innermost !== undefined && innermost.synopsis === undefined) innermost.synopsis = synopsis.text;
}

/** Closes every open node at `depth` or deeper: their extent ends where the new heading starts. */
function closeDownTo(depth: number, end: number, open: OpenNode[], roots: OutlineNode[], text: string): void {
  while (open.length > 0 && open[open.length - 1].depth >= depth) {
    const closing = open.pop() as OpenNode;
    const parent = open[open.length - 1];
    (parent === undefined ? roots : parent.children).push(finish(closing, end, text));
  }
}

function finish(node: OpenNode, end: number, text: string): OutlineNode {
  const heading = node.heading;
  const selectionSpan = { start: heading.start, end: trimEnd(text, heading.start, heading.end) };
  const detail = describe(node);
  return {
    kind: heading.type === 'section' ? 'section' : 'scene',
    name: heading.text.trim() || (heading.type === 'section' ? 'Untitled section' : 'Untitled scene'),
    ...(detail === undefined ? {} : { detail }),
    span: { start: heading.start, end: trimEnd(text, selectionSpan.end, Math.max(end, selectionSpan.end)) },
    selectionSpan,
    children: node.children,
  };
}

function describe(node: OpenNode): string | undefined {
  const parts: string[] = [];
  if (node.heading.type === 'scene-heading' && node.heading.sceneNumber !== undefined) {
    parts.push(`#${node.heading.sceneNumber}`);
  }
  const synopsis = node.synopsis?.replace(/\s+/g, ' ').trim();
  if (synopsis) parts.push(synopsis);
  return parts.length > 0 ? parts.join(' — ') : undefined;
}
