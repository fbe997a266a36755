import type { CanonEvent, CanonPack, CanonState, Fact, Phrasing } from '../canon/model';
import { parsePattern, type PatternTerm } from '../canon/pattern';
import { baseForms } from './lemma';
import type { Clock } from './clock';
import { indexQuotes, type QuoteIndex } from './quotes';

export interface CompiledPhrasing {
  readonly terms: readonly PatternTerm[];
  readonly context: readonly string[];
  /** Base forms of every pattern word: a clause lacking one of them cannot match. */
  readonly required: readonly (readonly string[])[];
}

export interface CompiledEvent {
  readonly event: CanonEvent;
  readonly index: number;
  readonly phrasings: readonly CompiledPhrasing[];
  readonly said: readonly CompiledPhrasing[];
  /** Roles whose canon participant is checked as a fact rather than used to recognise the event. */
  readonly factRoles: ReadonlySet<string>;
  /**
   * The event ends a state that keeps someone from speaking or acting (a sleep, a coma): narration
   * that says that person wakes ("Titania wakes", "Lysander's eyes open") tells it, whatever
   * the pack's phrasings, while the clock certainly stands inside the state (see Waking).
   */
  readonly wakings: readonly Waking[];
  /** Every phrasing of the wakings, for ruling clauses out in one look. */
  readonly wakingPhrasings: readonly CompiledPhrasing[];
}

/** A waking that ends a state: counted only while the clock stands at or after `from` (the state's first event, by index) and before the event. */
export interface Waking {
  readonly phrasings: readonly CompiledPhrasing[];
  readonly from: number;
  readonly state: CanonState;
}

/**
 * How English says someone wakes, written with the slot the state's character fills. Words only,
 * nothing of one show: a pack needs no phrasing of its own for "Titania wakes".
 */
const WAKING_PATTERNS = ['{who} wake', '{who} awake', '{who} awaken', '{who} waken', '{who} open * eye', "{who} 's eye open"];

export interface CompiledNeverFact {
  readonly fact: Fact & { kind: 'never' };
  readonly phrasings: readonly CompiledPhrasing[];
}

/** A pack's phrasings parsed once, and the lookups the story walk needs. */
export interface CompiledCanon {
  readonly pack: CanonPack;
  readonly events: readonly CompiledEvent[];
  readonly eventIndex: ReadonlyMap<string, number>;
  readonly never: readonly CompiledNeverFact[];
  /** Phrasings that require no word at all: no clause can be ruled out for them by its words. */
  readonly wordless: readonly CompiledPhrasing[];
  /**
   * Phrasings under each base form of their key word, the required word fewest phrasings share
   * ("edge" rather than "the"): a clause without a form of it cannot match the phrasing, so a
   * clause's candidates are those of the forms it has.
   */
  readonly byKey: ReadonlyMap<string, readonly CompiledPhrasing[]>;
  /**
   * The base forms of a word that some phrasing requires, looked up once per word: a clause asks
   * for every word it has, and almost every word gives none.
   */
  requiredForms(word: string): readonly string[];
  /** Where a story starts that nothing earlier places: after the pack's backstory events (see backstoryClock). */
  readonly backstoryClock?: Clock;
  /**
   * The events (by index, ascending) that begin a state forbidding something (a death, a coma): the
   * clock does not carry a story past one of them that it has not told (clock-walk.ts heldBack).
   */
  readonly forbiddingStarts: readonly number[];
  /** Each state that forbids something, by its holder and the events (by index) that begin and end it. */
  readonly forbidding: readonly ForbiddingState[];
  /** The events' source quotations, for a speech that says one word for word (quotes.ts). */
  readonly quotes: QuoteIndex;
}

/** A state that forbids something, placed on the canon order: `until` is past the last event where nothing ends it. */
export interface ForbiddingState {
  readonly character: string;
  readonly from: number;
  readonly until: number;
}

const NONE: readonly string[] = [];

/**
 * Where every story of the canon starts when nothing earlier places it: after the events the pack
 * marks as backstory (those that lead the canon order), somewhere before the end. Undefined, the
 * clock unknown, where the pack has none.
 */
function backstoryClock(pack: CanonPack): Clock | undefined {
  let count = 0;
  while (count < pack.events.length && pack.events[count].backstory) count++;
  return count === 0 ? undefined : { lo: count - 1, hi: pack.events.length - 1 };
}

/** The canon compiled for reading: built once per pack by the seam that keeps it (incremental/database.ts). */
export function compileCanon(pack: CanonPack): CompiledCanon {
  const eventIndex = new Map(pack.events.map((e, i) => [e.id, i] as const));
  const events = pack.events.map((event, index) => {
    const wakings = wakingsOf(pack, event, eventIndex);
    return {
      event,
      index,
      phrasings: compileAll(event.phrasings),
      said: compileAll(event.said ?? []),
      factRoles: new Set(pack.facts.flatMap((f) => (f.kind === 'participant' && f.event === event.id ? [f.role] : []))),
      wakings,
      wakingPhrasings: wakings.flatMap((w) => w.phrasings),
    };
  });
  const never = pack.facts.flatMap((fact) => (fact.kind === 'never' ? [{ fact, phrasings: compileAll(fact.phrasings) }] : []));
  const phrasings = [...events.flatMap((e) => [...e.phrasings, ...e.said, ...e.wakingPhrasings]), ...never.flatMap((n) => n.phrasings)];
  // Every base form some phrasing requires, with how many phrasings require it: a clause's other
  // words can rule no phrasing in or out.
  const shared = new Map<string, number>();
  for (const phrasing of phrasings) for (const form of new Set(phrasing.required.flat())) shared.set(form, (shared.get(form) ?? 0) + 1);
  const { wordless, byKey } = indexByKey(phrasings, shared);
  const byWord = new Map<string, readonly string[]>();
  const requiredForms = (word: string): readonly string[] => {
    let forms = byWord.get(word);
    if (forms === undefined) {
      const found = baseForms(word).filter((f) => shared.has(f));
      forms = found.length === 0 ? NONE : found;
      // Bounded like lemma.ts's own cache: a script of made-up words cannot grow it for ever.
      if (byWord.size < 50_000) byWord.set(word, forms);
    }
    return forms;
  };
  const forbidding = pack.states.flatMap((state) => {
    const from = eventIndex.get(state.from);
    if (state.forbids.length === 0 || from === undefined) return [];
    const until = state.until === undefined ? undefined : eventIndex.get(state.until);
    return [{ character: state.character, from, until: until ?? pack.events.length }];
  });
  const forbiddingStarts = [...new Set(forbidding.map((state) => state.from))].sort((a, b) => a - b);
  return { pack, events, eventIndex, never, wordless, byKey, requiredForms, backstoryClock: backstoryClock(pack), forbiddingStarts, forbidding,
    quotes: indexQuotes(pack.events) };
}

/**
 * Picks each phrasing's key (the required word fewest phrasings share) and indexes the phrasings
 * under each base form of it. How many phrasings share a word (`shared`, by base form) stands in
 * for how common the word is: "be", "it" and "the" turn up in many, "edge" in one.
 */
function indexByKey(phrasings: readonly CompiledPhrasing[], shared: ReadonlyMap<string, number>): { wordless: CompiledPhrasing[]; byKey: Map<string, CompiledPhrasing[]> } {
  const commonness = (forms: readonly string[]): number => forms.reduce((n, f) => n + (shared.get(f) ?? 0), 0);
  const wordless: CompiledPhrasing[] = [];
  const byKey = new Map<string, CompiledPhrasing[]>();
  for (const phrasing of phrasings) {
    let key: readonly string[] | undefined;
    for (const forms of phrasing.required) if (!key || commonness(forms) < commonness(key)) key = forms;
    if (!key) {
      wordless.push(phrasing);
      continue;
    }
    for (const form of new Set(key)) {
      const list = byKey.get(form) ?? [];
      list.push(phrasing);
      byKey.set(form, list);
    }
  }
  return { wordless, byKey };
}

/** The wakings that tell an event: one set per state it ends that forbids speaking or acting. */
function wakingsOf(pack: CanonPack, event: CanonEvent, eventIndex: ReadonlyMap<string, number>): Waking[] {
  const out: Waking[] = [];
  for (const state of pack.states) {
    if (state.until !== event.id || !(state.forbids.includes('speak') || state.forbids.includes('act'))) continue;
    const from = eventIndex.get(state.from);
    if (from === undefined) continue;
    out.push({ phrasings: compileAll(WAKING_PATTERNS.map((pattern) => ({ pattern: pattern.replace('{who}', `{${state.character}}`) }))), from, state });
  }
  return out;
}

function compileAll(phrasings: readonly Phrasing[]): CompiledPhrasing[] {
  const out: CompiledPhrasing[] = [];
  for (const p of phrasings) {
    const terms = parsePattern(p.pattern);
    // The loader reports malformed patterns on the pack; here they are simply skipped.
    if (typeof terms === 'string') continue;
    const required = terms.flatMap((t) => (t.kind === 'word' ? [baseForms(t.word)] : []));
    out.push({ terms, context: (p.context ?? []).map((w) => w.toLowerCase()), required });
  }
  return out;
}

/** Whether the clock stands certainly inside a state from the event at index `from` up to the one at `until`: where a waking ends it. */
export function certainlyInside(clock: Clock | undefined, from: number, until: number): boolean {
  return clock !== undefined && clock.lo >= from && clock.hi < until;
}
