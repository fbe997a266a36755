/**
 * What an analysis keeps for the analysis of the next version of its document, and where that one
 * may take from it: everything before the edited scene (resumePoint), and the scenes after it
 * that the edits only moved (tailPoint).
 */
import type { FountainDocument } from '../fountain/model';
import type { Origins } from '../fountain/state';
import type { ClockWalk } from '../story/clock-walk';
import type { CacheVersion, PassageCache, ReadingContext } from './passage-cache';
import { countBefore } from '../sorted';
import { mergedSpans, type Landmarks, type OffClockSpan, type Scene } from '../story/scenes';
import { passagesBefore, sameClock, type Clock, type Passage, type PassagePlaces, type Placed } from '../story/script';
import type { ScriptNames } from '../story/script-cast';
import type { TenseVotes } from '../story/tense';

/**
 * What one analysis of a document used, by element index, kept for documents patched from it
 * (fountain/state.ts elementOrigins): they take the versions of the elements an edit only moved
 * without slicing and hashing their text again, their readings without building a key where the
 * context is the very same, and, where the walk went to the end, everything before the edited scene.
 */
export interface Analysis {
  readonly cache: PassageCache;
  /** The script's own names it was read with (PassageCache.names), and the names themselves. */
  readonly forms: number;
  readonly names: ScriptNames;
  /** Its elements that findScenes reads, by index. */
  readonly landmarks: Landmarks;
  /** How many passages it read. */
  readonly passages: number;
  /** The tense votes of its narration (story/tense.ts). */
  readonly tense: TenseVotes;
  readonly pastIsBackstory: boolean;
  /**
   * By passage: the version each was read as, its element's index (ascending), and the context of
   * its reading (where the walk got that far).
   */
  readonly versions: readonly CacheVersion[];
  readonly elements: readonly number[];
  readonly readings: readonly (ReadingContext | undefined)[];
  readonly whole?: WholeAnalysis;
}

/** An analysis whose clock walk went to the end: one to resume from. */
export interface WholeAnalysis {
  readonly startClock: Clock | undefined;
  readonly scenes: readonly Scene[];
  readonly offClock: readonly OffClockSpan[];
  readonly passages: readonly Passage[];
  readonly trace: PassageTrace;
  readonly walk: ClockWalk;
  /** The Script's version: what the rules keep their results under for the next analysis. */
  readonly version: object;
}

/** The analysis of the nearest earlier version of a document, on the same cache, and where its elements went. */
export interface Earlier {
  readonly analysis: Analysis;
  readonly origins: Origins;
}

/**
 * What building the passages found, per passage: the version it was read as, where it stands (its
 * element's index and its scene's), and the context of its reading in the earlier analysis, where
 * the edit only moved it. The clock walk reuses readings from it.
 */
export interface PassageTrace extends PassagePlaces {
  forms: number;
  names: ScriptNames;
  /** The earlier analysis, where it was read with the same script names. */
  before: Analysis | undefined;
  /** Set when the passages of the scenes before `resume.scene` were taken from the analysis resumed. */
  resumed?: Resume;
  /** Set where the passages from `at` on were taken from the earlier analysis's from `from` on (passage-reuse.ts takeTail). */
  tail?: { readonly from: number; readonly at: number };
  /**
   * The last passage read as another version than in the earlier analysis (edited, or writing a
   * script name that a typed cue changed): the walk may take the earlier one's only after it.
   */
  lastRead: number;
  readonly versions: CacheVersion[];
  readonly elements: number[];
  readonly scenes: number[];
  /**
   * The earlier contexts of the passages read from `earlierFrom` on, up to the tail taken (those
   * of the tail are the earlier analysis's, earlierContext finds them): a list as long as the
   * script, copied at every keystroke, served a walk that reads a dozen passages.
   */
  readonly earlier: (ReadingContext | undefined)[];
  earlierFrom: number;
}

/**
 * Where an analysis starts from the one before: at the scene before the first element an edit
 * changed (the edited element may be a heading, which moves where the scene before it ends).
 * Everything before that scene is the same elements, so the same passages, the same scenes and,
 * from the same start clock, the same clock walk. Off-clock spans agree there too: a flashback
 * before it covers it whatever ends the flashback later on.
 */
export interface Resume {
  readonly analysis: Analysis & { readonly whole: WholeAnalysis };
  /** The first scene read again. */
  readonly scene: number;
  /** Where that scene starts. */
  readonly offset: number;
  /** The index of the first element at or after `offset`, and how many passages stand before it. */
  readonly element: number;
  readonly passages: number;
}

export function resumePoint(doc: FountainDocument, scenes: readonly Scene[], earlier: Earlier | undefined, startClock: Clock | undefined): Resume | undefined {
  const analysis = earlier?.analysis;
  if (!earlier || !analysis || !walkedFrom(analysis, startClock)) return undefined;
  const from = analysis.whole;
  const kept = earlier.origins.kept;
  const changedAt = kept < doc.elements.length ? doc.elements[kept].start : doc.text.length;
  const scene = countBefore(scenes, (s) => s.start, changedAt) - 1;
  if (scene < 1 || scene > from.scenes.length) return undefined;
  for (let i = 0; i < scene; i++) if (scenes[i].heading !== from.scenes[i].heading || !sameScene(scenes[i], from.scenes[i], 0)) return undefined;
  const offset = scenes[scene].start;
  return {
    analysis, scene, offset,
    element: countBefore(doc.elements, (e) => e.start, offset),
    // The elements before the edit stand where they stood in the earlier document.
    passages: passagesBefore({ doc: earlier.origins.ancestor, places: from.trace }, offset),
  };
}

/**
 * Where an analysis may stop walking the clock and take the rest of the walk from the one before:
 * at the start of a scene from which on every element is one the edits only moved. From there the
 * scenes, the passages and the notes are the earlier ones moved by `delta`, so a walk that reaches
 * that scene in the same state (ClockWalk.splice) goes on exactly as the earlier one did.
 */
export interface Tail {
  readonly analysis: Analysis & { readonly whole: WholeAnalysis };
  /** The first scene (index into Script.scenes) whose elements the edits all only moved. */
  readonly scene: number;
  /** A scene's and a passage's index in the earlier analysis, from this one's. */
  readonly sceneShift: number;
  readonly passageShift: number;
  /** How far the edits moved the text of the tail. */
  readonly delta: number;
}

export function tailPoint(placed: Placed, scenes: readonly Scene[], offClock: readonly OffClockSpan[], earlier: Earlier,
  startClock: Clock | undefined): Tail | undefined {
  const doc = placed.doc;
  const analysis = earlier.analysis;
  if (!walkedFrom(analysis, startClock)) return undefined;
  const { tailFrom, tailShift, ancestor } = earlier.origins;
  if (tailFrom >= doc.elements.length) return undefined;
  const from = analysis.whole;
  const tailStart = doc.elements[tailFrom].start;
  const delta = tailStart - ancestor.elements[tailFrom + tailShift].start;
  const scene = countBefore(scenes, (s) => s.start, tailStart);
  if (scene === 0 || scene >= scenes.length) return undefined;
  const start = scenes[scene].start;
  const oldScene = countBefore(from.scenes, (s) => s.start, start - delta);
  if (scenes.length - scene !== from.scenes.length - oldScene) return undefined;
  for (let k = scene; k < scenes.length; k++) if (!sameScene(scenes[k], from.scenes[k - scene + oldScene], delta)) return undefined;
  const covered = mergedSpans(offClock, start, 0);
  const coveredBefore = mergedSpans(from.offClock, start - delta, delta);
  if (covered.length !== coveredBefore.length || covered.some((c, i) => c.start !== coveredBefore[i].start || c.end !== coveredBefore[i].end)) return undefined;
  const passage = passagesBefore(placed, start);
  const oldPassage = passagesBefore({ doc: ancestor, places: from.trace }, start - delta);
  if (placed.places.elements.length - passage !== from.passages.length - oldPassage) return undefined;
  return { analysis, scene, sceneShift: oldScene - scene, passageShift: oldPassage - passage, delta };
}

export function isWhole(analysis: Analysis): analysis is Analysis & { readonly whole: WholeAnalysis } {
  return analysis.whole !== undefined;
}

/** Whether an analysis walked the whole script from the same start clock: one to take from. */
function walkedFrom(analysis: Analysis, startClock: Clock | undefined): analysis is Analysis & { readonly whole: WholeAnalysis } {
  return isWhole(analysis) && sameClock(analysis.whole.startClock, startClock);
}

/** Whether scene `a` is scene `b` of an earlier analysis, moved by `delta`: where it stands, its heading's text, and whether it is off the clock. */
function sameScene(a: Scene, b: Scene, delta: number): boolean {
  return a.start - delta === b.start && a.end - delta === b.end && a.heading?.text === b.heading?.text
    && a.offClock === b.offClock && a.offClockReason === b.offClockReason;
}
