/**
 * How an analysis builds its passages, and the other steps where it may take what an earlier
 * analysis worked out: one interface, `PassageBuilder`. `BUILD_AFRESH` is a pure function of the
 * document, the cast and the scenes, and takes nothing from anywhere; the seam's builder
 * (incremental/passage-reuse.ts ReusedPassages) gives the same values, taken from the analysis of
 * an earlier version where the edits did not reach. analyse-script.ts does not know which.
 */
import type { CanonPack } from '../canon/model';
import type { Cue, Element, FountainDocument } from '../fountain/model';
import { readAnchor, type Anchor } from './anchors';
import { isCaseless, type Cast, type Mention, type NameForm } from './cast';
import { READ_AFRESH, type ClockWalk, type PassageReader, type WalkStart } from './clock-walk';
import { findLandmarks, type Landmarks, type OffClockSpan, type Scene } from './scenes';
import { scriptNameForms, ScriptNames, type CueForms } from './script-cast';
import { sumVotes, tenseVotes, type TenseVotes } from './tense';
import type { Clock, Passage, PassageKind, PassagePlaces, Placed, Reused } from './script';
import { tokenize, type Tokens, type WordTable } from './words';
import { exact } from '../exact';
import { maskedText } from '../fountain/mask';

export const PASSAGE_KINDS: Partial<Record<Element['type'], PassageKind>> = {
  action: 'action',
  dialogue: 'dialogue',
  character: 'cue',
  parenthetical: 'parenthetical',
  'scene-heading': 'heading',
  centered: 'action',
  lyrics: 'dialogue',
};

/** What a passage's text reads as, whatever comes before it: its words and the canon names among them. */
export interface PassageWords {
  readonly tokens: Tokens;
  readonly mentions: readonly Mention[];
}

/** The passages of a script, where each stands, and the tense votes of them all (story/tense.ts). */
export interface BuiltPassages {
  readonly passages: readonly Passage[];
  readonly places: PassagePlaces;
  readonly tense: TenseVotes;
}

/** What the clock walk goes through, for the builder to say where it may start and what it reads with. */
export interface WalkPlan {
  readonly walk: ClockWalk;
  readonly placed: Placed;
  readonly scenes: readonly Scene[];
  readonly offClock: readonly OffClockSpan[];
  readonly anchors: readonly Anchor[];
  readonly pastIsBackstory: boolean;
  readonly startClock: Clock | undefined;
}

/** What an analysis found, for a builder that keeps it for the next one. */
export interface Analysed extends WalkPlan {
  readonly doc: FountainDocument;
  readonly built: BuiltPassages;
  readonly landmarks: Landmarks;
  /** Whether the walk went to the end. */
  readonly complete: boolean;
  /** Names this analysis (Script.version). */
  readonly version: object;
}

/**
 * The steps of an analysis that read the document's elements: its landmarks, its passages (with
 * their tense), its anchors, what the clock walk reads its passages with and where it starts, and
 * what is kept once it has walked. Asked in that order, once each, by analyse-script.ts.
 */
export interface PassageBuilder {
  landmarks(doc: FountainDocument): Landmarks;
  /**
   * The passages of `doc` in `scenes`. A builder may replace scenes with the very same scenes of
   * an earlier analysis (equal values), so that what is taken from it refers to them.
   */
  build(doc: FountainDocument, cast: Cast, scenes: Scene[]): BuiltPassages;
  anchors(doc: FountainDocument, pack: CanonPack): Anchor[];
  /** What the walk reads its passages with. */
  reader(): PassageReader;
  /** Where the walk starts (undefined: from the first passage). */
  walkStart(plan: WalkPlan): WalkStart | undefined;
  /** Readings looked up by key in the walk (walk-reuse.ts KeptReadings.keyed): for tests and the bench. */
  readonly keyed: number;
  /** Ends the analysis: what it took from an earlier one, if anything. */
  keep(analysed: Analysed): Reused | undefined;
}

const NO_MEMO: CueForms = Object.freeze({ get: (text: string, compute: (text: string) => NameForm | undefined) => compute(text) });

/** Builds everything afresh: each step a pure function of what it is given. */
export const BUILD_AFRESH: PassageBuilder = Object.freeze({
  landmarks: (doc: FountainDocument): Landmarks => findLandmarks(doc.elements),
  build: (doc: FountainDocument, cast: Cast, scenes: Scene[]): BuiltPassages => buildPassagesAfresh(doc, cast, scenes),
  anchors: (doc: FountainDocument, pack: CanonPack): Anchor[] => anchorsOf(doc, pack),
  reader: (): PassageReader => READ_AFRESH,
  walkStart: (): WalkStart | undefined => undefined,
  keyed: 0,
  keep: (): Reused | undefined => undefined,
});

/** The script's own names: from its cues alone (script-cast.ts). */
export function scriptNamesOf(doc: FountainDocument, cast: Cast, known: CueForms = NO_MEMO): ScriptNames {
  return new ScriptNames(scriptNameForms(doc.elements.filter((e): e is Cue => e.type === 'character'), cast, known));
}

/**
 * The passages of a script, built afresh: every element the story reads, tokenised, with its canon
 * names and the script's own, and the speaker of each line of dialogue.
 */
export function buildPassagesAfresh(doc: FountainDocument, cast: Cast, scenes: readonly Scene[]): BuiltPassages {
  const names = scriptNamesOf(doc, cast);
  const table: WordTable = new Map();
  const passages: Passage[] = [];
  const elements: number[] = [];
  const sceneOf: number[] = [];
  let speaker: string | undefined;
  let scene = 0;
  for (let index = 0; index < doc.elements.length; index++) {
    const element = doc.elements[index];
    const kind = PASSAGE_KINDS[element.type];
    if (!kind) continue;
    while (scene + 1 < scenes.length && scenes[scene + 1].start <= element.start) scene++;
    if (element.type === 'character') speaker = element.name.toUpperCase();
    else if (kind !== 'dialogue' && kind !== 'parenthetical') speaker = undefined;
    const inDialogue = kind === 'dialogue' || kind === 'parenthetical';
    const words = names.wordsOf(readWords(maskedText(doc, element.start, element.end), cast, table));
    passages.push({ kind, tokens: words.tokens, mentions: words.mentions, speaker: inDialogue ? speaker : undefined });
    elements.push(index);
    sceneOf.push(scene);
  }
  const tense = sumVotes(passages, 0, passages.length, tenseVotes);
  return { passages, places: { elements, scenes: sceneOf }, tense };
}

/**
 * A passage's words with the canon's names, in the order they stand (the script's own are added by
 * ScriptNames), from its masked text: offsets count from the passage's start.
 */
export function readWords(masked: string, cast: Cast, table: WordTable): PassageWords {
  // Kept for as long as the passage is: tokenize stores them to their length.
  const tokens = tokenize(masked, 0, masked.length, 0, table);
  return { tokens, mentions: exact(cast.mentions(tokens, 0, tokens.length, isCaseless(tokens))) };
}

/**
 * The script's anchors, read afresh. From the document's notes and boneyard, not its elements: a
 * loop over every element to find the notes cost a keystroke on a long script as much again as
 * the notes themselves.
 */
export function anchorsOf(doc: FountainDocument, pack: CanonPack, read = (region: FountainDocument['masks'][number]) => readAnchor(doc.text, region, pack)): Anchor[] {
  const anchors: Anchor[] = [];
  for (const region of doc.masks) {
    if (region.kind !== 'note') continue;
    const anchor = read(region);
    if (anchor) anchors.push(anchor);
  }
  return anchors;
}
