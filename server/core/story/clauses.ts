import { isActingPart } from '../body';
import type { Cast, Mention } from './cast';
import { baseForms, canBeVerb, isBe, isPastForm } from './lemma';
import { isMediaWord } from './media';
import { playedIn } from './performance';
import { genderOfNoun, personNoun } from './person-nouns';
import { SCRIPT_ID } from './script-cast';
import type { Tokens } from './words';
import { exact } from '../exact';
import type { PassageSpan } from '../span';

/** Who a stretch of words refers to. */
export interface Referent extends PassageSpan {
  readonly tokenStart: number;
  readonly tokenEnd: number;
  /** The canon character, where known; undefined for "someone" or a pronoun that cannot be resolved. */
  readonly characterId?: string;
  readonly kind: 'name' | 'pronoun' | 'indefinite';
  readonly mention?: Mention;
  /** A conjunction or "who" standing for a person named earlier ("Kai walks up and shoves her"). */
  readonly sharedFrom?: Referent;
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

/**
 * What a clause of narration says, decided once: who it is about (the subject of its verb), what
 * happens (the verb, and its lemma from WordNet), and whether it happens in the scene's present.
 * Rules read this record; none works out a clause's subject or tense again. It depends on the
 * clause alone (never on a canon), so nothing here names a character, place or word of one show.
 */
export interface ClauseReading {
  /** The person who does what the clause says; undefined where no one certainly does. */
  readonly subject?: Referent;
  /** Token index of the subject's verb, where there is one. */
  readonly verb?: number;
  /** The verb's base form: a WordNet verb where one fits ("slew" -> "slay"). */
  readonly lemma?: string;
  /**
   * Token index of the part of the subject's body that does it, where the clause's subject is one
   * ("Cassie's hand closes around the rail", "her chest rises"): the subject is then its owner.
   */
  readonly part?: number;
  readonly happening: Happening;
}

/**
 * A clause: a stretch of one sentence with (usually) one verb. Sentences are split at sentence
 * punctuation, at dashes and colons, and before conjunctions that open a new clause.
 */
export interface Clause {
  readonly tokens: Tokens;
  readonly from: number;
  readonly to: number;
  readonly referents: readonly Referent[];
  /** The clause is part of a question: nothing in it is asserted. */
  readonly question: boolean;
  /** The conjunction that opened the clause ("before", "if", "when"), if any. */
  readonly opener?: string;
  /**
   * For a relative clause ("... it was Bette who pushed her"), the clause it hangs from: what that
   * clause says of belief or negation ("Cassie claims") holds for the relative clause too.
   */
  readonly host?: { readonly from: number; readonly to: number };
  /** In a script narrated in the present, a verb in the past tense tells backstory, not what happens now. */
  readonly pastIsBackstory: boolean;
  /**
   * The clause's sentence reports hearsay ("..., or so the juniors say"), not a fact of the
   * story: decided once per passage as it is read (hearsaySentences), kept with its clauses.
   */
  readonly hearsay: boolean;
  /** Where only part of the clause reports hearsay (see hearsaySentences): its words from here on. */
  readonly hearsayFrom?: number;
  /**
   * Rules' findings for this clause, one slot per rule (incremental/rule-memo.ts keepIn): the
   * passage cache keeps the clause for as long as they hold, and a slot is quicker to reach
   * than a lookup per clause per rule at every keystroke. While no rule has a finding here, a
   * number: one bit per rule that found none.
   */
  memo?: number | unknown[];
  /**
   * What the clause says (story/reading.ts readClause) and whether each of its words happens now
   * (happeningOfWord), once first asked: kept with the clause, as its memo, so each is worked out
   * once per clause, and a clause read afresh (no reuse) works them out afresh.
   */
  reading?: ClauseReading;
  happenings?: readonly Happening[];
}

const OPENERS = new Set([
  'and', 'but', 'while', 'whilst', 'as', 'when', 'whenever', 'then', 'until', 'because', 'although', 'though',
  'whereas', 'after', 'before', 'once', 'if', 'unless', 'since', 'where', 'who', 'which', 'so', 'or', 'till',
  // After a comma only (see splitClauses): ", whatever she tells people".
  'whatever', 'wherever', 'however',
]);
/** Openers that open a clause only after a comma: "whatever it takes" is a noun phrase. */
const AFTER_COMMA_OPENERS = new Set(['whatever', 'wherever', 'however']);

const SHE = new Set(['she', 'her', 'herself', 'hers']);
const HE = new Set(['he', 'him', 'himself']);
const OBJECT_PRONOUNS = new Set(['her', 'him', 'herself', 'himself', 'me', 'myself', 'hers']);
const INDEFINITES = new Set([
  'someone', 'somebody', 'figure', 'shadow', 'stranger', 'silhouette', 'attacker', 'assailant', 'intruder',
  'culprit', 'hands',
]);

/** 'any' is a person whose pronouns the reader does not know (a script's own character): any pronoun may be them. */
export type Gender = 'she' | 'he' | 'they' | 'any';

export function genderOf(pronouns: string | undefined): Gender {
  const p = (pronouns ?? '').toLowerCase();
  if (p.startsWith('she')) return 'she';
  if (p.startsWith('he')) return 'he';
  return 'they';
}

/** Splits tokens[0, n) into clauses. */
export function splitClauses(tokens: Tokens): { from: number; to: number; question: boolean; opener?: string }[] {
  const sentences: { from: number; to: number; question: boolean }[] = [];
  let from = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.endsSentence(i)) {
      sentences.push({ from, to: i, question: tokens.kind(i) === 'question' });
      from = i + 1;
    }
  }
  if (from < tokens.length) sentences.push({ from, to: tokens.length, question: false });
  const clauses: { from: number; to: number; question: boolean; opener?: string }[] = [];
  for (const s of sentences) {
    let start = s.from;
    let opener: string | undefined;
    // In a relative clause set off by a comma after a name ("Bianca, who has come up from the
    // town and lost her way,"), or in what "and" adds to it.
    let relative = false;
    for (let i = s.from; i < s.to; i++) {
      const kind = tokens.kind(i);
      const word = tokens.word(i);
      // A short aside in brackets ("RAMON (22), a student", "CASSIE (17) walks in") stays in its clause.
      if (kind === 'break' && word === '(') {
        const close = shortAsideEnd(tokens, i, s.to);
        if (close > 0) {
          i = close;
          continue;
        }
      }
      // "Then, as he wrings out the mop, she reaches up": a subordinate clause ends at the comma
      // before the main clause's subject and verb.
      if (kind === 'comma' && opener !== undefined && SUBORDINATE.has(opener) && i > start && mainClauseAt(tokens, i + 1, s.to)) {
        clauses.push({ from: start, to: i, question: s.question, opener });
        opener = undefined;
        start = i + 1;
        continue;
      }
      // "Montano, when the general turns away, strips Cassio of his rank": a subordinate clause set
      // off by commas inside another ends at its closing comma when a verb follows; the clause it
      // interrupted goes on (RESUMES), with the subject it had.
      if (kind === 'comma' && opener !== undefined && i > start && presentVerbAt(tokens, i + 1) && !NOT_A_VERB.has(tokens.word(i + 1))
        && (relative || (SUBORDINATE.has(opener) && start >= 2 && tokens.kind(start - 2) === 'comma'))) {
        clauses.push({ from: start, to: i, question: s.question, opener });
        opener = RESUMES;
        relative = false;
        start = i + 1;
        continue;
      }
      const splitsHere = kind === 'break'
        || (kind === 'word' && OPENERS.has(word) && i > start && (!AFTER_COMMA_OPENERS.has(word) || tokens.kind(i - 1) === 'comma') && !onlyNames(tokens, start, i, word) && !adverbial(tokens, i, word)
          && !inDescription(tokens, start, i, word) && !joinsNounPhrase(tokens, i, s.to, word));
      if (!splitsHere) continue;
      if (i > start) clauses.push({ from: start, to: i, question: s.question, opener });
      opener = kind === 'word' ? word : undefined;
      relative = opener === 'who' ? tokens.kind(i - 1) === 'comma' && tokens.capitalized(i - 2) : relative && opener === 'and';
      start = i + 1;
    }
    if (start < s.to) clauses.push({ from: start, to: s.to, question: s.question, opener });
  }
  return clauses;
}

/** The opener of a clause that goes on after a subordinate clause interrupted it (see splitClauses). */
export const RESUMES = ',';

/** Openers of a subordinate clause, which ends where its main clause begins. */
const SUBORDINATE = new Set(['as', 'when', 'whenever', 'while', 'whilst', 'if', 'because', 'although', 'though', 'after', 'before',
  'once', 'since', 'until', 'till', 'whereas', 'unless']);

/** A subject ("she", "he", a capitalised name) and a finite verb right after it: "she reaches", "Bette turns". */
function mainClauseAt(tokens: Tokens, at: number, to: number): boolean {
  if (at + 1 >= to || !tokens.isWord(at) || !tokens.isWord(at + 1)) return false;
  const subject = tokens.word(at);
  const verb = tokens.word(at + 1);
  if (tokens.capitalized(at + 1) || !canBeVerb(verb) || !finiteForm(verb)) return false;
  return subject === 'she' || subject === 'he' || subject === 'they' || subject === 'i' || subject === 'we'
    || (tokens.capitalized(at) && presentVerbAt(tokens, at + 1));
}

/**
 * A verb of the third person present at token `at`, in lower case ("lifts", "turns", not "Shores"
 * or "kissed"): what follows a name that is the subject of its clause.
 */
export function presentVerbAt(tokens: Tokens, at: number): boolean {
  const word = tokens.wordAt(at);
  return word !== undefined && !tokens.capitalized(at) && word.endsWith('s') && !word.endsWith('ss') && !isPastForm(word) && canBeVerb(word);
}

/**
 * "..., or so the juniors say": which tokens a report of hearsay covers (1), or undefined where no
 * sentence of the passage has one. One pass over the passage, since a long sentence has many
 * clauses and each would read it all. The report covers what it follows: the whole sentence where
 * that has a verb ("Delia pushed Cassie, or so they say"), but where it follows a description set
 * off by a comma, only that description's last part ("Bette, Delia's sister and the better dancer,
 * or so the teachers said, nods": the teachers' word is on who danced better, not on who is whose
 * sister).
 */
export function hearsaySentences(tokens: Tokens): Uint8Array | undefined {
  let out: Uint8Array | undefined;
  let from = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && !tokens.endsSentence(i)) continue;
    let said = -1;
    let last: string | undefined;
    let lastAt = -1;
    for (let k = from; k < i; k++) {
      const word = tokens.wordAt(k);
      if (word === undefined) continue;
      if (last === 'or' && word === 'so' && said < 0) said = lastAt;
      last = word;
      lastAt = k;
    }
    if (said >= 0) (out ??= new Uint8Array(tokens.length)).fill(1, hearsayCovers(tokens, from, said), i + 1);
    from = i + 1;
  }
  return out;
}

/** Where the hearsay whose "or" stands at `or` begins to cover, in a sentence that begins at `from`. */
function hearsayCovers(tokens: Tokens, from: number, or: number): number {
  if (or - 1 <= from || tokens.kind(or - 1) !== 'comma') return from;
  let comma = or - 2;
  while (comma > from && tokens.kind(comma) !== 'comma') comma--;
  if (comma <= from) return from;
  let start = comma + 1;
  for (let k = comma + 1; k < or - 1; k++) {
    if (!tokens.isWord(k)) return from;
    const word = tokens.word(k);
    if (word === 'and' || word === 'or') start = k + 1;
    else if (!tokens.capitalized(k) && finiteForm(word) && canBeVerb(word)) return from;
  }
  return start;
}

/** The first word of a clause that hearsay covers, where it covers the clause's end but not its start. */
function partHearsay(hearsay: Uint8Array | undefined, from: number, to: number): number | undefined {
  if (hearsay === undefined || hearsay[from] === 1) return undefined;
  for (let k = from + 1; k < to; k++) if (hearsay[k] === 1) return k;
  return undefined;
}

/** A verb form that can have a person for its subject: "-s" or a past form (or an auxiliary), not a bare base. */
export function finiteForm(word: string): boolean {
  return (word.endsWith('s') && !word.endsWith('ss')) || isPastForm(word) || isBe(word) || FINITE_AUXILIARIES.has(word);
}

const FINITE_AUXILIARIES = new Set(['can', 'could', 'will', 'would', 'shall', 'should', 'may', 'might', 'must', 'did', 'does', 'has', 'had']);

/**
 * "Neveah, bruised and tired, climbs the stairs": an "and" inside a description set off by commas
 * after a name joins its words, and the clause goes on to the verb after the closing comma.
 */
function inDescription(tokens: Tokens, start: number, i: number, word: string): boolean {
  if (word !== 'and' && word !== 'or') return false;
  let comma = start;
  while (comma < i && tokens.kind(comma) !== 'comma') {
    if (!tokens.isWord(comma) || !tokens.capitalized(comma)) return false;
    comma++;
  }
  if (comma === start || comma >= i) return false;
  for (let k = comma + 1; k < i; k++) if (!tokens.isWord(k)) return false;
  for (let k = i + 1; k < Math.min(tokens.length, i + 5); k++) {
    if (tokens.kind(k) === 'comma') return true;
    if (!tokens.isWord(k)) return false;
  }
  return false;
}

const BEFORE_ADVERBIAL_ONCE = new Set(['never', 'not', 'had', 'has', 'have', 'was', 'were', 'is', 'are', 'only', 'just', 'at', 'all']);
const BEFORE_BUT = new Set(['anything', 'nothing', 'all', 'everyone', 'everything', 'nobody', 'none']);

/**
 * An opener that opens no clause here: "never once", "had once been" (an adverb), "anything but
 * teacher and student", "nothing but" (an exception, not a second clause).
 */
function adverbial(tokens: Tokens, i: number, word: string): boolean {
  const before = tokens.wordAt(i - 1);
  if (before === undefined) return false;
  // "The day before, Kent had killed Oswald": "before" or "after" with nothing after it is an adverb.
  if ((word === 'before' || word === 'after') && (i + 1 >= tokens.length || !tokens.isWord(i + 1))) return true;
  // "never so much as kissed": a measure, not "so" and "as" opening clauses.
  if (word === 'so') return tokens.wordAt(i + 1) === 'much' || tokens.wordAt(i + 1) === 'far';
  if (word === 'as' && before === 'much') return true;
  if (word === 'once') return BEFORE_ADVERBIAL_ONCE.has(before);
  if (word === 'but') return BEFORE_BUT.has(before);
  return false;
}

/** Where a bracket opened at `open` closes, if it holds at most three words and no other break: else 0. */
function shortAsideEnd(tokens: Tokens, open: number, to: number): number {
  for (let i = open + 1; i < Math.min(to, open + 5); i++) {
    if (tokens.kind(i) === 'break') return tokens.word(i) === ')' && i > open + 1 ? i : 0;
    if (!tokens.isWord(i)) return 0;
  }
  return 0;
}

const NOUN_PHRASE_OPENERS = new Set(['the', 'his', 'her', 'their', 'my', 'your', 'our', 'its', 'old', 'young', 'little', 'poor', 'dear']);

/**
 * "The Friar marries Romeo and Juliet": an "and" followed by a name or two and the end of the
 * sentence (or a comma) joins a second object, not a second clause. Only a run of capitalised words,
 * after at most a determiner or a possessive, counts: "and Cassie falls" has a verb, and splits.
 */
function joinsNounPhrase(tokens: Tokens, i: number, to: number, word: string): boolean {
  if (word !== 'and' && word !== 'or') return false;
  let k = i + 1;
  if (k < to && tokens.isWord(k) && NOUN_PHRASE_OPENERS.has(tokens.word(k)) && !tokens.capitalized(k)) k++;
  let names = 0;
  while (k < to && tokens.isWord(k) && tokens.capitalized(k) && names < 4) {
    k++;
    names++;
  }
  if (names === 0) return false;
  return k === to || tokens.kind(k) === 'comma' || tokens.kind(k) === 'stop' || (tokens.isWord(k) && TRAILING_PREPOSITIONS.has(tokens.word(k)));
}

/** "... marries Romeo and Juliet in the sight of God": a phrase of place or manner after the second name. */
const TRAILING_PREPOSITIONS = new Set(['in', 'at', 'on', 'before', 'under', 'beside', 'behind', 'into', 'onto', 'across', 'through', 'with', 'by', 'from', 'to', 'for', 'inside', 'outside', 'near', 'over', 'against', 'around']);

/** "Delia and Bette push ..." keeps its compound subject: "and" after nothing but names does not split. */
function onlyNames(tokens: Tokens, from: number, to: number, word: string): boolean {
  if (word !== 'and' && word !== 'or') return false;
  for (let i = from; i < to; i++) {
    if (tokens.kind(i) === 'comma') continue;
    // "BETTE (19) and DELIA (17) share a bag": an age in brackets is part of the name's introduction.
    const aside = tokens.word(i) === '(' ? shortAsideEnd(tokens, i, to) : 0;
    if (aside > 0) {
      i = aside;
      continue;
    }
    if (!tokens.isWord(i) || !tokens.capitalized(i)) return false;
  }
  return true;
}

/**
 * A person a pronoun may stand for, as the last sentence with people in it left them: its subject
 * (or the speaker who just spoke), someone else it named, or someone the sentence before named.
 */
export interface Recent {
  readonly characterId: string;
  readonly gender: Gender;
  /**
   * 'stage': named earlier in the scene, and not since: a candidate only where nobody nearer is one
   * ("He looks at her face", two paragraphs after the scene put Juliet on her bier).
   */
  readonly role: 'subject' | 'named' | 'earlier' | 'stage';
}

const NOBODY: readonly Recent[] = Object.freeze([]);

/** Who was named, one list per set of people, and each person as a pronoun's candidate: see ClauseReader. */
export class PeopleLists {
  readonly lists = new Map<string, readonly Recent[]>();
  readonly recents = new Map<string, Recent>();
  /** Who is in view after a cue, by who was on stage and who spoke: cues repeat all through a script. */
  readonly spoken = new WeakMap<readonly Recent[], Map<string, readonly Recent[]>>();
}

/**
 * Reads a passage into clauses, finding who each names. Pronouns resolve only where exactly one
 * character of that gender was named just before (in the sentence so far, or in the previous one);
 * anything less certain stays unknown, because a wrong guess would raise a false alarm.
 */
export class ClauseReader {
  readonly #cast: Cast;
  readonly #pastIsBackstory: boolean;
  /** Never changed once set: a reading keeps it as who its last sentence named. */
  #previous: readonly Recent[] = NOBODY;

  /**
   * `people` is where the lists of who was named are kept: a cache that outlives the reader (the
   * passage cache) passes its own, so that equal lists stay the same list from one analysis to the
   * next and a keystroke takes readings as they were.
   */
  constructor(cast: Cast, pastIsBackstory = false, people: PeopleLists = new PeopleLists()) {
    this.#cast = cast;
    this.#pastIsBackstory = pastIsBackstory;
    this.#lists = people.lists;
    this.#recents = people.recents;
    this.#spoken = people.spoken;
  }

  /** Who was named last, for the pronouns of what is read next; set to resume a reading cached elsewhere. */
  get recent(): readonly Recent[] {
    return this.#previous;
  }

  set recent(recent: readonly Recent[]) {
    this.#previous = recent;
  }

  /** Forget who was named: a new scene starts. */
  reset(): void {
    this.#previous = NOBODY;
  }

  read(tokens: Tokens, mentions: readonly Mention[], speakerId?: string): readonly Clause[] {
    // A part someone plays in this paragraph ("Tomaso, who is the Moor tonight") names the player,
    // not the canon character: those names are nobody canon knows here.
    const played = speakerId === undefined ? playedIn(tokens, mentions) : undefined;
    if (played) mentions = mentions.filter((m) => !played.has(m.characterId));
    const clauses: Clause[] = [];
    let sentenceSoFar: Recent[] = [];
    let lastSentenceTo = -1;
    // Looked up by token for every token of every clause: a scan of the list each time was
    // quadratic, and a 1 MB line of narration took minutes to read.
    const mentionAt = new Map<number, Mention>();
    for (const m of mentions) if (!mentionAt.has(m.tokenStart)) mentionAt.set(m.tokenStart, m);
    // A screen or a record the paragraph plays ("The laptop plays last year's showcase: Cassie
    // leaps across the stage"): what the rest of the paragraph narrates is on it, not in the scene.
    let frame: { from: number; to: number } | undefined;
    let sentenceStarts = true;
    const hearsay = hearsaySentences(tokens);
    for (const c of splitClauses(tokens)) {
      if (lastSentenceTo >= 0 && hasStopBetween(tokens, lastSentenceTo, c.from)) {
        if (sentenceSoFar.length > 0) this.#previous = this.#after(sentenceSoFar);
        sentenceSoFar = [];
        sentenceStarts = true;
      }
      const unnamed: Recent[] = [];
      let referents = this.#referents(tokens, c.from, c.to, mentionAt, sentenceSoFar, unnamed, speakerId);
      const shared = sharedSubject(tokens, c, referents, clauses[clauses.length - 1], clauses);
      // "Kai walks up behind her and shoves her": the object of a verb is not its shared subject.
      if (shared?.characterId) {
        unnamed.length = 0;
        referents = this.#referents(tokens, c.from, c.to, mentionAt, sentenceSoFar, unnamed, speakerId, this.#recent(shared.characterId));
      }
      const from = shared ? c.from - 1 : c.from;
      const before = clauses[clauses.length - 1];
      // A relative clause hangs from the clause before it, and so does what a colon introduces
      // ("Ramon finally understands: Delia pushed Cassie"): what that clause says of belief,
      // recollection or a screen holds for it too.
      const hangs = before && before.to === c.from - 1 && (c.opener === 'who' || tokens.word(c.from - 1) === ':');
      // A cleft's "who" hangs from its "it is June", not from a contrast between ("and not Neveah"):
      // "It is not June who" is denied, "It is June, and not Neveah, who" is not.
      // (What holds for the clause the cleft stands in holds too: "Cassie claims it was Bette who".)
      const cleft = hangs && c.opener === 'who' ? cleftAt(tokens, c.from - 1) : undefined;
      const cleftIn = cleft === undefined ? undefined : clauses.find((k) => k.from <= cleft && cleft < k.to);
      const host = cleft !== undefined && cleftIn ? { from: cleftIn.host?.from ?? cleftIn.from, to: cleft + 3 }
        : hangs ? { from: before.host?.from ?? before.from, to: before.to } : frame;
      if (!frame && playsMedia(tokens, c.from, c.to)) frame = { from: c.from, to: c.to };
      // A paragraph that opens on a time gone by and nobody in it ("Last spring's showcase, shot
      // from the balcony.") shows that time: what the rest of it narrates happened then.
      // (The frame is the word that dates it, so that only the time, not the rest of that
      // sentence, says how the rest is told.)
      const dated = !frame && clauses.length === 0 && referents.length === 0 ? datedOpening(tokens) : -1;
      if (dated >= 0) frame = { from: dated, to: dated + 1 };
      clauses.push({
        tokens, from, to: c.to, question: c.question, opener: c.opener, host, pastIsBackstory: this.#pastIsBackstory,
        hearsay: hearsay !== undefined && hearsay[from] === 1, hearsayFrom: partHearsay(hearsay, from, c.to), referents: shared ? [shared, ...referents] : referents, memo: undefined, reading: undefined, happenings: undefined,
      });
      // A pronoun the reader resolved keeps its person on stage as a name would: "He sees Paris.
      // He sees Romeo." has two men in view, not Paris alone.
      const subject = sentenceStarts ? subjectOf(tokens, c.from, referents) : undefined;
      for (const r of referents) {
        if (r.characterId && (r.kind === 'name' || (r.kind === 'pronoun' && !speakerId))) {
          sentenceSoFar.push(this.#recent(r.characterId, r === subject ? 'subject' : 'named'));
        }
      }
      // "A nurse comes in.": someone on stage that no name stands for, a candidate all the same.
      if (!speakerId) for (const u of unnamed) sentenceSoFar.push(u);
      // "And then Cassie's hand turns": a clause of nothing but "and" does not take the sentence's start.
      if (referents.length > 0 || tokens.someWord((w) => !BEFORE_SUBJECT.has(w), c.from, c.to)) sentenceStarts = false;
      lastSentenceTo = c.to;
    }
    if (sentenceSoFar.length > 0) this.#previous = this.#after(sentenceSoFar);
    return exact(clauses);
  }

  /**
   * Who a pronoun of the next sentence can be, once a sentence named people: those it named (its
   * subject marked), then those the sentence before it named. A reader keeps both in view, and
   * takes the subject where it fits; where it does not and two people fit, nobody is meant.
   */
  #after(named: readonly Recent[]): readonly Recent[] {
    const people = [...named];
    let staged = 0;
    for (const r of this.#previous) {
      if (people.some((p) => p.characterId === r.characterId)) continue;
      // The sentence before this one stays in view; who it did not name stays on stage, the
      // last few of them (a reader's memory of a crowded scene is short, and so are the lists).
      const role = r.role === 'earlier' || r.role === 'stage' ? 'stage' : 'earlier';
      if (role === 'stage' && ++staged > MAX_STAGED) continue;
      people.push(this.#recent(r.characterId, role));
    }
    return this.#listOf(people);
  }

  /**
   * Who a sentence named, as one list per set of people and reader: every cached reading keeps the
   * list its passage ends with, and most are the same few people over and over. Equal lists being
   * the same list also lets a keystroke take more readings as they were
   * (incremental/walk-reuse.ts KeptReadings).
   */
  readonly #lists: Map<string, readonly Recent[]>;

  #listOf(named: readonly Recent[]): readonly Recent[] {
    const key = recentKey(named);
    let list = this.#lists.get(key);
    if (list === undefined) {
      list = exact(named);
      this.#lists.set(key, list);
    }
    return list;
  }

  /**
   * A character as a candidate for pronouns, with their gender: one object per character and
   * reader, shared by every sentence that names them (kept with each cached reading's `recent`).
   */
  readonly #recents: Map<string, Recent>;
  readonly #spoken: WeakMap<readonly Recent[], Map<string, readonly Recent[]>>;

  #recent(id: string, role: Recent['role'] = 'named'): Recent {
    const key = role === 'named' ? id : `${id}\u0000${role}`;
    let recent = this.#recents.get(key);
    if (recent === undefined) {
      // A titled person the canon does not know ("script:MRS SHORE") takes the title's gender; the
      // script's own characters have pronouns the reader does not know.
      const own = id.startsWith(SCRIPT_ID);
      const gender = id.startsWith(UNNAMED) ? genderOfNoun(id.slice(UNNAMED.length))
        : own ? TITLED_GENDER.get(id.slice(SCRIPT_ID.length).split(' ')[0]) ?? 'any' : genderOf(this.#cast.character(id)?.pronouns);
      recent = { characterId: id, gender, role };
      this.#recents.set(key, recent);
    }
    return recent;
  }

  /**
   * After a cue: the speaker, and the people the narration put on stage just before, are who a
   * pronoun of the next narration can be. A name said inside the dialogue is no one's referent.
   */
  spoke(speakerId: string, onStage: readonly Recent[]): void {
    let bySpeaker = this.#spoken.get(onStage);
    if (!bySpeaker) this.#spoken.set(onStage, bySpeaker = new Map());
    let list = bySpeaker.get(speakerId);
    if (!list) {
      const speaker = this.#recent(speakerId, 'subject');
      const others = onStage.filter((r) => r.characterId !== speakerId).map((r) => this.#recent(r.characterId, r.role === 'stage' ? 'stage' : 'earlier'));
      list = this.#listOf([speaker, ...others.filter((r, i) => others.findIndex((o) => o.characterId === r.characterId) === i)]);
      bySpeaker.set(speakerId, list);
    }
    this.#previous = list;
  }

  #referents(tokens: Tokens, from: number, to: number, mentionAt: ReadonlyMap<number, Mention>,
    sentenceSoFar: readonly Recent[], unnamed: Recent[], speakerId?: string, subject?: Recent): readonly Referent[] {
    const found: Referent[] = [];
    const inClause: Recent[] = subject ? [subject] : [];
    // A subject pronoun is never a name of its own clause ("She squeezes Cassie's hand"), wherever
    // in the clause the name stands: the clause's names, before the pronouns are read.
    let named: Recent[] | undefined;
    for (let i = from; i < to; i++) {
      const mention = mentionAt.get(i);
      if (mention) {
        found.push({ tokenStart: i, tokenEnd: mention.tokenEnd, start: mention.start, end: mention.end, characterId: mention.characterId, kind: 'name', mention });
        inClause.push(this.#recent(mention.characterId));
        i = mention.tokenEnd - 1;
        continue;
      }
      if (!tokens.isWord(i)) continue;
      const titled = titledPerson(tokens, i, to, mentionAt);
      if (titled) {
        // "Mrs. Shore": a person the canon does not know, but a candidate for "she" all the same.
        found.push({ tokenStart: i, tokenEnd: titled.end, start: tokens.start(i), end: tokens.end(titled.end - 1), characterId: titled.id, kind: 'name' });
        inClause.push(this.#recent(titled.id));
        i = titled.end - 1;
        continue;
      }
      // Most words are none of these: nothing is made for them.
      const word = tokens.word(i);
      // (Not an owner: "warm from the man's hands" does not put the man on stage.)
      if (newPerson(tokens, i, from, to)) {
        // "A nurse", "the old porter", "her mother": a person no name stands for. No referent (no
        // rule reads them), but a candidate for the pronouns after them: nobody the reader knows.
        const person = this.#recent(UNNAMED + word);
        inClause.push(person);
        unnamed.push(person);
        continue;
      }
      if (speakerId && (word === 'i' || word === 'me' || word === 'myself')) {
        found.push({ tokenStart: i, tokenEnd: i + 1, start: tokens.start(i), end: tokens.end(i), characterId: speakerId, kind: 'pronoun' });
      } else if (SHE.has(word) || HE.has(word) || word === 'his') {
        const gender: Gender = SHE.has(word) ? 'she' : 'he';
        // "Kitty misses her elder sister": a possessive before a noun is most often the clause's
        // subject's, so it is not kept from the names of its clause as an object is.
        const possessive = word === 'his' || (word === 'her' && possessiveAt(tokens, i + 1, to));
        const own = possessive ? onlyOne(gender, NOBODY, namedOnly(inClause), NOBODY) : null;
        const exclude = word.endsWith('self') || possessive ? NOBODY : OBJECT_PRONOUNS.has(word) ? inClause
          : (named ??= namesIn(tokens, from, to, mentionAt).map((id) => this.#recent(id)));
        // A possessive is most often its sentence's subject's: someone the sentence puts on stage
        // by a noun ("thinking of his cousin, and of his father") does not compete with a name for it.
        const resolved = own !== null ? own
          : possessive ? this.#resolve(gender, namedOnly(sentenceSoFar), namedOnly(inClause), exclude)
          : this.#resolve(gender, sentenceSoFar, inClause, exclude, OBJECT_PRONOUNS.has(word));
        // A pronoun for someone no name stands for ("She checks the drip", the nurse) is nobody canon knows.
        const id = resolved?.startsWith(UNNAMED) ? undefined : resolved;
        found.push({ tokenStart: i, tokenEnd: i + 1, start: tokens.start(i), end: tokens.end(i), characterId: id, kind: 'pronoun' });
      } else if (INDEFINITES.has(word) && !verbAfterSubject(tokens, i, found)) {
        found.push({ tokenStart: i, tokenEnd: i + 1, start: tokens.start(i), end: tokens.end(i), kind: 'indefinite' });
      }
    }
    return exact(found);
  }

  /** The one character of the gender named in the sentence so far (then in the clause), else in the sentence before. */
  #resolve(gender: Gender, sentenceSoFar: readonly Recent[], inClause: readonly Recent[], exclude: readonly Recent[], object = false): string | undefined {
    const here = onlyOne(gender, exclude, sentenceSoFar, inClause);
    if (here !== null) {
      // Someone this sentence only mentions ("Marley's face flickers in the knocker as he passes")
      // does not outrank the last sentence's subject: where both fit, nobody is meant. An object
      // pronoun, kept from its own clause's subject, is the one other person its sentence named
      // ("Caliban knocks Trinculo off his root and beats him").
      if (here === undefined || object || sentenceSoFar.some((r) => r.characterId === here && r.role === 'subject')) return here;
      const before = this.#previous.find((r) => r.role === 'subject' && fits(r, gender) && !excluded(exclude, r.characterId));
      return before && before.characterId !== here ? undefined : here;
    }
    for (const r of this.#previous) {
      if (r.role === 'subject' && fits(r, gender) && !excluded(exclude, r.characterId)) return r.characterId;
    }
    const before = scanFor(gender, exclude, this.#previous, null, false);
    if (before !== null) return before;
    // Nobody in the last two sentences fits: the one person of the scene who does, if only one.
    // (Nobody in the clause fits either: the sentence so far and the clause were asked first.)
    const staged = scanFor(gender, exclude, this.#previous, null, true);
    return staged === null ? undefined : staged;
  }
}

/**
 * The one character of the gender in the pools (not excluded): null where there is none,
 * undefined where there are several. A plain loop: it runs for every pronoun of every script.
 */
function onlyOne(gender: Gender, exclude: readonly Recent[], first: readonly Recent[], second: readonly Recent[]): string | undefined | null {
  const inFirst = scanFor(gender, exclude, first, null);
  return inFirst === undefined ? undefined : scanFor(gender, exclude, second, inFirst);
}

/**
 * The one character of the pool that fits (null: none; undefined: several), counting `found`.
 * `staged`, where given, asks only those only on stage (true) or only those in view (false): a
 * test per entry, not a filtered copy of the list at every pronoun.
 */
function scanFor(gender: Gender, exclude: readonly Recent[], pool: readonly Recent[], found: string | null, staged?: boolean): string | undefined | null {
  for (const r of pool) {
    if (staged !== undefined && (r.role === 'stage') !== staged) continue;
    if (!fits(r, gender) || excluded(exclude, r.characterId)) continue;
    if (found === null) found = r.characterId;
    else if (found !== r.characterId) return undefined;
  }
  return found;
}

function fits(r: Recent, gender: Gender): boolean {
  return r.gender === gender || r.gender === 'any';
}

/** The id of a person no name stands for, by their noun: "unnamed:nurse". Never a referent's. */
const UNNAMED = 'unnamed:';

/** How many people named earlier in a scene stay on stage as candidates. */
const MAX_STAGED = 6;

/**
 * Whether an indefinite word is the verb of the person just before it: "Quince hands out the
 * parts" (a verb), not "hands grab her from behind" (someone unseen).
 */
function verbAfterSubject(tokens: Tokens, i: number, found: readonly Referent[]): boolean {
  const before = found[found.length - 1];
  if (before?.tokenEnd === i) return presentVerbAt(tokens, i);
  const word = tokens.wordAt(i - 1);
  return (word === 'she' || word === 'he' || word === 'who') && presentVerbAt(tokens, i);
}

/** The people of a list who have names: the list itself where all have (the usual case). */
function namedOnly(people: readonly Recent[]): readonly Recent[] {
  return people.some((r) => r.characterId.startsWith(UNNAMED)) ? people.filter((r) => !r.characterId.startsWith(UNNAMED)) : people;
}

const DETERMINERS = new Set(['a', 'an', 'the', 'another', 'one', 'some', 'her', 'his', 'their', 'my', 'your', 'our', 'that', 'this', 'its']);

/**
 * "A nurse comes in", "the night nurse", "an old, tired porter": a noun for a person after a
 * determiner (up to three words before it) puts someone on stage, where it is not a name's
 * apposition ("Darcy, her younger brother") or what "be" makes someone ("Ramon is a student"), not
 * an owner ("warm from the man's hands"), and, for a word mostly an adjective, where a verb follows
 * ("the principal walks in", not "the brave one").
 */
function newPerson(tokens: Tokens, at: number, from: number, to: number): boolean {
  const kind = personNoun(tokens.word(at));
  if (kind === undefined) return false;
  const next = at + 1 < to ? tokens.wordAt(at + 1) : undefined;
  if (next === "'s") return false;
  if (kind === 'adjective' && (next === undefined || !finiteForm(next) || !canBeVerb(next))) return false;
  const determiner = determinerBefore(tokens, at, from);
  if (determiner < 0) return false;
  const before = determiner - 1;
  if (before < from) return true;
  if (tokens.kind(before) === 'comma') return !tokens.isWord(before - 1) || !tokens.capitalized(before - 1);
  return !(tokens.isWord(before) && (isBe(tokens.word(before)) || tokens.word(before) === 'as'));
}

/** Where the determiner of the noun at `at` stands (up to three words before it, only words between), or -1. */
function determinerBefore(tokens: Tokens, at: number, from: number): number {
  for (let i = at - 1; i >= Math.max(from, at - 4); i--) {
    if (tokens.kind(i) === 'comma') continue;
    if (!tokens.isWord(i)) return -1;
    if (DETERMINERS.has(tokens.word(i))) return i;
  }
  return -1;
}

/** A list's key: who, and in what role. */
export function recentKey(people: readonly Recent[]): string {
  return people.map((r) => (r.role === 'named' ? r.characterId : `${r.characterId}/${r.role[0]}`)).join('\u0000');
}

const BEFORE_SUBJECT = new Set(['then', 'now', 'suddenly', 'finally', 'still', 'later', 'meanwhile', 'again', 'and', 'but']);

/**
 * The subject of a sentence, from its first clause: the person it opens with (after a few words
 * such as "then" or "slowly,"), not one who owns what the sentence is about ("Cassie's mother").
 */
function subjectOf(tokens: Tokens, from: number, referents: readonly Referent[]): Referent | undefined {
  const first = referents[0];
  if (!first || !first.characterId || first.kind === 'indefinite') return undefined;
  // "Cassie's hand turns over in his": the one whose hand acts is who the sentence is about.
  if (tokens.wordAt(first.tokenEnd) === "'s" && !isActingPart(tokens.wordAt(first.tokenEnd + 1) ?? '')) return undefined;
  // "Her mother arrives": a possessive before a noun owns the subject; it is not the subject.
  const word = tokens.word(first.tokenStart);
  if (first.kind === 'pronoun' && (word === 'her' || word === 'his') && possessiveAt(tokens, first.tokenEnd, tokens.length)) return undefined;
  for (let i = from; i < first.tokenStart; i++) {
    if (tokens.kind(i) === 'comma') continue;
    const word = tokens.word(i);
    if (!tokens.isWord(i) || (!BEFORE_SUBJECT.has(word) && !word.endsWith('ly'))) return undefined;
  }
  return first;
}

function excluded(exclude: readonly Recent[], characterId: string): boolean {
  for (const e of exclude) if (e.characterId === characterId) return true;
  return false;
}

const NOT_AFTER_POSSESSIVE = new Set(['the', 'a', 'an', 'to', 'off', 'on', 'in', 'into', 'out', 'up', 'down', 'over', 'away', 'back',
  'from', 'with', 'at', 'by', 'for', 'of', 'and', 'or', 'but', 'as', 'that', 'this', 'through', 'across', 'around', 'again', 'too']);

/** Whether the word after "her" makes it a possessive ("her hand", "her elder sister"), not an object ("her off", "her the letter"). */
function possessiveAt(tokens: Tokens, next: number, to: number): boolean {
  const word = next < to ? tokens.wordAt(next) : undefined;
  return word !== undefined && !NOT_AFTER_POSSESSIVE.has(word) && !tokens.capitalized(next);
}

/** The people a clause names, by mention or by title ("Mrs. Shore"), in order. */
function namesIn(tokens: Tokens, from: number, to: number, mentionAt: ReadonlyMap<number, Mention>): string[] {
  const ids: string[] = [];
  for (let i = from; i < to; i++) {
    const mention = mentionAt.get(i);
    if (mention) {
      ids.push(mention.characterId);
      i = mention.tokenEnd - 1;
      continue;
    }
    if (!tokens.isWord(i)) continue;
    const titled = titledPerson(tokens, i, to, mentionAt);
    if (titled) {
      ids.push(titled.id);
      i = titled.end - 1;
    }
  }
  return ids;
}

const DATED = new Set(['last', 'ago', 'yesterday', 'earlier', 'previously', 'formerly']);

/** Where a passage's first sentence names a time gone by ("Last spring's showcase", "Two years ago."): the word's index, or -1. */
function datedOpening(tokens: Tokens): number {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens.endsSentence(i)) return -1;
    const word = tokens.wordAt(i);
    if (word !== undefined && DATED.has(word)) return i;
  }
  return -1;
}

const PLAYING = new Set(['play', 'show', 'replay', 'loop', 'display', 'flicker', 'run', 'stream', 'rewind', 'freeze', 'pause']);

/** Whether a clause sets a screen or a record playing: a screen word, and a verb of playing or a colon after it. */
function playsMedia(tokens: Tokens, from: number, to: number): boolean {
  // The screen word first, with a set look-up per word: most clauses have none, and need no verb
  // looked up at all.
  let media = false;
  for (let i = from; i < to && !media; i++) {
    const word = tokens.wordAt(i);
    if (word !== undefined && isMediaWord(word)) media = true;
  }
  if (!media) return false;
  if (to < tokens.length && tokens.word(to) === ':') return true;
  for (let i = from; i < to; i++) {
    const word = tokens.wordAt(i);
    if (word !== undefined && baseForms(word).some((f) => PLAYING.has(f))) return true;
  }
  return false;
}

function hasStopBetween(tokens: Tokens, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (tokens.endsSentence(i)) return true;
  return false;
}

const SHARING_OPENERS = new Set(['and', 'then', 'but', 'or']);
/** Prepositions whose object may be part of a longer description of someone else: "the son of Portia". */
const OF_PHRASE = new Set(['of', 'by', 'to', 'for', 'from', 'with']);
const CLEFT = new Set(['the', 'one', 'only', 'person', 'girl', 'boy', 'woman', 'man']);
const NOT_A_VERB = new Set(['again', 'nobody', 'no', 'not', 'never', 'so', 'the', 'a', 'an', 'her', 'his', 'their', 'then',
  'now', 'still', 'also', 'everyone', 'everybody', 'nothing', 'someone', 'somebody', 'yet', 'there', 'here', 'that', 'this',
  'it', 'they', 'we', 'you', 'i', 'she', 'he', 'forth', 'over', 'out', 'back']);

/**
 * "Kai walks up behind her and shoves her off the roof": a clause that starts with its verb shares
 * the subject of the clause before it. The subject stands in for the conjunction, so patterns that
 * begin with a slot still read it.
 */
/**
 * "With the candles lit, Friar John lifts his hand ... and marries them": a name after an opening
 * phrase and its comma, with a verb in the present right after it, is the subject all the same.
 */
function afterOpeningPhrase(tokens: Tokens, subject: Referent, to: number, from = subject.tokenStart): boolean {
  if (subject.kind !== 'name' || subject.tokenEnd >= to) return false;
  // "After class Bette stays behind": a short time or place phrase needs no comma.
  const short = subject.tokenStart - from <= 3 && OPENING_WORDS.has(tokens.wordAt(from) ?? '');
  if (tokens.kind(subject.tokenStart - 1) !== 'comma' && !short) return false;
  return presentVerbAt(tokens, subject.tokenEnd) && !NOT_A_VERB.has(tokens.word(subject.tokenEnd));
}

/** Words that open a short phrase of time or place before a subject, with no comma: "After class", "That night", "At the barre". */
const OPENING_WORDS = new Set(['after', 'before', 'at', 'by', 'in', 'on', 'during', 'that', 'this', 'next', 'later', 'tonight', 'today',
  'upstairs', 'downstairs', 'outside', 'inside', 'afterwards', 'meanwhile', 'overnight']);

function sharedSubject(tokens: Tokens, c: { from: number; to: number; opener?: string }, referents: readonly Referent[],
  previous: Clause | undefined, earlier: readonly Clause[]): Referent | undefined {
  if (!previous || !c.opener || c.from === 0) return undefined;
  // A cleft first: in "It is Delia, and not Bette, who pushes her" the "who" is Delia's, not the nearest name's.
  if (c.opener === 'who') return cleftAt(tokens, c.from - 1) !== undefined ? cleftSubject(tokens, c, referents, earlier) : relativeSubject(tokens, c, referents, previous);
  if (c.opener === RESUMES) return resumedSubject(tokens, c, previous, earlier);
  if (!SHARING_OPENERS.has(c.opener)) return undefined;
  // "and then blinks": the verb may follow a "then"; "and, in front of the mirror, steps into her
  // place": or a phrase set off by commas that opens on a preposition.
  const aside = asideAfterOpener(tokens, c.from, c.to);
  const start = aside ?? c.from;
  const first = tokens.wordAt(start) === 'then' && start + 1 < c.to ? start + 1 : start;
  const firstWord = tokens.wordAt(first);
  if (firstWord === undefined || tokens.capitalized(first) || NOT_A_VERB.has(firstWord) || referents.some((r) => r.tokenStart === c.from)) return undefined;
  // A verb that shares a subject agrees with it: "and shoves", "and shoved"; "tubes and tape"
  // joins nouns of a list, for no verb of one person stands bare.
  if (!finiteForm(firstWord)) return undefined;
  if (!tokens.isWord(c.from - 1) || previous.to !== c.from - 1) return undefined;
  const subject = previous.referents[0];
  if (subject && tokens.wordAt(subject.tokenEnd) === "'s") return undefined;
  // "Cassie, pale and bruised, is wheeled past": the "and" joins words of a description set off by
  // commas, not two things Cassie does; nor does "Cassie in the bed, a tangle of tubes and wires"
  // say anything she does: with no verb after its subject, the clause has no subject to share.
  if (subject && (openInsertion(tokens, subject.tokenEnd, previous.to) || !verbFollows(tokens, subject.tokenEnd, previous.to))) return undefined;
  if (!subject || !(subject.tokenStart === previous.from || afterOpeningPhrase(tokens, subject, previous.to, previous.from))
    || !subject.characterId && subject.kind !== 'indefinite') return undefined;
  // Verbs joined by "and" share their tense: after "Cassie lies there, pale", "and bruised under
  // the tape" is a participle of the description, not a second thing she did.
  const verb = subject && verbAfter(tokens, subject.tokenEnd, previous.to);
  if (verb !== undefined && tenseOf(tokens.word(verb)) === 'present' && tenseOf(firstWord) === 'past') return undefined;
  const opener = c.from - 1;
  return standingFor(subject, tokens, opener);
}

/** Words that open a phrase set off by commas after "and": "and, in front of the mirror, steps". */
const ASIDE_OPENERS = new Set(['in', 'on', 'at', 'with', 'without', 'after', 'before', 'for', 'from', 'under', 'over', 'behind', 'beside',
  'through', 'across', 'against', 'into', 'by', 'near', 'past', 'once', 'slowly', 'quietly', 'carefully', 'suddenly', 'finally', 'then']);

/** Where the clause goes on after "and, in front of the mirror," (the token after the aside's closing comma), if it opens so. */
function asideAfterOpener(tokens: Tokens, from: number, to: number): number | undefined {
  if (tokens.kind(from) !== 'comma' || !ASIDE_OPENERS.has(tokens.wordAt(from + 1) ?? '')) return undefined;
  for (let i = from + 2; i < to - 1 && i < from + 16; i++) {
    if (tokens.kind(i) === 'comma') return tokens.isWord(i + 1) ? i + 1 : undefined;
    if (!tokens.isWord(i)) return undefined;
  }
  return undefined;
}

/**
 * The subject of the clause a subordinate clause interrupted, for the verb after it: "Montano"
 * in "Montano, when the general turns away, strips Cassio", "who" (Montano) in "It is Montano
 * who, when the general turns away, strips Cassio". The interrupted clause ends at the comma
 * before the subordinate clause's opener and holds nothing but its subject.
 */
function resumedSubject(tokens: Tokens, c: { from: number }, previous: Clause, earlier: readonly Clause[]): Referent | undefined {
  // The interrupting clause, with what "and" added to it ("who has come up ... and lost her way").
  let k = earlier.length - 1;
  while (k > 0 && earlier[k].opener === 'and') k--;
  const interrupting = earlier[k];
  const interrupted = earlier[k - 1];
  // The interrupted clause ends with the comma before the interrupting clause's opener.
  if (!interrupting || !interrupted) return undefined;
  // (A clause whose subject "who" stands for starts at its opener.)
  const opener = tokens.wordAt(interrupting.from) === interrupting.opener ? interrupting.from : interrupting.from - 1;
  if (interrupted.to !== opener || tokens.kind(interrupted.to - 1) !== 'comma') return undefined;
  let subject: Referent | undefined;
  if (interrupted.opener === 'who' && interrupted.from === interrupted.to - 1) {
    // "who ," alone: the person "who" stands for, as a relative clause's verb would have had it.
    const before = earlier[k - 2];
    subject = before && (antecedentOf(tokens, interrupted.from - 1, before) ?? cleftAntecedent(tokens, interrupted.from - 1, earlier));
  } else {
    // Nothing but the subject in the interrupted clause, after an adverb: "Montano ,", "Then Bianca ,".
    const named = interrupted.referents[0];
    let first = interrupted.from;
    while (first < interrupted.to && LEADING_ADVERBS.has(tokens.wordAt(first) ?? '')) first++;
    if (named?.kind === 'name' && named.tokenStart === first && named.tokenEnd === interrupted.to - 1) subject = named;
  }
  return subject?.characterId ? standingFor(subject, tokens, c.from - 1) : undefined;
}

const LEADING_ADVERBS = new Set(['then', 'now', 'suddenly', 'finally', 'and', 'but', 'meanwhile', 'still']);

/** The tense a finite verb shows by its form, where it shows one: "lies" present, "shoved" past. */
function tenseOf(word: string): 'present' | 'past' | undefined {
  if (word === 'is' || word === 'are' || word === 'am' || word === 'has' || word === 'does') return 'present';
  if (isPastForm(word)) return 'past';
  if (word.endsWith('s') && !word.endsWith('ss') && baseForms(word).some((b) => b !== word && canBeVerb(b))) return 'present';
  return undefined;
}

const BETWEEN_SUBJECT_AND_VERB = new Set(['then', 'still', 'also', 'just', 'again', 'now', 'even', 'finally', 'suddenly', 'already', 'soon', 'slowly', 'quietly']);

/** Whether a verb stands after a subject (past adverbs and an aside set off by commas). */
function verbFollows(tokens: Tokens, at: number, to: number): boolean {
  return verbAfter(tokens, at, to) !== undefined;
}

/** Where the verb after a subject stands (past adverbs and an aside set off by commas), if one does. */
function verbAfter(tokens: Tokens, at: number, to: number): number | undefined {
  let i = at;
  if (i < to && tokens.kind(i) === 'comma') {
    i++;
    while (i < to && tokens.kind(i) !== 'comma') i++;
    i++;
  }
  while (i < to && tokens.isWord(i) && (BETWEEN_SUBJECT_AND_VERB.has(tokens.word(i)) || tokens.word(i).endsWith('ly'))) i++;
  const word = tokens.wordAt(i);
  return i < to && word !== undefined && canBeVerb(word) ? i : undefined;
}

/** A comma right after the subject that no second comma closes before `to`. */
function openInsertion(tokens: Tokens, after: number, to: number): boolean {
  if (after >= to || tokens.kind(after) !== 'comma') return false;
  for (let i = after + 1; i < to; i++) if (tokens.kind(i) === 'comma') return false;
  return true;
}

/** "Bette is the one who shoves Cassie": "who" stands for the last person named before it. */
function relativeSubject(tokens: Tokens, c: { from: number }, referents: readonly Referent[], previous: Clause): Referent | undefined {
  const first = tokens.wordAt(c.from);
  if (first === undefined || tokens.capitalized(c.from) || NOT_A_VERB.has(first) || referents.some((r) => r.tokenStart === c.from)) return undefined;
  return antecedentOf(tokens, c.from - 1, previous);
}

/** The person the "who" at token `who` stands for: the last person named in the clause before it, right before it. */
function antecedentOf(tokens: Tokens, who: number, previous: Clause): Referent | undefined {
  const c = { from: who + 1 };
  const antecedent = previous.referents[previous.referents.length - 1];
  if (!antecedent || antecedent.kind !== 'name' || previous.to !== c.from - 1) return undefined;
  // "young Cato, Brutus's son by Portia, who has his mother's eyes": a name after a preposition may
  // be what "who" stands for or only part of a longer name for someone else; a reader cannot say.
  if (OF_PHRASE.has(tokens.wordAt(antecedent.tokenStart - 1) ?? '') && describedBefore(tokens, previous, antecedent)) return undefined;
  // The antecedent stands right before "who", or is the subject of a cleft: "Bette is the one who",
  // with at most a short aside between commas ("it is Peter, of all people, who").
  for (let i = antecedent.tokenEnd; i < c.from - 1; i++) {
    const word = tokens.word(i);
    if (tokens.kind(i) === 'comma' && i + 1 < c.from - 1) {
      const close = asideClose(tokens, i, c.from - 1);
      if (close > 0) {
        i = close;
        continue;
      }
    }
    if (tokens.kind(i) !== 'comma' && !CLEFT.has(word) && !isBe(word)) return undefined;
  }
  return standingFor(antecedent, tokens, who);
}

/**
 * Whether a name earlier in the clause (canon's or not: a capitalised word) has a description set
 * off by a comma that reaches `named`: "Cato, Brutus's son by Portia", "June, the understudy to Cassie".
 */
function describedBefore(tokens: Tokens, clause: Clause, named: Referent): boolean {
  let comma = -1;
  for (let i = named.tokenStart - 1; i >= clause.from && comma < 0; i--) if (tokens.kind(i) === 'comma') comma = i;
  for (let i = clause.from; i < comma; i++) if (tokens.isWord(i) && tokens.capitalized(i)) return true;
  return false;
}

/**
 * "It is Lennox, in the end, who breaks the news": a cleft names its subject right after "it is",
 * whatever aside stands between the name and its "who".
 */
/** Where a short aside opened by the comma at `open` closes, with the comma right before `to`: else 0. */
function asideClose(tokens: Tokens, open: number, to: number): number {
  if (tokens.kind(to - 1) !== 'comma' || to - 1 - open > 5) return 0;
  for (let i = open + 1; i < to - 1; i++) if (!tokens.isWord(i)) return 0;
  return to - 1;
}

function cleftSubject(tokens: Tokens, c: { from: number }, referents: readonly Referent[], earlier: readonly Clause[]): Referent | undefined {
  const first = tokens.wordAt(c.from);
  if (first === undefined || tokens.capitalized(c.from) || NOT_A_VERB.has(first) || referents.some((r) => r.tokenStart === c.from)) return undefined;
  return cleftAntecedent(tokens, c.from - 1, earlier);
}

/**
 * The subject of the cleft whose "who" stands at token `who`: "It is Lennox, in the end, who",
 * "It is June, then, and not Neveah, who", "so when the doctor nods, it is she who". The cleft's
 * "it is" stands in the same sentence before the "who", with no other "who" between.
 */
function cleftAntecedent(tokens: Tokens, who: number, earlier: readonly Clause[]): Referent | undefined {
  const start = cleftStart(tokens, who);
  if (start === undefined) return undefined;
  for (const clause of earlier) {
    const named = clause.referents.find((r) => r.tokenStart === start + 2 && (r.kind === 'name' || r.kind === 'pronoun'));
    // "It is Delia's mother who calls": the one owning the focus is not it.
    if (named) return tokens.wordAt(named.tokenEnd) === "'s" ? undefined : standingFor(named, tokens, who);
  }
  return undefined;
}

/** Where the "it is" of a cleft stands in the sentence before the "who" at `who`, with no other "who" between. */
function cleftStart(tokens: Tokens, who: number): number | undefined {
  let start = who - 1;
  while (start > 0 && !tokens.endsSentence(start - 1) && !(tokens.wordAt(start) === 'it' && isBe(tokens.wordAt(start + 1) ?? ''))) start--;
  if (tokens.wordAt(start) !== 'it' || !isBe(tokens.wordAt(start + 1) ?? '')) return undefined;
  for (let i = start + 2; i < who; i++) if (tokens.isWord(i) && tokens.word(i) === 'who') return undefined;
  return start;
}

/**
 * Where the "it is" stands of the cleft the "who" at `who` closes ("It is June, then, and not
 * Neveah, who"), if it closes one: its person is the cleft's, known or not, never the nearest name
 * before it. Only where the focus is a person word right after the "it is" (a name, a pronoun, or
 * a capitalised word): "it is the night Delia, who..." is no cleft of Delia's.
 */
function cleftAt(tokens: Tokens, who: number): number | undefined {
  const start = cleftStart(tokens, who);
  return start !== undefined && tokens.isWord(start + 2) && (tokens.capitalized(start + 2) || PERSONAL.has(tokens.word(start + 2))) ? start : undefined;
}

const PERSONAL = new Set(['she', 'he', 'her', 'him', 'they', 'them', 'i', 'me', 'you', 'we', 'us']);

/**
 * The word at `at` ("and", "who") standing for a person named before it. Written out field by
 * field: a spread copy of the referent, then a field added, gave each such referent a hidden class
 * of its own in V8, some 300 bytes more apiece, kept with the passage's reading.
 */
function standingFor(named: Referent, tokens: Tokens, at: number): Referent {
  return {
    tokenStart: at, tokenEnd: at + 1, start: tokens.start(at), end: tokens.end(at), characterId: named.characterId, kind: named.kind,
    mention: named.mention, sharedFrom: named,
  };
}

const TITLED_GENDER = new Map<string, Gender>([['MRS', 'she'], ['MS', 'she'], ['MISS', 'she'], ['MADAME', 'she'], ['MR', 'he'], ['MISTER', 'he']]);

/**
 * The titles in capitals by their word as tokens hold it (lowercase): a look-up per word of every
 * clause, with no string made and no cache of every word of the script kept. (Their gender goes
 * with the person's id: ClauseReader reads it from there.)
 */
const TITLES_BY_WORD = new Map([...TITLED_GENDER.keys()].map((title) => [title.toLowerCase(), title]));

function titleOf(word: string): string | undefined {
  return TITLES_BY_WORD.get(word);
}

/** "Mrs. Shore", "Mr. Kapoor": a title and a capitalised name the canon does not hold. */
function titledPerson(tokens: Tokens, i: number, to: number, mentionAt: ReadonlyMap<number, Mention>): { end: number; id: string } | undefined {
  const titled = titleOf(tokens.word(i));
  const next = tokens.wordAt(i + 1);
  if (!titled || next === undefined || i + 1 >= to || !tokens.capitalized(i + 1) || mentionAt.has(i + 1)) return undefined;
  return { end: i + 2, id: `${SCRIPT_ID}${titled} ${next.toUpperCase()}` };
}
