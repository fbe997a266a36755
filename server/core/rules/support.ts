import { anotherHappening } from '../story/told';
import type { CanonState, Capability, Sourced } from '../canon/model';
import type { Fix, Related } from '../finding';
import type { Span } from '../span';
import { sceneOf, type Clock, type Script } from '../story/script';
import { SCRIPT_ID, titleCase } from '../story/script-cast';
import { countBefore } from '../sorted';
import { baseForms } from '../story/lemma';
import { happeningOfVerb, readClause } from '../story/reading';
import type { Clause } from '../story/clauses';
import { certainlyInside } from '../story/compiled';


/** Whether a state certainly holds at a clock: the whole range lies inside the state. */
export function holds(script: Script, state: CanonState, clock: Clock | undefined): boolean {
  if (!clock) return false;
  const from = script.canon.eventIndex.get(state.from);
  if (from === undefined) return false;
  const until = state.until === undefined ? Infinity : script.canon.eventIndex.get(state.until) ?? Infinity;
  return certainlyInside(clock, from, until);
}

/** Whether the story is certainly past the canon event `eventId` at a clock (an unknown event: no). */
export function certainlyPast(script: Script, clock: Clock | undefined, eventId: string): boolean {
  const index = script.canon.eventIndex.get(eventId);
  return index !== undefined && clock !== undefined && clock.lo >= index;
}

const NONE: readonly CanonState[] = Object.freeze([]);

/**
 * The canon states that certainly hold at a clock and forbid an action ('act', 'speak'). A pack
 * has a handful of states, so asking each, per clause on the clock, costs less than keeping
 * answers; most packs have none.
 */
export function statesForbidding(script: Script, action: Capability, clock: Clock | undefined): readonly CanonState[] {
  const states = script.pack.states;
  if (!clock || states.length === 0) return NONE;
  let found: CanonState[] | undefined;
  for (const state of states) if (state.forbids.includes(action) && holds(script, state, clock)) (found ??= []).push(state);
  return found ?? NONE;
}

/** " Canon (Act 3, scene 4): “...”" — the source sentence and where it stands, for messages, where the pack gives them. */
export function cite(item: Sourced): string {
  if (!item.source) return '';
  return item.where ? ` Canon (${item.where}): “${item.source}”` : ` Canon: “${item.source}”`;
}

export function eventName(script: Script, id: string | undefined): string {
  return script.pack.events.find((e) => e.id === id)?.name ?? id ?? '';
}

export function characterName(script: Script, id: string | undefined): string {
  if (id?.startsWith(SCRIPT_ID)) return titleCase(id.slice(SCRIPT_ID.length));
  const c = id ? script.cast.character(id) : undefined;
  return c ? calledName(c) : id ?? 'someone';
}

/**
 * The name a script calls a character by: the words of the full name its cue uses ("Caesar" for
 * Julius Caesar cued CAESAR, "Lady Macbeth", "Cassie" for Cassie Shore), else the first name.
 */
export function calledName(c: { readonly name: string; readonly first?: string; readonly cue: string }): string {
  const words = c.name.split(/\s+/);
  const key = (w: string): string => w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const cue = c.cue.split(/\s+/).map(key).filter((w) => w);
  for (let i = 0; cue.length > 0 && i + cue.length <= words.length; i++) {
    if (cue.every((w, k) => key(words[i + k]) === w)) return words.slice(i, i + cue.length).join(' ');
  }
  return c.first ?? c.name;
}

/**
 * Where the clock was last set before an offset: the narrated event or the anchor the writer placed,
 * so a warning can point to where a state began in the script.
 */
export function clockSource(script: Script, offset: number): Related | undefined {
  const sources = script.sources;
  // The last source starting before the offset; among sources at one offset the last listed wins.
  const count = countBefore(sources, (s) => s.start, offset);
  return count > 0 ? sources[count - 1].related : undefined;
}

/** The quick fix every continuity finding offers: keep the line as an intended divergence. */
export function markDivergence(script: Script, span: Span): Fix {
  const text = script.doc.text;
  let end = span.start;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  return { title: 'Mark as intended divergence ([[canon-ignore]])', edits: [{ span: { start: end, end }, newText: ' [[canon-ignore]]' }] };
}

/** The state's character as named in messages, with the state: "Cassie is in a coma". */
export function stateLabel(script: Script, state: CanonState): string {
  const since = eventName(script, state.from);
  const until = state.until ? ` until ${eventName(script, state.until)}` : '';
  return `${characterName(script, state.character)} is ${state.label} (from ${since}${until})`;
}

/**
 * Whether the paragraph (passage, by index) narrates the event that begins the state: "Delia
 * shoves her, and Cassie tumbles backwards over the ledge" is the fall, not a comatose Cassie
 * acting, so a state is not held against the sentences that bring it about.
 */
export function stateBeginsIn(script: Script, passage: number, state: CanonState): boolean {
  const { occurrences } = script;
  for (let i = countBefore(occurrences, (o) => o.info.passage, passage); i < occurrences.length && occurrences[i].info.passage === passage; i++) {
    const o = occurrences[i];
    if (o.mood !== 'irrealis' && o.compiled.event.id === state.from && !anotherHappening(o)) return true;
  }
  return false;
}

/** Verbs of a body carried by what befell it: the paragraph after a fall may still tell the fall. */
const FALLING = new Set(['fall', 'tumble', 'topple', 'plunge', 'plummet', 'drop', 'crumple', 'collapse', 'slump', 'sink', 'pitch',
  'hit', 'land', 'roll', 'slide', 'vanish', 'disappear']);
/** "goes over", "goes down": "go" is a fall only with these after it. */
const GOES = new Set(['over', 'down', 'under', 'limp', 'still', 'slack']);

/**
 * Whether a clause of the action paragraph right after the one that narrates a state's beginning
 * tells the same fall going on ("Someone pushes her off the roof." / "Cassie goes over the wall
 * without a sound"): its verb at token `verb` is one of a body falling. Anything else she does
 * there ("Nell reaches for the lamp") is hers, against the state.
 */
export function fallGoesOn(script: Script, passage: number, state: CanonState, clause: Clause, verb: number): boolean {
  if (script.passages[passage - 1]?.kind !== 'action' || !stateBeginsIn(script, passage - 1, state)) return false;
  const word = clause.tokens.wordAt(verb);
  if (word === undefined) return false;
  const forms = baseForms(word);
  return forms.some((f) => FALLING.has(f)) || (forms.includes('go') && GOES.has(clause.tokens.wordAt(verb + 1) ?? ''));
}

/**
 * Whether a state that allows last words lets its character still speak and act at a passage (by
 * index): in the scene where the event that begins it was last narrated ("The guard fires, and
 * Marco crumples" — Marco may still gasp his last lines before the scene ends), until narration
 * says the death itself ("Marco dies", "they kill Marco"): last words come between the blow and
 * the death, and a man the scene has seen die speaks no more.
 */
export function inLastWords(script: Script, passage: number, state: CanonState): boolean {
  if (state.lastWords !== true) return false;
  const began = beganAt(script, passage, state);
  return began >= 0 && !deathTold(script, began, passage, state.character);
}

/**
 * Whether the event that begins the state was narrated in the passage's scene, at or before the
 * passage: the scene in which a state comes about (the banished may still be on stage in the
 * scene of their banishment, the dying speak their last words).
 */
export function beganInScene(script: Script, passage: number, state: CanonState): boolean {
  return beganAt(script, passage, state) >= 0;
}

/** The passage (by index) of the scene's last narration, at or before `passage`, of the event that begins the state: -1 where none. */
function beganAt(script: Script, passage: number, state: CanonState): number {
  const { occurrences } = script;
  const scene = sceneOf(script, passage);
  for (let i = countBefore(occurrences, (o) => o.info.passage, passage + 1) - 1; i >= 0; i--) {
    const o = occurrences[i];
    if (sceneOf(script, o.info.passage) !== scene) return -1;
    if (o.mood !== 'irrealis' && o.compiled.event.id === state.from && !anotherHappening(o)) return o.info.passage;
  }
  return -1;
}

/** Verbs whose subject dies, verbs after which "dead" says a death ("lies dead"), and verbs whose object is killed. */
const DIES = new Set(['die', 'perish', 'expire']);
const DEAD_AFTER = new Set(['be', 'lie', 'fall', 'drop', 'go']);
const KILLS = new Set(['kill', 'slay', 'murder', 'slaughter', 'butcher', 'execute', 'behead']);

/**
 * Whether narration from passage `from` up to (not including) passage `to` says, as happening now,
 * that the character dies: as the subject of "die" ("Young Macduff dies on the rushes", "he lies
 * dead") or as the one a verb of killing is done to ("the murderers kill Banquo in the mud").
 */
function deathTold(script: Script, from: number, to: number, character: string): boolean {
  const { narration } = script;
  for (let n = countBefore(narration, (c) => c.passage, from); n < narration.length && narration[n].passage < to; n++) {
    const clause = narration[n].clause;
    const reading = readClause(clause);
    if (reading.happening === 'now' && reading.subject?.characterId === character && reading.verb !== undefined && reading.lemma !== undefined
      && (DIES.has(reading.lemma) || (DEAD_AFTER.has(reading.lemma) && clause.tokens.wordAt(reading.verb + 1) === 'dead'))) return true;
    for (const r of clause.referents) {
      if (r.characterId !== character || r.tokenStart <= clause.from) continue;
      const verb = r.tokenStart - 1;
      const word = clause.tokens.wordAt(verb);
      if (word !== undefined && baseForms(word).some((f) => KILLS.has(f)) && happeningOfVerb(clause, verb) === 'now') return true;
    }
  }
  return false;
}
