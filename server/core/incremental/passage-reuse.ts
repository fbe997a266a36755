/**
 * How an analysis takes its passages from the analysis of an earlier version of its document
 * (story/passages.ts PassageBuilder, built afresh by BUILD_AFRESH): the passages before the edited
 * scene (resumed, reuse.ts resumePoint), those after the edits (the tail, takeTail), the versions
 * of the elements an edit only moved (by index), their words (the passage cache), the script's
 * names where no cue was edited, the landmarks, the anchors and the tense votes kept per version.
 * Then what the clock walk reads with and where it starts (walk-reuse.ts), and what is kept for
 * the next analysis. Each value is the one BUILD_AFRESH works out: the property tests compare the
 * two (test/unit/incremental/seam.property.test.ts).
 */
import type { CanonPack } from '../canon/model';
import type { Element, FountainDocument } from '../fountain/model';
import { readAnchor, type Anchor } from '../story/anchors';
import type { Cast } from '../story/cast';
import type { PassageReader, WalkStart } from '../story/clock-walk';
import { anchorsOf, PASSAGE_KINDS, readWords, scriptNamesOf, type Analysed, type BuiltPassages, type PassageBuilder, type WalkPlan } from '../story/passages';
import { findLandmarks, type Landmarks, type Scene } from '../story/scenes';
import { namesKey, ScriptNames, capitalBits, type CueForms } from '../story/script-cast';
import { passagesBefore, type Clock, type Passage, type PassageKind, type Reused } from '../story/script';
import { sumVotes, tenseVotes, type TenseVotes } from '../story/tense';
import { detached } from '../detached';
import { countBefore } from '../sorted';
import { elementOrigins, type Origins } from '../fountain/state';
import { maskedText } from '../fountain/mask';
import type { CacheVersion, PassageCache, ReadingContext } from './passage-cache';
import { isWhole, resumePoint, tailPoint, type Analysis, type Earlier, type PassageTrace, type Resume } from './reuse';
import { KeptReadings, WalkReuse } from './walk-reuse';

/** Where the seam's builder keeps analyses and cue forms: the Database's store. */
export interface AnalysisStore {
  analysisOf(doc: FountainDocument): Analysis | undefined;
  keepAnalysis(doc: FountainDocument, analysis: Analysis): void;
  cueForms(cast: Cast): CueForms;
}

/**
 * Builds the passages of one analysis taking what the analysis of the nearest earlier version of
 * the document (on the same passage cache) read, and keeps this one's for the next. One per
 * analysis (Database.passageBuilder).
 */
export class ReusedPassages implements PassageBuilder {
  readonly #store: AnalysisStore;
  readonly #cache: PassageCache;
  readonly #startClock: Clock | undefined;
  readonly #earlier: Earlier | undefined;
  readonly #trace: PassageTrace = { forms: 0, names: NO_NAMES, before: undefined, lastRead: -1, versions: [], elements: [], scenes: [], earlier: [], earlierFrom: 0 };
  #passages = 0;
  #kept: KeptReadings | undefined;
  #reuse: WalkReuse | undefined;

  constructor(store: AnalysisStore, cache: PassageCache, doc: FountainDocument, startClock: Clock | undefined) {
    this.#store = store;
    this.#cache = cache;
    this.#startClock = startClock;
    cache.begin();
    const origins = elementOrigins(doc, (d) => store.analysisOf(d)?.cache === cache);
    const previous = origins && store.analysisOf(origins.ancestor);
    this.#earlier = origins && previous ? { analysis: previous, origins } : undefined;
  }

  landmarks(doc: FountainDocument): Landmarks {
    const earlier = this.#earlier;
    return findLandmarks(doc.elements, earlier && { landmarks: earlier.analysis.landmarks, origins: earlier.origins });
  }

  build(doc: FountainDocument, cast: Cast, scenes: Scene[]): BuiltPassages {
    const trace = this.#trace;
    const earlier = this.#earlier;
    const passages = buildPassages(doc, cast, scenes, this.#store.cueForms(cast), this.#cache, trace, earlier,
      resumePoint(doc, scenes, earlier, this.#startClock));
    const tense = tenseOf(passages, trace, earlier?.analysis);
    this.#passages = passages.length;
    // Scenes before the edit's are the same objects as before, so that what is taken refers to them.
    const resumed = trace.resumed;
    if (resumed) for (let i = 0; i < resumed.scene; i++) scenes[i] = resumed.analysis.whole.scenes[i];
    return { passages, places: trace, tense };
  }

  /** The script's anchors, each note's read once per text. */
  anchors(doc: FountainDocument, pack: CanonPack): Anchor[] {
    const cache = this.#cache;
    return anchorsOf(doc, pack, (region) => cache.anchor(doc.text.slice(region.start, region.end), region.start, () => readAnchor(doc.text, region, pack)));
  }

  reader(): PassageReader {
    return this.#kept = new KeptReadings(this.#cache, this.#trace, this.#passages);
  }

  walkStart(plan: WalkPlan): WalkStart | undefined {
    const { walk, placed, scenes, offClock, anchors, pastIsBackstory, startClock } = plan;
    const earlier = this.#earlier;
    const trace = this.#trace;
    const sameTense = earlier && pastIsBackstory === earlier.analysis.pastIsBackstory;
    const tail = sameTense ? tailPoint(placed, scenes, offClock, earlier, startClock) : undefined;
    const resumed = trace.resumed;
    return this.#reuse = new WalkReuse(walk, this.#kept, resumed?.analysis.pastIsBackstory === pastIsBackstory ? resumed : undefined, tail,
      trace.lastRead, anchors, scenes);
  }

  get keyed(): number {
    return this.#kept?.keyed ?? 0;
  }

  keep(analysed: Analysed): Reused | undefined {
    const { doc, built, landmarks, complete, version, startClock, scenes, offClock, walk, pastIsBackstory } = analysed;
    const trace = this.#trace;
    const cache = this.#cache;
    const readings: (ReadingContext | undefined)[] = this.#kept?.readings ?? [];
    cache.end(trace.versions, readings);
    // What this analysis was resumed from must not be kept with it: each analysis would hold the one
    // before, and a long session every analysis it ever ran.
    trace.resumed = undefined;
    trace.before = undefined;
    // The earlier analysis's reading contexts served this walk only: kept, they were a slot per
    // passage, and held the contexts this walk replaced, for as long as the script stays open.
    trace.earlier.length = 0;
    // A cancelled walk recorded only some readings: nothing is lost by keeping them, the rest are
    // looked up. Only a walk that went to the end may be resumed from.
    const passages = built.passages as Passage[];
    this.#store.keepAnalysis(doc, {
      cache, forms: trace.forms, names: trace.names, landmarks, tense: built.tense, passages: passages.length, pastIsBackstory,
      versions: trace.versions, elements: trace.elements, readings,
      whole: complete ? { startClock, scenes, offClock, passages, trace, walk, version } : undefined,
    });
    const reuse = this.#reuse;
    const headEnd = reuse?.headEnd ?? 0;
    const taken = reuse?.taken;
    const earlier = this.#earlier;
    return earlier && (headEnd > 0 || taken) && isWhole(earlier.analysis)
      ? { earlier: earlier.analysis.whole.version, headEnd, tail: taken } : undefined;
  }
}

/** What a trace holds until buildPassages sets the script's names. */
const NO_NAMES = new ScriptNames([]);

/** Builds the passages of a script: every element the story reads, tokenised, with its canon names. */
function buildPassages(doc: FountainDocument, cast: Cast, scenes: readonly Scene[], cueForms: CueForms, cache: PassageCache, trace: PassageTrace,
  earlier?: Earlier, resume?: Resume): Passage[] {
  const passages: Passage[] = [];
  // The script's own names come from its cues alone: where the edits read and left none, they are
  // the earlier analysis's, without going through every cue again.
  const names = earlier && noneEdited(doc, earlier.origins, isCue) ? earlier.analysis.names
    : scriptNamesOf(doc, cast, cueForms);
  const forms = cache.names(namesKey(names.forms));
  // Elements an edit only moved are the same text as in the document last analysed: their
  // versions are taken from there by index, without slicing and hashing their text again. Where
  // the script's names changed (a cue typed), only if the passage's words stay as they were
  // (sameWords); its reading context is then looked up again.
  const byIndex = earlier?.analysis;
  const before = byIndex?.forms === forms ? byIndex : undefined;
  // Where the names changed, the bits of those that did: most passages write none of them.
  const changed = byIndex && !before ? names.changedBits(byIndex.names.forms) : 0;
  trace.forms = forms;
  trace.names = names;
  trace.before = before;
  let speaker: string | undefined;
  let scene = 0;
  let first = 0;
  let count = 0;
  sizeFor(passages, trace, passageCount(doc, earlier));
  if (resume && (before || sameWordsBefore(resume, names, changed))) {
    // The scenes before the edit's: the very same elements, read the same way (where a typed cue
    // changed the script's names, none of them writes a name that changed).
    const from = resume.analysis.whole;
    for (; count < resume.passages; count++) {
      passages[count] = from.passages[count];
      trace.versions[count] = from.trace.versions[count];
      trace.elements[count] = from.trace.elements[count];
      trace.scenes[count] = from.trace.scenes[count];
    }
    trace.resumed = resume;
    scene = resume.scene;
    first = resume.element;
  }
  // From the first element after the edits that starts a speech or narration (not dialogue, whose
  // speaker a cue before it names), every passage is the earlier analysis's, moved.
  const tailFrom = before?.whole && earlier ? earlier.origins.tailFrom : doc.elements.length;
  // Where each element's passage stood in the earlier analysis: elements keep their order, so one
  // cursor goes through its passages once, not a search per element. Where a cue is typed the
  // names change and every element after the edit comes through here. A cursor that misses only
  // costs a look-up by key: the version is then read from the cache, never taken wrongly.
  let originAt = -1;
  trace.earlierFrom = count;
  for (let index = first; index < doc.elements.length; index++) {
    const element = doc.elements[index];
    const kind = PASSAGE_KINDS[element.type];
    if (!kind) continue;
    while (scene + 1 < scenes.length && scenes[scene + 1].start <= element.start) scene++;
    if (index >= tailFrom && kind !== 'dialogue' && kind !== 'parenthetical' && before && earlier
      && takeTail(passages, trace, before, earlier.origins, index, count, scene)) {
      return passages;
    }
    if (element.type === 'character') speaker = element.name.toUpperCase();
    else if (kind !== 'dialogue' && kind !== 'parenthetical') speaker = undefined;
    const inDialogue = kind === 'dialogue' || kind === 'parenthetical';
    const passageSpeaker = inDialogue ? speaker : undefined;
    const was = byIndex && earlier ? earlier.origins.indexOf(index) : -1;
    let origin = -1;
    if (was >= 0 && byIndex) {
      const elements = byIndex.elements;
      if (originAt < 0) originAt = countBefore(elements, (e) => e, was);
      while (originAt < elements.length && elements[originAt] < was) originAt++;
      if (elements[originAt] === was) origin = originAt;
    }
    let version = origin >= 0 ? byIndex?.versions[origin] : undefined;
    let context: ReadingContext | undefined;
    if (version?.kind === kind && (before || sameWords(version, names, changed))) {
      if (before) context = before.readings[origin];
    } else {
      version = lookUpWords(cache, kind, doc, element, cast, names);
      trace.lastRead = count;
    }
    trace.versions[count] = version;
    trace.elements[count] = index;
    trace.scenes[count] = scene;
    trace.earlier.push(context);
    passages[count++] = passageFor(version, kind, passageSpeaker);
  }
  sizeFor(passages, trace, count);
  return passages;
}

/**
 * Places the passages from element `index` on (the `count`th passage, in scene `scene`) as the
 * earlier analysis's, moved: the elements there are the earlier ones, only moved, read with the
 * same names. Their passages, versions and reading contexts are the earlier ones; only their
 * element's and scene's indexes are this document's. False (and nothing placed) where the earlier
 * passages do not line up with these elements.
 */
function takeTail(passages: Passage[], trace: PassageTrace, before: Analysis,
  origins: Origins, index: number, count: number, scene: number): boolean {
  const old = before.whole;
  if (!old) return false;
  const origin = index + origins.tailShift;
  const from = passagesBefore({ doc: origins.ancestor, places: old.trace }, origins.ancestor.elements[origin].start);
  if (old.trace.elements[from] !== origin || old.passages.length - from !== passages.length - count) return false;
  const sceneShift = old.trace.scenes[from] - scene;
  const { tailShift } = origins;
  trace.tail = { from, at: count };
  let at = count;
  for (let j = from; j < old.passages.length; j++, at++) {
    trace.versions[at] = old.trace.versions[j];
    trace.elements[at] = old.trace.elements[j] - tailShift;
    trace.scenes[at] = old.trace.scenes[j] - sceneShift;
    passages[at] = old.passages[j];
  }
  return true;
}

/**
 * The tense votes of the whole script. Where passages were taken from the earlier analysis (the
 * head it resumed from, the tail it took), the earlier total less the votes of the earlier
 * passages in between, plus those of the passages read in between now: the votes of a passage
 * depend on its words alone, and taken passages are the earlier ones.
 */
function tenseOf(passages: readonly Passage[], trace: PassageTrace, earlier: Analysis | undefined): TenseVotes {
  const old = earlier?.whole;
  const head = trace.resumed?.passages ?? 0;
  const tail = trace.tail;
  if (!earlier || !old || (head === 0 && !tail)) return sumVotes(passages, 0, passages.length, votesOf(trace));
  const removed = sumVotes(old.passages, head, tail ? tail.from : old.passages.length, votesOf(old.trace));
  const added = sumVotes(passages, head, tail ? tail.at : passages.length, votesOf(trace));
  return { past: earlier.tense.past - removed.past + added.past, present: earlier.tense.present - removed.present + added.present };
}

/** A passage's tense votes, kept with the version it was read as (`at` its index in the trace). */
function votesOf(trace: PassageTrace): (passage: Passage, at: number) => TenseVotes {
  return (passage, at) => trace.versions[at].tense ??= tenseVotes(passage);
}

/**
 * How many of the document's elements are passages: the earlier analysis's count, less those the
 * edits replaced, plus those they read. Exact, so that the passage lists are sized once for what
 * they hold (sizeFor cuts them to the passages placed all the same).
 */
function passageCount(doc: FountainDocument, earlier: Earlier | undefined): number {
  if (!earlier) return doc.elements.length;
  const { read, replaced } = editedElements(doc, earlier.origins, isPassage);
  return earlier.analysis.passages + read - replaced;
}

/** Whether no element the edits since `origins.ancestor` read, and none they replaced, is one `test` accepts. */
function noneEdited(doc: FountainDocument, origins: Origins, test: (element: Element) => boolean): boolean {
  const { read, replaced } = editedElements(doc, origins, test);
  return read === 0 && replaced === 0;
}

/** How many of the elements the edits since `origins.ancestor` read, and of those they replaced, `test` accepts. */
function editedElements(doc: FountainDocument, origins: Origins, test: (element: Element) => boolean): { read: number; replaced: number } {
  const { kept, tailFrom, tailShift, ancestor } = origins;
  let read = 0;
  let replaced = 0;
  for (let i = kept; i < tailFrom; i++) if (test(doc.elements[i])) read++;
  for (let i = kept; i < tailFrom + tailShift; i++) if (test(ancestor.elements[i])) replaced++;
  return { read, replaced };
}

function isPassage(element: Element): boolean {
  return PASSAGE_KINDS[element.type] !== undefined;
}

function isCue(element: Element): boolean {
  return element.type === 'character';
}

/**
 * Sets the length of the passage list and the trace's lists at once: the passages of a long script
 * went in one push at a time, each list growing by copies, four lists long as the script is at
 * every keystroke. Sized first for every element that may be a passage, then cut to those that were.
 */
function sizeFor(passages: Passage[], trace: PassageTrace, length: number): void {
  passages.length = length;
  trace.versions.length = length;
  trace.elements.length = length;
  trace.scenes.length = length;
}

/**
 * The passage read as `version` with `speaker`: one object for every place the same text is read
 * as the same kind by the same speaker, kept with the version, so that a passage an edit only
 * moved, or a text written again, makes none.
 */
function passageFor(version: CacheVersion, kind: PassageKind, speaker: string | undefined): Passage {
  const first = version.passage;
  if (first && first.speaker === speaker) return first;
  let passage = first && version.bySpeaker?.get(speaker ?? '');
  if (!passage) {
    // Detached: it lives as long as the version, past the document the speaker's name was cut from.
    passage = { kind, tokens: version.words.tokens, mentions: version.words.mentions, speaker: speaker === undefined ? undefined : detached(speaker) };
    if (!first) version.passage = passage;
    else (version.bySpeaker ??= new Map()).set(speaker ?? '', passage);
  }
  return passage;
}

/** Whether each passage before the scene resumed has the words it had with the script's names now. */
function sameWordsBefore(resume: Resume, names: ScriptNames, changed: number): boolean {
  const versions = resume.analysis.whole.trace.versions;
  for (let i = 0; i < resume.passages; i++) if (!sameWords(versions[i], names, changed)) return false;
  return true;
}

/**
 * Whether a version read with the earlier names has the words it would have with `names`: where
 * it writes none of the names that changed (`changed`, ScriptNames.changedBits), without looking
 * further; else where it includes the same names.
 */
function sameWords(version: CacheVersion, names: ScriptNames, changed: number): boolean {
  return ((version.capitals ??= capitalBits(version.canon.tokens)) & changed) === 0 || version.formsKey === names.keyOf(version.canon.tokens);
}

/**
 * A passage's words from the cache, by everything they depend on: the text, its kind and the
 * script's own names it writes (a new cue makes a new name). Not where the passage is: its offsets
 * count from its own start. (Kept out of the loop above: a closure there costs every element a context.)
 */
function lookUpWords(cache: PassageCache, kind: PassageKind, doc: FountainDocument, element: Element, cast: Cast, names: ScriptNames): CacheVersion {
  const text = maskedText(doc, element.start, element.end);
  return cache.version(kind, text, doc.text.slice(element.start, element.end), () => readWords(text, cast, cache.words), names);
}

