import type { Clause } from './clauses';
import { baseForms, isPastForm } from './lemma';
import { isMediaWord, MEDIA, MEDIA_SET } from './media';

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
  'mean', 'about', 'rumor', 'rumour', 'suggest', 'accuse', 'blame', 'doubt', 'allege', 'worry',
  'expect', 'prepare', 'ready', 'decide', 'convince', 'persuade', 'ask', 'beg', 'urge', 'order', 'tempt',
  'rehearse', 'mime', 'practice', 'practise', 'reenact', 'reimagine',
  // Nouns of belief: "the detective's theory is that Neveah pushed Cassie".
  'theory', 'rumor', 'rumour', 'suspicion', 'hypothesis', 'belief', 'version', 'story', 'idea', 'lie', 'gossip',
  'speculation', 'accusation', 'suspect', 'maybe', 'perhaps', 'supposedly', 'allegedly', 'apparently',
]);

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

/**
 * Whether what a verb says happens in the scene's present, and if not, why: the one decision every
 * rule and the clock read (none works it out again).
 *  - 'now': it happens, in the scene, on the canon clock ("Delia pushes Cassie");
 *  - 'recounted': told as having happened ("Delia had pushed her", "Ramon understands: Delia
 *    pushed Cassie", "the spot Cassie claimed", "months ago");
 *  - 'mediated': on a screen, a recording or a page ("The laptop plays the showcase: Cassie leaps");
 *  - 'habitual': a habit or a former state ("Cassie, who once took the stairs");
 *  - 'hypothetical': wished, planned, believed, imagined, rehearsed, or not yet ("if", "before");
 *  - 'denied': negated ("Cassie never moves", "Delia almost pushes her");
 *  - 'asked': in a question.
 */
export type Happening = 'now' | 'recounted' | 'mediated' | 'habitual' | 'hypothetical' | 'denied' | 'asked';

/** The mood a happening commits to: what canon facts and the clock make of it. */
export function moodOf(happening: Happening): Mood {
  if (happening === 'now') return 'actual';
  return happening === 'recounted' || happening === 'mediated' ? 'fact' : 'irrealis';
}

/** The mood of the verb at token index `verb` of the clause. */
export function moodAt(clause: Clause, verb: number): Mood {
  return moodOf(happeningAt(clause, verb));
}

/** Whether, and how, the verb at token index `verb` of the clause happens now (see Happening). */
export function happeningAt(clause: Clause, verb: number): Happening {
  if (clause.question) return 'asked';
  if (clause.opener && IRREALIS_OPENERS.has(clause.opener)) return 'hypothetical';
  let happening: Happening = clause.host ? hostHappening(clause, clause.host) : 'now';
  if (moodOf(happening) === 'irrealis') return happening;
  for (let i = clause.from; i < verb; i++) {
    const word = clause.tokens.wordAt(i);
    if (word === undefined) continue;
    const why = notHappening(word);
    if (why) return why;
    if (word === 'going') return 'hypothetical';
    if (hasBase(word, FACTIVE_BASES) || word === 'had') happening = MEDIA_SET.has(word) ? 'mediated' : 'recounted';
  }
  // "to push" is an intention, not a push.
  const before = previousWord(clause, verb);
  if (before === 'to') return 'hypothetical';
  const word = clause.tokens.wordAt(verb);
  if (happening === 'now' && clause.pastIsBackstory && word !== undefined && isPastForm(word) && recalls(clause)) return 'recounted';
  return happening;
}

/** Why a word before a verb takes it out of the scene's present, if it does. */
function notHappening(word: string): Happening | undefined {
  if (NEGATORS.has(word)) return 'denied';
  if (HABITUAL.has(word)) return 'habitual';
  if (hasBase(word, IRREALIS_BASES)) return 'hypothetical';
  return undefined;
}

/** Negation standing after the verb also takes the event back: "Cassie moves not a muscle". */
export function negatedAfter(clause: Clause, verb: number): boolean {
  for (let i = verb + 1; i < Math.min(clause.to, verb + 3); i++) {
    const word = clause.tokens.wordAt(i);
    if (word === 'not' || word === 'never' || word === 'nothing' || word === 'no') return true;
  }
  return false;
}

function previousWord(clause: Clause, at: number): string | undefined {
  for (let i = at - 1; i >= clause.from; i--) {
    const word = clause.tokens.wordAt(i);
    if (word !== undefined) return word;
  }
  return undefined;
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
    if (hasBase(word, IRREALIS_BASES)) return 'hypothetical';
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
function recalls(clause: Clause): boolean {
  if (clause.opener && !COORDINATING.has(clause.opener)) return true;
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
