import type { CancellationToken } from '../cancellation';
import type { FountainDocument } from '../fountain/model';
import { outline, type OutlineNode } from './outline';

/** A scene or section of one script, for Go to Symbol in Workspace. */
export interface SceneSymbol {
  readonly node: OutlineNode;
  /** The section the node stands in, if any: "Act One". */
  readonly container?: string;
}

/**
 * The script's scenes and sections whose names hold the query's letters in order, ignoring case
 * and spaces ("roof" finds "EXT. ARCHER SCHOOL - ROOF - NIGHT", "intrf" too): the editor ranks them.
 */
export function sceneSymbols(doc: FountainDocument, query: string, token: CancellationToken): SceneSymbol[] {
  const wanted = query.toLowerCase().replace(/\s+/g, '');
  const found: SceneSymbol[] = [];
  const walk = (nodes: readonly OutlineNode[], container: string | undefined): void => {
    for (const node of nodes) {
      if (token.isCancellationRequested) return;
      if (holdsInOrder(node.name.toLowerCase(), wanted)) found.push({ node, container });
      walk(node.children, node.kind === 'section' ? node.name : container);
    }
  };
  walk(outline(doc, token), undefined);
  return found;
}

function holdsInOrder(name: string, wanted: string): boolean {
  let at = 0;
  for (const letter of wanted) {
    at = name.indexOf(letter, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}
