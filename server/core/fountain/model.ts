import type { MaskRegion } from './mask';
import type { Span } from '../span';

/** The element types of Fountain 1.1, named as the CLI's JSON output names them. */
export type ElementType =
  | 'title-page'
  | 'scene-heading'
  | 'action'
  | 'character'
  | 'parenthetical'
  | 'dialogue'
  | 'transition'
  | 'centered'
  | 'lyrics'
  | 'section'
  | 'synopsis'
  | 'note'
  | 'boneyard'
  | 'page-break';

interface ElementBase extends Span {
  readonly type: ElementType;
  /**
   * The element's content as a reader sees it: forcing marks (`.` `!` `@` `>` `~` `=` `#`),
   * scene numbers, the `> <` of centered text, notes and boneyard removed; emphasis marks kept.
   * Lines of a multi-line element are joined with "\n".
   */
  readonly text: string;
}

export interface TitlePageEntry {
  /** The key as written, e.g. "Title", "Draft date", "Canon". */
  readonly key: string;
  readonly keySpan: Span;
  /** The value; a multi-line value's lines are joined with "\n", their indentation removed. */
  readonly value: string;
  readonly valueSpan: Span;
}

export interface TitlePage extends ElementBase {
  readonly type: 'title-page';
  readonly entries: readonly TitlePageEntry[];
}

export interface SceneHeading extends ElementBase {
  readonly type: 'scene-heading';
  readonly forced: boolean;
  /** "1A" for `#1A#`; absent without a scene number. */
  readonly sceneNumber?: string;
  /** "INT.", "EXT.", "INT./EXT.", "I/E", "EST." as written; absent for a forced heading without one. */
  readonly prefix?: string;
  /** What follows the prefix, up to " - " (or the whole heading text for a forced heading without prefix). */
  readonly location: string;
  /** What follows the last " - ", e.g. "NIGHT"; absent where there is none. */
  readonly time?: string;
}

export interface Cue extends ElementBase {
  readonly type: 'character';
  /** The name without extensions or marks: "DR. BENNET", "McCLANE", "BILL / THE MONSTER". */
  readonly name: string;
  /**
   * Where the name stands in the text: two numbers in the element, not a span object of its own
   * (40 bytes more per cue, kept and made again for every cue an edit moves).
   */
  readonly nameStart: number;
  readonly nameEnd: number;
  /** Parenthesised extensions as written, without parentheses: ["V.O."], ["CONT'D"]. */
  readonly extensions: readonly string[];
  readonly forced: boolean;
  /** True for the second cue of dual dialogue (`^`). */
  readonly dual: boolean;
}

export interface Transition extends ElementBase {
  readonly type: 'transition';
  readonly forced: boolean;
}

export interface Section extends ElementBase {
  readonly type: 'section';
  /** Number of `#`: 1 for an act, 2 for a sequence, ... */
  readonly depth: number;
}

export interface Action extends ElementBase {
  readonly type: 'action';
  readonly forced: boolean;
}

export interface OtherElement extends ElementBase {
  readonly type: 'parenthetical' | 'dialogue' | 'centered' | 'lyrics' | 'synopsis' | 'note' | 'boneyard' | 'page-break';
}

export type Element = TitlePage | SceneHeading | Cue | Transition | Section | Action | OtherElement;

export interface ParseProblem extends Span {
  readonly message: string;
}

export interface FountainDocument {
  readonly text: string;
  /**
   * Every element in document order (by start offset). Notes and boneyard are elements of their own;
   * an inline note inside, say, an action line is listed after that action, with a span inside it.
   */
  readonly elements: readonly Element[];
  /**
   * Every note and boneyard, in document order: text that is not part of the script. Analyses read
   * an element's text with these blanked out (fountain/mask.ts maskedText), so that offsets stay
   * those of the document. Kept as regions, not as a masked copy of the text: a copy doubled the
   * text in memory, and was copied out whole again after every keystroke.
   */
  readonly masks: readonly MaskRegion[];
  /** Things a writer may want to know, e.g. an unclosed boneyard. Parsing itself never fails. */
  readonly problems: readonly ParseProblem[];
  /**
   * What the parser keeps with a document it made, for re-parsing an edit of it (fountain/state.ts
   * stateOf): absent from a document made by hand. Not enumerable, so that documents stay plain
   * data, deep-equal whichever way they were made: the document holds it, no module of core does.
   */
  readonly parserState?: DocumentState;
}

/**
 * What an incremental re-parse needs besides the document itself (FountainDocument.parserState).
 */
export interface DocumentState {
  /** Starts of the blank lines outside notes and boneyard, ascending. */
  readonly blankLines: readonly number[];
  /** False when parsing was cancelled: such a document cannot be patched. */
  readonly complete: boolean;
  /**
   * For a document patched from another: which of its elements are the other's, unchanged or
   * moved. Forgotten (forgetLineage) once the document has been analysed, which ends the chain of
   * old versions it holds.
   */
  lineage?: Lineage;
}

/**
 * How a patched document's elements relate to those of the document it was patched from: the
 * first `head` are the same elements, the next `middle` were read anew, and the rest are the old
 * ones from index `tail` on, moved by `delta` code units with their text (and its notes and
 * boneyard) unchanged. Lets later stages reuse what they worked out for an element without comparing texts.
 */
export interface Lineage {
  readonly previous: FountainDocument;
  readonly head: number;
  readonly middle: number;
  readonly tail: number;
  readonly delta: number;
}
