import type { CanonState } from '../canon/model';
import type { Finding } from '../finding';
import type { Element } from '../fountain/model';
import { absolute, type Span } from '../span';
import { isBe } from '../story/lemma';
import { PLACE_NAMES, type PlaceNames } from '../story/places';
import { readClause } from '../story/reading';
import { baseOf, elementOf, sceneOf, type Clock, type Script } from '../story/script';
import { notSpeakingHere } from '../story/voices';
import type { Rule } from './rule';
import { stateFinding } from './state-finding';
import { beganInScene, characterName, cite, holds, stateLabel } from './support';

/**
 * States that say where someone is (`at: mantua`, at sea) or where they cannot be (`away-from:
 * verona`, banished): a character on stage, speaking or acting now, in a scene whose heading names
 * only places the state keeps them from, contradicts canon. One warning per scene and state.
 */
export const rule: Rule = {
  id: 'continuity.state-place',
  description: 'A character is on stage at a place a canon state keeps them from (banished, abroad, at sea).',
  defaultSeverity: 'warning',
  check(script: Script): Finding[] {
    const states = script.pack.states.filter((s) => (s.at?.length ?? 0) > 0 || (s.awayFrom?.length ?? 0) > 0);
    if (states.length === 0) return [];
    const places = script.queries.cast(PLACE_NAMES);
    const barred = script.scenes.map((scene) => (scene.heading && !scene.offClock ? barredFrom(states, places.named(locationOf(scene.heading)), places) : []));
    if (barred.every((b) => b.length === 0)) return [];
    const reported = new Set<string>();
    const findings: Finding[] = [];
    for (const appearance of appearances(script, barred)) {
      const scene = sceneOf(script, appearance.passage);
      for (const state of barred[scene]) {
        const key = `${scene}:${state.id}`;
        if (state.character !== appearance.characterId || reported.has(key)) continue;
        if (!holds(script, state, appearance.clock) || beganInScene(script, appearance.passage, state)) continue;
        if (appearance.elsewhere && placedElsewhere(script, appearance.passage, state, places)) continue;
        reported.add(key);
        findings.push(finding(script, state, appearance, places));
      }
    }
    return findings;
  },
};

/**
 * Where a heading says the scene is: its location, not the time of day after the last dash, so
 * that "MORNING LIGHT" never names a lighthouse called "the light".
 */
function locationOf(heading: Element): string {
  return heading.type === 'scene-heading' ? heading.location : heading.text;
}

/** The states (of those given) that keep their holder from every place a heading names. */
function barredFrom(states: readonly CanonState[], named: readonly string[], places: PlaceNames): readonly CanonState[] {
  if (named.length === 0) return [];
  return states.filter((state) => named.every((place) => forbids(state, place, places)));
}

/**
 * Whether a state keeps its holder from a place: one inside a place they are kept away from, or,
 * where the state says where they are, one that neither stands in that place nor holds it (a
 * sailor at sea may be "at sea" or "on the Atlantic", and a heading naming the whole country
 * that holds their town says nothing against them).
 */
function forbids(state: CanonState, place: string, places: PlaceNames): boolean {
  const around = places.around(place);
  if ((state.awayFrom ?? []).some((away) => around.includes(away))) return true;
  const at = state.at ?? [];
  return at.length > 0 && !at.some((here) => around.includes(here) || places.around(here).includes(place));
}

/** Someone on stage: speaking under their cue, or the subject of narration that happens now. */
interface Appearance {
  readonly passage: number;
  readonly characterId: string;
  readonly clock?: Clock;
  readonly span: Span;
  /** How the message says what they do: "speaks", "climbs". */
  readonly doing: string;
  /** Narration, which may itself say the person is elsewhere ("Meanwhile, in Mantua, Romeo waits"). */
  readonly elsewhere: boolean;
}

/** Everyone on stage in the scenes some state bars someone from, in script order. */
function appearances(script: Script, barred: readonly (readonly CanonState[])[]): Appearance[] {
  const found: Appearance[] = [];
  const inBarredScene = (passage: number): boolean => barred[sceneOf(script, passage)].length > 0;
  for (const cue of script.cues) {
    if (!cue.speaks || !cue.characterId || cue.offClock || !inBarredScene(cue.passage)) continue;
    const element = elementOf(script, cue.passage);
    if (element.type !== 'character' || element.extensions.some(notSpeakingHere)) continue;
    found.push({ passage: cue.passage, characterId: cue.characterId, clock: cue.clock, span: { start: element.nameStart, end: element.nameEnd }, doing: 'speaks', elsewhere: false });
  }
  for (const info of script.narration) {
    if (!inBarredScene(info.passage)) continue;
    const reading = readClause(info.clause);
    const { subject, verb } = reading;
    if (!subject?.characterId || verb === undefined || reading.happening !== 'now') continue;
    const tokens = info.clause.tokens;
    const word = tokens.word(verb);
    // "Romeo is in Mantua" says where he is, not that he is here; "Romeo is climbing" is here.
    if (isBe(word) && !tokens.wordAt(verb + 1)?.endsWith('ing')) continue;
    const base = baseOf(script, info.passage);
    found.push({ passage: info.passage, characterId: subject.characterId, clock: info.clock, span: { start: absolute(base, subject.start), end: absolute(base, tokens.end(verb)) }, doing: word, elsewhere: true });
  }
  return found.sort((a, b) => a.span.start - b.span.start);
}

/** Whether the paragraph itself names a place the state lets its holder be: a cutaway to them there. */
function placedElsewhere(script: Script, passage: number, state: CanonState, places: PlaceNames): boolean {
  return places.named(elementOf(script, passage).text).some((place) => !forbids(state, place, places));
}

function finding(script: Script, state: CanonState, appearance: Appearance, places: PlaceNames): Finding {
  const scene = script.scenes[sceneOf(script, appearance.passage)];
  const named = scene.heading ? places.named(locationOf(scene.heading)) : [];
  const where = named.map((id) => placePhrase(script, state, id, places)).join(' and ');
  const who = characterName(script, appearance.characterId);
  const message = `${who} ${appearance.doing} in a scene set at ${where}, but ${stateLabel(script, state)} and cannot be there.${cite(state)}`;
  const found = stateFinding(script, rule.id, rule.defaultSeverity, state, appearance.span, message);
  if (!scene.heading) return found;
  const heading = { span: { start: scene.heading.start, end: scene.heading.end }, message: `The scene is set at ${where} here` };
  return { ...found, related: [heading, ...(found.related ?? [])] };
}

/** A place as messages name it, with the place it stands in that the state bars: "Capulet's house, in Verona". */
function placePhrase(script: Script, state: CanonState, id: string, places: PlaceNames): string {
  const name = (placeId: string): string => script.pack.places.find((p) => p.id === placeId)?.name ?? placeId;
  const barring = places.around(id).find((around) => around !== id && (state.awayFrom ?? []).includes(around));
  return barring === undefined ? name(id) : `${name(id)}, in ${name(barring)}`;
}
