import type { Element, FountainDocument } from '../fountain/model';

/** What a writer starts on an empty line after a blank line: a cue or a scene heading. */
export type NextElement = 'cue' | 'scene-heading';

/** Elements that say nothing about what comes next: the writer's margin. */
const MARGIN = new Set(['note', 'boneyard']);

/** Elements after which a script moves to a new scene: the title page, a transition, an outline line. */
const BEFORE_A_SCENE = new Set(['title-page', 'transition', 'section', 'synopsis', 'page-break']);

/**
 * What the context says comes on the line at `lineStart`, as Final Draft's Enter and Tab guess it:
 * a scene heading at the start of a script, after a transition (CUT TO:), after FADE IN:, a
 * section or a synopsis; a cue inside a scene, after its heading, action or dialogue. Action is
 * never offered: it is free text.
 */
export function nextElement(doc: FountainDocument, lineStart: number): NextElement {
  const before = lastElementBefore(doc.elements, lineStart);
  if (!before || BEFORE_A_SCENE.has(before.type)) return 'scene-heading';
  if (before.type === 'action' && /^\s*FADE IN:?\s*$/i.test(before.text)) return 'scene-heading';
  return 'cue';
}

function lastElementBefore(elements: readonly Element[], offset: number): Element | undefined {
  let found: Element | undefined;
  for (const element of elements) {
    if (element.start >= offset) break;
    if (!MARGIN.has(element.type) && element.end <= offset) found = element;
  }
  return found;
}
