import type { CancellationToken } from '../cancellation';
import type { CanonPack } from '../canon/model';
import type { Cue, Element, FountainDocument } from '../fountain/model';
import { LineIndex } from '../lines';
import { findAnchors, type Anchor } from './anchors';
import { isCaseless, type Cast, type NameForm } from './cast';
import { ClauseReader, type Clause, type Recent } from './clauses';
import { compileCanon, type CompiledCanon } from './compiled';
import { readConventions } from './conventions';
import {
  passageCache, type CacheVersion, type PassageCache, type PassageReading, type PassageWords, type ReadingEntry, type Recognition,
} from './passage-cache';
import { ClauseWords, recogniseEvent, recogniseSaid } from './recognise';
import { findScenes, sceneAt, type OffClockSpan, type Scene } from './scenes';
import { scriptNameForms, withScriptMentions } from './script-cast';
import { narratesInPast, tenseVotes } from './tense';
import {
  sameClock, type AnchorInfo, type ClauseInfo, type Clock, type CueInfo, type EventOccurrence, type Passage, type PassageKind, type Script,
  type Reused,
} from './script';
import { tokenize } from './words';
import { countBefore } from '../sorted';
import { elementOrigins, forgetLineage, type Origins } from '../fountain/state';

const PASSAGE_KINDS: Partial<Record<Element['type'], PassageKind>> = {
  action: 'action',
  dialogue: 'dialogue',
  character: 'cue',
  parenthetical: 'parenthetical',
  'scene-heading': 'heading',
  centered: 'action',
  lyrics: 'dialogue',
};

/** The context a passage was read in (see ClockWalk.#read): equal context, equal reading. */
interface ReadingContext {
  /** Who was named just before, as the reader held it (arrays are never changed once made). */
  readonly recent: readonly Recent[];
  readonly speakerId: string | undefined;
  readonly heading: string;
  readonly entry: ReadingEntry;
}

/**
 * What one analysis of a document used, by element index, kept for documents patched from it
 * (fountain/state.ts elementOrigins): they take the versions of the elements an edit only moved
 * without slicing and hashing their text again, their readings without building a key where the
 * context is the very same, and, where the walk went to the end, everything before the edited scene.
 */
interface Analysis {
  readonly cache: PassageCache;
  /** The script's own names it was read with (PassageCache.names). */
  readonly forms: number;
  readonly pastIsBackstory: boolean;
  readonly versions: readonly (CacheVersion | undefined)[];
  readonly readings: readonly (ReadingContext | undefined)[];
  readonly whole?: WholeAnalysis;
}

/** An analysis whose clock walk went to the end: one to resume from. */
interface WholeAnalysis {
  readonly startClock: Clock | undefined;
  readonly scenes: readonly Scene[];
  readonly offClock: readonly OffClockSpan[];
  readonly passages: readonly Passage[];
  readonly trace: PassageTrace;
  readonly walk: ClockWalk;
  /** The Script's version: what the rules keep their results under for the next analysis. */
  readonly version: object;
}

const analyses = new WeakMap<FountainDocument, Analysis>();

/**
 * How much of the script the last analysis walked: passages read by the clock walk, and whether it
 * took the rest of the walk from the analysis before. What a keystroke costs, for tests and the
 * benchmark to see.
 */
export const walkStats = { walked: 0, spliced: false };

/** The analysis of the nearest earlier version of a document, on the same cache, and where its elements went. */
interface Earlier {
  readonly analysis: Analysis;
  readonly origins: Origins;
}

/**
 * What building the passages found, per passage: the version it was read as, its element's index,
 * and the context of its reading in the earlier analysis, where the edit only moved it. The clock
 * walk reuses readings from it.
 */
export interface PassageTrace {
  forms: number;
  /** The earlier analysis, where it was read with the same script names. */
  before: Analysis | undefined;
  /** Set when the passages of the scenes before `resume.scene` were taken from the analysis resumed. */
  resumed?: Resume;
  readonly byElement: (CacheVersion | undefined)[];
  readonly versions: CacheVersion[];
  readonly elements: number[];
  readonly earlier: (ReadingContext | undefined)[];
}

/** Builds the passages of a script: every element the story reads, tokenised, with its canon names. */
export function buildPassages(doc: FountainDocument, cast: Cast, scenes: readonly Scene[], cache?: PassageCache, trace?: PassageTrace,
  earlier?: Earlier, resume?: Resume): Passage[] {
  const passages: Passage[] = [];
  const cues = doc.elements.filter((e): e is Cue => e.type === 'character');
  const scriptForms = scriptNameForms(cues, cast);
  const forms = cache?.names(scriptForms.map((f) => f.words.join(' ')).join('|')) ?? 0;
  // Elements an edit only moved are the same text as in the document last analysed: their
  // versions are taken from there by index, without slicing and hashing their text again.
  const before = earlier?.analysis.forms === forms ? earlier.analysis : undefined;
  if (trace) {
    trace.forms = forms;
    trace.before = before;
  }
  let speaker: string | undefined;
  let scene = 0;
  let first = 0;
  if (trace && resume && before) {
    // The scenes before the edit's: the very same elements, read with the same names.
    const from = resume.analysis.whole;
    for (let i = 0; i < resume.passages; i++) {
      passages.push(from.passages[i]);
      cache?.touch(from.trace.versions[i]);
      trace.versions.push(from.trace.versions[i]);
      trace.elements.push(from.trace.elements[i]);
      trace.earlier.push(undefined);
    }
    for (let i = 0; i < resume.element; i++) trace.byElement[i] = from.trace.byElement[i];
    trace.resumed = resume;
    scene = resume.scene;
    first = resume.element;
  }
  for (let index = first; index < doc.elements.length; index++) {
    const element = doc.elements[index];
    const kind = PASSAGE_KINDS[element.type];
    if (!kind) continue;
    while (scene + 1 < scenes.length && scenes[scene + 1].start <= element.start) scene++;
    if (element.type === 'character') speaker = element.name.toUpperCase();
    else if (kind !== 'dialogue' && kind !== 'parenthetical') speaker = undefined;
    const inDialogue = kind === 'dialogue' || kind === 'parenthetical';
    const passageSpeaker = inDialogue ? speaker : undefined;
    const base = element.start;
    if (!cache || !trace) {
      passages.push({ kind, element, base, scene, ...readWords(doc, element, cast, scriptForms), speaker: passageSpeaker });
      continue;
    }
    const origin = before && earlier ? earlier.origins.indexOf(index) : -1;
    let version = origin >= 0 ? before?.versions[origin] : undefined;
    let context: ReadingContext | undefined;
    if (version?.kind === kind) {
      cache.touch(version);
      context = before?.readings[origin];
    } else {
      version = lookUpWords(cache, kind, forms, doc, element, cast, scriptForms);
    }
    trace.byElement[index] = version;
    trace.versions.push(version);
    trace.elements.push(index);
    trace.earlier.push(context);
    passages.push({ kind, element, base, scene, tokens: version.words.tokens, mentions: version.words.mentions, speaker: passageSpeaker });
  }
  return passages;
}

/**
 * A passage's words from the cache, by everything they depend on: the text, its kind and the
 * script's own names (a new cue makes a new name). Not where the passage is: its offsets count
 * from its own start. (Kept out of the loop above: a closure there costs every element a context.)
 */
function lookUpWords(cache: PassageCache, kind: PassageKind, forms: number, doc: FountainDocument, element: Element, cast: Cast,
  scriptForms: readonly NameForm[]): CacheVersion {
  const text = doc.masked.slice(element.start, element.end);
  return cache.words(kind, forms, text, doc.text.slice(element.start, element.end), () => readWords(doc, element, cast, scriptForms));
}

function readWords(doc: FountainDocument, element: Element, cast: Cast, scriptForms: readonly NameForm[]): PassageWords {
  const tokens = tokenize(doc.masked, element.start, element.end, element.start);
  return { tokens, mentions: withScriptMentions(tokens, cast.mentions(tokens, 0, tokens.length, isCaseless(tokens)), scriptForms) };
}

/** Moves the clock for an event: narrated now pins it; stated as past only moves it forward. */
function afterEvent(clock: Clock | undefined, index: number, asFact: boolean): Clock {
  if (!asFact || !clock || clock.hi < index) return { lo: index, hi: index };
  return { lo: Math.max(clock.lo, index), hi: clock.hi };
}

function afterAnchor(anchor: Anchor, index: number): Clock {
  const gap = anchor.relation === 'after' ? index : index - 1;
  return { lo: gap, hi: gap };
}

/** Reads the whole script: scenes, passages, the story clock through it, events narrated and said. */
export function analyseScript(doc: FountainDocument, pack: CanonPack, cast: Cast, startClock: Clock | undefined,
  token: CancellationToken): Script {
  // Built when first asked: most analyses ask no line at all.
  let lines: LineIndex | undefined;
  const lineOf = (offset: number): number => (lines ??= new LineIndex(doc.text)).positionAt(offset).line;
  const canon = compileCanon(pack);
  const { scenes, offClock } = findScenes(doc.elements, doc.text.length);
  const conventions = readConventions(doc, lineOf);
  const cache = passageCache(cast, pack);
  cache.begin();
  const origins = elementOrigins(doc, (d) => analyses.get(d)?.cache === cache);
  const previous = origins && analyses.get(origins.ancestor);
  const earlier = origins && previous ? { analysis: previous, origins } : undefined;
  const trace: PassageTrace = { forms: 0, before: undefined, byElement: new Array(doc.elements.length), versions: [], elements: [], earlier: [] };
  const passages = buildPassages(doc, cast, scenes, cache, trace, earlier, resumePoint(doc, scenes, earlier, startClock));
  const pastIsBackstory = !narratesInPast(passages, (passage, at) => trace.versions[at].tense ??= tenseVotes(passage));
  const readings: (ReadingContext | undefined)[] = new Array(doc.elements.length);
  const walk = new ClockWalk(canon, cast, startClock, offClock, pastIsBackstory, { cache, trace, readings });
  const anchors = cachedAnchors(doc, pack, cache);
  let nextAnchor = 0;
  let lastScene = -1;
  let firstPassage = 0;
  let headEnd = 0;
  const resumed = trace.resumed;
  if (resumed) {
    // Scenes before the edit's are the same objects as before, so that what is taken refers to them.
    for (let i = 0; i < resumed.scene; i++) scenes[i] = resumed.analysis.whole.scenes[i];
    if (resumed.analysis.pastIsBackstory === pastIsBackstory) {
      // The clock walk over them, too: the same text from the same start gives the same walk.
      walk.resume(resumed.analysis.whole.walk, resumed.offset, resumed.scene);
      for (let i = 0; i < resumed.element; i++) {
        const context = resumed.analysis.readings[i];
        if (!context) continue;
        readings[i] = context;
        cache.touchReading(context.entry);
      }
      firstPassage = resumed.passages;
      headEnd = resumed.offset;
      nextAnchor = countBefore(anchors, (a) => a.span.start, resumed.offset);
      lastScene = resumed.scene - 1;
    }
  }
  const tail = earlier && pastIsBackstory === earlier.analysis.pastIsBackstory && trace.before
    ? tailPoint(doc, scenes, offClock, passages, earlier, startClock) : undefined;
  let complete = true;
  let taken: Reused['tail'];
  walkStats.walked = 0;
  walkStats.spliced = false;
  for (let i = firstPassage; i < passages.length; i++) {
    const passage = passages[i];
    if (token.isCancellationRequested) {
      complete = false;
      break;
    }
    while (nextAnchor < anchors.length && anchors[nextAnchor].span.start < passage.element.start) {
      walk.anchor(anchors[nextAnchor++], sceneAt(scenes, anchors[nextAnchor - 1].span.start));
    }
    if (passage.scene !== lastScene) {
      if (tail && passage.scene >= tail.scene && walk.splice(tail, passage.scene, i, anchors, nextAnchor, scenes, passages, doc.elements.length)) {
        nextAnchor = anchors.length;
        taken = { offset: scenes[passage.scene].start, delta: tail.delta };
        walkStats.spliced = true;
        break;
      }
      walk.newScene(passage.scene);
    }
    lastScene = passage.scene;
    walkStats.walked++;
    walk.passage(passage, scenes[passage.scene], passages, i);
  }
  while (nextAnchor < anchors.length) walk.anchor(anchors[nextAnchor], sceneAt(scenes, anchors[nextAnchor++].span.start));
  cache.end(passages.length);
  // What this analysis was resumed from must not be kept with it: each analysis would hold the one
  // before, and a long session every analysis it ever ran.
  trace.resumed = undefined;
  trace.before = undefined;
  // A cancelled walk recorded only some readings: nothing is lost by keeping them, the rest are
  // looked up. Only a walk that went to the end may be resumed from.
  const version = {};
  analyses.set(doc, {
    cache, forms: trace.forms, pastIsBackstory, versions: trace.byElement, readings,
    whole: complete ? { startClock, scenes, offClock, passages, trace, walk, version } : undefined,
  });
  forgetLineage(doc);
  return {
    doc, pack, cast, canon, passages, scenes, conventions, lineOf,
    anchors: walk.anchors, clauses: walk.clauses, occurrences: walk.occurrences, said: walk.said, cues: walk.cues,
    startClock, endClock: walk.clock, version,
    reused: earlier && (headEnd > 0 || taken) && isWhole(earlier.analysis) ? { earlier: earlier.analysis.whole.version, headEnd, tail: taken } : undefined,
    clockAt: (offset) => walk.clockAt(offset),
  };
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

function resumePoint(doc: FountainDocument, scenes: readonly Scene[], earlier: Earlier | undefined, startClock: Clock | undefined): Resume | undefined {
  const analysis = earlier?.analysis;
  if (!earlier || !analysis || !isWhole(analysis) || !sameClock(analysis.whole.startClock, startClock)) return undefined;
  const from = analysis.whole;
  const kept = earlier.origins.kept;
  const changedAt = kept < doc.elements.length ? doc.elements[kept].start : doc.text.length;
  const scene = countBefore(scenes, (s) => s.start, changedAt) - 1;
  if (scene < 1 || scene > from.scenes.length) return undefined;
  for (let i = 0; i < scene; i++) {
    const a = scenes[i];
    const b = from.scenes[i];
    if (a.heading !== b.heading || a.start !== b.start || a.end !== b.end || a.offClock !== b.offClock || a.offClockReason !== b.offClockReason) return undefined;
  }
  const offset = scenes[scene].start;
  return {
    analysis, scene, offset,
    element: countBefore(doc.elements, (e) => e.start, offset),
    passages: countBefore(from.passages, (p) => p.base, offset),
  };
}

/**
 * Where an analysis may stop walking the clock and take the rest of the walk from the one before:
 * at the start of a scene from which on every element is one the edits only moved. From there the
 * scenes, the passages and the notes are the earlier ones moved by `delta`, so a walk that reaches
 * that scene in the same state (ClockWalk.splice) goes on exactly as the earlier one did.
 */
interface Tail {
  readonly analysis: Analysis & { readonly whole: WholeAnalysis };
  /** The first scene (index into Script.scenes) whose elements the edits all only moved. */
  readonly scene: number;
  /** A scene's, a passage's and an element's index in the earlier analysis, from this one's. */
  readonly sceneShift: number;
  readonly passageShift: number;
  readonly elementShift: number;
  /** How far the edits moved the text of the tail. */
  readonly delta: number;
}

function tailPoint(doc: FountainDocument, scenes: readonly Scene[], offClock: readonly OffClockSpan[], passages: readonly Passage[],
  earlier: Earlier, startClock: Clock | undefined): Tail | undefined {
  const analysis = earlier.analysis;
  if (!isWhole(analysis) || !sameClock(analysis.whole.startClock, startClock)) return undefined;
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
  for (let k = scene; k < scenes.length; k++) {
    const a = scenes[k];
    const b = from.scenes[k - scene + oldScene];
    if (a.start - delta !== b.start || a.end - delta !== b.end || a.heading?.text !== b.heading?.text
      || a.offClock !== b.offClock || a.offClockReason !== b.offClockReason) return undefined;
  }
  const covered = mergedSpans(offClock, start, 0);
  const coveredBefore = mergedSpans(from.offClock, start - delta, delta);
  if (covered.length !== coveredBefore.length || covered.some((c, i) => c.start !== coveredBefore[i].start || c.end !== coveredBefore[i].end)) return undefined;
  const passage = countBefore(passages, (p) => p.base, start);
  const oldPassage = countBefore(from.passages, (p) => p.base, start - delta);
  if (passages.length - passage !== from.passages.length - oldPassage) return undefined;
  return { analysis, scene, sceneShift: oldScene - scene, passageShift: oldPassage - passage, elementShift: tailShift, delta };
}

function isWhole(analysis: Analysis): analysis is Analysis & { readonly whole: WholeAnalysis } {
  return analysis.whole !== undefined;
}

/** The script's anchors, each note's read once per text (findAnchors on the note alone). */
function cachedAnchors(doc: FountainDocument, pack: CanonPack, cache: PassageCache): Anchor[] {
  const anchors: Anchor[] = [];
  for (const element of doc.elements) {
    if (element.type !== 'note') continue;
    const text = doc.text.slice(element.start, element.end);
    const anchor = cache.anchor(text, element.start, () => findAnchors({ ...doc, elements: [element] }, pack)[0]);
    if (anchor) anchors.push(anchor);
  }
  return anchors;
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

/** What the spans cover from `from` on, as sorted disjoint spans, each moved by `delta`. */
function mergedSpans(spans: readonly OffClockSpan[], from: number, delta: number): { start: number; end: number }[] {
  const sorted = spans.filter((s) => s.start < s.end && s.end > from).sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged[merged.length - 1];
    const start = Math.max(s.start, from) + delta;
    if (last && start <= last.end) last.end = Math.max(last.end, s.end + delta);
    else merged.push({ start, end: s.end + delta });
  }
  return merged;
}

/** The cache, what the clock walk reads from it, and where it records each element's reading context. */
interface WalkCache {
  readonly cache: PassageCache;
  readonly trace: PassageTrace;
  readonly readings: (ReadingContext | undefined)[];
}

/** How far a walk had got when a scene started: its clock, and how long each of its lists was. */
interface SceneStart {
  readonly clock: Clock | undefined;
  readonly clauses: number;
  readonly cues: number;
  readonly occurrences: number;
  readonly said: number;
  readonly anchors: number;
  readonly checkpoints: number;
}

/** The story clock, moved through the script in reading order. */
class ClockWalk {
  readonly anchors: AnchorInfo[] = [];
  readonly clauses: ClauseInfo[] = [];
  readonly occurrences: EventOccurrence[] = [];
  readonly said: EventOccurrence[] = [];
  readonly cues: CueInfo[] = [];
  clock: Clock | undefined;
  readonly #checkpoints: { offset: number; clock: Clock | undefined }[] = [];
  /** By scene index, where the walk stood as the scene started (absent for a scene with no passage). */
  readonly #starts: (SceneStart | undefined)[] = [];
  readonly #canon: CompiledCanon;
  readonly #cast: Cast;
  readonly #reader: ClauseReader;
  readonly #offClock: (offset: number) => boolean;
  readonly #speakers = new Map<string, string | undefined>();
  readonly #cached: WalkCache | undefined;
  readonly #pastIsBackstory: boolean;

  constructor(canon: CompiledCanon, cast: Cast, start: Clock | undefined, offClock: readonly OffClockSpan[], pastIsBackstory: boolean, cached?: WalkCache) {
    this.#pastIsBackstory = pastIsBackstory;
    this.#offClock = offClockTest(offClock);
    this.#cached = cached;
    this.#canon = canon;
    this.#cast = cast;
    this.#reader = new ClauseReader(cast, pastIsBackstory);
    this.clock = start;
    this.#checkpoints.push({ offset: 0, clock: start });
  }

  newScene(scene: number): void {
    this.#reader.reset();
    this.#starts[scene] = this.#start();
  }

  #start(): SceneStart {
    return {
      clock: this.clock, clauses: this.clauses.length, cues: this.cues.length, occurrences: this.occurrences.length,
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
  splice(tail: Tail, scene: number, passage: number, anchors: readonly Anchor[], nextAnchor: number, scenes: readonly Scene[],
    passages: readonly Passage[], elements: number): boolean {
    const whole = tail.analysis.whole;
    const from = whole.walk;
    const at = from.#starts[scene + tail.sceneShift];
    if (!at || !sameClock(at.clock, this.clock) || anchors.length - nextAnchor !== from.anchors.length - at.anchors) return false;
    if (!sameIds(this.said, this.said.length, from.said, at.said)) return false;
    const { delta, sceneShift } = tail;
    const now = this.#start();
    const sceneOf = (s: Scene): Scene => scenes[s.index + 1 - sceneShift];
    const passageOf = passageMap(whole.passages, passages, passage + tail.passageShift, -tail.passageShift);
    // Occurrences point to clause records; where the earlier walk listed the very same record as
    // a clause, so does this one.
    const shared = new Set<ClauseInfo>();
    for (let o = at.occurrences; o < from.occurrences.length; o++) shared.add(from.occurrences[o].info);
    for (let o = at.said; o < from.said.length; o++) shared.add(from.said[o].info);
    const moved = new Map<ClauseInfo, ClauseInfo>();
    const infoOf = (info: ClauseInfo): ClauseInfo => {
      let to = moved.get(info);
      if (!to) {
        to = { clause: info.clause, passage: passageOf(info.passage), scene: sceneOf(info.scene), clock: info.clock, offClock: info.offClock };
        moved.set(info, to);
      }
      return to;
    };
    for (let c = at.clauses; c < from.clauses.length; c++) {
      const info = from.clauses[c];
      this.clauses.push(shared.has(info) ? infoOf(info)
        : { clause: info.clause, passage: passageOf(info.passage), scene: sceneOf(info.scene), clock: info.clock, offClock: info.offClock });
    }
    for (let c = at.cues; c < from.cues.length; c++) {
      const cue = from.cues[c];
      this.cues.push({ passage: passageOf(cue.passage), scene: sceneOf(cue.scene), characterId: cue.characterId, clock: cue.clock, offClock: cue.offClock, speaks: cue.speaks });
    }
    for (let o = at.occurrences; o < from.occurrences.length; o++) {
      const occurrence = from.occurrences[o];
      this.occurrences.push({ compiled: occurrence.compiled, mood: occurrence.mood, match: occurrence.match, info: infoOf(occurrence.info), before: occurrence.before });
    }
    for (let o = at.said; o < from.said.length; o++) {
      const said = from.said[o];
      this.said.push({ compiled: said.compiled, mood: said.mood, match: said.match, info: infoOf(said.info), before: said.before });
    }
    for (let a = at.anchors; a < from.anchors.length; a++) {
      const info = from.anchors[a];
      this.anchors.push({ anchor: anchors[nextAnchor + a - at.anchors], scene: sceneOf(info.scene), before: info.before, offClock: info.offClock });
    }
    for (let c = at.checkpoints; c < from.#checkpoints.length; c++) {
      const checkpoint = from.#checkpoints[c];
      this.#checkpoints.push({ offset: checkpoint.offset + delta, clock: checkpoint.clock });
    }
    for (let s = scene; s < scenes.length; s++) {
      const start = from.#starts[s + sceneShift];
      if (!start) continue;
      this.#starts[s] = {
        clock: start.clock, clauses: start.clauses - at.clauses + now.clauses, cues: start.cues - at.cues + now.cues,
        occurrences: start.occurrences - at.occurrences + now.occurrences, said: start.said - at.said + now.said,
        anchors: start.anchors - at.anchors + now.anchors, checkpoints: start.checkpoints - at.checkpoints + now.checkpoints,
      };
    }
    this.clock = from.clock;
    // The readings of the elements taken, for the analysis after this one.
    const cached = this.#cached;
    if (cached) {
      const earlier = tail.analysis.readings;
      for (let e = cached.trace.elements[passage]; e < elements; e++) {
        const context = earlier[e + tail.elementShift];
        if (!context) continue;
        cached.readings[e] = context;
        cached.cache.touchReading(context.entry);
      }
    }
    return true;
  }

  /** Takes what `from` (a walk over the same text from the same start) did before `offset`, where scene `scene` starts. */
  resume(from: ClockWalk, offset: number, scene: number): void {
    const take = <T>(to: T[], items: readonly T[], startOf: (item: T) => number, inclusive = false): void => {
      const count = countBefore(items, startOf, offset, inclusive);
      for (let i = 0; i < count; i++) to.push(items[i]);
    };
    take(this.clauses, from.clauses, (c) => c.passage.base);
    take(this.cues, from.cues, (c) => c.passage.base);
    take(this.occurrences, from.occurrences, (o) => o.info.passage.base);
    take(this.said, from.said, (o) => o.info.passage.base);
    take(this.anchors, from.anchors, (a) => a.anchor.span.start);
    this.#checkpoints.length = 0;
    take(this.#checkpoints, from.#checkpoints, (c) => c.offset, true);
    this.clock = this.#checkpoints[this.#checkpoints.length - 1].clock;
    for (let s = 0; s < scene; s++) this.#starts[s] = from.#starts[s];
  }

  anchor(anchor: Anchor, scene: Scene): void {
    const offClock = this.#offClock(anchor.span.start);
    this.anchors.push({ anchor, scene, before: this.clock, offClock });
    if (offClock || !anchor.event) return;
    const index = this.#canon.eventIndex.get(anchor.event.id);
    if (index === undefined) return;
    this.#set(anchor.span.end, afterAnchor(anchor, index));
  }

  passage(passage: Passage, scene: Scene, all: readonly Passage[], at: number): void {
    const offClock = this.#offClock(passage.element.start);
    if (passage.kind === 'cue') {
      const characterId = this.#speakerId(passage.element.type === 'character' ? passage.element.name : '');
      this.cues.push({ passage, scene, characterId, clock: offClock ? undefined : this.clock, offClock, speaks: speaks(all, at) });
      return;
    }
    if (passage.kind !== 'action' && passage.kind !== 'dialogue') return;
    const speakerId = passage.speaker ? this.#speakerId(passage.speaker) : undefined;
    const reading = this.#read(passage, at, scene, speakerId);
    const recognitions = offClock ? undefined : reading.recognitions ??= this.#recognise(passage, scene, reading.clauses);
    for (let c = 0; c < reading.clauses.length; c++) {
      const clause = reading.clauses[c];
      if (!recognitions) {
        this.clauses.push({ clause, passage, scene, clock: undefined, offClock });
        continue;
      }
      const info: ClauseInfo = { clause, passage, scene, clock: this.clock, offClock };
      if (recognitions[c].length === 0) {
        this.clauses.push(info);
        continue;
      }
      if (passage.kind === 'dialogue') this.#said(info, recognitions[c]);
      else this.#narrated(info, recognitions[c]);
      this.clauses.push(info.clock === this.clock ? info : { ...info, clock: this.clock });
    }
  }

  /**
   * The passage's clauses, from the cache where the same text was read with the same names before
   * it, the same speaker and (for narration's context words) the same heading. Where the edit only
   * moved the passage and its context is the very same as in the last analysis, that reading is
   * taken without building the key.
   */
  #read(passage: Passage, at: number, scene: Scene, speakerId: string | undefined): PassageReading {
    const read = (): PassageReading => ({ clauses: this.#reader.read(passage.tokens, passage.mentions, speakerId), recent: this.#reader.recent });
    const cached = this.#cached;
    if (!cached) return read();
    const { cache, trace, readings } = cached;
    const recent = this.#reader.recent;
    const heading = passage.kind === 'action' ? scene.heading?.text ?? '' : '';
    const earlier = trace.earlier[at];
    let entry: ReadingEntry;
    if (earlier && earlier.recent === recent && earlier.speakerId === speakerId && earlier.heading === heading && trace.before?.pastIsBackstory === this.#pastIsBackstory) {
      entry = earlier.entry;
      cache.touchReading(entry);
    } else {
      const key = `${recent.map((r) => r.characterId).join(',')}\u0000${speakerId ?? ''}\u0000${heading}\u0000${this.#pastIsBackstory}`;
      entry = cache.reading(trace.versions[at], key, read);
    }
    const context = earlier?.entry === entry && earlier.recent === recent ? earlier : { recent, speakerId, heading, entry };
    readings[trace.elements[at]] = context;
    this.#reader.recent = entry.reading.recent;
    return entry.reading;
  }

  /** The canon events each clause narrates (or, in dialogue, says), before the clock decides what they do. */
  #recognise(passage: Passage, scene: Scene, clauses: readonly Clause[]): Recognition[][] {
    return clauses.map((clause) => {
      const words = new ClauseWords(clause, this.#canon.words);
      const found: Recognition[] = [];
      for (const event of this.#canon.events) {
        if (passage.kind === 'dialogue') {
          if (event.said.length === 0) continue;
          const r = recogniseSaid(this.#cast, clause, words, event);
          if (r) found.push({ event: event.index, mood: r.mood, match: r.match });
        } else {
          const r = recogniseEvent(this.#cast, clause, words, event, event.phrasings, scene.heading?.text);
          if (r && r.mood !== 'irrealis') found.push({ event: event.index, mood: r.mood, match: r.match });
        }
      }
      return found;
    });
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

  #narrated(info: ClauseInfo, recognitions: readonly Recognition[]): void {
    const found: EventOccurrence[] = recognitions.map((r) => ({ compiled: this.#canon.events[r.event], mood: r.mood, match: r.match, info, before: undefined }));
    found.sort((a, b) => a.match.start - b.match.start);
    for (const occurrence of found) {
      this.occurrences.push({ ...occurrence, before: this.clock });
      // An event out of canon order is reported, and the clock stays where it was: following it
      // would turn one slip into a cascade of warnings on everything after.
      if (!this.#fitsOrder(occurrence)) continue;
      this.#set(info.passage.base + occurrence.match.end, afterEvent(this.clock, occurrence.compiled.index, occurrence.mood === 'fact'));
    }
  }

  #fitsOrder(occurrence: EventOccurrence): boolean {
    const clock = this.clock;
    if (!clock || occurrence.mood !== 'actual') return true;
    if (clock.lo > occurrence.compiled.index) return false;
    return occurrence.compiled.event.requires.every((id) => {
      const index = this.#canon.eventIndex.get(id);
      return index === undefined || clock.hi >= index || this.said.some((s) => s.compiled.event.id === id);
    });
  }

  #said(info: ClauseInfo, recognitions: readonly Recognition[]): void {
    for (const r of recognitions) this.said.push({ compiled: this.#canon.events[r.event], mood: r.mood, match: r.match, info, before: this.clock });
  }

  #set(offset: number, clock: Clock): void {
    this.clock = clock;
    this.#checkpoints.push({ offset, clock });
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

/**
 * From a passage of an earlier analysis to the passage at the same place in this one (`shift`
 * on): a pointer that moves on a few passages at a time, since each list the walk takes is in
 * passage order, and a binary search by offset where it jumps (passages start at distinct offsets).
 */
function passageMap(earlier: readonly Passage[], now: readonly Passage[], first: number, shift: number): (passage: Passage) => Passage {
  let at = first;
  return (passage) => {
    if (earlier[at] !== passage) {
      const stop = Math.min(earlier.length, at + 32);
      let next = at + 1;
      while (next < stop && earlier[next] !== passage) next++;
      at = next < stop ? next : countBefore(earlier, (p) => p.base, passage.base);
    }
    return now[at + shift];
  };
}

/** A cue speaks when dialogue follows it (parentheticals may stand between). */
function speaks(all: readonly Passage[], at: number): boolean {
  for (let i = at + 1; i < all.length; i++) {
    if (all[i].kind === 'parenthetical') continue;
    return all[i].kind === 'dialogue' && all[i].tokens.some((t) => t.kind === 'word');
  }
  return false;
}
