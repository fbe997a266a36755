/**
 * What a clock walk takes from earlier walks, kept out of the walk itself (story/clock-walk.ts is a
 * pure function of its steps): readings of passages read before in the same context
 * (KeptReadings), the walk before the edited scene (resumeWalk), and the walk after it where it
 * reaches that scene standing where the earlier walk stood (spliceWalk). Each is the same value the
 * walk would work out again, because each depends only on what it is taken under: a reading on its
 * passage version and ReadingAsked; a scene's walk on its passages (the very same, moved) and the
 * walk's state as the scene starts (the clock, and which events were said so far; a scene starts
 * with nobody in view).
 */
import { recentKey } from '../story/clauses';
import type { Anchor } from '../story/anchors';
import type { ClockWalk, PassageReader, Reading, ReadingAsked, Recognition, SceneStart, WalkStart } from '../story/clock-walk';
import type { Resume, Tail } from './reuse';
import type { Scene } from '../story/scenes';
import { sameClock, type ClauseInfo, type EventOccurrence } from '../story/script';
import { countBefore } from '../sorted';
import type { CacheVersion, PassageCache, PassageReading, ReadingContext } from './passage-cache';

/**
 * What the walk's readings come from in an analysis's passage trace (reuse.ts PassageTrace): the
 * version each passage was read as, and the contexts the earlier analysis read them in.
 */
export interface ReadingTrace {
  readonly versions: readonly CacheVersion[];
  readonly before: { readonly readings: readonly (ReadingContext | undefined)[]; readonly pastIsBackstory: boolean } | undefined;
  readonly tail?: { readonly from: number; readonly at: number };
  readonly earlier: readonly (ReadingContext | undefined)[];
  readonly earlierFrom: number;
}

/** The context in which the earlier analysis read passage `at`, where the edits only moved it. */
function earlierContext(trace: ReadingTrace, at: number): ReadingContext | undefined {
  const tail = trace.tail;
  if (tail && at >= tail.at) return trace.before?.readings[at - tail.at + tail.from];
  return trace.earlier[at - trace.earlierFrom];
}

/**
 * Readings from the passage cache, by everything they depend on: the passage's version (its text,
 * kind and names) and the context it is read in. Where the edit only moved the passage and its
 * context is the very same as in the last analysis, that reading is taken without building the
 * key. Records each passage's context (`readings`) for the analysis after this one.
 */
export class KeptReadings implements PassageReader {
  readonly readings: (ReadingContext | undefined)[];
  /** Readings looked up by their context's key, not taken with the passage's earlier context: for tests. */
  keyed = 0;
  readonly #cache: PassageCache;
  readonly #trace: ReadingTrace;

  constructor(cache: PassageCache, trace: ReadingTrace, passages: number) {
    this.#cache = cache;
    this.#trace = trace;
    this.readings = new Array(passages);
  }

  get people(): PassageCache['people'] {
    return this.#cache.people;
  }

  reading(at: number, asked: ReadingAsked, read: () => Reading): Reading {
    const trace = this.#trace;
    const { recent, speakerId, heading, pastIsBackstory } = asked;
    const earlier = earlierContext(trace, at);
    const version = trace.versions[at];
    let entry: PassageReading;
    if (earlier && earlier.version === version && earlier.recent === recent && earlier.speakerId === speakerId && earlier.heading === heading
      && trace.before?.pastIsBackstory === pastIsBackstory) {
      entry = earlier.entry;
    } else {
      const key = `${recentKey(recent)}\u0001${speakerId ?? ''}\u0000${this.#cache.heading(heading)}\u0000${pastIsBackstory ? 1 : 0}`;
      entry = this.#cache.reading(version, key, () => {
        const fresh = read();
        // With every field it will have: recognitions added later went to a store of their own, 40 bytes more per reading.
        return { clauses: fresh.clauses, recent: fresh.recent, recognitions: undefined, used: 0, context: undefined };
      });
      this.keyed++;
    }
    // A context is its reading and who was named before (the reading's key says the rest): the
    // last one made for the reading serves every passage that reads the same text the same way.
    let context = earlier?.entry === entry && earlier.recent === recent ? earlier : entry.context;
    if (context?.entry !== entry || context.recent !== recent) context = entry.context = { recent, speakerId, heading, version, entry };
    this.readings[at] = context;
    return entry;
  }

  /** A reading's events, worked out once per kept reading (they depend on its clauses and heading, both in its key). */
  recognitions(reading: Reading, recognise: () => readonly (readonly Recognition[])[]): readonly (readonly Recognition[])[] {
    return reading.recognitions ??= recognise();
  }

  /**
   * Records, for passages [from, to), the reading contexts of an earlier analysis (passage p's is
   * its `p + shift`th), each only where it read the version the passage has now: a context that does
   * not belong to its passage is looked up again by the walk after, never trusted. Where the
   * passages are the earlier analysis's by construction (the scenes before the edit, resumed; the
   * passages after it, taken whole by passage-reuse.ts takeTail), so are their versions, and an
   * analysis records a context only for the version its passage has: those are copied without
   * looking at each (a look at every context was a cache miss per passage of the script, 9% of a
   * keystroke).
   */
  take(earlier: readonly (ReadingContext | undefined)[], from: number, to: number, shift: number, sameVersions: boolean): void {
    const readings = this.readings;
    if (sameVersions) {
      for (let p = from; p < to; p++) readings[p] = earlier[p + shift];
      return;
    }
    const versions = this.#trace.versions;
    for (let p = from; p < to; p++) {
      const context = earlier[p + shift];
      if (!context || context.version !== versions[p]) continue;
      readings[p] = context;
    }
  }

  /** Whether the passages from `from` on were taken whole from the earlier analysis (passage-reuse.ts takeTail). */
  tailTakenFrom(from: number, shift: number): boolean {
    const tail = this.#trace.tail;
    return tail !== undefined && from >= tail.at && tail.from - tail.at === shift;
  }
}

/**
 * Where a walk starts and what it takes from the walk of the analysis before (story/clock-walk.ts
 * walkClock asks it): the scenes before the edited one, given before the walk starts (`resumed`),
 * and the scenes after it where the walk reaches them standing where the earlier one stood
 * (`tail`, through rest). Records, for the analysis after this one, the reading contexts of the
 * passages taken (KeptReadings) and where the rest was taken from (`taken`).
 */
export class WalkReuse implements WalkStart {
  readonly passage: number = 0;
  readonly anchor: number = 0;
  readonly scene: number = -1;
  /** Where the scenes before the edited one end, where they were taken (0: none). */
  readonly headEnd: number = 0;
  /** Where the rest of the walk was taken from the earlier one, and how far the edits moved it. */
  taken: { readonly offset: number; readonly delta: number } | undefined;
  readonly #kept: KeptReadings | undefined;
  readonly #tail: Tail | undefined;
  readonly #lastRead: number;
  readonly #anchors: readonly Anchor[];
  readonly #scenes: readonly Scene[];

  /**
   * `resumed`, where the scenes before the edited one are the earlier analysis's (read the same
   * way); `tail`, where the scenes after it are its scenes only moved; `lastRead`, the last passage
   * read as another version than before (the rest may be taken only after it).
   */
  constructor(walk: ClockWalk, kept: KeptReadings | undefined, resumed: Resume | undefined, tail: Tail | undefined, lastRead: number,
    anchors: readonly Anchor[], scenes: readonly Scene[]) {
    this.#kept = kept;
    this.#tail = tail;
    this.#lastRead = lastRead;
    this.#anchors = anchors;
    this.#scenes = scenes;
    if (!resumed) return;
    // The same text from the same start gives the same walk.
    resumeWalk(walk, resumed.analysis.whole.walk, resumed.offset, resumed.scene, resumed.passages);
    kept?.take(resumed.analysis.readings, 0, resumed.passages, 0, true);
    this.passage = resumed.passages;
    this.headEnd = resumed.offset;
    this.anchor = countBefore(anchors, (a) => a.span.start, resumed.offset);
    this.scene = resumed.scene - 1;
  }

  rest(walk: ClockWalk, scene: number, passage: number, nextAnchor: number): boolean {
    const tail = this.#tail;
    if (!tail || scene < tail.scene || passage <= this.#lastRead) return false;
    if (!spliceWalk(walk, { ...tail, walk: tail.analysis.whole.walk }, scene, this.#anchors, nextAnchor, this.#scenes)) return false;
    // The readings of the passages taken, for the analysis after this one.
    const kept = this.#kept;
    kept?.take(tail.analysis.readings, passage, kept.readings.length, tail.passageShift, kept.tailTakenFrom(passage, tail.passageShift));
    this.taken = { offset: this.#scenes[scene].start, delta: tail.delta };
    return true;
  }
}

/**
 * Takes what `from` (a walk over the same text from the same start) did before `offset`, where
 * scene `scene` starts, its first passage the `passages`-th.
 */
export function resumeWalk(walk: ClockWalk, from: ClockWalk, offset: number, scene: number, passages: number): void {
  const take = <T>(to: T[], items: readonly T[], startOf: (item: T) => number, before: number, inclusive = false): void =>
    append(to, items, 0, countBefore(items, startOf, before, inclusive));
  take(walk.narration, from.narration, (c) => c.passage, passages);
  take(walk.cues, from.cues, (c) => c.passage, passages);
  take(walk.occurrences, from.occurrences, (o) => o.info.passage, passages);
  take(walk.said, from.said, (o) => o.info.passage, passages);
  take(walk.anchors, from.anchors, (a) => a.anchor.span.start, offset);
  walk.checkpoints.length = 0;
  take(walk.checkpoints, from.checkpoints, (c) => c.offset, offset, true);
  walk.clock = walk.checkpoints[walk.checkpoints.length - 1].clock;
  for (let s = 0; s < scene; s++) walk.starts[s] = from.starts[s];
}

/** Where the rest of a walk may be taken from an earlier one (reuse.ts Tail): how its indexes and offsets shift. */
export interface WalkShift {
  /** The earlier walk. */
  readonly walk: ClockWalk;
  readonly sceneShift: number;
  readonly passageShift: number;
  readonly delta: number;
}

/**
 * Takes the rest of the walk from the earlier walk `tail` names, where scene `scene` starts, if
 * `walk` stands where that one stood there: the same clock, and the same events said so far (all
 * that the walk's order check asks of what came before; a scene starts with nobody named).
 * Everything after is then the same reading of the same passages, moved. Returns false, taking
 * nothing, where the walks differ.
 */
export function spliceWalk(walk: ClockWalk, tail: WalkShift, scene: number, anchors: readonly Anchor[], nextAnchor: number, scenes: readonly Scene[]): boolean {
  const from = tail.walk;
  const at = from.starts[scene + tail.sceneShift];
  if (!at || !sameClock(at.clock, walk.clock) || anchors.length - nextAnchor !== from.anchors.length - at.anchors) return false;
  if (!sameIds(walk.said, walk.said.length, from.said, at.said)) return false;
  const { delta, sceneShift, passageShift } = tail;
  const now = walk.here();
  if (passageShift === 0) {
    // The edits added and removed no passage: the records after them hold the same indexes (a
    // record's scene is its passage's), so they are the very records of the earlier walk
    // (typing in a line, the usual case).
    append(walk.narration, from.narration, at.narration);
    append(walk.cues, from.cues, at.cues);
    append(walk.occurrences, from.occurrences, at.occurrences);
    append(walk.said, from.said, at.said);
  } else {
    moveRecords(walk, from, at, passageShift);
  }
  const sceneOf = (s: Scene): Scene => scenes[s.index + 1 - sceneShift];
  for (let a = at.anchors; a < from.anchors.length; a++) {
    const info = from.anchors[a];
    walk.anchors.push({ anchor: anchors[nextAnchor + a - at.anchors], scene: sceneOf(info.scene), before: info.before, offClock: info.offClock });
  }
  for (let c = at.checkpoints; c < from.checkpoints.length; c++) {
    const checkpoint = from.checkpoints[c];
    walk.checkpoints.push({ offset: checkpoint.offset + delta, clock: checkpoint.clock });
  }
  // Where every list is as long as it was when the scene started, so is it at each scene after.
  const sameCounts = now.narration === at.narration && now.cues === at.cues && now.occurrences === at.occurrences && now.said === at.said
    && now.anchors === at.anchors && now.checkpoints === at.checkpoints;
  for (let s = scene; s < scenes.length; s++) {
    const start = from.starts[s + sceneShift];
    if (!start) continue;
    walk.starts[s] = sameCounts ? start : {
      clock: start.clock, narration: start.narration - at.narration + now.narration,
      cues: start.cues - at.cues + now.cues,
      occurrences: start.occurrences - at.occurrences + now.occurrences, said: start.said - at.said + now.said,
      anchors: start.anchors - at.anchors + now.anchors, checkpoints: start.checkpoints - at.checkpoints + now.checkpoints,
    };
  }
  walk.clock = from.clock;
  return true;
}

/** The earlier walk's records from `at` on, with the indexes of their passages moved. */
function moveRecords(walk: ClockWalk, from: ClockWalk, at: SceneStart, passageShift: number): void {
  // Occurrences point to clause records; where the earlier walk listed the very same record as
  // a clause, so does this one.
  const shared = new Set<ClauseInfo>();
  for (let o = at.occurrences; o < from.occurrences.length; o++) shared.add(from.occurrences[o].info);
  for (let o = at.said; o < from.said.length; o++) shared.add(from.said[o].info);
  const move = (info: ClauseInfo): ClauseInfo =>
    ({ clause: info.clause, passage: info.passage - passageShift, clock: info.clock });
  const moved = new Map<ClauseInfo, ClauseInfo>();
  const infoOf = (info: ClauseInfo): ClauseInfo => {
    let to = moved.get(info);
    if (!to) moved.set(info, to = move(info));
    return to;
  };
  for (let n = at.narration; n < from.narration.length; n++) {
    const info = from.narration[n];
    walk.narration.push(shared.has(info) ? infoOf(info) : move(info));
  }
  for (let c = at.cues; c < from.cues.length; c++) {
    const cue = from.cues[c];
    walk.cues.push({ passage: cue.passage - passageShift, characterId: cue.characterId, clock: cue.clock, offClock: cue.offClock, speaks: cue.speaks });
  }
  for (let o = at.occurrences; o < from.occurrences.length; o++) {
    const occurrence = from.occurrences[o];
    walk.occurrences.push({ compiled: occurrence.compiled, mood: occurrence.mood, match: occurrence.match, info: infoOf(occurrence.info), before: occurrence.before });
  }
  for (let o = at.said; o < from.said.length; o++) {
    const said = from.said[o];
    walk.said.push({ compiled: said.compiled, mood: said.mood, match: said.match, info: infoOf(said.info), before: said.before });
  }
}

/** Whether the first `count` events said in `a` and the first `countB` in `b` are the same events, as a set. */
function sameIds(a: readonly EventOccurrence[], count: number, b: readonly EventOccurrence[], countB: number): boolean {
  const ids = (list: readonly EventOccurrence[], n: number): Set<string> => {
    const out = new Set<string>();
    for (let i = 0; i < n; i++) out.add(list[i].compiled.event.id);
    return out;
  };
  if (count === 0 && countB === 0) return true;
  const x = ids(a, count);
  const y = ids(b, countB);
  return x.size === y.size && [...x].every((id) => y.has(id));
}

/** Appends the items of `from` in [start, end), the list sized once. */
function append<T>(to: T[], from: readonly T[], start: number, end = from.length): void {
  let at = to.length;
  to.length = at + end - start;
  for (let i = start; i < end; i++) to[at++] = from[i];
}
