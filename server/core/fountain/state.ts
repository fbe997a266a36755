import type { MaskRegion } from './mask';
import type { DocumentState, Element, FountainDocument, Lineage, ParseProblem } from './model';

/** Where the elements of a document were in an earlier version of it (elementOrigins). */
export interface Origins {
  readonly ancestor: FountainDocument;
  /** An element's index in the ancestor, or -1 for an element read anew since. */
  readonly indexOf: (index: number) => number;
  /** How many leading elements are the very same objects in the ancestor (no edit reached them). */
  readonly kept: number;
  /**
   * From this index on, every element is the ancestor's element at `index + tailShift`, only moved:
   * each edit since stood before it. `elements.length` where no element is.
   */
  readonly tailFrom: number;
  readonly tailShift: number;
}

/**
 * Where the elements of `document` were among those of the nearest document it was patched from
 * (one or more edits back, at most `depth`) that `known` accepts. Undefined when no such document
 * is still alive.
 */
export function elementOrigins(document: FountainDocument, known: (doc: FountainDocument) => boolean, depth = 8): Origins | undefined {
  if (known(document)) {
    return { ancestor: document, indexOf: (index) => index, kept: document.elements.length, tailFrom: 0, tailShift: 0 };
  }
  const steps: Lineage[] = [];
  let doc = document;
  while (steps.length < depth) {
    const lineage = doc.parserState?.lineage;
    const previous = lineage?.previous;
    if (!lineage || !previous) return undefined;
    steps.push(lineage);
    doc = previous;
    if (known(doc)) {
      // An element is in the tail of every step when, shifted by the steps before, it stands at
      // or after that step's head and middle.
      let tailFrom = 0;
      let tailShift = 0;
      for (const step of steps) {
        tailFrom = Math.max(tailFrom, step.head + step.middle - tailShift);
        tailShift += step.tail - step.head - step.middle;
      }
      return {
        ancestor: doc,
        tailFrom: Math.min(tailFrom, document.elements.length),
        tailShift,
        kept: Math.min(...steps.map((step) => step.head)),
        indexOf: (index) => {
          let at = index;
          for (let s = 0; s < steps.length; s++) {
            const step = steps[s];
            if (at < step.head) continue;
            if (at < step.head + step.middle) return -1;
            at = at - step.head - step.middle + step.tail;
          }
          return at;
        },
      };
    }
  }
  return undefined;
}

/** What the parser kept with a document it made (FountainDocument.parserState), or undefined for one made by hand. */
export function stateOf(document: FountainDocument): DocumentState | undefined {
  return document.parserState;
}

/**
 * Drops what a document says of the one it was patched from: once its analysis has kept what a
 * later version needs, the older versions it holds are garbage. (Held weakly instead, they lived
 * on until the end of the current job, which for a loop of edits meant all of them.)
 */
export function forgetLineage(document: FountainDocument): void {
  const state = document.parserState;
  if (state) state.lineage = undefined;
}

export function documentFrom(
  text: string,
  elements: readonly Element[],
  masks: readonly MaskRegion[],
  problems: readonly ParseProblem[],
  blankLines: readonly number[],
  complete: boolean,
  lineage?: Lineage,
): FountainDocument {
  const document: FountainDocument = { text, elements, masks, problems };
  // Not enumerable: a document stays plain data to compare and print, its parser state beside it.
  Object.defineProperty(document, 'parserState', { value: { blankLines, complete, lineage }, enumerable: false, writable: false });
  return document;
}
