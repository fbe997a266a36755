import type { CancellationToken } from '../cancellation';
import type { CanonPack } from '../canon/model';
import type { CheckResult } from '../check';
import type { Finding } from '../finding';
import { calledName, holds } from '../rules/support';
import type { Scene } from '../story/scenes';
import { elementOf, type Clock, type Script } from '../story/script';
import type { FountainDocument } from '../fountain/model';
import { titlePageValue } from '../fountain/title-values';
import type { ClockPlace, SceneWarning, StateSpan, StoryTimeline, TimelineChapter, TimelineScene } from './model';

/** One chapter as checked: its name and address, and what the check found. */
export interface CheckedChapter extends TimelineChapter {
  readonly result: CheckResult;
}

const BEFORE_FIRST_HEADING = '(before the first scene heading)';

/**
 * The timeline of a story: its chapters (checked in order, each starting where the one before left
 * the clock), their scenes placed on the canon clock, the states that hold in each and the warnings
 * that stand in each. The pack is the first chapter's: one story has one canon.
 */
export function storyTimeline(chapters: readonly CheckedChapter[], token: CancellationToken): StoryTimeline | undefined {
  const first = chapters[0];
  if (!first) return undefined;
  const pack = first.result.script.pack;
  const scenes: TimelineScene[] = [];
  chapters.forEach((chapter, index) => {
    if (token.isCancellationRequested) return;
    for (const scene of chapterScenes(chapter.result, index, scenes.length)) scenes.push(scene);
  });
  return {
    pack: { id: pack.id, name: pack.name },
    events: pack.events.map((e) => ({ id: e.id, name: e.name, backstory: e.backstory === true })),
    states: stateSpans(pack),
    chapters: chapters.map(({ name, uri }) => (uri === undefined ? { name } : { name, uri })),
    scenes,
  };
}

/** The pack's states as stretches of the clock, those naming an unknown event left out. */
export function stateSpans(pack: CanonPack): StateSpan[] {
  const index = new Map(pack.events.map((e, i) => [e.id, i] as const));
  return pack.states.flatMap((state) => {
    const from = index.get(state.from);
    if (from === undefined) return [];
    const until = state.until === undefined ? undefined : index.get(state.until);
    return [{ id: state.id, character: shortName(pack, state.character), label: state.label, from, ...(until === undefined ? {} : { until }) }];
  });
}

/**
 * A character as writers call them, and as warnings name them: the words of the full name the cue
 * uses ("Bottom" for Nick Bottom cued BOTTOM, "Cassie" for Cassie Shore), else the first name.
 */
export function shortName(pack: CanonPack, id: string): string {
  const character = pack.characters.find((c) => c.id === id);
  return character ? calledName(character) : id;
}

/** The scenes of one chapter that hold anything: text before the first heading counts only if it has some. */
function chapterScenes({ script, findings }: CheckResult, chapter: number, before: number): TimelineScene[] {
  const out: TimelineScene[] = [];
  let next = 0;
  for (const scene of script.scenes) {
    const warnings: SceneWarning[] = [];
    while (next < findings.length && findings[next].span.start < scene.end) warnings.push(warningOf(script, findings[next++]));
    if (!scene.heading && warnings.length === 0 && !tellsAnything(script)) continue;
    out.push(timelineScene(script, scene, chapter, before + out.length + 1, warnings));
  }
  return out;
}

/**
 * Whether the text before the first scene heading tells anything: a speech, or narration in
 * sentences. "FADE IN:" alone (read as action) is no scene of the story.
 */
function tellsAnything(script: Script): boolean {
  for (let i = 0; i < script.passages.length && script.places.scenes[i] === 0; i++) {
    const kind = script.passages[i].kind;
    if (kind === 'cue' || kind === 'dialogue' || (kind === 'action' && /\p{Ll}/u.test(elementOf(script, i).text))) return true;
  }
  return false;
}

/** The story's title, from the first chapter's title page, emphasis marks dropped. */
export function titleOf(doc: FountainDocument): string | undefined {
  return titlePageValue(doc, 'title');
}

function warningOf(script: Script, finding: Finding): SceneWarning {
  const { ruleId, severity, message } = finding;
  return { ruleId, severity, message, offset: finding.span.start, line: script.lineOf(finding.span.start) };
}

function timelineScene(script: Script, scene: Scene, chapter: number, number: number, warnings: readonly SceneWarning[]): TimelineScene {
  const clock = scene.offClock ? undefined : script.clockAt(Math.max(scene.start, scene.end - 1));
  const place = placeOf(scene, clock);
  const states = clock === undefined ? [] : script.pack.states
    .filter((state) => holds(script, state, clock))
    .map((state) => ({ id: state.id, character: shortName(script.pack, state.character), label: state.label }));
  return {
    number,
    chapter,
    heading: scene.heading?.text.trim() || BEFORE_FIRST_HEADING,
    offset: scene.heading?.start ?? scene.start,
    line: script.lineOf(scene.heading?.start ?? scene.start),
    place,
    placeLabel: placeLabel(script.pack, place),
    events: scene.offClock ? [] : eventsIn(script, scene),
    states,
    warnings,
  };
}

function placeOf(scene: Scene, clock: Clock | undefined): ClockPlace {
  if (scene.offClock) return { kind: 'off', reason: scene.offClockReason ?? 'off the clock' };
  if (!clock) return { kind: 'unplaced' };
  return clock.lo === clock.hi ? { kind: 'gap', gap: clock.lo } : { kind: 'between', lo: clock.lo, hi: clock.hi };
}

/** Where a scene stands, in the writer's words. */
export function placeLabel(pack: CanonPack, place: ClockPlace): string {
  const name = (i: number): string => pack.events[i]?.name ?? `event ${i + 1}`;
  switch (place.kind) {
    case 'off': return `off the timeline (${place.reason})`;
    case 'unplaced': return 'not placed on the canon timeline';
    case 'gap': return place.gap < 0 ? `before ${name(0)}` : `after ${name(place.gap)}`;
    case 'between': {
      const from = place.lo < 0 ? 'the start' : name(place.lo);
      const to = place.hi + 1 < pack.events.length ? name(place.hi + 1) : 'the end';
      return `somewhere between ${from} and ${to}`;
    }
  }
}

/** The canon events the scene's narration makes happen (not those only imagined or denied), by index. */
function eventsIn(script: Script, scene: Scene): number[] {
  const found: number[] = [];
  for (const occurrence of script.occurrences) {
    if (occurrence.mood === 'irrealis') continue;
    if (script.scenes[script.places.scenes[occurrence.info.passage]] !== scene) continue;
    if (!found.includes(occurrence.compiled.index)) found.push(occurrence.compiled.index);
  }
  return found;
}
