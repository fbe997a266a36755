import type { Relation } from '../canon/model';
import type { Finding } from '../finding';
import { moodOf } from '../story/mood';
import { happeningOfWord } from '../story/reading';
import { baseOf, type ClauseInfo, type Script } from '../story/script';
import { type Item, ROMANTIC_KINDS, hasWordIn, items, personOf, relationSentence, relationsBetween, sentenceWords, wordOf } from './claims';
import type { ClauseRule } from './rule';
import { characterName, cite, markDivergence } from './support';

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

/** The canon relations the denial contradicts, by the word it uses. */
function contradicted(script: Script, a: string, b: string, word: string): Relation | undefined {
  const relations = relationsBetween(script, a, b);
  if (KISS.has(word)) return relations.find((r) => r.kind === 'kissed' || r.kind === 'affair' || r.kind === 'dating');
  if (ROMANCE.has(word) || word === ANYTHING_BUT) return relations.find((r) => ROMANTIC_KINDS.has(r.kind) && r.kind !== 'married');
  if (FRIENDSHIP.has(word)) return relations.find((r) => r.kind === 'friend');
  return relations[0];
}

function findingIn(script: Script, info: ClauseInfo): Finding | undefined {
  // The denial first: it reads only the clause, while the hedges read the whole sentence, and
  // reading the sentence for every clause is quadratic in a long sentence (a 1 MB line took hours).
  const denial = denialIn(script, info);
  if (!denial) return undefined;
  const words = sentenceWords(info.clause);
  if (words.includes('again') || words.includes('anymore') || words.join(' ').includes('no longer')) return undefined;
  if (moodOf(happeningOfWord(info.clause, denial.at)) === 'irrealis') return undefined;
  const a = personOf(denial.a);
  const b = personOf(denial.b);
  const word = wordOf(denial.word);
  if (!a || !b || !word || a === b) return undefined;
  const relation = contradicted(script, a, b, word);
  if (!relation) return undefined;
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

/** What a clause denies, and the canon relation it contradicts, depend on the clause and the canon alone. */
export const rule: ClauseRule<true> = {
  id: 'continuity.relationship',
  description: 'Narration denies, as backstory, a relationship canon has (Ramon and Delia were in a relationship).',
  defaultSeverity: 'warning',
  scope: 'clause',
  prepare: () => true,
  check(script: Script, info: ClauseInfo): Finding[] {
    const finding = findingIn(script, info);
    return finding ? [finding] : [];
  },
};
