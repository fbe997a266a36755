import type { CanonEvent, CanonPack, Fact, Phrasing } from '../canon/model';
import { parsePattern, type PatternTerm } from '../canon/pattern';
import { baseForms } from './lemma';

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
}

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
  /** Every base form some phrasing requires: a clause's other words can rule no phrasing in or out. */
  readonly words: ReadonlySet<string>;
}

const compiled = new WeakMap<CanonPack, CompiledCanon>();

export function compileCanon(pack: CanonPack): CompiledCanon {
  const known = compiled.get(pack);
  if (known) return known;
  const eventIndex = new Map(pack.events.map((e, i) => [e.id, i] as const));
  const events = pack.events.map((event, index) => ({
    event,
    index,
    phrasings: compileAll(event.phrasings),
    said: compileAll(event.said ?? []),
    factRoles: new Set(pack.facts.flatMap((f) => (f.kind === 'participant' && f.event === event.id ? [f.role] : []))),
  }));
  const never = pack.facts.flatMap((fact) => (fact.kind === 'never' ? [{ fact, phrasings: compileAll(fact.phrasings) }] : []));
  const words = new Set<string>();
  const phrasings = [...events.flatMap((e) => [...e.phrasings, ...e.said]), ...never.flatMap((n) => n.phrasings)];
  for (const phrasing of phrasings) for (const forms of phrasing.required) for (const form of forms) words.add(form);
  const result: CompiledCanon = { pack, events, eventIndex, never, words };
  compiled.set(pack, result);
  return result;
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
