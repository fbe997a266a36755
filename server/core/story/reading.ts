import { isBodyPart } from '../body';
import { finiteForm, presentVerbAt, type Clause, type ClauseReading, type Referent } from './clauses';
import { baseForms, canBeVerb, isBe, isPastForm } from './lemma';
import { happeningAt, happeningsOf, negatedAfter, type Happening } from './mood';
import { VERBS } from './verbs';

export type { ClauseReading };

const NOBODY_ACTS: ClauseReading = Object.freeze({ happening: 'now' });

/** Words between a subject and its verb that are neither: "Cassie then blinks". */
const ADVERBS = new Set(['then', 'still', 'also', 'just', 'again', 'now', 'even', 'finally', 'suddenly', 'already', 'soon',
  // Adverbs of habit: the verb after them is read, and its happening says it is a habit.
  'always', 'usually', 'often', 'once', 'sometimes', 'ever', 'formerly', 'rarely', 'seldom']);
/** Only these pronouns can be the subject of a verb; "Her mother reads" is not Cassie reading. */
const SUBJECT_PRONOUNS = new Set(['she', 'he', 'i']);
/** Words before the subject that still leave it the subject: "Then, slowly, Cassie ...". */
const LEADING = new Set(['then', 'suddenly', 'now', 'finally', 'still', 'meanwhile', 'later', 'here', 'there', 'again', 'and',
  // Time phrases that open a sentence without a comma: "That night Cassie walks out."
  'that', 'this', 'night', 'morning', 'afternoon', 'evening', 'day', 'week', 'month', 'year', 'next', 'hours', 'minutes',
  'moments', 'soon', 'at', 'dawn', 'midnight', 'noon', 'tonight', 'today', 'eventually', 'afterwards', 'afterward', 'one', 'by']);
/** Words after a name that show it is not the subject of a verb. */
const NOT_VERBS = new Set(["'s", 'and', 'or', 'with', 'in', 'on', 'at', 'of', 'to', 'from', 'by', 'for', 'who', 'whose',
  'which', 'that', 'the', 'a', 'an', 'her', 'his', 'their', 'into', 'under', 'beside', 'near', 'like', 'as']);
/** A verb slot holding one of these says the verb after it does not happen: "Cassie never reacts", "Cassie tries to". */
const NOT_DONE: Readonly<Record<string, Happening>> = {
  never: 'denied', not: 'denied', barely: 'denied', hardly: 'denied', almost: 'denied', nearly: 'denied', cannot: 'denied',
  can: 'hypothetical', could: 'hypothetical', would: 'hypothetical', might: 'hypothetical', may: 'hypothetical',
  will: 'hypothetical', should: 'hypothetical', must: 'hypothetical', tries: 'hypothetical', try: 'hypothetical',
  tried: 'hypothetical', wants: 'hypothetical', wanted: 'hypothetical',
};

/**
 * The clause's reading, worked out once per clause and kept with it (Clause.reading): the passage
 * cache keeps clauses across keystrokes, and a database without reuse reads them afresh.
 */
export function readClause(clause: Clause): ClauseReading {
  return clause.reading ??= read(clause);
}

/**
 * Whether what the clause says at its word `index` happens now: for a rule that reads a noun ("the
 * acting director", "her older sister") rather than the clause's verb. The same decision as the
 * reading's, made once per clause and kept with it (Clause.happenings), and only for the clauses a rule asks about.
 */
export function happeningOfWord(clause: Clause, index: number): Happening {
  const happenings = clause.happenings ??= happeningsOf(clause);
  return happenings[index - clause.from] ?? 'now';
}

/**
 * Whether the verb at token index `verb` happens now: what the words before it say, and a negation
 * after it ("Cassie moves not a muscle"). What an event's phrasing is matched at is read so.
 */
export function happeningOfVerb(clause: Clause, verb: number): Happening {
  return negatedAfter(clause, verb) ? 'denied' : happeningOfWord(clause, verb);
}

/**
 * Who the noun phrase starting at token `at` is said to be: the person named right before it, in
 * apposition ("Tybalt, her brother", "Malcolm, whose elder brother ...") or as what "be" makes
 * them ("Donalbain is Malcolm's brother"). Undefined where no one certainly stands there.
 */
export function renamedAt(clause: Clause, at: number): Referent | undefined {
  const { tokens } = clause;
  // "Antonio, the King's brother": a title ("the King") renames as a name does.
  const titled = tokens.word(at - 1) === 'the' && tokens.capitalized(at) && clause.referents.some((r) => r.tokenStart === at);
  const link = titled ? at - 2 : at - 1;
  if (link <= clause.from) return undefined;
  if (tokens.kind(link) !== 'comma' && !(tokens.isWord(link) && isBe(tokens.word(link)))) return undefined;
  // An age in brackets may stand between the name and its apposition: "RAMON (22), a student".
  let end = link;
  if (tokens.word(end - 1) === ')') {
    for (let i = end - 2; i > Math.max(clause.from, end - 6); i--) {
      if (tokens.word(i) === '(') {
        end = i;
        break;
      }
    }
  }
  return clause.referents.find((r) => r.tokenEnd === end && r.characterId !== undefined)
    ?? (tokens.kind(link) === 'comma' ? trailingApposition(clause, link) : undefined);
}

/**
 * "Octavius rides in through the gate, a triumvir, ...", "Juliet trailing a step behind them,
 * Tybalt's little sister, ...": a phrase set off by commas after what the clause's first person
 * does, with nobody else named between, renames that person. Only where the phrase closes with
 * a comma or the clause ends (an aside, not a list), and the clause opens on the person.
 */
function trailingApposition(clause: Clause, comma: number): Referent | undefined {
  const { tokens } = clause;
  const first = clause.referents[0];
  if (!first || first.kind !== 'name' || first.characterId === undefined || first.tokenStart !== clause.from) return undefined;
  if (clause.referents.some((r) => r !== first && r.tokenStart < comma && r.characterId !== undefined)) return undefined;
  if (first.tokenEnd >= comma || tokens.kind(first.tokenEnd) === 'comma' || tokens.wordAt(first.tokenEnd) === "'s") return undefined;
  for (let i = comma + 1; i < Math.min(clause.to, comma + 8); i++) {
    if (tokens.kind(i) === 'comma') return first;
    if (!tokens.isWord(i) && tokens.word(i) !== "'s") return undefined;
  }
  return comma + 8 >= clause.to ? first : undefined;
}

function read(clause: Clause): ClauseReading {
  const { tokens } = clause;
  for (const referent of clause.referents) {
    if (!leadsClause(clause, referent)) continue;
    const part = bodyPartOf(clause, referent);
    if (part === undefined && referent.kind === 'pronoun' && !SUBJECT_PRONOUNS.has(tokens.word(referent.tokenStart))) return NOBODY_ACTS;
    let v = skipInsertion(clause, part === undefined ? referent.tokenEnd : part + 1);
    for (let n = 0; n < 3 && part === undefined; n++) {
      const after = furtherAside(clause, v);
      if (after === undefined) break;
      v = after;
    }
    while (v < clause.to && tokens.isWord(v) && (tokens.word(v).endsWith('ly') || ADVERBS.has(tokens.word(v)))) v++;
    const word = v < clause.to ? tokens.wordAt(v) : undefined;
    if (word === undefined || NOT_VERBS.has(word) || tokens.capitalized(v)) return NOBODY_ACTS;
    const notDone = NOT_DONE[word];
    if (notDone) return { subject: referent, happening: notDone, ...(part === undefined ? {} : { part }) };
    // A word no verb could be ("Capulet bareheaded"), or one in no form a person's verb takes (a
    // bare "-ing" of a shot's description, "Cassie turning."), is no verb of hers.
    if (!canBeVerb(word) || !(part === undefined ? finiteForm(word) : presentForm(word))) return NOBODY_ACTS;
    const happening = negatedAfter(clause, v) ? 'denied' : pastPerfect(clause, v) ? 'recounted' : happeningAt(clause, v);
    // "Cassie has pressed the call button": a present perfect is done in the scene, by its participle.
    const owned = part === undefined ? {} : { part };
    if (presentPerfect(clause, v)) return { subject: referent, verb: v + 1, lemma: lemmaOf(tokens.word(v + 1)), happening, ...owned };
    return { subject: referent, verb: v, lemma: lemmaOf(word), happening, ...owned };
  }
  return NOBODY_ACTS;
}

/**
 * A part of the body does something in the scene's present: "her hand closes", "her eyelids
 * flutter". A participle after it describes ("her hands folded over a lily", "her eyes closed").
 */
function presentForm(word: string): boolean {
  if (isBe(word)) return true;
  if (isPastForm(word) || word.endsWith('ing')) return false;
  return (word.endsWith('s') && !word.endsWith('ss')) || VERBS.lemmas.has(word);
}

/**
 * "Cassie's hand closes", "her eyelids flutter": a part of the body right after its owner (a name
 * with "'s", or a possessive "her" or "his") is what the clause is about, on its owner's behalf.
 */
function bodyPartOf(clause: Clause, referent: Referent): number | undefined {
  const { tokens } = clause;
  let at = referent.tokenEnd;
  if (referent.kind === 'name' && tokens.wordAt(at) === "'s") at++;
  else if (referent.kind !== 'pronoun' || !POSSESSIVE_PRONOUNS.has(tokens.word(referent.tokenStart))) return undefined;
  const word = at < clause.to ? tokens.wordAt(at) : undefined;
  return word !== undefined && isBodyPart(word) ? at : undefined;
}

const POSSESSIVE_PRONOUNS = new Set(['her', 'his']);

/** "Delia had driven her home": the verb is "had" with a participle after it, told as before the scene. */
function pastPerfect(clause: Clause, verb: number): boolean {
  const next = clause.tokens.wordAt(verb + 1);
  return clause.tokens.word(verb) === 'had' && next !== undefined && next !== 'to' && canBeVerb(next);
}

function presentPerfect(clause: Clause, verb: number): boolean {
  const word = clause.tokens.word(verb);
  const next = clause.tokens.wordAt(verb + 1);
  return (word === 'has' || word === 'have') && verb + 1 < clause.to && next !== undefined && isPastForm(next) && canBeVerb(next);
}

function lemmaOf(word: string): string {
  const forms = baseForms(word);
  return forms.find((f) => f !== word && VERBS.lemmas.has(f)) ?? forms.find((f) => VERBS.lemmas.has(f)) ?? word;
}

function leadsClause(clause: Clause, referent: Referent): boolean {
  // An opening phrase set off by a comma leaves the name the subject: "That night, Cassie walks out."
  const tokens = clause.tokens;
  const before = referent.tokenStart - 1;
  if (referent.tokenStart > clause.from && tokens.kind(before) === 'comma' && !clause.referents.some((r) => r.tokenStart < referent.tokenStart)) {
    // ...but "A new grave with a plain stone, MERCUTIO carved on it" opens on a thing, not a
    // time: the name after it is part of a description, not the subject of a sentence.
    // ("..., and the bees loud in the hedge, Friar John lifts his hand": a verb in the present
    // after the name makes it the subject of the sentence all the same.)
    return !opensOnAThing(tokens, clause.from, before) || presentVerbAfter(clause, referent);
  }
  if (referent.kind === 'pronoun' && SUBJECT_PRONOUNS.has(tokens.word(referent.tokenStart)) && placedBefore(clause, referent)) return true;
  // "At two in the morning Cassie sits up": a name after such a phrase, with its verb right after it.
  if (referent.kind === 'name' && placedBefore(clause, referent) && presentVerbAfter(clause, referent)) return true;
  for (let i = clause.from; i < referent.tokenStart; i++) {
    const kind = tokens.kind(i);
    if (kind === 'comma') continue;
    if (kind === 'word' && (LEADING.has(tokens.word(i)) || tokens.word(i).endsWith('ly'))) continue;
    // "The Prince of Cats shoulders his way in": an article before a name that is a title.
    if (i === referent.tokenStart - 1 && referent.kind === 'name' && tokens.word(i) === 'the') continue;
    return false;
  }
  return true;
}

/**
 * "..., Friar John lifts": the word right after the name is a verb in the present, said of a person;
 * or, after the name's "'s" and a part of the body, said of the part ("After a moment Cassie's hand
 * closes around hers").
 */
function presentVerbAfter(clause: Clause, referent: Referent): boolean {
  const { tokens } = clause;
  let at = referent.tokenEnd;
  if (tokens.wordAt(at) === "'s" && isBodyPart(tokens.wordAt(at + 1) ?? '')) at += 2;
  const word = at < clause.to ? tokens.wordAt(at) : undefined;
  if (at !== referent.tokenEnd) return word !== undefined && !tokens.capitalized(at) && !isPastForm(word) && canBeVerb(word);
  return word !== undefined && presentVerbAt(tokens, at) && !NOT_VERBS.has(word);
}

/** Prepositions that open a phrase of place or time before a clause's subject. */
const PLACING = new Set(['under', 'in', 'on', 'at', 'beside', 'behind', 'across', 'through', 'over', 'inside', 'outside',
  'beneath', 'above', 'below', 'against', 'along', 'around', 'among', 'near', 'by', 'within', 'into', 'upon', 'between',
  // ...and of time: "After a long minute she drags herself toward the door".
  'after', 'before', 'during', 'for', 'until', 'till']);

/**
 * "Under the lilies she smiles": a subject pronoun ("she", "he") is the subject of its clause, and
 * a phrase of place or time before it, with no comma, leaves it so (a name too, with its verb after it). Only a phrase that opens on a
 * preposition and names nobody: "Beside Romeo she kneels" keeps Romeo out of it.
 */
function placedBefore(clause: Clause, referent: Referent): boolean {
  const { tokens } = clause;
  if (referent.tokenStart - clause.from < 2 || !PLACING.has(tokens.wordAt(clause.from) ?? '')) return false;
  if (clause.referents.some((r) => r.tokenStart < referent.tokenStart)) return false;
  for (let i = clause.from + 1; i < referent.tokenStart; i++) if (!tokens.isWord(i)) return false;
  return referent.tokenStart - clause.from <= 6;
}


/** An opening phrase that starts with an article and names no time ("A new grave", not "The next morning"). */
function opensOnAThing(tokens: Clause['tokens'], from: number, to: number): boolean {
  const first = tokens.wordAt(from);
  if (first !== 'a' && first !== 'an' && first !== 'the') return false;
  for (let i = from + 1; i < to; i++) if (tokens.isWord(i) && TIME_WORDS.has(tokens.word(i))) return false;
  return true;
}

const TIME_WORDS = new Set(['night', 'morning', 'afternoon', 'evening', 'day', 'week', 'month', 'year', 'next', 'hours', 'minutes',
  'moments', 'moment', 'dawn', 'midnight', 'noon', 'time', 'second', 'instant', 'while', 'later', 'end', 'first', 'last']);

/**
 * "Cassie, unconscious, strapped down, is lifted in": asides set off by commas may follow one
 * another; a participle or a word no verb could be, closed by a comma with a verb after it, is one
 * more, and the verb stands after it. Where the first aside was skipped (`at` follows its comma).
 */
function furtherAside(clause: Clause, at: number): number | undefined {
  const { tokens } = clause;
  if (at <= clause.from || at >= clause.to || tokens.kind(at - 1) !== 'comma') return undefined;
  const first = tokens.wordAt(at);
  if (first === undefined || (canBeVerb(first) && !isPastForm(first))) return undefined;
  for (let i = at + 1; i < Math.min(clause.to, at + 6); i++) {
    if (tokens.kind(i) !== 'comma') continue;
    const verb = tokens.wordAt(i + 1);
    return verb !== undefined && i + 1 < clause.to && finiteForm(verb) && !isPastForm(verb) ? i + 1 : undefined;
  }
  return undefined;
}

/**
 * "Cassie, in her coma, mouths a word": an aside between commas stands between subject and verb.
 * Where no second comma closes it, what follows the name is a description, not a verb:
 * "CASSIE SHORE, struck through.", "Cassie, still as the sheets around her."
 */
function skipInsertion(clause: Clause, at: number): number {
  const { tokens } = clause;
  // An age in brackets: "CASSIE (17) walks in".
  if (at < clause.to && tokens.word(at) === '(') {
    let close = at + 1;
    while (close < clause.to && tokens.word(close) !== ')') close++;
    at = close + 1;
  }
  if (at >= tokens.length || tokens.kind(at) !== 'comma') return at;
  for (let i = at + 1; i < Math.min(clause.to, at + 9); i++) {
    if (tokens.kind(i) === 'comma') return i + 1;
  }
  return clause.to;
}
