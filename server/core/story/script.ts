import type { CanonPack } from '../canon/model';
import type { Element, FountainDocument } from '../fountain/model';
import { absolute, passageBase, type PassageBase, type PassageSpan, type Span } from '../span';
import type { Anchor } from './anchors';
import type { Cast, Mention } from './cast';
import type { Clause } from './clauses';
import type { CompiledCanon, CompiledEvent } from './compiled';
import type { Conventions } from './conventions';
import type { PhrasingMatch } from './match';
import type { Mood } from './mood';
import type { Scene } from './scenes';
import type { Clock } from './clock';
import type { Related } from '../finding';
import type { Tokens } from './words';
import { detached } from '../detached';
import { countBefore } from '../sorted';

export { sameClock, type Clock } from './clock';

/** A place the story clock is set (a narrated event, an anchor): what a finding may point back to. */
export interface StorySource {
  readonly start: number;
  readonly related: Related;
}

/** What kind of text a passage is: narration happens, dialogue is belief. */
export type PassageKind = 'action' | 'dialogue' | 'cue' | 'parenthetical' | 'heading' | 'other';

/**
 * A run of text the story layer reads: one element's text, tokenised, with its canon names, and
 * for speech its speaker. It says nothing of where it stands: offsets of its tokens, mentions,
 * clauses, referents and matches count from its element's start (baseOf), not from the start of
 * the script, so what is read from a passage does not change when an edit before it moves it.
 * One Passage object serves every place the same text is read the same way, in every version of
 * the script; where each stands is Script.places. `at` turns a span read from one into one of the script.
 */
export interface Passage {
  readonly kind: PassageKind;
  /** Tokens of the element's masked text (notes and boneyard are blanked out). */
  readonly tokens: Tokens;
  readonly mentions: readonly Mention[];
  /** For dialogue and parentheticals: the cue they belong to, upper-case name without extensions. */
  readonly speaker?: string;
}

/**
 * Where a script's passages stand, by passage index (parallel to Script.passages): numbers, not
 * objects, so that a keystroke, which moves every passage after it, makes no object per passage.
 */
export interface PassagePlaces {
  /** Index into the document's elements, ascending. */
  readonly elements: readonly number[];
  /** Index into Script.scenes. */
  readonly scenes: readonly number[];
}

/** A document and where its passages stand in it: a Script, or an analysis on its way to one. */
export interface Placed {
  readonly doc: FountainDocument;
  readonly places: PassagePlaces;
}

/** The element a passage (by index) was read from. */
export function elementOf(script: Placed, passage: number): Element {
  return script.doc.elements[script.places.elements[passage]];
}

/**
 * Where a passage (by index) starts in the script: what the offsets read from it count from. Not a
 * number (span.ts PassageBase): `absolute(base, offset)` places an offset read from the passage.
 */
export function baseOf(script: Placed, passage: number): PassageBase {
  return passageBase(script.doc.elements[script.places.elements[passage]].start);
}

/** A passage's scene (by index): an index into Script.scenes. */
export function sceneOf(script: Placed, passage: number): number {
  return script.places.scenes[passage];
}

/**
 * A clause on the clock where the walk read it: narration, or dialogue that says a canon event
 * (a clause in a flashback, dream or the like has no record). Its passage is an index into
 * Script.passages, which says where it stands (Script.places): where an edit adds or removes no
 * passage, as typing in a line does, the records after it are the very same, and a keystroke
 * takes them as they are.
 */
export interface ClauseInfo {
  readonly clause: Clause;
  /** Index into Script.passages (its scene is the passage's). */
  readonly passage: number;
  /** The clock once the clause's own events have happened; undefined while unknown. */
  readonly clock?: Clock;
}

export interface EventOccurrence {
  readonly compiled: CompiledEvent;
  readonly mood: Mood;
  readonly match: PhrasingMatch;
  readonly info: ClauseInfo;
  /** The clock just before the event was narrated. */
  readonly before?: Clock;
}

/** A cue and who it is, with the clock when the character speaks. */
export interface CueInfo {
  /** Index into Script.passages (see ClauseInfo); its scene is the passage's. */
  readonly passage: number;
  readonly characterId?: string;
  readonly clock?: Clock;
  readonly offClock: boolean;
  /** True where the cue has dialogue under it. */
  readonly speaks: boolean;
}

export interface AnchorInfo {
  readonly anchor: Anchor;
  readonly scene: Scene;
  readonly offClock: boolean;
  readonly before?: Clock;
}

const NAMING = new Set<PassageKind>(['action', 'dialogue', 'cue', 'parenthetical']);

/** Whether the name rules read a passage's words: all but headings, which name places. */
export function readsNames(passage: Passage): boolean {
  return NAMING.has(passage.kind);
}

/**
 * Where a passage (by index) can name someone, as a span of the script: a cue's name without its
 * extensions ("V.O.", "CONT'D" are never names, even if a pack had such a name), any other passage whole.
 */
export function nameScope(script: Placed, passage: number): Span {
  const element = elementOf(script, passage);
  return element.type === 'character' ? { start: element.nameStart, end: element.nameEnd } : element;
}

/** The passage a clause or cue record was read from. */
export function passageOf(script: Script, record: { readonly passage: number }): Passage {
  return script.passages[record.passage];
}

/**
 * How many of a script's passages start before `offset`: the index of the first passage at or
 * after it, and of the passage starting there if one does.
 */
export function passagesBefore(script: Placed, offset: number): number {
  const elements = script.doc.elements;
  return countBefore(script.places.elements, (e) => elements[e].start, offset);
}

/** A span read from a passage (by index; counted from its base), as a span of the script. */
export function at(script: Placed, passage: number, span: PassageSpan): Span {
  const base = baseOf(script, passage);
  return { start: absolute(base, span.start), end: absolute(base, span.end) };
}

/** The script's text as written at a span read from a passage (by index): what a message quotes. */
export function writtenAt(script: Placed, passage: number, span: PassageSpan): string {
  const base = baseOf(script, passage);
  // Detached: messages quoting it are kept with the clause's findings (incremental/rule-memo.ts).
  return detached(script.doc.text.slice(absolute(base, span.start), absolute(base, span.end)));
}

/**
 * What an analysis took from the analysis before it (story/analyse-script.ts): the scenes before
 * the edit, the very same objects, and the scenes after it, where the story stood the same after
 * the edit, moved. In both, every clause, passage, scene and note is the earlier one, read in the
 * same context.
 */
export interface Reused {
  /** The earlier analysis's `version`. */
  readonly earlier: object;
  /** Everything before this offset (a scene's start; 0 for nothing) is the earlier analysis's, unmoved. */
  readonly headEnd: number;
  /** From `offset` (a scene's start) on, everything is the earlier analysis's from `offset - delta` on. */
  readonly tail?: { readonly offset: number; readonly delta: number };
}

/**
 * A value worked out from one passage's own text (its tokens, mentions, kind and written text) and
 * the canon alone: the seam may keep it with the passage's words, which stay the same object for
 * as long as those are the same (incremental/queries.ts). Asked through Script.queries.
 */
export interface PassageQuery<T> {
  readonly ofPassage: (script: Script, passage: Passage, index: number) => T;
}

/** A value worked out from the cast (the canon's names) alone. */
export interface CastQuery<T> {
  readonly ofCast: (cast: Cast) => T;
}

/** A value worked out from the whole analysed script: asked again of the same analysis, the same value. */
export interface ScriptQuery<T> {
  readonly ofScript: (script: Script) => T;
}

/**
 * Derived values of an analysed script, as the seam that keeps results between versions gives
 * them (incremental/queries.ts): who asks gets what the query's function would return, kept or
 * not, and keeps nothing itself.
 */
export interface Queries {
  passage<T>(query: PassageQuery<T>, index: number): T;
  /** Where the passages for which the query is true start, in order. */
  passagesWhere(query: PassageQuery<boolean>): readonly number[];
  cast<T>(query: CastQuery<T>): T;
  script<T>(query: ScriptQuery<T>): T;
}

/** The script as the rules see it. Built once per analysis by story/analyse-script.ts. */
export interface Script extends Placed {
  readonly pack: CanonPack;
  readonly cast: Cast;
  readonly canon: CompiledCanon;
  readonly passages: readonly Passage[];
  readonly places: PassagePlaces;
  readonly scenes: readonly Scene[];
  readonly conventions: Conventions;
  readonly anchors: readonly AnchorInfo[];
  /**
   * The clauses of action on the clock (ClockWalk.narration): where narration can contradict
   * canon. The clauses of dialogue that say canon events are `said`'s; others have no record.
   */
  readonly narration: readonly ClauseInfo[];
  readonly occurrences: readonly EventOccurrence[];
  /** Events said in dialogue (accusations), which satisfy `requires` but move no clock. */
  readonly said: readonly EventOccurrence[];
  readonly cues: readonly CueInfo[];
  readonly startClock?: Clock;
  readonly endClock?: Clock;
  /** Where the clock is set (narrated events, anchors), sorted by where each starts: what findings point back to. */
  readonly sources: readonly StorySource[];
  /** The script's line break, for the lines fixes insert. */
  readonly newline: string;
  /** Values derived from the script, through the seam (Queries). */
  readonly queries: Queries;
  /** Names this analysis, for the one after it (Reused.earlier); holds nothing. */
  readonly version: object;
  readonly reused?: Reused;
  lineOf(offset: number): number;
  /** The clock at an offset, for hovers. */
  clockAt(offset: number): Clock | undefined;
}
