/**
 * The story clock, moved through a script's passages in reading order: which canon events the
 * narration says happen (and the dialogue says happened), where the clock stands at every clause,
 * and what anchors place the story. `walkClock` goes through the passages, scenes and anchors,
 * one step each. The walk is a pure function of those, the start clock and the compiled canon: it
 * keeps nothing between walks and takes nothing from an earlier one. What a later walk takes from
 * an earlier one (the scenes before an edit, those after it) is the seam's, given as a WalkStart
 * (incremental/walk-reuse.ts), and so is where a passage's reading comes from (PassageReader).
 */
import { notSpeakingHere } from './voices';
import type { Element } from '../fountain/model';
import type { Anchor } from './anchors';
import type { CancellationToken } from '../cancellation';
import type { Cast } from './cast';
import { ClauseReader, type Clause, type PeopleLists, type Recent } from './clauses';
import { anotherHappening } from './told';
import { readClause } from './reading';
import { SCRIPT_ID } from './script-cast';
import { certainlyInside, type CompiledCanon } from './compiled';
import type { Mood } from './mood';
import type { PhrasingMatch } from './match';
import { ClauseWords, EventReader } from './recognise';
import { quotedEvents } from './quotes';
import { mergedSpans, sceneAt, type OffClockSpan, type Scene } from './scenes';
import { elementOf, type AnchorInfo, type ClauseInfo, type Clock, type CueInfo, type EventOccurrence, type Passage, type Placed } from './script';
import { countBefore } from '../sorted';

/** Moves the clock for an event: narrated now pins it; stated as past only moves it forward. */
function afterEvent(clock: Clock | undefined, index: number, asFact: boolean): Clock {
  if (!asFact || !clock || clock.hi < index) return { lo: index, hi: index };
  return { lo: Math.max(clock.lo, index), hi: clock.hi };
}

/**
 * Moves the clock for a speech that says an event's own canon words: the event is playing, so the
 * story stands just before it or just after, and no earlier than it stood. What the event begins
 * (a death whose dying words are the quotation) is not yet certain.
 */
function duringEvent(clock: Clock | undefined, index: number): Clock {
  if (!clock || clock.hi < index - 1) return { lo: index - 1, hi: index };
  if (clock.lo >= index - 1) return clock.hi >= index ? clock : { lo: clock.lo, hi: index };
  return { lo: index - 1, hi: Math.max(clock.hi, index) };
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
 * A narrated event may leap the clock over canon events the story has not told: "Hail, King of
 * Scotland!" before the last fight. Where one of them begins a state that forbids something (a
 * death), the story has not said it happened, and the clock does not assert it: it stands
 * anywhere from just before that event to the one narrated. Without this, one event told early
 * made every later line of the man still fighting a warning. (An anchor says where the story
 * stands, and pins the clock all the same.)
 */
function heldBack(before: Clock, next: Clock, index: number, starts: readonly number[]): Clock {
  for (const start of starts) {
    if (start <= before.hi) continue;
    if (start >= index) break;
    return { lo: Math.max(before.lo, start - 1), hi: next.hi };
  }
  return next;
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

/** An event recognised in a clause, before the story clock has a say: the clock walk decides what it does. */
export interface Recognition {
  /** Index of the event in the compiled canon. */
  readonly event: number;
  readonly mood: Mood;
  readonly match: PhrasingMatch;
  /**
   * For a waking that tells the event (CompiledEvent.wakings), the index of the state's first
   * event: it tells the event only while the clock stands certainly inside that state.
   */
  readonly wakingFrom?: number;
}

/**
 * How a passage reads given who was named just before it (for pronouns) and, for narration, the
 * scene heading (context words): its clauses, who is named last, and the events in each clause
 * (absent until the walk first asks, and never asked off the clock).
 */
export interface Reading {
  readonly clauses: readonly Clause[];
  /** Who the next passage's pronouns may point to. */
  readonly recent: readonly Recent[];
  recognitions: readonly (readonly Recognition[])[] | undefined;
}

/** Everything a passage's reading depends on besides its text: equal context, equal reading. */
export interface ReadingAsked {
  /** Who was named just before, as the reader held it (arrays are never changed once made). */
  readonly recent: readonly Recent[];
  readonly speakerId: string | undefined;
  /** The scene heading's text for narration ('' for dialogue): events' context words read it. */
  readonly heading: string;
  readonly pastIsBackstory: boolean;
}

/**
 * Where the walk gets a passage's reading and its clauses' events: `read` and `recognise` work
 * them out; a reader may instead give what it kept of the same passage version in the same
 * context (incremental/walk-reuse.ts KeptReadings), which is the same value. The walk does not
 * know which.
 */
export interface PassageReader {
  /** Where the clause reader keeps its lists of who was named (clauses.ts PeopleLists), if anywhere. */
  readonly people: PeopleLists | undefined;
  reading(at: number, asked: ReadingAsked, read: () => Reading): Reading;
  recognitions(reading: Reading, recognise: () => readonly (readonly Recognition[])[]): readonly (readonly Recognition[])[];
}

/** Reads every passage afresh: the walk as a plain function of its steps. */
export const READ_AFRESH: PassageReader = Object.freeze({
  people: undefined,
  reading: (_at: number, _asked: ReadingAsked, read: () => Reading): Reading => read(),
  recognitions: (_reading: Reading, recognise: () => readonly (readonly Recognition[])[]) => recognise(),
});

/** What a walk goes through: the script's passages where they stand, its scenes and its anchors, in order. */
export interface WalkSteps {
  readonly placed: Placed;
  readonly passages: readonly Passage[];
  readonly scenes: readonly Scene[];
  readonly anchors: readonly Anchor[];
}

/**
 * Where a walk starts, and where it may stop: a walk from the start reads everything; the seam
 * (incremental/walk-reuse.ts WalkReuse) starts one after what it gave it of an earlier walk, and may
 * give it the rest of an earlier walk as a scene starts.
 */
export interface WalkStart {
  /** The first passage to read, and the first anchor. */
  readonly passage: number;
  readonly anchor: number;
  /** The scene of the passage before `passage`: -1 for none. */
  readonly scene: number;
  /** Asked as scene `scene` starts at passage `passage`: true where the rest of the walk was given. */
  rest?(walk: ClockWalk, scene: number, passage: number, nextAnchor: number): boolean;
}

const FROM_THE_START: WalkStart = Object.freeze({ passage: 0, anchor: 0, scene: -1 });

/**
 * Walks the clock through the passages and anchors in order, from `start`. Returns whether it went
 * to the end (a cancelled walk stops) and how many passages it read.
 */
export function walkClock(walk: ClockWalk, steps: WalkSteps, token: CancellationToken, start: WalkStart = FROM_THE_START): { complete: boolean; walked: number } {
  const { placed, passages, scenes, anchors } = steps;
  let nextAnchor = start.anchor;
  let lastScene = start.scene;
  let walked = 0;
  for (let i = start.passage; i < passages.length; i++) {
    if (token.isCancellationRequested) return { complete: false, walked };
    const element = elementOf(placed, i);
    const scene = placed.places.scenes[i];
    while (nextAnchor < anchors.length && anchors[nextAnchor].span.start < element.start) {
      walk.anchor(anchors[nextAnchor], sceneAt(scenes, anchors[nextAnchor++].span.start));
    }
    if (scene !== lastScene) {
      if (start.rest?.(walk, scene, i, nextAnchor)) return { complete: true, walked };
      walk.newScene(scene);
    }
    lastScene = scene;
    walked++;
    walk.passage(passages[i], element, scenes[scene], passages, i);
  }
  while (nextAnchor < anchors.length) walk.anchor(anchors[nextAnchor], sceneAt(scenes, anchors[nextAnchor++].span.start));
  return { complete: true, walked };
}

/** Where the clock was set, and to what. */
export interface Checkpoint {
  readonly offset: number;
  readonly clock: Clock | undefined;
}

/** How far a walk had got when a scene started: its clock, and how long each of its lists was. */
export interface SceneStart {
  readonly clock: Clock | undefined;
  readonly narration: number;
  readonly cues: number;
  readonly occurrences: number;
  readonly said: number;
  readonly anchors: number;
  readonly checkpoints: number;
}

/** A clock an event leapt to, the clock held back from it, and whose speaking takes the second. */
interface Doubt {
  readonly leapt: Clock;
  readonly held: Clock;
  readonly holders: ReadonlySet<string>;
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
  clock: Clock | undefined;
  /** Where the clock was set, in order of offset: clockAt reads them. */
  readonly checkpoints: Checkpoint[] = [];
  /** By scene index, where the walk stood as the scene started (absent for a scene with no passage). */
  readonly starts: (SceneStart | undefined)[] = [];
  readonly #canon: CompiledCanon;
  readonly #cast: Cast;
  readonly #reader: ClauseReader;
  readonly #events: EventReader;
  readonly #offClock: (offset: number) => boolean;
  readonly #speakers = new Map<string, string | undefined>();
  readonly #readings: PassageReader;
  readonly #pastIsBackstory: boolean;
  /** Who the scene's narration named last: with the speaker, who a pronoun after a speech can be. */
  #onStage: readonly Recent[] = [];
  /**
   * Whether the scene has started playing a recording ("The recording's tinny piano. Cassie rises
   * onto pointe"): from there to the scene's end, who acts and speaks does so on the recording, at
   * no time on the canon clock, so the clauses and cues are recorded with no clock.
   */
  #screening = false;
  /** Who has spoken on stage, on the clock, in the scene so far, with the clock at their last speech. */
  #sceneSpeakers = new Map<string, Clock | undefined>();
  /**
   * Where an event read in this scene leapt the clock into a state of someone the scene had shown
   * speaking (#seenAwake): the clock held back, taken if they speak again before the clock moves.
   */
  #doubt: Doubt | undefined;
  /** Whether the last cue's speaker is on stage (no voice-over, no phone): canon's lines they say place the story. */
  #cueHere = false;

  constructor(canon: CompiledCanon, cast: Cast, start: Clock | undefined, offClock: readonly OffClockSpan[], pastIsBackstory: boolean,
    readings: PassageReader = READ_AFRESH) {
    this.#pastIsBackstory = pastIsBackstory;
    this.#offClock = offClockTest(offClock);
    this.#readings = readings;
    this.#canon = canon;
    this.#cast = cast;
    this.#events = new EventReader(cast);
    this.#reader = new ClauseReader(cast, pastIsBackstory, readings.people);
    this.clock = start;
    this.checkpoints.push({ offset: 0, clock: start });
  }

  newScene(scene: number): void {
    this.#reader.reset();
    this.#onStage = this.#reader.recent;
    this.#screening = false;
    this.#sceneSpeakers = new Map();
    this.#doubt = undefined;
    this.#cueHere = false;
    this.starts[scene] = this.here();
  }

  /** Where the walk stands now: its clock, and how long each of its lists is. */
  here(): SceneStart {
    return {
      clock: this.clock, narration: this.narration.length, cues: this.cues.length, occurrences: this.occurrences.length,
      said: this.said.length, anchors: this.anchors.length, checkpoints: this.checkpoints.length,
    };
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
      const onClock = !offClock && !this.#screening;
      // "MIRANDA (waking, rubbing her eyes)": the cue's own direction says the sleeper wakes.
      if (characterId && onClock && (wakesIn(all, at) || this.#wakingUnnamed(at, characterId))) this.#wake(characterId, element.start);
      if (characterId && this.#doubt?.holders.has(characterId) && this.#doubt.leapt === this.clock) this.#set(element.start, this.#doubt.held);
      this.cues.push({ passage: at, characterId, clock: onClock ? this.clock : undefined, offClock, speaks: speaks(all, at) });
      const name = element.type === 'character' ? element.name.trim().toUpperCase() : '';
      // A voice-over or a voice on a phone is not on stage: narration's pronouns after it are not theirs.
      const here = element.type === 'character' && !element.extensions.some(notSpeakingHere);
      if (name && here) this.#reader.spoke(characterId ?? SCRIPT_ID + name, this.#onStage);
      this.#cueHere = here && onClock;
      if (characterId && this.#cueHere) this.#sceneSpeakers.set(characterId, this.clock);
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
    const recognitions = offClock ? undefined : this.#readings.recognitions(reading, () => this.#recognise(passage, scene, reading.clauses));
    // Off the clock a clause moves nothing and no rule reads it. Dialogue is belief: its clauses
    // are kept only where they say a canon event (`said`), narration's all (`narration`).
    if (!recognitions) return;
    if (passage.kind === 'dialogue' && this.#cueHere && !this.#screening) this.#quoted(passage, element.start);
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
   * The passage's clauses, read after who was named just before, with its speaker and (for
   * narration's context words) its scene's heading: all a reading depends on besides its text.
   */
  #read(passage: Passage, at: number, scene: Scene, speakerId: string | undefined): Reading {
    const asked: ReadingAsked = {
      recent: this.#reader.recent, speakerId, heading: passage.kind === 'action' ? scene.heading?.text ?? '' : '', pastIsBackstory: this.#pastIsBackstory,
    };
    const reading = this.#readings.reading(at, asked, () => {
      const clauses = this.#reader.read(passage.tokens, passage.mentions, speakerId);
      return { clauses, recent: this.#reader.recent, recognitions: undefined };
    });
    this.#reader.recent = reading.recent;
    return reading;
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
          const r = words.mayMatchAny(event.phrasings) ? this.#events.narrated(clause, words, event, scene.heading?.text) : undefined;
          if (r && r.mood !== 'irrealis') found.push({ event: event.index, mood: r.mood, match: r.match });
          else if (words.mayMatchAny(event.wakingPhrasings)) {
            const woken = this.#events.woken(clause, words, event);
            if (woken) found.push({ event: event.index, mood: woken.mood, match: woken.match, wakingFrom: woken.from });
          }
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
    for (const c of this.checkpoints) {
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
    // A waking tells the end of a sleep only while the story certainly stands inside it.
    const inside = (r: Recognition): boolean => r.wakingFrom === undefined || certainlyInside(this.clock, r.wakingFrom, r.event);
    const found: EventOccurrence[] = recognitions.filter(inside).map((r) => ({ compiled: this.#canon.events[r.event], mood: r.mood, match: r.match, info, before: undefined }));
    found.sort((a, b) => a.match.start - b.match.start);
    for (const occurrence of found) {
      this.occurrences.push({ ...occurrence, before: this.clock });
      // An event out of canon order is reported (event-order), and after it the story's place on
      // the canon timeline is unknown until an event or an anchor places it again: following the
      // event would turn one slip into a cascade of warnings, and so would keeping a clock the
      // story has just contradicted (a writer who has Juliet handed the vial again means her awake).
      if (!this.#fitsOrder(occurrence)) {
        // (An event the story has passed, told with fewer of its people than canon has, is
        // another happening, not the canon one: it leaves the clock where it is. story/told.ts)
        if (this.clock !== undefined && !anotherHappening(occurrence, this.clock)) this.#set(base + occurrence.match.end, undefined);
        continue;
      }
      const { index, event } = occurrence.compiled;
      const moved = event.repeats ? afterRepeat(this.clock, index, this.#canon.events.length - 1) : afterEvent(this.clock, index, occurrence.mood === 'fact');
      const before = this.clock;
      const leapt = before && moved ? heldBack(before, moved, index, this.#canon.forbiddingStarts) : moved;
      if (leapt !== this.clock) this.#set(base + occurrence.match.end, leapt);
      if (leapt) this.#doubt = this.#seenAwake(leapt, index);
    }
  }

  /**
   * Whether the action right before the cue at `at` tells a waking of someone it does not name:
   * "The weaver is the last to wake." and then the sleeper's cue. The speech says who woke. An
   * action that names anyone else is not read so ("Tam stirs and wakes.").
   */
  #wakingUnnamed(at: number, speaker: string): boolean {
    let waking = false;
    for (let i = this.narration.length - 1; i >= 0 && this.narration[i].passage === at - 1; i--) {
      const clause = this.narration[i].clause;
      if (clause.referents.some((r) => r.characterId !== undefined && r.characterId !== speaker)) return false;
      if (!clause.tokens.someWord((w) => WAKING.has(w) || w === 'wake', clause.from, clause.to)) continue;
      if (clause.tokens.someWord((w) => NO_ONE.has(w), clause.from, clause.to)) continue;
      const reading = readClause(clause);
      if (reading.happening === 'now' && reading.subject?.characterId === undefined) waking = true;
    }
    return waking;
  }

  /**
   * A speech that says canon's own words of an event (quotes.ts) is that moment playing: the story
   * stands at it (duringEvent). It never moves the clock back: a line quoted from earlier in canon
   * says nothing new.
   */
  #quoted(passage: Passage, offset: number): void {
    for (const index of quotedEvents(this.#canon.quotes, passage.tokens)) {
      const before = this.clock;
      const moved = duringEvent(before, index);
      const next = before ? heldBack(before, moved, index, this.#canon.forbiddingStarts) : moved;
      if (!before || next.lo !== before.lo || next.hi !== before.hi) this.#set(offset, next);
    }
  }

  /**
   * A character a state keeps from speaking wakes, as a cue's direction says ("(waking)"): where the
   * clock certainly stands inside such a state of theirs that an event ends, the story is past that
   * event, as if narration had told the waking (compiled.ts wakings).
   */
  #wake(characterId: string, offset: number): void {
    const clock = this.clock;
    if (!clock) return;
    for (const event of this.#canon.events) {
      for (const waking of event.wakings) {
        const { state } = waking;
        if (state.character !== characterId || !state.forbids.includes('speak') || !certainlyInside(clock, waking.from, event.index)) continue;
        this.#set(offset, heldBack(clock, afterEvent(clock, event.index, false), event.index, this.#canon.forbiddingStarts));
        return;
      }
    }
  }

  /**
   * An event that places a story the clock had not placed for certain, where canon has someone who
   * has spoken in this very scene already silenced by an earlier event the story has not told
   * (asleep, dead): if they speak again, the scene shows them awake on both sides of the event, and
   * the clock no longer asserts that state. It stands anywhere from just before the earliest such
   * event to the one narrated, as heldBack has it for a clock that leaps. A generic phrasing ("they
   * draw their swords") read as the wrong event otherwise put everyone on stage to sleep; someone
   * who spoke before an event the story did tell, in words the pack does not know, and is silent
   * after (a murder told with the wrong murderer), is left in the state.
   */
  #seenAwake(leapt: Clock, index: number): Doubt | undefined {
    let earliest: number | undefined;
    const holders = new Set<string>();
    for (const state of this.#canon.forbidding) {
      if (state.from >= index || state.until <= index || !this.#sceneSpeakers.has(state.character)) continue;
      // Where the story stood inside the state as they spoke, their speaking was the slip.
      if (certainlyInside(this.#sceneSpeakers.get(state.character), state.from, state.until)) continue;
      holders.add(state.character);
      if (earliest === undefined || state.from < earliest) earliest = state.from;
    }
    if (earliest === undefined || earliest - 1 >= leapt.lo) return undefined;
    return { leapt, held: { lo: earliest - 1, hi: leapt.hi }, holders };
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
    this.checkpoints.push({ offset, clock });
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

const ANY_WORD = (): boolean => true;

/** Words that say a recording is playing, not a screen merely there (a hospital's monitor is not one). */
const RECORDINGS = new Set(['recording', 'recordings', 'footage', 'video', 'videos', 'playback', 'livestream', 'vhs', 'dvd', 'camcorder', 'webcam']);

function isRecording(word: string): boolean {
  return RECORDINGS.has(word);
}

/** Words of a cue's direction that say the speaker wakes: "(waking)", "(awake now)", "(waking, rubbing her eyes)". */
const WAKING = new Set(['waking', 'wakes', 'woken', 'awake', 'awakes', 'awaking', 'awakening', 'wakening']);

/** Words that say nobody wakes: "Nobody wakes", "No one stirs or wakes", "She does not wake". */
const NO_ONE = new Set(['nobody', 'no', 'none', 'not', 'never', 'neither', 'nor', "n't"]);

/** Whether a parenthetical right after the cue at `at` says the speaker wakes (and does not say "not"). */
function wakesIn(all: readonly Passage[], at: number): boolean {
  const next = all[at + 1];
  if (!next || next.kind !== 'parenthetical') return false;
  return next.tokens.someWord((w) => WAKING.has(w)) && !next.tokens.someWord((w) => w === 'not' || w === 'still' || w === 'half');
}

/** A cue speaks when dialogue follows it (parentheticals may stand between). */
function speaks(all: readonly Passage[], at: number): boolean {
  for (let i = at + 1; i < all.length; i++) {
    if (all[i].kind === 'parenthetical') continue;
    return all[i].kind === 'dialogue' && all[i].tokens.someWord(ANY_WORD);
  }
  return false;
}
