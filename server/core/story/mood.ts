import type { Clause } from './clauses';
import { baseForms, isPastForm } from './lemma';

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

/** Words that set what follows on a screen or in a record, not in the scene's present. */
export const MEDIA: readonly string[] = ['screen', 'laptop', 'tv', 'television', 'monitor', 'footage', 'video', 'recording',
  'tape', 'clip', 'livestream', 'projector', 'tablet', 'photo', 'photograph', 'picture', 'slideshow', 'montage', 'playback',
  'film', 'dvd', 'vhs', 'camcorder', 'youtube', 'instagram', 'tiktok', 'voicemail', 'hologram', 'portrait'];

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

/** The mood of the verb at token index `verb` of the clause. */
export function moodAt(clause: Clause, verb: number): Mood {
  if (clause.question) return 'irrealis';
  if (clause.opener && IRREALIS_OPENERS.has(clause.opener)) return 'irrealis';
  let mood: Mood = clause.host ? hostMood(clause, clause.host) : 'actual';
  if (mood === 'irrealis') return mood;
  for (let i = clause.from; i < verb; i++) {
    const word = clause.tokens.wordAt(i);
    if (word === undefined) continue;
    if (NEGATORS.has(word) || HABITUAL.has(word) || word === 'going' || hasBase(word, IRREALIS_BASES)) return 'irrealis';
    if (hasBase(word, FACTIVE_BASES) || word === 'had') mood = 'fact';
  }
  // "to push" is an intention, not a push.
  const before = previousWord(clause, verb);
  if (before === 'to') return 'irrealis';
  const word = clause.tokens.wordAt(verb);
  if (mood === 'actual' && clause.pastIsBackstory && word !== undefined && isPastForm(word) && recalls(clause)) return 'fact';
  return mood;
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

/** What the clause a relative clause hangs from says of it: "Cassie claims it was Bette who ...". */
function hostMood(clause: Clause, host: { from: number; to: number }): Mood {
  let mood: Mood = 'actual';
  for (let i = host.from; i < host.to; i++) {
    const word = clause.tokens.wordAt(i);
    if (word === undefined) continue;
    if (NEGATORS.has(word) || hasBase(word, IRREALIS_BASES)) return 'irrealis';
    if (hasBase(word, FACTIVE_BASES) || word === 'had' || PAST_TIME.has(word)) mood = 'fact';
  }
  return mood;
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
