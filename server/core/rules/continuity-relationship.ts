import type { Relation } from '../canon/model';
import type { Finding } from '../finding';
import { moodOf } from '../story/mood';
import { happeningOfWord } from '../story/reading';
import { baseOf, type ClauseInfo, type Script } from '../story/script';
import { type Item, ROMANTIC_KINDS, hasWordIn, items, personOf, relationSentence, relationsBetween, sentenceWords, wordOf, writtenWord } from './claims';
import type { ClauseRule } from './rule';
import { certainlyPast, characterName, cite, eventName, markDivergence } from './support';

/** Auxiliaries after which "not" denies backstory ("hadn't kissed"); "doesn't kiss" is a scene event. */
const PAST_AUX = new Set(['did', 'had', 'has', 'have', 'was', 'were']);
/** Words that may stand between the negation and the relation word: "never been in a relationship with". */
const FILLER = new Set(['been', 'had', 'have', 'has', 'gone', 'a', 'an', 'any', 'really', 'actually', 'once', 'ever', 'even',
  'romantically', 'properly', 'truly', 'officially', 'in', 'so', 'much', 'as']);
const KISS = new Set(['kiss', 'kissed', 'kissing']);
const ROMANCE = new Set(['date', 'dated', 'dating', 'relationship', 'with', 'involved', 'together', 'affair', 'lover', 'lovers',
  'girlfriend', 'boyfriend', 'partner', 'partners', 'couple', 'sweethearts', 'sweetheart', 'item']);
const FRIENDSHIP = new Set(['friends', 'friend', 'friendly', 'close']);
/** "never been anything but teacher and student": whatever follows, it is not what canon says they were. */
const ANYTHING_BUT = 'anything';
const MEET = new Set(['met', 'meet']);

interface Denial {
  readonly a: Item;
  readonly b: Item;
  readonly word: Item;
  /** Denied as a romance whatever the word ("never been hers"). */
  readonly romance?: true;
  /** Token index of the negation, for its mood. */
  readonly at: number;
}

/** Where the clause denies something with "never", or "not" after a past auxiliary: the item index. */
function negationAt(its: readonly Item[]): number {
  for (let k = 0; k < its.length; k++) {
    const w = wordOf(its[k]);
    if (w === 'never') return k;
    if (w === 'not' && PAST_AUX.has(wordOf(its[k - 1]) ?? '')) return k;
  }
  return -1;
}

function denialIn(script: Script, info: ClauseInfo): Denial | undefined {
  // A denial is about someone, and has its negation: most clauses have neither.
  if (info.clause.referents.length === 0 || !hasWordIn(info.clause, NEGATIONS)) return undefined;
  const its = items(info.clause, baseOf(script, info.passage));
  const neg = negationAt(its);
  if (neg < 0) return undefined;
  let k = neg + 1;
  while (k < its.length && FILLER.has(wordOf(its[k]) ?? '')) k++;
  // "had never once been Ramon's girlfriend": whose, then what.
  let owner: Item | undefined;
  if (personOf(its[k]) && wordOf(its[k + 1]) === "'s") {
    owner = its[k];
    k += 2;
  }
  // "Ramon has never been hers": whose, by a possessive standing alone, is the other one.
  const standalone = its[k];
  if (standalone?.kind === 'ref' && standalone.ref.kind === 'pronoun' && personOf(standalone) && OWNING.has(writtenWord(script, standalone))
    && (its[k + 1] === undefined || its[k + 1].kind === 'comma')) {
    const before = its.slice(0, neg).filter((it) => personOf(it));
    if (before.length >= 1) return { a: before[before.length - 1], b: standalone, word: standalone, at: its[neg].index, romance: true };
  }
  const word = its[k];
  const w = wordOf(word);
  const anythingBut = w === ANYTHING_BUT && wordOf(its[k + 1]) === 'but';
  // "There had never been anything between him and Delia": the two after "between".
  if (w === ANYTHING_BUT && wordOf(its[k + 1]) === 'between') {
    const a = its[k + 2];
    const b = its[k + 4];
    if (personOf(a) && wordOf(its[k + 3]) === 'and' && personOf(b)) return { a, b, word, at: its[neg].index };
    return undefined;
  }
  if (!w || !(KISS.has(w) || ROMANCE.has(w) || MEET.has(w) || FRIENDSHIP.has(w) || anythingBut)) return undefined;
  const before = its.slice(0, neg).filter((it) => personOf(it));
  if (owner && before.length >= 1) return { a: before[before.length - 1], b: owner, word, at: its[neg].index };
  const afterRef = anythingBut ? undefined : its.slice(k + 1, k + 4).find((it) => personOf(it));
  // "A and B never had an affair" or "A never kissed B".
  const pairBefore = before.length >= 2 && wordOf(its[its.indexOf(before[before.length - 1]) - 1]) === 'and';
  if (pairBefore && !afterRef) return { a: before[before.length - 2], b: before[before.length - 1], word, at: its[neg].index };
  if (before.length >= 1 && afterRef) return { a: before[before.length - 1], b: afterRef, word, at: its[neg].index };
  return undefined;
}

const NEGATIONS: ReadonlySet<string> = new Set(['never', 'not']);
/** Possessives that stand alone for their owner: "never been hers". */
const OWNING = new Set(['hers', 'his']);

/** The canon relations the denial contradicts, by the word it uses. */
function contradicted(script: Script, a: string, b: string, word: string): Relation | undefined {
  const relations = relationsBetween(script, a, b);
  if (KISS.has(word)) return relations.find((r) => r.kind === 'kissed' || r.kind === 'affair' || r.kind === 'dating');
  if (ROMANCE.has(word) || word === ANYTHING_BUT) return relations.find((r) => ROMANTIC_KINDS.has(r.kind) && r.kind !== 'married');
  if (FRIENDSHIP.has(word)) return relations.find((r) => r.kind === 'friend');
  return relations[0];
}

/** Verbs that start a romance: "started seeing", "began dating", "got together with". */
const STARTS = new Set(['started', 'start', 'starts', 'starting', 'began', 'begin', 'begins', 'beginning']);
const COURTING = new Set(['seeing', 'dating', 'courting', 'sleeping']);

/**
 * "Ramon only started seeing Delia after things with Cassie ended": a romance started after
 * another of the same person's, where canon orders them the other way (a relation's `before`).
 * The later romance is named in the clause; the earlier after "after", in the same sentence.
 */
function orderFinding(script: Script, info: ClauseInfo): Finding | undefined {
  const { clause } = info;
  if (clause.referents.length < 2 || !hasWordIn(clause, STARTS)) return undefined;
  const its = items(clause, baseOf(script, info.passage));
  const k = its.findIndex((it) => STARTS.has(wordOf(it) ?? ''));
  if (k < 1 || !COURTING.has(wordOf(its[k + 1]) ?? '')) return undefined;
  const a = its.slice(0, k).reverse().find((it) => personOf(it) !== undefined);
  const b = its[k + 2]?.kind === 'ref' ? its[k + 2] : wordOf(its[k + 2]) === 'with' && its[k + 3]?.kind === 'ref' ? its[k + 3] : undefined;
  const idA = a && personOf(a);
  const idB = b && personOf(b);
  if (!a || !b || !idA || !idB || idA === idB) return undefined;
  if (moodOf(happeningOfWord(clause, its[k].index)) === 'irrealis') return undefined;
  // "after" in the rest of the sentence, then the one named within a few words of it.
  const { tokens } = clause;
  let after = -1;
  for (let i = b.index + 1; i < tokens.length && !tokens.endsSentence(i - 1); i++) {
    if (tokens.wordAt(i) === 'after') {
      after = i;
      break;
    }
  }
  if (after < 0) return undefined;
  const mention = script.passages[info.passage].mentions.find((m) => m.tokenStart > after && m.tokenStart <= after + 4);
  const idC = mention && script.cast.person(mention.characterId);
  if (!idC || idC === idA || idC === idB) return undefined;
  const later = relationsBetween(script, idA, idB).find((r) => ROMANTIC_KINDS.has(r.kind));
  const earlier = relationsBetween(script, idA, idC).find((r) => ROMANTIC_KINDS.has(r.kind));
  if (!later || !earlier || later.before !== earlier.id) return undefined;
  const span = { start: a.start, end: b.end };
  const first = characterName(script, idA);
  return {
    ruleId: rule.id,
    severity: rule.defaultSeverity,
    span,
    message: `In canon ${first} was with ${characterName(script, idB)} before ${characterName(script, idC)}.${cite(later)}`,
    fixes: [markDivergence(script, span)],
  };
}

function findingIn(script: Script, info: ClauseInfo): Finding | undefined {
  // The denial first: it reads only the clause, while the hedges read the whole sentence, and
  // reading the sentence for every clause is quadratic in a long sentence (a 1 MB line took hours).
  const denial = denialIn(script, info);
  if (!denial) return unmarriedFinding(script, info) ?? orderFinding(script, info);
  const words = sentenceWords(info.clause);
  if (words.includes('again') || words.includes('anymore') || words.join(' ').includes('no longer')) return undefined;
  if (moodOf(happeningOfWord(info.clause, denial.at)) === 'irrealis') return undefined;
  const a = personOf(denial.a);
  const b = personOf(denial.b);
  const word = denial.romance ? 'with' : wordOf(denial.word);
  if (!a || !b || !word || a === b) return undefined;
  const relation = contradicted(script, a, b, word);
  // A tie that begins at an event (a wedding) is truly denied before it: only a story certainly past it contradicts.
  if (!relation || !begun(script, info, relation)) return undefined;
  const span = { start: denial.a.start, end: Math.max(denial.word.end, denial.b.end) };
  const names: [string, string] = [characterName(script, relation.between[0]), characterName(script, relation.between[1])];
  return {
    ruleId: rule.id,
    severity: rule.defaultSeverity,
    span,
    message: `In canon ${relationSentence(names, relation)}.${cite(relation)}`,
    fixes: [markDivergence(script, span)],
  };
}

/** Whether the relation holds at the clause's clock: from before the story, or certainly past the event that begins it. */
function begun(script: Script, info: ClauseInfo, relation: Relation): boolean {
  return relation.from === undefined || certainlyPast(script, info.clock, relation.from);
}

/** Words that say someone has no spouse: "never married", "unmarried", "nobody's wife", "never been any man's wife". */
const SPOUSE_WORDS = new Set(['wife', 'husband']);

/**
 * "Juliet, thirteen and never married, drops to her knees", "Maria, still nobody's wife", "a lady
 * who has never been any man's wife": a denial that someone is married at all, where canon has
 * them married by an event the story is certainly past (a marriage before the story, with no
 * `from`, is not judged: the pack has not said when it began).
 */
function unmarriedFinding(script: Script, info: ClauseInfo): Finding | undefined {
  const { clause } = info;
  if (clause.referents.length === 0 || !hasWordIn(clause, UNMARRIED_WORDS)) return undefined;
  const its = items(clause, baseOf(script, info.passage));
  // `at`: the denial's last word; `from`: its first, whose mood says whether it is told as so.
  let at = -1;
  let from = -1;
  for (let k = 0; k < its.length && at < 0; k++) {
    const w = wordOf(its[k]);
    if (w === 'unmarried') [at, from] = [k, k];
    else if (w === 'married' || w === 'wed' || w === 'wedded') {
      // "never married", "never been married", "had not married".
      let j = k - 1;
      while (j >= 0 && FILLER.has(wordOf(its[j]) ?? '')) j--;
      const neg = wordOf(its[j]);
      if (neg === 'never' || (neg === 'not' && PAST_AUX.has(wordOf(its[j - 1]) ?? ''))) [at, from] = [k, neg === 'not' ? j - 1 : j];
    } else if (w !== undefined && SPOUSE_WORDS.has(w) && wordOf(its[k - 1]) === "'s") {
      // "nobody's wife", "no man's wife", "never been any man's wife".
      const owner = wordOf(its[k - 2]);
      const before = wordOf(its[k - 3]);
      const never = its.slice(0, k).findIndex((it) => wordOf(it) === 'never');
      if (owner === 'nobody') [at, from] = [k, k - 2];
      else if ((owner === 'one' || owner === 'man') && before === 'no') [at, from] = [k, k - 3];
      else if (owner === 'man' && before === 'any' && never >= 0) [at, from] = [k, never];
    }
  }
  if (at < 0 || moodOf(happeningOfWord(clause, its[from].index)) === 'irrealis') return undefined;
  // Who is denied a spouse: the one person before the denial, or two joined by "and" ("Romeo and
  // Juliet were never married"), denied each other.
  const person = its.slice(0, from).filter((it) => personOf(it) !== undefined);
  const pair = person.length === 2 && wordOf(its[its.indexOf(person[1]) - 1]) === 'and';
  if (person.length !== 1 && !pair) return undefined;
  const who = person[0];
  const ids = person.map((it) => personOf(it) ?? '');
  const marriage = script.pack.relations.find((r) => r.kind === 'married' && ids.every((id) => r.between.includes(id)) && r.from !== undefined
    && begun(script, info, r) && !ended(script, info, r));
  if (!marriage) return undefined;
  const span = { start: who.start, end: its[at].end };
  const names: [string, string] = [characterName(script, marriage.between[0]), characterName(script, marriage.between[1])];
  return {
    ruleId: rule.id,
    severity: rule.defaultSeverity,
    span,
    message: `In canon ${relationSentence(names, marriage)} (since ${eventName(script, marriage.from ?? '')}).${cite(marriage)}`,
    fixes: [markDivergence(script, span)],
  };
}

/** Whether the story is certainly past the event that ends the relation. */
function ended(script: Script, info: ClauseInfo, relation: Relation): boolean {
  return relation.until !== undefined && certainlyPast(script, info.clock, relation.until);
}

const UNMARRIED_WORDS: ReadonlySet<string> = new Set(['married', 'wed', 'wedded', 'unmarried', 'wife', 'husband']);

/**
 * What a clause denies, and the canon relation it contradicts, depend on the clause and the canon,
 * and, where the pack says when a tie begins or ends (`from`, `until`), on the clause's clock.
 */
export const rule: ClauseRule<true> = {
  id: 'continuity.relationship',
  description: 'Narration denies, as backstory, a relationship canon has (Ramon and Delia were in a relationship).',
  defaultSeverity: 'warning',
  scope: 'clause',
  prepare: () => true,
  readsClock: (script) => script.pack.relations.some((r) => r.from !== undefined || r.until !== undefined),
  check(script: Script, info: ClauseInfo): Finding[] {
    const finding = findingIn(script, info);
    return finding ? [finding] : [];
  },
};
