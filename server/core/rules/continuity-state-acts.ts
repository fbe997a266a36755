import { allowedClasses, movementOf, personVerbs } from '../body';
import type { CanonState } from '../canon/model';
import type { Referent } from '../story/clauses';
import { baseForms, isBe } from '../story/lemma';
import { readClause } from '../story/reading';
import type { RelOffset } from '../span';
import { type ClauseInfo, writtenAt } from '../story/script';
import { narrationStateRule, writtenSubject } from './state-finding';
import { fallGoesOn } from './support';

// Verbs and words anyone can be the subject of without acting, whatever the state says. What a
// body does of itself (breathing, a heartbeat, reflexes) is the state's to allow: body.json.
const ACTING: readonly 'act'[] = ['act'];

const STATIVE = new Set(['be', 'have', 'seem', 'look', 'appear', 'remain', 'stay', 'lie', 'lay', 'sleep',
  'rest', 'need', 'deserve', 'asleep', 'unconscious', 'motionless', 'still', 'pale', 'silent', 'unresponsive',
  'alone', 'comatose', 'hooked', 'connected', 'surrounded', 'wrapped',
  // Things that happen to a body rather than things it does.
  'die', 'bleed', 'heal', 'fade', 'weaken', 'worsen',
  'improve', 'dream', 'drift', 'float', 'fall', 'wake', 'recover', 'get', 'grow', 'become', 'flatline']);

/**
 * A finding depends on the story up to its clause (the clock), points back to where the clock was
 * last set, and the line break is the one thing of the whole script a finding's fix uses.
 */
export const rule = narrationStateRule('continuity.state-acts',
  'Narration has a character act while a canon state (such as a coma) stops them from acting.', ACTING,
  (script, info, state) => {
    const act = actingSubjectOf(info, state);
    if (!act || fallGoesOn(script, info.passage, state, info.clause, act.verbAt)) return undefined;
    const who = act.partEnd !== undefined ? writtenAt(script, info.passage, { start: act.referent.start, end: act.partEnd })
      : writtenSubject(script, info.passage, act.referent);
    return { who, verb: act.verb, start: act.referent.start, end: act.verbEnd };
  }, () => 'cannot act');

const SLEEPERS = new Set(['her', 'his', 'their', 'my', 'its']);

/** Whether the clause's sentence says it is done in sleep: "in her sleep", "in his sleep", "in sleep". */
function inSleep(info: ClauseInfo): boolean {
  const { tokens } = info.clause;
  let from = info.clause.from;
  while (from > 0 && !tokens.endsSentence(from - 1)) from--;
  for (let i = from; i < tokens.length && !tokens.endsSentence(i); i++) {
    if (tokens.wordAt(i) !== 'sleep' || tokens.wordAt(i - 1) === undefined) continue;
    const before = tokens.wordAt(i - 1) ?? '';
    if (before === 'in' || (SLEEPERS.has(before) && tokens.wordAt(i - 2) === 'in')) return true;
  }
  return false;
}

interface Acting {
  readonly referent: Referent;
  readonly verb: string;
  /** The verb's token index in the clause. */
  readonly verbAt: number;
  readonly verbEnd: RelOffset;
  /** Where the part of the body that acts ends: "Cassie's hand" closes. */
  readonly partEnd?: RelOffset;
}

/**
 * The state's character acting in the clause, as the clause's reading has it (story/reading.ts:
 * who, by which verb, and whether it happens now); what the state lets them still do is the
 * rule's own question.
 */
function actingSubjectOf(info: ClauseInfo, state: CanonState): Acting | undefined {
  const reading = readClause(info.clause);
  const { subject, verb } = reading;
  if (!subject || subject.characterId !== state.character || verb === undefined || reading.happening !== 'now') return undefined;
  const word = info.clause.tokens.word(verb);
  const { part } = reading;
  if (part !== undefined) {
    if (!bodyActs(info, state, part, reading.lemma ?? word)) return undefined;
    return { referent: subject, verb: word, verbAt: verb, verbEnd: info.clause.tokens.end(verb), partEnd: info.clause.tokens.end(part) };
  }
  // "Hermia turns over in her sleep", "he mutters her name in his sleep": what a sleeper does
  // without waking is the body's, allowed wherever the state lets the body move at all.
  if (inSleep(info) && allowedClasses(state.body).length > 0) return undefined;
  const allowed = allowedBy(state);
  if (isBe(word) && !progressiveAction(info, verb, allowed)) return undefined;
  if (baseForms(word).some(allowed)) return undefined;
  return { referent: subject, verb: word, verbAt: verb, verbEnd: info.clause.tokens.end(verb) };
}

/**
 * "Cassie's hand closes around the rail" is Cassie acting; "her chest rises and falls" is what a
 * coma allows, and a dead man's is not: what the part does, against the classes of movement the
 * state's `body:` allows (body.json). A movement of no known kind ("her eyes open") is not judged.
 */
function bodyActs(info: ClauseInfo, state: CanonState, part: number, lemma: string): boolean {
  const movement = movementOf(info.clause.tokens.word(part), lemma);
  if (movement === undefined || movement === 'still' || state.allows.includes(lemma)) return false;
  if (movement === 'acting') return true;
  const allowed = allowedClasses(state.body);
  return !movement.some((name) => allowed.includes(name));
}

/**
 * Whether a verb (a base form) is what anyone may do, or what the state allows (its verbs, and the
 * movements of the body it allows): a test, not a set of all, which every clause whose subject is
 * in the state would build again.
 */
function allowedBy(state: CanonState): (form: string) => boolean {
  const body = allowedClasses(state.body);
  return (form) => STATIVE.has(form) || state.allows.includes(form) || body.some((name) => personVerbs(name).includes(form));
}

/** "is dancing" acts; "is wheeled in", "is asleep", "is lying there" do not. */
function progressiveAction(info: ClauseInfo, be: number, allowed: (form: string) => boolean): boolean {
  const next = info.clause.tokens.wordAt(be + 1);
  if (next === undefined || !next.endsWith('ing') || next === 'being') return false;
  return !baseForms(next).some(allowed);
}

