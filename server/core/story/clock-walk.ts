/**
 * The story clock, moved through a script's passages in reading order: which canon events the
 * narration says happen (and the dialogue says happened), where the clock stands at every clause,
 * and what anchors place the story. story/analyse-script.ts drives it; it can take what an earlier
 * walk over the same text did, before an edit (resume) or after it (splice).
 */
import { notSpeakingHere } from './voices';
import type { Element } from '../fountain/model';
import type { Anchor } from './anchors';
import type { Cast } from './cast';
import { ClauseReader, recentKey, type Clause, type Recent } from './clauses';
import { SCRIPT_ID } from './script-cast';
import type { CompiledCanon } from './compiled';
import type { CacheVersion, PassageCache, PassageReading, ReadingContext, Recognition } from '../incremental/passage-cache';
import { ClauseWords, EventReader } from './recognise';
import { mergedSpans, type OffClockSpan, type Scene } from './scenes';
import { sameClock, type AnchorInfo, type ClauseInfo, type Clock, type CueInfo, type EventOccurrence, type Passage } from './script';
import { countBefore } from '../sorted';

/** Moves the clock for an event: narrated now pins it; stated as past only moves it forward. */
function afterEvent(clock: Clock | undefined, index: number, asFact: boolean): Clock {
  if (!asFact || !clock || clock.hi < index) return { lo: index, hi: index };
  return { lo: Math.max(clock.lo, index), hi: clock.hi };
}

/**
 * Moves the clock for an event that may happen again: told before its place in canon, it is its
 * first time and pins the clock; told later, it is a return and says only that the story is past
 * its place (the clock stays, or, unknown, becomes "anywhere after it").
 */
function afterRepeat(clock: Clock | undefined, index: number, last: number): Clock | undefined {
  if (!clock) return { lo: index, hi: Math.max(index, last) };
  if (clock.hi < index) return { lo: index, hi: index };
  if (clock.lo >= index) return clock;
  return { lo: index, hi: clock.hi };
}

/**
 * Where an anchor puts the clock: after an event (or on it) the gap after it, before it the gap
 * before. A day spans the events from `first` to `last`: after it is the gap after the last, before
 * it the gap before the first, and on it anywhere from before the first to after the last.
 */
function afterAnchor(anchor: Anchor, first: number, last = first): Clock {
  if (anchor.relation === 'before') return { lo: first - 1, hi: first - 1 };
  if (anchor.relation === 'on' && anchor.day) return { lo: first - 1, hi: last };
  return { lo: last, hi: last };
}

/**
 * Whether an offset lies in an off-clock span, by binary search over the spans merged:
 * asking each span for each passage made long scripts with many flashbacks quadratic.
 */
function offClockTest(spans: readonly OffClockSpan[]): (offset: number) => boolean {
  const merged = mergedSpans(spans, 0, 0);
  return (offset) => {
    const count = countBefore(merged, (s) => s.start, offset, true);
    return count > 0 && offset < merged[count - 1].end;
  };
}

/**
 * What the walk reads of an analysis's passage trace (incremental/reuse.ts PassageTrace): the
 * version each passage was read as, and the contexts the earlier analysis read them in.
 */
export interface ReadingTrace {
  readonly versions: readonly CacheVersion[];
  readonly before: { readonly readings: readonly (ReadingContext | undefined)[]; readonly pastIsBackstory: boolean } | undefined;
  readonly tail?: { readonly from: number; readonly at: number };
  readonly earlier: readonly (ReadingContext | undefined)[];
  readonly earlierFrom: number;
}

/** Where the rest of a walk may be taken from an earlier one (incremental/reuse.ts Tail): how its indexes and offsets shift. */
export interface WalkShift {
  /** The earlier walk, and the reading contexts of its analysis. */
  readonly walk: ClockWalk;
  readonly readings: readonly (ReadingContext | undefined)[];
  readonly sceneShift: number;
  readonly passageShift: number;
  readonly delta: number;
}

/** The context in which the earlier analysis read passage `at`, where the edits only moved it. */
function earlierContext(trace: ReadingTrace, at: number): ReadingContext | undefined {
  const tail = trace.tail;
  if (tail && at >= tail.at) return trace.before?.readings[at - tail.at + tail.from];
  return trace.earlier[at - trace.earlierFrom];
}

/** The cache, what the clock walk reads from it, and where it records each passage's reading context. */
export interface WalkCache {
  readonly cache: PassageCache;
  readonly trace: ReadingTrace;
  readonly readings: (ReadingContext | undefined)[];
}

/**
 * Records, for passages [from, to), the reading contexts of an earlier analysis (passage p's is
 * its `p + shift`th), each only where it read the version the passage has now: a context that does
 * not belong to its passage is looked up again by the walk after, never trusted.
 */
export function takeReadings(cached: WalkCache, earlier: readonly (ReadingContext | undefined)[], from: number, to: number, shift: number): void {
  const versions = cached.trace.versions;
  for (let p = from; p < to; p++) {
    const context = earlier[p + shift];
    if (!context || context.version !== versions[p]) continue;
    cached.readings[p] = context;
  }
}

/** How far a walk had got when a scene started: its clock, and how long each of its lists was. */
interface SceneStart {
  readonly clock: Clock | undefined;
  readonly narration: number;
  readonly cues: number;
  readonly occurrences: number;
  readonly said: number;
  readonly anchors: number;
  readonly checkpoints: number;
}

/** The story clock, moved through the script in reading order. */
export class ClockWalk {
  readonly anchors: AnchorInfo[] = [];
  /**
   * The clauses of action on the clock, in order: where narration can contradict canon. The only
   * clause records the walk keeps besides those of events said in dialogue (`said`): no rule
   * reads a clause off the clock, or one of dialogue that says no event, and a record for each
   * was 4% of a long script's heap.
   */
  readonly narration: ClauseInfo[] = [];
  readonly occurrences: EventOccurrence[] = [];
  readonly said: EventOccurrence[] = [];
  readonly cues: CueInfo[] = [];
  /** Readings looked up by their context's key, not taken with the passage's earlier context: for tests. */
  keyed = 0;
  clock: Clock | undefined;
  readonly #checkpoints: { offset: number; clock: Clock | undefined }[] = [];
  /** By scene index, where the walk stood as the scene started (absent for a scene with no passage). */
  readonly #starts: (SceneStart | undefined)[] = [];
  readonly #canon: CompiledCanon;
  readonly #cast: Cast;
  readonly #reader: ClauseReader;
  readonly #events: EventReader;
  readonly #offClock: (offset: number) => boolean;
  readonly #speakers = new Map<string, string | undefined>();
  readonly #cached: WalkCache | undefined;
  readonly #pastIsBackstory: boolean;
  /** Who the scene's narration named last: with the speaker, who a pronoun after a speech can be. */
  #onStage: readonly Recent[] = [];
  /**
   * Whether the scene has started playing a recording ("The recording's tinny piano. Cassie rises
   * onto pointe"): from there to the scene's end, who acts and speaks does so on the recording, at
   * no time on the canon clock, so the clauses and cues are recorded with no clock.
   */
  #screening = false;

  constructor(canon: CompiledCanon, cast: Cast, start: Clock | undefined, offClock: readonly OffClockSpan[], pastIsBackstory: boolean, cached?: WalkCache) {
    this.#pastIsBackstory = pastIsBackstory;
    this.#offClock = offClockTest(offClock);
    this.#cached = cached;
    this.#canon = canon;
    this.#cast = cast;
    this.#events = new EventReader(cast);
    this.#reader = new ClauseReader(cast, pastIsBackstory, cached?.cache.people);
    this.clock = start;
    this.#checkpoints.push({ offset: 0, clock: start });
  }

  newScene(scene: number): void {
    this.#reader.reset();
    this.#onStage = this.#reader.recent;
    this.#screening = false;
    this.#starts[scene] = this.#start();
  }

  #start(): SceneStart {
    return {
      clock: this.clock, narration: this.narration.length, cues: this.cues.length, occurrences: this.occurrences.length,
      said: this.said.length, anchors: this.anchors.length, checkpoints: this.#checkpoints.length,
    };
  }

  /**
   * Takes the rest of the walk from the analysis `tail` names, where scene `scene` (at `passage`)
   * starts, if this walk stands where that one stood there: the same clock, and the same events
   * said so far (all that #fitsOrder asks of what came before; a scene starts with nobody named).
   * Everything after is then the same reading of the same passages, moved. Returns false, taking
   * nothing, where the walks differ.
   */
  splice(tail: WalkShift, scene: number, passage: number, anchors: readonly Anchor[], nextAnchor: number, scenes: readonly Scene[]): boolean {
    const from = tail.walk;
    const at = from.#starts[scene + tail.sceneShift];
    if (!at || !sameClock(at.clock, this.clock) || anchors.length - nextAnchor !== from.anchors.length - at.anchors) return false;
    if (!sameIds(this.said, this.said.length, from.said, at.said)) return false;
    const { delta, sceneShift, passageShift } = tail;
    const now = this.#start();
    if (passageShift === 0) {
      // The edits added and removed no passage: the records after them hold the same indexes (a
      // record's scene is its passage's), so they are the very records of the earlier walk
      // (typing in a line, the usual case).
      append(this.narration, from.narration, at.narration);
      append(this.cues, from.cues, at.cues);
      append(this.occurrences, from.occurrences, at.occurrences);
      append(this.said, from.said, at.said);
    } else {
      this.#moveRecords(from, at, passageShift);
    }
    const sceneOf = (s: Scene): Scene => scenes[s.index + 1 - sceneShift];
    for (let a = at.anchors; a < from.anchors.length; a++) {
      const info = from.anchors[a];
      this.anchors.push({ anchor: anchors[nextAnchor + a - at.anchors], scene: sceneOf(info.scene), before: info.before, offClock: info.offClock });
    }
    for (let c = at.checkpoints; c < from.#checkpoints.length; c++) {
      const checkpoint = from.#checkpoints[c];
      this.#checkpoints.push({ offset: checkpoint.offset + delta, clock: checkpoint.clock });
    }
    // Where every list is as long as it was when the scene started, so is it at each scene after.
    const sameCounts = now.narration === at.narration && now.cues === at.cues && now.occurrences === at.occurrences && now.said === at.said
      && now.anchors === at.anchors && now.checkpoints === at.checkpoints;
    for (let s = scene; s < scenes.length; s++) {
      const start = from.#starts[s + sceneShift];
      if (!start) continue;
      this.#starts[s] = sameCounts ? start : {
        clock: start.clock, narration: start.narration - at.narration + now.narration,
        cues: start.cues - at.cues + now.cues,
        occurrences: start.occurrences - at.occurrences + now.occurrences, said: start.said - at.said + now.said,
        anchors: start.anchors - at.anchors + now.anchors, checkpoints: start.checkpoints - at.checkpoints + now.checkpoints,
      };
    }
    this.clock = from.clock;
    // The readings of the passages taken, for the analysis after this one.
    if (this.#cached) takeReadings(this.#cached, tail.readings, passage, this.#cached.readings.length, passageShift);
    return true;
  }

  /** The earlier walk's records from `at` on, with the indexes of their passages moved. */
  #moveRecords(from: ClockWalk, at: SceneStart, passageShift: number): void {
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
      this.narration.push(shared.has(info) ? infoOf(info) : move(info));
    }
    for (let c = at.cues; c < from.cues.length; c++) {
      const cue = from.cues[c];
      this.cues.push({ passage: cue.passage - passageShift, characterId: cue.characterId, clock: cue.clock, offClock: cue.offClock, speaks: cue.speaks });
    }
    for (let o = at.occurrences; o < from.occurrences.length; o++) {
      const occurrence = from.occurrences[o];
      this.occurrences.push({ compiled: occurrence.compiled, mood: occurrence.mood, match: occurrence.match, info: infoOf(occurrence.info), before: occurrence.before });
    }
    for (let o = at.said; o < from.said.length; o++) {
      const said = from.said[o];
      this.said.push({ compiled: said.compiled, mood: said.mood, match: said.match, info: infoOf(said.info), before: said.before });
    }
  }

  /**
   * Takes what `from` (a walk over the same text from the same start) did before `offset`, where
   * scene `scene` starts, its first passage the `passages`-th.
   */
  resume(from: ClockWalk, offset: number, scene: number, passages: number): void {
    const take = <T>(to: T[], items: readonly T[], startOf: (item: T) => number, before: number, inclusive = false): void =>
      append(to, items, 0, countBefore(items, startOf, before, inclusive));
    take(this.narration, from.narration, (c) => c.passage, passages);
    take(this.cues, from.cues, (c) => c.passage, passages);
    take(this.occurrences, from.occurrences, (o) => o.info.passage, passages);
    take(this.said, from.said, (o) => o.info.passage, passages);
    take(this.anchors, from.anchors, (a) => a.anchor.span.start, offset);
    this.#checkpoints.length = 0;
    take(this.#checkpoints, from.#checkpoints, (c) => c.offset, offset, true);
    this.clock = this.#checkpoints[this.#checkpoints.length - 1].clock;
    for (let s = 0; s < scene; s++) this.#starts[s] = from.#starts[s];
  }

  anchor(anchor: Anchor, scene: Scene): void {
    const offClock = this.#offClock(anchor.span.start);
    this.anchors.push({ anchor, scene, before: this.clock, offClock });
    if (offClock) return;
    if (anchor.day) {
      const first = this.#canon.eventIndex.get(anchor.day.first);
      const last = this.#canon.eventIndex.get(anchor.day.last);
      if (first !== undefined && last !== undefined) this.#set(anchor.span.end, afterAnchor(anchor, first, last));
      return;
    }
    const index = anchor.event && this.#canon.eventIndex.get(anchor.event.id);
    if (index === undefined) return;
    this.#set(anchor.span.end, afterAnchor(anchor, index));
  }

  /** Reads the passage `at` of `all`, read from `element`, in `scene`. */
  passage(passage: Passage, element: Element, scene: Scene, all: readonly Passage[], at: number): void {
    const offClock = this.#offClock(element.start);
    if (passage.kind === 'cue') {
      const characterId = this.#speakerId(element.type === 'character' ? element.name : '');
      this.cues.push({ passage: at, characterId, clock: offClock || this.#screening ? undefined : this.clock, offClock, speaks: speaks(all, at) });
      const name = element.type === 'character' ? element.name.trim().toUpperCase() : '';
      // A voice-over or a voice on a phone is not on stage: narration's pronouns after it are not theirs.
      const here = element.type === 'character' && !element.extensions.some(notSpeakingHere);
      if (name && here) this.#reader.spoke(characterId ?? SCRIPT_ID + name, this.#onStage);
      return;
    }
    if (passage.kind !== 'action' && passage.kind !== 'dialogue') return;
    if (passage.kind === 'action' && !this.#screening && passage.tokens.someWord(isRecording)) this.#screening = true;
    const speakerId = passage.speaker ? this.#speakerId(passage.speaker) : undefined;
    const heard = this.#reader.recent;
    const reading = this.#read(passage, at, scene, speakerId);
    // What dialogue names is what a character says, not who is on stage: narration after it
    // resolves its pronouns as it did before the speech (with the speaker, ClauseReader.spoke).
    if (passage.kind === 'dialogue') this.#reader.recent = heard;
    else this.#onStage = this.#reader.recent;
    const recognitions = offClock ? undefined : reading.recognitions ??= this.#recognise(passage, scene, reading.clauses);
    // Off the clock a clause moves nothing and no rule reads it. Dialogue is belief: its clauses
    // are kept only where they say a canon event (`said`), narration's all (`narration`).
    if (!recognitions) return;
    for (let c = 0; c < reading.clauses.length; c++) {
      const clause = reading.clauses[c];
      if (passage.kind === 'dialogue') {
        if (recognitions[c].length > 0) this.#said({ clause, passage: at, clock: this.clock }, recognitions[c]);
        continue;
      }
      let info: ClauseInfo = { clause, passage: at, clock: this.#screening ? undefined : this.clock };
      if (recognitions[c].length > 0) {
        this.#narrated(info, element.start, recognitions[c]);
        if (info.clock !== this.clock && !this.#screening) info = { ...info, clock: this.clock };
      }
      this.narration.push(info);
    }
  }

  /**
   * The passage's clauses, from the cache where the same text was read with the same names before
   * it, the same speaker and (for narration's context words) the same heading. Where the edit only
   * moved the passage and its context is the very same as in the last analysis, that reading is
   * taken without building the key.
   */
  #read(passage: Passage, at: number, scene: Scene, speakerId: string | undefined): PassageReading {
    // With every field it will have: recognitions added later went to a store of their own, 40 bytes more per reading.
    const read = (): PassageReading => ({
      clauses: this.#reader.read(passage.tokens, passage.mentions, speakerId), recent: this.#reader.recent, recognitions: undefined, used: 0, context: undefined,
    });
    const cached = this.#cached;
    if (!cached) return read();
    const { cache, trace, readings } = cached;
    const recent = this.#reader.recent;
    const heading = passage.kind === 'action' ? scene.heading?.text ?? '' : '';
    const earlier = earlierContext(trace, at);
    const version = trace.versions[at];
    let entry: PassageReading;
    if (earlier && earlier.version === version && earlier.recent === recent && earlier.speakerId === speakerId && earlier.heading === heading
      && trace.before?.pastIsBackstory === this.#pastIsBackstory) {
      entry = earlier.entry;
    } else {
      const key = `${recentKey(recent)}\u0001${speakerId ?? ''}\u0000${cache.heading(heading)}\u0000${this.#pastIsBackstory ? 1 : 0}`;
      entry = cache.reading(version, key, read);
      this.keyed++;
    }
    // A context is its reading and who was named before (the reading's key says the rest): the
    // last one made for the reading serves every passage that reads the same text the same way.
    let context = earlier?.entry === entry && earlier.recent === recent ? earlier : entry.context;
    if (context?.entry !== entry || context.recent !== recent) context = entry.context = { recent, speakerId, heading, version, entry };
    readings[at] = context;
    this.#reader.recent = entry.recent;
    return entry;
  }

  /** The canon events each clause narrates (or, in dialogue, says), before the clock decides what they do. */
  #recognise(passage: Passage, scene: Scene, clauses: readonly Clause[]): readonly (readonly Recognition[])[] {
    const all = clauses.map((clause) => {
      const words = new ClauseWords(clause, this.#canon);
      // Most clauses have no phrasing's key word: no event can be recognised in them.
      if (words.none) return NO_RECOGNITIONS;
      const found: Recognition[] = [];
      for (const event of this.#canon.events) {
        if (passage.kind === 'dialogue') {
          if (!words.mayMatchAny(event.said)) continue;
          const r = this.#events.said(clause, words, event);
          if (r) found.push({ event: event.index, mood: r.mood, match: r.match });
        } else {
          if (!words.mayMatchAny(event.phrasings)) continue;
          const r = this.#events.narrated(clause, words, event, scene.heading?.text);
          if (r && r.mood !== 'irrealis') found.push({ event: event.index, mood: r.mood, match: r.match });
        }
      }
      // The reading keeps these for as long as the passage is cached: one empty list for all.
      return found.length === 0 ? NO_RECOGNITIONS : found;
    });
    // Most passages name no event at all: one list of empty lists per count of clauses (up to a
    // passage's worth: a longer one keeps its own).
    return all.length <= SHARED_NONE && all.every((r) => r === NO_RECOGNITIONS) ? noRecognitions(all.length) : all;
  }

  clockAt(offset: number): Clock | undefined {
    let found: Clock | undefined;
    for (const c of this.#checkpoints) {
      if (c.offset > offset) break;
      found = c.clock;
    }
    return found;
  }

  /** Who a cue names, looked up once per name: cues repeat all through a script. */
  #speakerId(name: string): string | undefined {
    if (!this.#speakers.has(name)) this.#speakers.set(name, this.#cast.lookup(name)?.id);
    return this.#speakers.get(name);
  }

  #narrated(info: ClauseInfo, base: number, recognitions: readonly Recognition[]): void {
    const found: EventOccurrence[] = recognitions.map((r) => ({ compiled: this.#canon.events[r.event], mood: r.mood, match: r.match, info, before: undefined }));
    found.sort((a, b) => a.match.start - b.match.start);
    for (const occurrence of found) {
      this.occurrences.push({ ...occurrence, before: this.clock });
      // An event out of canon order is reported (event-order), and after it the story's place on
      // the canon timeline is unknown until an event or an anchor places it again: following the
      // event would turn one slip into a cascade of warnings, and so would keeping a clock the
      // story has just contradicted (a writer who has Juliet handed the vial again means her awake).
      if (!this.#fitsOrder(occurrence)) {
        if (this.clock !== undefined) this.#set(base + occurrence.match.end, undefined);
        continue;
      }
      const { index, event } = occurrence.compiled;
      const next = event.repeats ? afterRepeat(this.clock, index, this.#canon.events.length - 1) : afterEvent(this.clock, index, occurrence.mood === 'fact');
      if (next !== this.clock) this.#set(base + occurrence.match.end, next);
    }
  }

  #fitsOrder(occurrence: EventOccurrence): boolean {
    const clock = this.clock;
    if (!clock || occurrence.mood !== 'actual') return true;
    if (clock.lo > occurrence.compiled.index && !occurrence.compiled.event.repeats) return false;
    return occurrence.compiled.event.requires.every((id) => {
      const index = this.#canon.eventIndex.get(id);
      return index === undefined || clock.hi >= index || this.said.some((s) => s.compiled.event.id === id);
    });
  }

  #said(info: ClauseInfo, recognitions: readonly Recognition[]): void {
    for (const r of recognitions) this.said.push({ compiled: this.#canon.events[r.event], mood: r.mood, match: r.match, info, before: this.clock });
  }

  #set(offset: number, clock: Clock | undefined): void {
    this.clock = clock;
    this.#checkpoints.push({ offset, clock });
  }
}

/** What most clauses recognise: no event. Frozen, since every reading shares it. */
const NO_RECOGNITIONS: readonly Recognition[] = Object.freeze([]);
const SHARED_NONE = 64;
/** Made once as the module loads, not as asked: core keeps no state that changes. */
const NONE_BY_COUNT: readonly (readonly (readonly Recognition[])[])[] = Array.from({ length: SHARED_NONE + 1 },
  (_, count) => Object.freeze(new Array<readonly Recognition[]>(count).fill(NO_RECOGNITIONS)));

function noRecognitions(count: number): readonly (readonly Recognition[])[] {
  return NONE_BY_COUNT[count];
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

const ANY_WORD = (): boolean => true;

/** Words that say a recording is playing, not a screen merely there (a hospital's monitor is not one). */
const RECORDINGS = new Set(['recording', 'recordings', 'footage', 'video', 'videos', 'playback', 'livestream', 'vhs', 'dvd', 'camcorder', 'webcam']);

function isRecording(word: string): boolean {
  return RECORDINGS.has(word);
}

/** A cue speaks when dialogue follows it (parentheticals may stand between). */
function speaks(all: readonly Passage[], at: number): boolean {
  for (let i = at + 1; i < all.length; i++) {
    if (all[i].kind === 'parenthetical') continue;
    return all[i].kind === 'dialogue' && all[i].tokens.someWord(ANY_WORD);
  }
  return false;
}
