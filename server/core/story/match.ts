import type { PatternTerm } from '../canon/pattern';
import type { Clause, Referent } from './clauses';
import { isActingPart } from '../body';
import { isBe, sameWord } from './lemma';
import type { PassageSpan } from '../span';

/** A phrasing found in a clause. */
export interface PhrasingMatch extends PassageSpan {
  /** Slot name -> who fills it. */
  readonly bindings: ReadonlyMap<string, Referent>;
  /** Token index of the verb whose mood decides whether it happens: the first pattern word, or the second after a noun ("the ship split"). */
  readonly verb: number;
}

// Between two pattern terms, up to this many other words may stand.
const MAX_GAP = 4;
const POSSESSIVES = new Set(['her', 'his', 'their', 'its', 'my', 'your', 'our']);

interface State {
  readonly clause: Clause;
  readonly words: readonly number[];
  /** For a word that opens an aside between commas ("Cassie, propped up on pillows, accuses"), the word after it. */
  readonly asideEnd: ReadonlyMap<number, number>;
  readonly referentAt: ReadonlyMap<number, Referent>;
  readonly terms: readonly PatternTerm[];
}

/**
 * Matches a pattern against a clause, word by word, with bounded gaps: linear in the clause for a
 * given pattern, whatever the pattern says, because it is never compiled into a regular expression.
 * `accept` decides whether a referent may fill a slot.
 */
export function matchPattern(clause: Clause, terms: readonly PatternTerm[],
  accept: (slot: string, referent: Referent) => boolean): PhrasingMatch | undefined {
  const referentAt = new Map<number, Referent>();
  for (const r of clause.referents) referentAt.set(r.tokenStart, r);
  // A subject standing at a comma (a clause that goes on after an interruption: clauses.ts RESUMES) is read as a word.
  const words: number[] = [];
  for (let i = clause.from; i < clause.to; i++) if (clause.tokens.isWord(i) || referentAt.has(i)) words.push(i);
  const state: State = { clause, words, referentAt, terms, asideEnd: asides(clause, words) };
  let best: PhrasingMatch | undefined;
  for (let p = 0; p < words.length; p++) {
    const bindings = new Map<string, Referent>();
    const marks = { verb: words[p] };
    const end = matchFrom(state, 0, p, bindings, marks, accept);
    if (end === undefined) continue;
    const found = toMatch(state, p, end, bindings, marks.verb);
    if (!best || knownCount(found) > knownCount(best)) best = found;
  }
  return best;
}

function knownCount(m: PhrasingMatch): number {
  let n = 0;
  for (const r of m.bindings.values()) if (r.characterId) n++;
  return n;
}

function toMatch(state: State, first: number, endWord: number, bindings: Map<string, Referent>, verb: number): PhrasingMatch {
  const { clause, words } = state;
  return { bindings, verb, start: clause.tokens.start(words[first]), end: clause.tokens.end(words[endWord - 1]) };
}

/** Where a match found its verb: the first pattern word, or the second where the first is a noun. */
interface Marks {
  verb: number;
  nounFirst?: boolean;
}

const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that']);

/** Matches terms[t..] with the term t standing exactly at words[p]; returns the word index after the match. */
function matchFrom(state: State, t: number, p: number, bindings: Map<string, Referent>, marks: Marks,
  accept: (slot: string, referent: Referent) => boolean): number | undefined {
  const { terms, words, clause } = state;
  if (t === terms.length) return p;
  if (p >= words.length) return undefined;
  const term = terms[t];
  const index = words[p];
  let next: number;
  if (term.kind === 'slot') {
    const referent = state.referentAt.get(index);
    if (!referent || !accept(term.name, referent) || possessiveBefore(state, referent, t)) return undefined;
    next = p;
    while (next < words.length && words[next] < referent.tokenEnd) next++;
    // "Cassie's wheelchair": a possessor is not the person the pattern is about, unless the
    // pattern goes on with the very next word ("{victim} place" reads "Cassie's place").
    if (next < words.length && clause.tokens.word(words[next]) === "'s") {
      // "Ramon's hands send Cassie over": the owner of the hands does it (unless the pattern itself
      // goes on with the hand: "{ferdinand} take {miranda} 's hand").
      const following = terms[t + 1];
      const partWord = clause.tokens.wordAt(words[next + 1] ?? -1) ?? '';
      const patternHasPart = following?.kind === 'word' && (following.word === "'s" || sameWord(following.word, partWord));
      if (next + 1 < words.length && isActingPart(clause.tokens.word(words[next + 1])) && !patternHasPart) {
        next += 2;
        bindings.set(term.name, referent);
        return continueAfter(state, t, next, bindings, marks, accept, term);
      }
      if (t + 1 === terms.length) return undefined;
      bindings.set(term.name, referent);
      // A pattern that writes the possessive itself ("{cassie}'s funeral") matches it as a word.
      const own = following.kind === 'word' && following.word === "'s" ? next : next + 1;
      const end = matchFrom(state, t + 1, own, bindings, marks, accept);
      if (end === undefined) bindings.delete(term.name);
      return end;
    }
    bindings.set(term.name, referent);
  } else if (term.kind === 'any') {
    next = p + 1;
  } else {
    const referent = state.referentAt.get(index);
    if (referent && referent.kind !== 'pronoun') return undefined;
    if (!sameWord(term.word, clause.tokens.word(index))) return undefined;
    if (passiveMismatch(state, t, p)) return undefined;
    const first = terms.findIndex((x) => x.kind === 'word');
    if (first === t) {
      marks.verb = index;
      // "the ship split": a first word after a determiner is a noun, and the word after it the verb.
      marks.nounFirst = t === 0 && NOUN_DETERMINERS.has(clause.tokens.wordAt(index - 1) ?? '');
    } else if (marks.nounFirst && t === first + 1) {
      marks.verb = index;
    }
    next = p + 1;
  }
  return continueAfter(state, t, next, bindings, marks, accept, term);
}

/** Matches the terms after term t from word `next` on, allowing a bounded gap. */
function continueAfter(state: State, t: number, next: number, bindings: Map<string, Referent>, marks: Marks,
  accept: (slot: string, referent: Referent) => boolean, term: PatternTerm): number | undefined {
  const { terms, words } = state;
  if (t + 1 === terms.length) return next;
  for (let gap = 0; gap <= MAX_GAP && next + gap < words.length; gap++) {
    if (gap > 0 && !skippable(state, words[next + gap - 1])) break;
    const end = matchFrom(state, t + 1, next + gap, bindings, marks, accept);
    if (end !== undefined) return end;
  }
  // An aside between commas does not count against the gap.
  const after = state.asideEnd.get(next);
  if (after !== undefined && after < words.length) {
    const end = matchFrom(state, t + 1, after, bindings, marks, accept);
    if (end !== undefined) return end;
  }
  if (term.kind === 'slot') bindings.delete(term.name);
  return undefined;
}

/** A word a gap may pass over: not a person (the clause's people fill slots), not "by" (the agent). */
function skippable(state: State, index: number): boolean {
  const word = state.clause.tokens.word(index);
  if (word === 'by') return false;
  const referent = state.referentAt.get(index);
  if (!referent) return true;
  return referent.kind === 'pronoun' && POSSESSIVES.has(word);
}

/**
 * "{culprit} push {victim}" must not read "Cassie is pushed by Bette" as Cassie pushing: an active
 * pattern word right after a form of "be" or "get" (the passive) only matches a pattern that says "be".
 */
function passiveMismatch(state: State, t: number, p: number): boolean {
  const previousTerm = t > 0 ? state.terms[t - 1] : undefined;
  if (previousTerm && previousTerm.kind === 'word' && (isBe(previousTerm.word) || previousTerm.word === 'get')) return false;
  const term = state.terms[t];
  if (term.kind === 'word' && (isBe(term.word) || term.word === 'get')) return false;
  for (let k = p - 1; k >= 0 && k >= p - 2; k--) {
    const word = state.clause.tokens.word(state.words[k]);
    if (isBe(word) || word === 'get' || word === 'gets' || word === 'got' || word === 'getting') return true;
    if (!word.endsWith('ly')) return false;
  }
  return false;
}

const MAX_ASIDE = 12;

/** Asides: words between a comma and the next comma of the clause, up to a few words long. */
function asides(clause: Clause, words: readonly number[]): Map<number, number> {
  const found = new Map<number, number>();
  for (let p = 0; p < words.length; p++) {
    const before = words[p] - 1;
    if (before < clause.from || clause.tokens.kind(before) !== 'comma') continue;
    for (let q = p; q < Math.min(words.length, p + MAX_ASIDE); q++) {
      const closing = words[q] + 1;
      if (closing < clause.tokens.length && clause.tokens.kind(closing) === 'comma') {
        found.set(p, q + 1);
        break;
      }
    }
  }
  return found;
}

/**
 * "Her name is Jenny": a possessive pronoun directly before the pattern's next word is that
 * word's owner, not a person taking part ("her" is both; "his", "their", "my" only possessive).
 */
function possessiveBefore(state: State, referent: Referent, t: number): boolean {
  if (referent.kind !== 'pronoun') return false;
  const word = state.clause.tokens.word(referent.tokenStart);
  if (!POSSESSIVES.has(word)) return false;
  if (word !== 'her') return true;
  const next = state.terms[t + 1];
  const following = state.clause.tokens.wordAt(referent.tokenEnd);
  return next?.kind === 'word' && following !== undefined && !PARTICLES.has(next.word) && sameWord(next.word, following);
}

// After these, "her" is the object: "take her off life support", "push her over".
const PARTICLES = new Set(['off', 'over', 'out', 'up', 'down', 'on', 'in', 'into', 'from', 'at', 'to', 'away', 'back', 'through', 'across']);
