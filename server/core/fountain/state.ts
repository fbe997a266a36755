import type { Element, FountainDocument, ParseProblem } from './model';

/**
 * What an incremental re-parse needs besides the document itself, kept out of the document so that
 * documents stay plain data (and deep-equal whichever way they were made).
 */
export interface DocumentState {
  /** Starts of the blank lines outside notes and boneyard, ascending. */
  readonly blankLines: readonly number[];
  /** False when parsing was cancelled: such a document cannot be patched. */
  readonly complete: boolean;
}

const states = new WeakMap<FountainDocument, DocumentState>();

export function stateOf(document: FountainDocument): DocumentState | undefined {
  return states.get(document);
}

export function documentFrom(
  text: string,
  elements: readonly Element[],
  masked: string,
  problems: readonly ParseProblem[],
  blankLines: readonly number[],
  complete: boolean,
): FountainDocument {
  const document: FountainDocument = { text, elements, masked, problems };
  states.set(document, { blankLines, complete });
  return document;
}
