import type { Finding, Fix } from '../finding';
import type { Span } from '../span';
import { isBe } from '../story/lemma';
import { moodAt } from '../story/mood';
import { baseOf, type ClauseInfo, type Script } from '../story/script';
import { SCRIPT_ID } from '../story/script-cast';
import { type Item, ROMANTIC_KINDS, SIBLING_KINDS, hasWordIn, items, personOf, relationSentence, relationsBetween, wordOf } from './claims';
import { ClauseFindings } from './memo';
import type { Rule } from './rule';
import { characterName, cite, markDivergence } from './support';

const OLDER = new Set(['older', 'elder', 'big', 'bigger', 'eldest', 'oldest']);
const YOUNGER = new Set(['younger', 'little', 'baby', 'kid', 'youngest']);
const KIN = new Set(['sister', 'brother', 'sibling']);
const KIN_PLURAL = new Set(['sisters', 'brothers', 'siblings']);
const SWAP: Readonly<Record<string, string>> = {
  older: 'younger', elder: 'younger', big: 'little', bigger: 'littler', eldest: 'youngest', oldest: 'youngest',
  younger: 'older', little: 'big', baby: 'big', kid: 'big', youngest: 'eldest',
};

type Age = 'older' | 'younger';

/** What a stretch of narration says about two people being siblings, and which is older. */
interface KinClaim {
  readonly a: string;
  /** The other sibling; undefined for "Bette, the older Whitlaw sister" (her canon sibling). */
  readonly b?: string;
  /** Who the claim makes older: a, b, or nobody said. */
  readonly older?: string;
  /** What the claim makes `a`, where `b` is left to canon: "the older sister". */
  readonly age?: Age;
  readonly ageWord?: Item;
  readonly span: Span;
  /** Token index of the claim word, for its mood. */
  readonly at: number;
}

function ageOf(item: Item | undefined): Age | undefined {
  const w = wordOf(item);
  if (w && OLDER.has(w)) return 'older';
  if (w && YOUNGER.has(w)) return 'younger';
  return undefined;
}

/** "A's older sister B", "B, A's older sister", "B is A's older sister", "her older sister B". */
function possessive(its: readonly Item[], k: number): KinClaim | undefined {
  const owner = its[k];
  const a = personOf(owner);
  if (!a || owner.kind !== 'ref') return undefined;
  if (owner.ref.kind !== 'name' || wordOf(its[k + 1]) !== "'s") return undefined;
  let j = k + 2;
  const age = ageOf(its[j]);
  const ageWord = age ? its[j] : undefined;
  if (age) j++;
  const kin = its[j];
  if (!KIN.has(wordOf(kin) ?? '')) return undefined;
  let b: string | undefined;
  let first = owner.start;
  const afterAt = its[j + 1]?.kind === 'comma' ? j + 2 : j + 1;
  const after = its[afterAt];
  // "Lady Catherine's sister, Darcy's late mother": a name owning another noun is not the one apposed.
  if (personOf(after) && wordOf(its[afterAt + 1]) !== "'s") b = personOf(after);
  else {
    const link = its[k - 1];
    if ((link?.kind === 'comma' || isBe(wordOf(link) ?? '')) && personOf(its[k - 2])) {
      b = personOf(its[k - 2]);
      first = its[k - 2].start;
    }
  }
  if (!b) return undefined;
  const older = age === 'older' ? b : age === 'younger' ? a : undefined;
  return { a, b, older, ageWord, span: { start: first, end: kin.end }, at: kin.index };
}

/** "Bette and her older sister Delia": the possessive pronoun, read from the source text. */
function pronounPossessive(script: Script, its: readonly Item[], k: number): KinClaim | undefined {
  const owner = its[k];
  if (owner.kind !== 'ref' || owner.ref.kind !== 'pronoun' || !owner.ref.characterId) return undefined;
  const text = script.doc.text.slice(owner.start, owner.end).toLowerCase();
  if (text !== 'her' && text !== 'his') return undefined;
  const age = ageOf(its[k + 1]);
  const j = age ? k + 2 : k + 1;
  if (!KIN.has(wordOf(its[j]) ?? '')) return undefined;
  const after = its[j + 1]?.kind === 'comma' ? its[j + 2] : its[j + 1];
  const b = personOf(after);
  if (!b) return undefined;
  const a = owner.ref.characterId;
  const older = age === 'older' ? b : age === 'younger' ? a : undefined;
  return { a, b, older, ageWord: age ? its[k + 1] : undefined, span: { start: owner.start, end: its[j].end }, at: its[j].index };
}

/** "B, the older [Whitlaw] sister": B is the older one of her canon pair. */
function epithet(its: readonly Item[], k: number): KinClaim | undefined {
  const b = personOf(its[k]);
  if (!b || its[k + 1]?.kind !== 'comma' || wordOf(its[k + 2]) !== 'the') return undefined;
  const age = ageOf(its[k + 3]);
  if (!age) return undefined;
  let j = k + 4;
  // "the younger of the two Whitlaw girls"
  if (wordOf(its[j]) === 'of' && wordOf(its[j + 1]) === 'the') j += NUMBERS.has(wordOf(its[j + 2]) ?? '') ? 3 : 2;
  const between = its[j];
  if (between && (between.kind === 'ref' || (between.kind === 'word' && between.capitalized))) j++;
  if (!KIN.has(wordOf(its[j]) ?? '') && !KIN_PLURAL.has(wordOf(its[j]) ?? '') && !GROUP.has(wordOf(its[j]) ?? '')) return undefined;
  return { a: b, age, ageWord: its[k + 3], span: { start: its[k].start, end: its[j].end }, at: its[j].index };
}

const NUMBERS = new Set(['two', 'both', '2']);
const GROUP = new Set(['girls', 'boys', 'children', 'kids']);
// Words that measure an age gap: "two years older", "a few years younger", "much older".
const MEASURE = new Set(['a', 'few', 'couple', 'of', 'year', 'years', 'much', 'way', 'bit', 'lot', 'little', 'months',
  'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);

/** "A is older than B". */
function comparison(its: readonly Item[], k: number): KinClaim | undefined {
  const a = personOf(its[k]);
  if (!a || !(isBe(wordOf(its[k + 1]) ?? '') || its[k + 1]?.kind === 'comma')) return undefined;
  // "Bette is older than Delia", "Bette, two years older than Delia".
  let j = k + 2;
  while (j < k + 6 && MEASURE.has(wordOf(its[j]) ?? '')) j++;
  const word = wordOf(its[j]);
  const age = word === 'older' || word === 'elder' ? 'older' : word === 'younger' ? 'younger' : undefined;
  if (!age || wordOf(its[j + 1]) !== 'than') return undefined;
  const b = personOf(its[j + 2]);
  if (!b) return undefined;
  return { a, b, older: age === 'older' ? a : b, ageWord: its[j], span: { start: its[k].start, end: its[j].end }, at: its[j].index };
}

/** "A and B are sisters". */
function plural(its: readonly Item[], k: number): KinClaim | undefined {
  const a = personOf(its[k]);
  const b = personOf(its[k + 2]);
  if (!a || !b || wordOf(its[k + 1]) !== 'and' || !isBe(wordOf(its[k + 3]) ?? '')) return undefined;
  const kin = its[k + 4];
  if (!KIN_PLURAL.has(wordOf(kin) ?? '')) return undefined;
  return { a, b, span: { start: its[k].start, end: kin.end }, at: kin.index };
}

function claimsIn(script: Script, info: ClauseInfo): KinClaim[] {
  // Every claim of kinship is about someone the clause names or refers to, with a kin word or an
  // age word ("older than", "the older ... sister"): most clauses have neither.
  if (info.clause.referents.length === 0 || !hasWordIn(info.clause, CLAIM_WORDS)) return [];
  const its = items(info.clause, baseOf(script, info.passage));
  const found: KinClaim[] = [];
  for (let k = 0; k < its.length; k++) {
    const claim = possessive(its, k) ?? pronounPossessive(script, its, k) ?? epithet(its, k) ?? comparison(its, k) ?? plural(its, k);
    if (claim && moodAt(info.clause, claim.at) !== 'irrealis') found.push(claim);
  }
  return found;
}

/** Every claim above has one of these words. */
const CLAIM_WORDS: ReadonlySet<string> = new Set([...KIN, ...KIN_PLURAL, ...OLDER, ...YOUNGER]);

function surnameOf(script: Script, id: string): string | undefined {
  if (id.startsWith(SCRIPT_ID)) return undefined;
  return script.cast.character(id)?.surname;
}

function fixes(script: Script, claim: KinClaim): Fix[] {
  const out: Fix[] = [];
  const age = claim.ageWord;
  if (age?.kind === 'word' && SWAP[age.word]) {
    const written = script.doc.text.slice(age.start, age.end);
    const swapped = written[0] === written[0].toUpperCase() ? SWAP[age.word][0].toUpperCase() + SWAP[age.word].slice(1) : SWAP[age.word];
    out.push({ title: `Change to “${swapped}”`, edits: [{ span: { start: age.start, end: age.end }, newText: swapped }], preferred: true });
  }
  out.push(markDivergence(script, claim.span));
  return out;
}

/** What canon says against the claim, as a message; undefined where canon agrees or does not say. */
function contradiction(script: Script, claim: KinClaim): string | undefined {
  const name = (id: string): string => characterName(script, id);
  if (claim.b === undefined) {
    const sib = script.pack.relations.find((r) => SIBLING_KINDS.has(r.kind) && r.older && r.between.includes(claim.a));
    if (!sib?.older || !claim.age || (sib.older === claim.a) === (claim.age === 'older')) return undefined;
    const younger = sib.between[0] === sib.older ? sib.between[1] : sib.between[0];
    return `In canon ${name(sib.older)} is ${name(younger)}'s older ${sib.kind}.${cite(sib)}`;
  }
  if (claim.a === claim.b) return undefined;
  const relations = relationsBetween(script, claim.a, claim.b);
  const sib = relations.find((r) => SIBLING_KINDS.has(r.kind));
  if (sib) {
    if (!claim.older || !sib.older || claim.older === sib.older) return undefined;
    const younger = sib.between[0] === sib.older ? sib.between[1] : sib.between[0];
    return `In canon ${name(sib.older)} is ${name(younger)}'s older ${sib.kind}.${cite(sib)}`;
  }
  if (relations.some((r) => !ROMANTIC_KINDS.has(r.kind) && r.kind !== 'friend' && r.kind !== 'rival')) return undefined;
  const romance = relations.find((r) => ROMANTIC_KINDS.has(r.kind) && r.kind !== 'married');
  if (romance) {
    return `In canon ${relationSentence([name(claim.a), name(claim.b)], romance)}; they are not family.${cite(romance)}`;
  }
  const sa = surnameOf(script, claim.a);
  const sb = surnameOf(script, claim.b);
  if (relations.length === 0 && sa && sb && sa !== sb) {
    const full = (id: string): string => script.cast.character(id)?.name ?? name(id);
    return `In canon ${full(claim.a)} and ${full(claim.b)} are not siblings: their surnames differ.`;
  }
  return undefined;
}

export const rule: Rule = {
  id: 'continuity.family',
  description: 'Narration makes characters kin, or orders siblings by age, against canon (Delia is Bette’s older sister).',
  defaultSeverity: 'warning',
  check(script: Script): Finding[] {
    return kept.all(script, script.narration, (info) => {
      const found: Finding[] = [];
      for (const claim of claimsIn(script, info)) {
        const message = contradiction(script, claim);
        if (message) found.push({ ruleId: rule.id, severity: rule.defaultSeverity, span: claim.span, message, fixes: fixes(script, claim) });
      }
      return found;
    });
  },
};

/** A clause's claims of kinship, and what canon says to them, depend on the clause and the canon alone. */
const kept = new ClauseFindings();
