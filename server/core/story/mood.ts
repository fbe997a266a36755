import type { Clause, Happening } from './clauses';
import { baseForms, canBeVerb, isPastForm } from './lemma';
import { isMediaWord, MEDIA, MEDIA_SET } from './media';
import { VERBS } from './verbs';

export { isMediaWord };

/**
 * What a clause of narration commits to about one of its verbs:
 *  - 'actual': it happens, now, on the story clock ("Delia pushes Cassie");
 *  - 'fact': narration states it as true but not as happening now ("the prints reveal Delia pushed
 *    her", "Delia had pushed her"): canon facts are checked, the clock is not moved back;
 *  - 'irrealis': it does not happen or is not asserted: negated, hypothetical, wished, believed,
 *    asked ("Delia doesn't push her", "Bette imagines pushing her", "Did Ramon do it?").
 */
export type Mood = 'actual' | 'fact' | 'irrealis';

const NEGATORS = new Set(['not', 'never', 'no', 'nobody', 'noone', 'nothing', 'neither', 'nor', 'without',
  'almost', 'nearly', 'barely', 'hardly', 'fails', 'refuse', 'refuses', 'refused', 'cannot']);

// Verbs and words after which what follows is not asserted to happen.
const IRREALIS_BASES = new Set([
  'would', 'could', 'might', 'may', 'should', 'must', 'can', 'will', 'shall', 'ought',
  'if', 'unless', 'whether', 'lest', 'try', 'attempt', 'want', 'wish', 'hope', 'plan', 'intend', 'threaten',
  'pretend', 'imagine', 'picture', 'dream', 'fantasize', 'fantasise', 'consider', 'think', 'believe', 'suspect',
  'assume', 'suppose', 'guess', 'wonder', 'fear', 'claim', 'say', 'tell', 'insist', 'deny', 'fail', 'refuse',
  'mean', 'rumor', 'rumour', 'suggest', 'accuse', 'blame', 'doubt', 'allege', 'worry',
  'expect', 'prepare', 'ready', 'decide', 'convince', 'persuade', 'ask', 'beg', 'urge', 'order', 'tempt',
  'demand', 'command', 'require', 'request', 'propose', 'recommend', 'advise', 'bid', 'petition', 'plead',
  'rehearse', 'mime', 'practice', 'practise', 'reenact', 'reimagine',
  'suspect', 'maybe', 'perhaps', 'supposedly', 'allegedly', 'apparently',
]);

/**
 * Nouns of belief: "the detective's theory is that Neveah pushed Cassie", "a lie". Read as nouns
 * only: "lies" after a determiner is a falsehood, and "a letter lies on the desk" or "Cassie,
 * lying in bed" is where something is.
 */
const BELIEF_NOUNS = new Set(['theory', 'rumor', 'rumour', 'suspicion', 'hypothesis', 'belief', 'version', 'story', 'idea', 'lie',
  'gossip', 'speculation', 'accusation']);
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'their', 'my', 'your', 'our', 'its', "'s", 'this', 'that', 'these',
  'those', 'another', 'one', 'some', 'no', 'any', 'whose']);

const FACTIVE_BASES = new Set(['reveal', 'prove', 'show', 'confirm', 'know', 'realize', 'realise', 'discover',
  'learn', 'remember', 'recall', 'find', 'establish', 'demonstrate', 'expose', 'clear',
  // Telling again what happened: "Delia confesses: she pushed Cassie".
  'understand', 'recognize', 'recognise', 'admit', 'confess', 'explain', 'recount', 'retell', 'relive', 'describe', 'read',
  'replay', 'recap', 'flash',
  // A screen or a record shows what is not happening in the scene: "The laptop plays last year's showcase".
  ...MEDIA]);

/**
 * Words before a verb that make it a habit or a former state, not what happens in the scene:
 * "Cassie, who once took the stairs two at a time", "the spot Cassie always claimed".
 */
const HABITUAL = new Set(['always', 'usually', 'often', 'once', 'used', 'formerly', 'sometimes', 'ever', 'every',
  'whenever', 'typically', 'normally', 'regularly', 'forever', 'habitually']);

// Openers of clauses whose content has not happened (yet).
const IRREALIS_OPENERS = new Set(['if', 'unless', 'before', 'until', 'till', 'lest']);

function hasBase(word: string, set: ReadonlySet<string>): boolean {
  if (set.has(word)) return true;
  return baseForms(word).some((f) => set.has(f));
}

export type { Happening };

/** The mood a happening commits to: what canon facts and the clock make of it. */
export function moodOf(happening: Happening): Mood {
  if (happening === 'now') return 'actual';
  return happening === 'recounted' || happening === 'mediated' ? 'fact' : 'irrealis';
}
/**
 * Whether, and how, each word of the clause happens now (see Happening), in one pass from the
 * clause's start: index i - clause.from holds what happeningAt(clause, i) says. The reading layer
 * keeps it per clause (story/reading.ts happeningOfWord), so a rule asking about a noun ("the
 * director", "sister") reads the same decision as one asking about a verb.
 */
export function happeningsOf(clause: Clause): Happening[] {
  const length = clause.to - clause.from;
  const context = clauseHappening(clause);
  if (moodOf(context) === 'irrealis') return new Array<Happening>(length).fill(context);
  const out: Happening[] = [];
  let happening = context;
  let stopped: Happening | undefined;
  let before: string | undefined;
  // "without looking at anyone, Bette's little sister, ...": "without" denies its own phrase, up to its comma.
  let withoutPhrase = false;
  for (let i = clause.from; i < clause.to; i++) {
    const word = clause.tokens.wordAt(i);
    if (withoutPhrase && word === undefined && clause.tokens.kind(i) === 'comma') {
      stopped = undefined;
      withoutPhrase = false;
    }
    out.push(clause.hearsayFrom !== undefined && i >= clause.hearsayFrom ? 'hypothetical' : stopped ?? wordHappening(clause, happening, before, i));
    if (stopped || word === undefined) continue;
    stopped = notHappening(clause, i, word) ?? (word === 'going' ? 'hypothetical' : undefined);
    withoutPhrase = stopped !== undefined && word === 'without';
    if (!stopped && (hasBase(word, FACTIVE_BASES) || word === 'had')) happening = MEDIA_SET.has(word) ? 'mediated' : 'recounted';
    before = word;
  }
  return out;
}

/** Whether, and how, the verb at token index `verb` of the clause happens now (see Happening). */
export function happeningAt(clause: Clause, verb: number): Happening {
  const context = clauseHappening(clause);
  if (moodOf(context) === 'irrealis') return context;
  if (clause.hearsayFrom !== undefined && verb >= clause.hearsayFrom) return 'hypothetical';
  let happening = context;
  let before: string | undefined;
  for (let i = clause.from; i < verb; i++) {
    const word = clause.tokens.wordAt(i);
    if (word === undefined) continue;
    const why = notHappening(clause, i, word) ?? (word === 'going' ? 'hypothetical' : undefined);
    // "Without a word, Bette leaves": "without" denies its phrase, not the verb after its comma.
    if (why && !(word === 'without' && commaBetween(clause, i, verb))) return why;
    if (hasBase(word, FACTIVE_BASES) || word === 'had') happening = MEDIA_SET.has(word) ? 'mediated' : 'recounted';
    before = word;
  }
  return wordHappening(clause, happening, before, verb);
}

/** What the whole clause says of every word in it: asked, not yet, hearsay, or what its host clause says. */
function clauseHappening(clause: Clause): Happening {
  if (clause.question) return 'asked';
  if (clause.opener && IRREALIS_OPENERS.has(clause.opener)) return 'hypothetical';
  if (clause.hearsay) return 'hypothetical';
  return clause.host ? hostHappening(clause, clause.host) : 'now';
}

function commaBetween(clause: Clause, from: number, to: number): boolean {
  for (let i = from + 1; i < to; i++) if (clause.tokens.kind(i) === 'comma') return true;
  return false;
}

/** A word's happening, given what the words before it said: "to push" is an intention, a past verb may look back. */
function wordHappening(clause: Clause, happening: Happening, before: string | undefined, at: number): Happening {
  if (before === 'to') return 'hypothetical';
  const word = clause.tokens.wordAt(at);
  if (happening === 'now' && clause.pastIsBackstory && word !== undefined && (isPastForm(word) || pastByAgreement(clause, at, word))
    && (recalls(clause) || datedBy(clause, at))) return 'recounted';
  return happening;
}

const SINGULAR_PRONOUNS = new Set(['he', 'she', 'it']);
const DETERMINERS_OF_ONE = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'this', 'that', 'my', 'your', 'our', 'each', 'every']);

/**
 * Whether a verb whose past is its base form ("split", "cut", "hit") is past by agreement: right
 * after one person or thing ("when the ship split", "as she cut the rope"), where the present
 * would have taken an "-s".
 */
function pastByAgreement(clause: Clause, at: number, word: string): boolean {
  if (!VERBS.invariantPasts.has(word)) return false;
  const { tokens } = clause;
  const before = tokens.wordAt(at - 1);
  if (before === undefined) return false;
  if (SINGULAR_PRONOUNS.has(before)) return true;
  if (clause.referents.some((r) => r.tokenEnd === at && r.kind === 'name')) return true;
  // "the ship", "her old coat": a noun with no plural "-s" after its determiner, one or two words back.
  if (before.endsWith('s')) return false;
  return DETERMINERS_OF_ONE.has(tokens.wordAt(at - 2) ?? '') || (tokens.isWord(at - 2) && DETERMINERS_OF_ONE.has(tokens.wordAt(at - 3) ?? ''));
}

/** Nouns of time that a clause in the past may date: "the day Mercutio died", "the night she fell". */
const TIME_NOUNS = new Set(['day', 'night', 'morning', 'evening', 'afternoon', 'week', 'month', 'year', 'hour', 'moment',
  'minute', 'summer', 'winter', 'spring', 'autumn', 'season', 'time', 'weekend']);

/**
 * A verb in the past right after a noun of time and its subject is a relative clause that dates
 * something else, told as before the scene: "the heat that lay on the city the day Mercutio died
 * lies on it now". Up to four words of subject stand between ("the night her sister fell").
 */
function datedBy(clause: Clause, verb: number): boolean {
  const { tokens } = clause;
  for (let i = verb - 2; i >= Math.max(clause.from, verb - 5); i--) {
    const word = tokens.wordAt(i);
    if (word === undefined) return false;
    if (TIME_NOUNS.has(word)) {
      const determiner = tokens.wordAt(i - 1);
      return i > clause.from && (determiner === 'the' || determiner === 'that');
    }
  }
  return false;
}

/** Why a word before a verb takes it out of the scene's present, if it does. */
function notHappening(clause: Clause, at: number, word: string): Happening | undefined {
  if (NEGATORS.has(word)) return 'denied';
  if (HABITUAL.has(word)) return 'habitual';
  return irrealis(clause, at, word) ? 'hypothetical' : undefined;
}

/**
 * Whether the word at token index `at` says that what follows is not asserted: a modal, a verb of
 * wishing or believing, a noun of belief after its determiner, "about to" (not "about Donalbain").
 */
function irrealis(clause: Clause, at: number, word: string): boolean {
  if (word === 'about') return clause.tokens.wordAt(at + 1) === 'to';
  const noun = BELIEF_NOUNS.has(word) ? word : word.endsWith('s') && BELIEF_NOUNS.has(word.slice(0, -1)) ? word.slice(0, -1) : undefined;
  if (noun !== undefined) return !canBeVerb(noun) || DETERMINERS.has(clause.tokens.wordAt(at - 1) ?? '');
  return hasBase(word, IRREALIS_BASES);
}

/** Negation standing after the verb also takes the event back: "Cassie moves not a muscle". */
export function negatedAfter(clause: Clause, verb: number): boolean {
  for (let i = verb + 1; i < Math.min(clause.to, verb + 3); i++) {
    const word = clause.tokens.wordAt(i);
    if (word === 'not' || word === 'never' || word === 'nothing' || word === 'no') return true;
  }
  return false;
}

/**
 * What the clause a clause hangs from says of it: "Cassie claims it was Bette who ...", "The
 * laptop plays last year's showcase: ...", or the word that dates a paragraph ("Last spring").
 */
function hostHappening(clause: Clause, host: { from: number; to: number }): Happening {
  let happening: Happening = 'now';
  for (let i = host.from; i < host.to; i++) {
    const word = clause.tokens.wordAt(i);
    if (word === undefined) continue;
    if (NEGATORS.has(word)) return 'denied';
    if (irrealis(clause, i, word)) return 'hypothetical';
    if (isMediaWord(word)) happening = 'mediated';
    else if (happening === 'now' && (hasBase(word, FACTIVE_BASES) || word === 'had' || PAST_TIME.has(word))) happening = 'recounted';
  }
  return happening;
}

/** Openers that join a clause as an equal: its verb's tense says what the main clause's does. */
const COORDINATING = new Set(['and', 'but', 'or', 'then', 'so', 'while', 'whilst']);
/** Words that set a clause in the past however its verb is read: "Delia pushed Cassie, months ago". */
const PAST_TIME = new Set(['ago', 'yesterday', 'earlier', 'previously', 'last', 'before', 'formerly']);

/**
 * In a script narrated in the present, a verb in the past in a clause that looks back tells what
 * happened before the scene: a temporal or relative clause ("By the time Cassie woke up, Neveah had
 * long since taken her place", "the spot Cassie claimed"), or one that says when ("months ago").
 * A main clause in the past with no such word is a slip of tense, and still narrates what happens.
 */
/** Words that open a subordinate clause, standing earlier in the clause's sentence. */
const SUBORDINATORS = new Set(['that', 'when', 'because', 'since', 'after', 'before', 'while', 'how', 'until', 'till', 'once']);

function subordinateBefore(clause: Clause): boolean {
  const { tokens } = clause;
  for (let i = clause.from - 1; i >= 0 && !tokens.endsSentence(i); i--) {
    const word = tokens.wordAt(i);
    if (word !== undefined && SUBORDINATORS.has(word)) return true;
  }
  return false;
}

function recalls(clause: Clause): boolean {
  if (clause.opener && !COORDINATING.has(clause.opener)) return true;
  // "..., so that Mercutio died on his friend's steel and Tybalt only stood there": a past verb
  // joined by "and" to one a subordinate clause put in the past is in the past with it.
  if (clause.opener && subordinateBefore(clause)) return true;
  const words: string[] = [];
  for (let i = clause.from; i < clause.to && words.length < 3; i++) if (clause.tokens.isWord(i)) words.push(clause.tokens.word(i));
  if (words.join(' ') === 'by the time' || words.join(' ').startsWith('ever since')) return true;
  // The words that date it may stand anywhere in the sentence: "She did them the Sunday before."
  const { tokens } = clause;
  let from = clause.from;
  while (from > 0 && !tokens.endsSentence(from - 1)) from--;
  for (let i = from; i < tokens.length; i++) {
    const word = tokens.wordAt(i);
    if (word !== undefined && PAST_TIME.has(word)) return true;
    if (i >= clause.to && tokens.endsSentence(i)) break;
  }
  return false;
}
