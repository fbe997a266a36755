import type { Cast } from './cast';
import type { Clause, Referent } from './clauses';
import type { CompiledCanon, CompiledEvent, CompiledPhrasing } from './compiled';
import { sameWord } from './lemma';
import { matchPattern, type PhrasingMatch } from './match';
import { moodOf, type Mood } from './mood';
import { happeningOfVerb } from './reading';
import { tokenize } from './words';

export interface Recognised {
  readonly match: PhrasingMatch;
  readonly mood: Mood;
}

/**
 * The base forms of a clause's words, to rule out phrasings cheaply before matching them: only
 * the forms some phrasing of the canon requires (CompiledCanon.requiredForms), since no other can
 * count, and the phrasings whose key word the clause has (CompiledCanon.byKey), since no other
 * can match. Most clauses have none: no event need be asked about them at all.
 */
export class ClauseWords {
  readonly #forms: Set<string> | undefined;
  /** Undefined where no phrasing of the canon can match the clause. */
  readonly #candidates: Set<CompiledPhrasing> | undefined;

  constructor(clause: Clause, canon: CompiledCanon) {
    let forms: Set<string> | undefined;
    let candidates: Set<CompiledPhrasing> | undefined;
    for (let i = clause.from; i < clause.to; i++) {
      const word = clause.tokens.wordAt(i);
      if (word === undefined) continue;
      const required = canon.requiredForms(word);
      for (let k = 0; k < required.length; k++) {
        const form = required[k];
        (forms ??= new Set()).add(form);
        const keyed = canon.byKey.get(form);
        if (keyed) for (let j = 0; j < keyed.length; j++) (candidates ??= new Set()).add(keyed[j]);
      }
    }
    for (const phrasing of canon.wordless) (candidates ??= new Set()).add(phrasing);
    this.#forms = forms;
    this.#candidates = candidates;
  }

  /** Whether no phrasing of the canon can match the clause. */
  get none(): boolean {
    return this.#candidates === undefined;
  }

  /** Whether any of the phrasings may match: where none may, their event need not be asked about. */
  mayMatchAny(phrasings: readonly CompiledPhrasing[]): boolean {
    const candidates = this.#candidates;
    if (candidates === undefined) return false;
    for (let i = 0; i < phrasings.length; i++) if (candidates.has(phrasings[i])) return true;
    return false;
  }

  mayMatch(phrasing: CompiledPhrasing): boolean {
    if (this.#candidates?.has(phrasing) !== true) return false;
    const forms = this.#forms;
    return phrasing.required.every((any) => any.some((f) => forms?.has(f) === true));
  }
}

/**
 * Who may fill a slot: the participant canon names, or, for a fact's role, anyone. For a symmetric
 * event (a duel, a kiss) any of its canon participants may fill any of its roles: settleRoles then
 * gives each the role canon has them in.
 */
export function slotAcceptor(cast: Cast, participants: Readonly<Record<string, readonly string[]>>, openRoles: ReadonlySet<string>, symmetric = false) {
  const canon = new Set(Object.values(participants).flat());
  // Roles of a symmetric event are interchangeable: where a fact leaves one open, any is.
  const open = symmetric && Object.keys(participants).some((role) => openRoles.has(role));
  return (slot: string, referent: Referent): boolean => {
    if (Object.prototype.hasOwnProperty.call(participants, slot)) {
      if (open || openRoles.has(slot)) return true;
      if (referent.characterId === undefined) return referent.kind !== 'name';
      // A role of many hands is filled by any of them: "Casca stabs Caesar", "Brutus stabs Caesar".
      return symmetric ? canon.has(referent.characterId) : participants[slot].includes(referent.characterId);
    }
    if (cast.character(slot)) return referent.characterId === slot;
    return true;
  };
}

/**
 * A symmetric event's match with each canon participant moved to the role canon gives them ("Tybalt
 * fights Mercutio" read as "Mercutio fights Tybalt"), and anyone else to a role left free; undefined
 * where one person fills two roles, which tells of no event between two people.
 */
export function settleRoles(participants: Readonly<Record<string, readonly string[]>>, match: PhrasingMatch): PhrasingMatch | undefined {
  const roles = Object.keys(participants);
  const bindings = new Map<string, Referent>();
  const others: [string, Referent][] = [];
  for (const [slot, referent] of match.bindings) {
    if (!Object.prototype.hasOwnProperty.call(participants, slot)) {
      bindings.set(slot, referent);
      continue;
    }
    const id = referent.characterId;
    const role = id === undefined ? undefined : roles.find((r) => participants[r].includes(id));
    if (role === undefined) others.push([slot, referent]);
    else if (bindings.has(role)) return undefined;
    else bindings.set(role, referent);
  }
  for (const [slot, referent] of others) {
    const role = bindings.has(slot) ? roles.find((r) => !bindings.has(r)) : slot;
    if (role === undefined) return undefined;
    bindings.set(role, referent);
  }
  return { bindings, verb: match.verb, start: match.start, end: match.end };
}

/**
 * The best match of any of the phrasings in the clause, with the mood of its verb; `settle`, where
 * given, turns each match into the one the event reads (or rules it out).
 */
export function recognise(clause: Clause, words: ClauseWords, phrasings: readonly CompiledPhrasing[],
  accept: (slot: string, referent: Referent) => boolean, heading?: string,
  settle?: (match: PhrasingMatch) => PhrasingMatch | undefined): Recognised | undefined {
  let best: Recognised | undefined;
  for (const phrasing of phrasings) {
    if (!words.mayMatch(phrasing)) continue;
    const found = matchPattern(clause, phrasing.terms, accept);
    const match = found && settle ? settle(found) : found;
    if (!match || !inContext(clause, phrasing.context, heading)) continue;
    const mood = moodOf(happeningOfVerb(clause, match.verb));
    if (!best || rank(mood, match) > rank(best.mood, best.match)) best = { match, mood };
  }
  return best;
}

type Settle = (match: PhrasingMatch) => PhrasingMatch | undefined;

const NO_ROLES: ReadonlySet<string> = new Set();

type Acceptor = (slot: string, referent: Referent) => boolean;

/**
 * Recognises the canon's events in clauses, for one cast: each event's acceptors and settler are
 * made once per reader (every clause is asked about every event, and a new closure per clause and
 * event was much of a cold check's allocation). A clock walk keeps one for its walk.
 */
export class EventReader {
  readonly #cast: Cast;
  readonly #narrated: (Acceptor | undefined)[] = [];
  readonly #said: (Acceptor | undefined)[] = [];
  readonly #settlers: (Settle | undefined)[] = [];

  constructor(cast: Cast) {
    this.#cast = cast;
  }

  /** The event narrated in a clause, if its phrasings match: the canon's participants in the fact roles. */
  narrated(clause: Clause, words: ClauseWords, event: CompiledEvent, heading?: string): Recognised | undefined {
    const accept = this.#narrated[event.index] ??= slotAcceptor(this.#cast, event.event.participants, event.factRoles, event.event.symmetric === true);
    const found = recognise(clause, words, event.phrasings, accept, heading, this.#settlerOf(event));
    return found && someoneCanonHas(event, found.match) ? found : undefined;
  }

  /**
   * A waking that tells the event (CompiledEvent.wakings): "Titania wakes" for the end of her sleep.
   * `from` is the index of the state's first event: the clock walk counts it only inside the state.
   */
  woken(clause: Clause, words: ClauseWords, event: CompiledEvent): (Recognised & { readonly from: number }) | undefined {
    const accept = this.#narrated[event.index] ??= slotAcceptor(this.#cast, event.event.participants, event.factRoles, event.event.symmetric === true);
    for (const waking of event.wakings) {
      const found = recognise(clause, words, waking.phrasings, accept);
      if (found && found.mood === 'actual') return { ...found, from: waking.from };
    }
    return undefined;
  }

  /**
   * The event said in dialogue, as canon has it: every slot must be the canon participant, since
   * "It was Neveah" is a rumour, not the accusation canon knows; a denial says nothing.
   */
  said(clause: Clause, words: ClauseWords, event: CompiledEvent): Recognised | undefined {
    const accept = this.#said[event.index] ??= slotAcceptor(this.#cast, event.event.participants, NO_ROLES, event.event.symmetric === true);
    const found = recognise(clause, words, event.said, accept, undefined, this.#settlerOf(event));
    return found && found.mood !== 'irrealis' ? found : undefined;
  }

  /** How a match of the event's phrasings is read: for a symmetric event, with its roles settled. */
  #settlerOf(event: CompiledEvent): Settle | undefined {
    const { participants, symmetric } = event.event;
    if (!symmetric) return undefined;
    return this.#settlers[event.index] ??= (match) => settleRoles(participants, match);
  }
}

/**
 * A phrasing whose slots are all open to anyone (roles participant facts are about) tells its event
 * only where narration names one of the people canon has in it: else "{a} wound {b}" would read
 * every wounding in the story as this one, moving the clock and blaming the wrong man. "Cassio
 * wounds Roderigo" is not the wounding of Montano; "Iago wounds Montano" is, with the wrong hand.
 */
function someoneCanonHas(event: CompiledEvent, match: PhrasingMatch): boolean {
  const { participants } = event.event;
  const roles = Object.keys(participants);
  // Only a phrasing whose every slot is open to anyone can match any two people: one with a slot
  // only canon's participant fills ("{killer} kill {oswald}"), or with one slot, says which event.
  let named = 0;
  for (const [slot, referent] of match.bindings) {
    if (!event.factRoles.has(slot)) return true;
    if (referent.characterId !== undefined) named++;
  }
  if (roles.length < 2 || named < 2) return true;
  for (const [slot, referent] of match.bindings) {
    const id = referent.characterId;
    if (id !== undefined && (participants[slot]?.includes(id) || (event.event.symmetric === true && roles.some((r) => participants[r].includes(id))))) return true;
  }
  return false;
}

const MOOD_RANK: Record<Mood, number> = { actual: 2, fact: 1, irrealis: 0 };

/** Prefer the reading in which the event happens, then the one that names the most people. */
function rank(mood: Mood, match: PhrasingMatch): number {
  return MOOD_RANK[mood] * 100 + known(match);
}

function known(match: PhrasingMatch): number {
  let n = 0;
  for (const r of match.bindings.values()) if (r.characterId) n++;
  return n;
}

/**
 * A phrasing with context words needs one of them nearby: in the same paragraph, or in the scene
 * heading ("EXT. ROOF - NIGHT" sets the scene for "Delia pushes her.").
 */
function inContext(clause: Clause, context: readonly string[], heading?: string): boolean {
  if (context.length === 0) return true;
  const near = (word: string): boolean => context.some((c) => sameWord(c, word));
  if (clause.tokens.someWord(near)) return true;
  return heading !== undefined && tokenize(heading).someWord(near);
}
