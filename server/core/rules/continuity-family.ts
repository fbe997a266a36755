import { ADOPTIVE, type KnownTie, TIE_READINGS, type Tie, tieWord } from '../canon/family';
import type { Relation } from '../canon/model';
import type { Finding, Fix } from '../finding';
import type { Span } from '../span';
import { isBe } from '../story/lemma';
import { moodOf } from '../story/mood';
import { isAdjective } from '../story/english';
import type { Clause } from '../story/clauses';
import { happeningOfWord, renamedAt } from '../story/reading';
import { baseOf, type ClauseInfo, type Script } from '../story/script';
import { SCRIPT_ID } from '../story/script-cast';
import { type Item, ROMANTIC_KINDS, SIBLING_KINDS, hasWordIn, items, personOf, relationSentence, relationsBetween, wordOf, writtenWord } from './claims';
import type { ClauseRule } from './rule';
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

/** "step-mother", "half-brother", "brother-in-law": the word a hyphen splits off, and what it makes of the kin word. */
const STEP: Readonly<Partial<Record<Tie, Tie>>> = { parent: 'step-parent', child: 'step-child' };
const IN_LAW: Readonly<Partial<Record<Tie, Tie>>> = { parent: 'parent-in-law', child: 'child-in-law', sibling: 'sibling-in-law' };
/** Words before a kin word that make the tie one canon packs do not hold: "great-uncle", "foster mother", "future wife". */
const NOT_THIS_TIE = new Set(['great', 'grand', 'foster', 'future', 'former', 'ex', 'would',
  'be', 'surrogate', 'god', 'like', 'spiritual', 'honorary', 'sworn', 'blood', 'milk']);

interface KinPhrase {
  readonly tie: Tie;
  /** Index of the phrase's last item: "in law" ends it after the kin word. */
  readonly end: number;
}

/** The kin phrase starting at item j: "sister", "uncle", "step-mother", "half-brother", "brother-in-law". */
function kinPhrase(its: readonly Item[], j: number): KinPhrase | undefined {
  let w = wordOf(its[j]);
  if (w === undefined || NOT_THIS_TIE.has(wordOf(its[j - 1]) ?? '')) return undefined;
  let tie: Tie | undefined;
  let at = j;
  if (w === 'adopted' || w === 'adoptive') {
    // "Caesar's adopted son": adoption is a tie of its own, not a birth parent's.
    const base = TIE_READINGS[wordOf(its[++at]) ?? ''];
    tie = base && ADOPTIVE[base];
  } else if (w === 'step' || w === 'half') {
    const modifier = w;
    w = wordOf(its[++at]);
    const base = w === undefined ? undefined : KIN.has(w) ? 'sibling' : TIE_READINGS[w];
    tie = modifier === 'half' ? (base === 'sibling' ? 'half-sibling' : undefined) : base && STEP[base];
  } else {
    tie = KIN.has(w) ? 'sibling' : TIE_READINGS[w];
  }
  if (!tie) return undefined;
  if (wordOf(its[at + 1]) === 'in' && wordOf(its[at + 2]) === 'law') {
    tie = IN_LAW[tie];
    at += 2;
  }
  // "Juliet's cousin's wife": the one apposed is not the cousin.
  if (!tie || wordOf(its[at + 1]) === "'s") return undefined;
  return { tie, end: at };
}

/** Lower-case words that may stand between the comma and the name: "her father, old Capulet". */
const EPITHETS = new Set(['old', 'young', 'poor', 'dear', 'dead', 'late', 'sweet', 'good']);

/**
 * The person named at item k, past one epithet: "old Capulet". A name, not a pronoun: in "Tybalt,
 * her son, her only comfort" the "her" after the comma owns the next phrase; it does not rename.
 */
function namedAt(its: readonly Item[], k: number): { id: string; at: number } | undefined {
  const direct = nameAt(its[k]);
  if (direct) return { id: direct, at: k };
  if (EPITHETS.has(wordOf(its[k]) ?? '') && nameAt(its[k + 1])) return { id: nameAt(its[k + 1]) ?? '', at: k + 1 };
  return undefined;
}

/** The person an item names by name (not by a pronoun). */
function nameAt(item: Item | undefined): string | undefined {
  return item?.kind === 'ref' && item.ref.kind === 'name' ? item.ref.characterId : undefined;
}

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
  /** What the claim makes b of a ("b is a's TIE"); siblings where absent. */
  readonly tie?: Tie;
}

function ageOf(item: Item | undefined): Age | undefined {
  const w = wordOf(item);
  if (w && OLDER.has(w)) return 'older';
  if (w && YOUNGER.has(w)) return 'younger';
  return undefined;
}

/** "A's older sister B", "B, A's older sister", "B is A's older sister", "her older sister B", "A's uncle, B". */
function possessive(clause: Clause, its: readonly Item[], k: number): KinClaim | undefined {
  const owner = its[k];
  const a = personOf(owner);
  if (!a || owner.kind !== 'ref') return undefined;
  if (owner.ref.kind !== 'name' || wordOf(its[k + 1]) !== "'s") return undefined;
  let j = k + 2;
  // "Egeus's tall daughter": a word of description before the kin word.
  const description = wordOf(its[j]);
  if (description !== undefined && !ageOf(its[j]) && isAdjective(description) && its[j + 1]?.kind !== 'comma') j++;
  const age = ageOf(its[j]);
  const ageWord = age ? its[j] : undefined;
  if (age) j++;
  const kin = its[j];
  const phrase = kinPhrase(its, j);
  if (!phrase) return undefined;
  const end = phrase.end;
  let b: string | undefined;
  let first = owner.start;
  const afterAt = its[end + 1]?.kind === 'comma' ? end + 2 : end + 1;
  const named = phrase.tie === 'sibling' ? (nameAt(its[afterAt]) ? { id: nameAt(its[afterAt]) ?? '', at: afterAt } : undefined) : namedAt(its, afterAt);
  // "Lady Catherine's sister, Darcy's late mother": a name owning another noun is not the one apposed.
  if (named && wordOf(its[named.at + 1]) !== "'s") b = named.id;
  else {
    // "B, A's older sister", "B is A's older sister": who the reading says the phrase renames.
    const renamed = renamedAt(clause, owner.index);
    if (renamed) {
      b = renamed.characterId;
      first = owner.start - owner.ref.start + renamed.start;
    }
  }
  if (!b) return undefined;
  const older = age === 'older' ? b : age === 'younger' ? a : undefined;
  return { a, b, older, ageWord, span: { start: first, end: its[end].end }, at: kin.index, tie: phrase.tie };
}

/**
 * "Bette and her older sister Delia", "her uncle Capulet", "Tybalt, her brother", and "Malcolm,
 * whose elder brother Donalbain": a possessive pronoun (read from the source text) or a relative
 * "whose", whose owner is the person the reading says the phrase renames.
 */
function pronounPossessive(script: Script, clause: Clause, its: readonly Item[], k: number): KinClaim | undefined {
  const owner = its[k];
  const a = ownerOf(script, clause, owner);
  if (a === undefined) return undefined;
  const age = ageOf(its[k + 1]);
  const j = age ? k + 2 : k + 1;
  const phrase = kinPhrase(its, j);
  if (!phrase) return undefined;
  const afterAt = its[phrase.end + 1]?.kind === 'comma' ? phrase.end + 2 : phrase.end + 1;
  let b = phrase.tie === 'sibling' ? nameAt(its[afterAt]) : namedAt(its, afterAt)?.id;
  let start = owner.start;
  // "Tybalt, her brother": no name after the phrase, the one it renames before it.
  const renamed = b === undefined && owner.kind === 'ref' ? renamedAt(clause, owner.index) : undefined;
  if (renamed) {
    b = renamed.characterId;
    start = owner.start - clause.tokens.start(owner.index) + renamed.start;
  }
  if (!b) return undefined;
  const older = age === 'older' ? b : age === 'younger' ? a : undefined;
  return { a, b, older, ageWord: age ? its[k + 1] : undefined, span: { start, end: its[phrase.end].end }, at: its[j].index, tie: phrase.tie };
}

/** Whose a possessive is: a resolved "her" or "his", or the person a relative "whose" follows. */
function ownerOf(script: Script, clause: Clause, owner: Item): string | undefined {
  if (owner.kind === 'word') return owner.word === 'whose' ? renamedAt(clause, owner.index)?.characterId : undefined;
  if (owner.kind !== 'ref' || owner.ref.kind !== 'pronoun' || !owner.ref.characterId) return undefined;
  const text = writtenWord(script, owner);
  return text === 'her' || text === 'his' ? owner.ref.characterId : undefined;
}

/**
 * "Sebastian, her elder by three summers", "Bette, her junior": an age word standing as a noun
 * after a possessive pronoun, set beside the person it renames. Only between canon siblings: "his
 * elders" in a council says nothing of kin (siblingContradiction asks canon's sibling tie first).
 */
function elderNoun(script: Script, clause: Clause, its: readonly Item[], k: number): KinClaim | undefined {
  const word = wordOf(its[k + 1]);
  if (word !== 'elder' && word !== 'senior' && word !== 'junior') return undefined;
  const next = its[k + 2];
  if (next !== undefined && next.kind !== 'comma' && wordOf(next) !== 'by') return undefined;
  const a = ownerOf(script, clause, its[k]);
  const owner = its[k];
  const renamed = a !== undefined && owner.kind === 'ref' ? renamedAt(clause, owner.index) : undefined;
  if (a === undefined || !renamed?.characterId || renamed.characterId === a) return undefined;
  const b = renamed.characterId;
  if (!relationsBetween(script, a, b).some((r) => SIBLING_KINDS.has(r.kind))) return undefined;
  const start = owner.start - clause.tokens.start(owner.index) + renamed.start;
  return { a, b, older: word === 'junior' ? a : b, span: { start, end: its[k + 1].end }, at: its[k + 1].index };
}

/**
 * "Bette looks at Delia through the glass: her baby sister, the one...": a kin phrase opening the
 * clause after a colon renames the person named last before the colon, and its possessive is the
 * other person the sentence named there (in an apposition to Delia, "her" is not Delia). Only where
 * the sentence names exactly two canon people before the colon, by name, and the possessive fits
 * the other's pronouns.
 */
function colonApposition(script: Script, info: ClauseInfo, its: readonly Item[]): KinClaim | undefined {
  const { clause } = info;
  const { tokens } = clause;
  const owner = its[0];
  if (!owner || owner.index !== clause.from || tokens.word(clause.from - 1) !== ':') return undefined;
  const word = writtenWord(script, owner);
  if (word !== 'her' && word !== 'his') return undefined;
  const age = ageOf(its[1]);
  const j = age ? 2 : 1;
  const phrase = kinPhrase(its, j);
  if (!phrase) return undefined;
  let start = clause.from - 1;
  while (start > 0 && !tokens.endsSentence(start - 1)) start--;
  const named: string[] = [];
  for (const m of script.passages[info.passage].mentions) {
    if (m.tokenStart >= start && m.tokenEnd <= clause.from - 1) {
      const id = script.cast.person(m.characterId);
      const at = named.indexOf(id);
      if (at >= 0) named.splice(at, 1);
      named.push(id);
    }
  }
  if (named.length !== 2) return undefined;
  const [a, b] = named;
  const pronouns = script.cast.character(a)?.pronouns ?? '';
  if (!pronouns.toLowerCase().startsWith(word === 'her' ? 'she' : 'he')) return undefined;
  const older = age === 'older' ? b : age === 'younger' ? a : undefined;
  return { a, b, older, ageWord: age ? its[1] : undefined, span: { start: owner.start, end: its[phrase.end].end }, at: its[j].index, tie: phrase.tie };
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

/**
 * "Delia, the baby of the family", "Delia has hated being the baby of the Whitlaw family", "Bette
 * is the eldest of the girls": where a person stands among their canon siblings. The person is the
 * one the phrase is set beside with a comma, or the subject a form of "be" joins it to: "Delia hugs
 * the baby of the family" says nothing of Delia.
 */
function rankInFamily(its: readonly Item[], k: number): KinClaim | undefined {
  if (wordOf(its[k]) !== 'the') return undefined;
  const age = RANK[wordOf(its[k + 1]) ?? ''];
  if (!age || wordOf(its[k + 2]) !== 'of' || wordOf(its[k + 3]) !== 'the') return undefined;
  let j = k + 4;
  const between = its[j];
  if (between && (between.kind === 'ref' || (between.kind === 'word' && between.capitalized))) j++;
  if (!FAMILY.has(wordOf(its[j]) ?? '')) return undefined;
  let a: string | undefined;
  let start = its[k].start;
  if (its[k - 1]?.kind === 'comma' && personOf(its[k - 2])) {
    // "Bette, the eldest of the girls" is the epithet's to read.
    if (KIN_PLURAL.has(wordOf(its[j]) ?? '') || GROUP.has(wordOf(its[j]) ?? '')) return undefined;
    a = personOf(its[k - 2]);
    start = its[k - 2].start;
  } else {
    // The clause's first person, joined to the phrase by "is", "was", "being".
    const subject = its.findIndex((it) => personOf(it) !== undefined);
    if (subject < 0 || subject >= k || !its.slice(subject + 1, k).some((it) => isBe(wordOf(it) ?? ''))) return undefined;
    if (its.slice(subject + 1, k).some((it) => personOf(it) !== undefined)) return undefined;
    a = personOf(its[subject]);
    start = its[subject].start;
  }
  if (!a) return undefined;
  return { a, age, ageWord: its[k + 1], span: { start, end: its[j].end }, at: its[k + 1].index };
}

const RANK: Readonly<Record<string, Age>> = { baby: 'younger', youngest: 'younger', eldest: 'older', oldest: 'older' };
const FAMILY = new Set(['family', 'siblings', 'sisters', 'brothers', 'girls', 'boys', 'children', 'kids', 'house', 'clan']);

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

/**
 * "BETTE (19) and DELIA (17) share a bag of pretzels": ages in brackets after the names of two
 * siblings canon orders by age say which is older. Only canon siblings are compared: two ages side
 * by side say nothing of kinship.
 */
function bracketedAges(script: Script, clause: Clause, its: readonly Item[]): KinClaim[] {
  const aged: { id: string; age: number; from: Item; to: Item }[] = [];
  for (let k = 0; k + 1 < its.length; k++) {
    const id = personOf(its[k]);
    const age = wordOf(its[k + 1]);
    if (id && age !== undefined && /^\d{1,2}$/.test(age) && clause.tokens.word(its[k + 1].index - 1) === '(') {
      aged.push({ id, age: Number(age), from: its[k], to: its[k + 1] });
    }
  }
  const found: KinClaim[] = [];
  for (let i = 0; i < aged.length; i++) {
    for (let j = i + 1; j < aged.length; j++) {
      const [x, y] = [aged[i], aged[j]];
      if (x.age === y.age || !relationsBetween(script, x.id, y.id).some((r) => SIBLING_KINDS.has(r.kind) && r.older)) continue;
      // The span closes the second bracket: "BETTE (19) and DELIA (17)".
      const close = clause.tokens.word(y.to.index + 1) === ')' ? y.to.end - clause.tokens.end(y.to.index) + clause.tokens.end(y.to.index + 1) : y.to.end;
      found.push({ a: x.id, b: y.id, older: x.age > y.age ? x.id : y.id, span: { start: x.from.start, end: close }, at: x.from.index });
    }
  }
  return found;
}

function hasBracket(clause: Clause): boolean {
  for (let i = clause.from; i < clause.to; i++) if (clause.tokens.word(i) === '(') return true;
  return false;
}

function claimsIn(script: Script, info: ClauseInfo): KinClaim[] {
  // Every claim of kinship is about someone the clause names or refers to, with a kin word or an
  // age word ("older than", "the older ... sister"): most clauses have neither.
  const aged = info.clause.referents.length >= 2 && hasBracket(info.clause);
  if (!aged && (info.clause.referents.length === 0 || !hasWordIn(info.clause, CLAIM_WORDS))) return [];
  const its = items(info.clause, baseOf(script, info.passage));
  const found: KinClaim[] = !aged ? [] : bracketedAges(script, info.clause, its).filter((claim) => moodOf(happeningOfWord(info.clause, claim.at)) !== 'irrealis');
  if (!hasWordIn(info.clause, CLAIM_WORDS)) return found;
  const colon = colonApposition(script, info, its);
  if (colon && moodOf(happeningOfWord(info.clause, colon.at)) !== 'irrealis') found.push(colon);
  for (let k = colon ? 1 : 0; k < its.length; k++) {
    const claim = possessive(info.clause, its, k) ?? pronounPossessive(script, info.clause, its, k) ?? epithet(its, k) ?? comparison(its, k) ?? plural(its, k)
      ?? rankInFamily(its, k) ?? elderNoun(script, info.clause, its, k);
    if (claim && moodOf(happeningOfWord(info.clause, claim.at)) !== 'irrealis') found.push(claim);
  }
  return found;
}

/** Every claim above has one of these words. */
const CLAIM_WORDS: ReadonlySet<string> = new Set([...KIN, ...KIN_PLURAL, ...OLDER, ...YOUNGER, 'senior', 'junior', ...Object.keys(TIE_READINGS)]);

function surnameOf(script: Script, id: string): string | undefined {
  if (id.startsWith(SCRIPT_ID)) return undefined;
  return script.cast.character(id)?.surname;
}

function fixes(script: Script, claim: KinClaim, aboutAge: boolean): Fix[] {
  const out: Fix[] = [];
  const age = aboutAge ? claim.ageWord : undefined;
  if (age?.kind === 'word' && SWAP[age.word]) {
    const written = script.doc.text.slice(age.start, age.end);
    const swapped = written[0] === written[0].toUpperCase() ? SWAP[age.word][0].toUpperCase() + SWAP[age.word].slice(1) : SWAP[age.word];
    out.push({ title: `Change to “${swapped}”`, edits: [{ span: { start: age.start, end: age.end }, newText: swapped }], preferred: true });
  }
  out.push(markDivergence(script, claim.span));
  return out;
}

/** What canon says against the claim, as a message and whether it is about age; undefined where canon agrees or does not say. */
function contradiction(script: Script, claim: KinClaim): { message: string; aboutAge: boolean } | undefined {
  if (claim.b !== undefined && claim.tie !== undefined && claim.tie !== 'sibling' && claim.tie !== 'half-sibling') {
    const message = tieContradiction(script, claim.a, claim.b, claim.tie);
    return message === undefined ? undefined : { message, aboutAge: false };
  }
  const message = siblingContradiction(script, claim);
  if (message === undefined) return undefined;
  return typeof message === 'string' ? { message, aboutAge: true } : message;
}

/** What canon says against a claim of siblings: a string about their age or kin, or a message about another tie. */
function siblingContradiction(script: Script, claim: KinClaim): string | { message: string; aboutAge: false } | undefined {
  const name = (id: string): string => characterName(script, id);
  if (claim.b === undefined) {
    const twin = script.pack.relations.find((r) => SIBLING_KINDS.has(r.kind) && r.twins && r.between.includes(claim.a));
    if (twin && claim.age) return { message: twinsMessage(script, twin), aboutAge: false };
    const sib = script.pack.relations.find((r) => SIBLING_KINDS.has(r.kind) && r.older && r.between.includes(claim.a));
    if (!sib?.older || !claim.age || (sib.older === claim.a) === (claim.age === 'older')) return undefined;
    const younger = sib.between[0] === sib.older ? sib.between[1] : sib.between[0];
    return `In canon ${name(sib.older)} is ${name(younger)}'s older ${sib.kind}.${cite(sib)}`;
  }
  if (claim.a === claim.b) return undefined;
  const relations = relationsBetween(script, claim.a, claim.b);
  const sib = relations.find((r) => SIBLING_KINDS.has(r.kind));
  if (sib) {
    if (sib.twins && claim.older) return { message: twinsMessage(script, sib), aboutAge: false };
    if (!claim.older || !sib.older || claim.older === sib.older) return undefined;
    const younger = sib.between[0] === sib.older ? sib.between[1] : sib.between[0];
    return `In canon ${name(sib.older)} is ${name(younger)}'s older ${sib.kind}.${cite(sib)}`;
  }
  const ties = canonTies(script, claim.b, claim.a);
  if (ties.some((t) => SIBLING_TIES.has(t.tie))) return undefined;
  // "Emilia, Iago's sister": canon has them married, which no one calls sister and brother.
  const other = ties.find((t) => t.tie !== 'spouse') ?? ties.find((t) => t.tie === 'spouse');
  if (other) return { message: tieMessage(script, claim.b, claim.a, other), aboutAge: false };
  if (relations.some((r) => !ROMANTIC_KINDS.has(r.kind) && r.kind !== 'friend' && r.kind !== 'rival')) return undefined;
  const romance = relations.find((r) => ROMANTIC_KINDS.has(r.kind) && r.kind !== 'married');
  if (romance) {
    return `In canon ${relationSentence([name(claim.a), name(claim.b)], romance)}; they are not family.${cite(romance)}`;
  }
  if (ties.length === 0) {
    const known = [claim.a, claim.b].find((id) => script.cast.character(id)?.siblingsKnown);
    if (known) return { message: knownMessage(script, known, claim.a === known ? claim.b : claim.a, 'siblings'), aboutAge: false };
  }
  const sa = surnameOf(script, claim.a);
  const sb = surnameOf(script, claim.b);
  if (relations.length === 0 && sa && sb && sa !== sb) {
    const full = (id: string): string => script.cast.character(id)?.name ?? name(id);
    return `In canon ${full(claim.a)} and ${full(claim.b)} are not siblings: their surnames differ.`;
  }
  return undefined;
}

const SIBLING_TIES: ReadonlySet<Tie> = new Set(['sibling', 'half-sibling', 'sibling-in-law']);

/** "In canon Viola and Sebastian are twins: neither is older." */
function twinsMessage(script: Script, twins: Relation): string {
  const [x, y] = twins.between.map((id) => characterName(script, id));
  return `In canon ${x} and ${y} are twins: neither is older.${cite(twins)}`;
}

/**
 * The canon ties that leave a claimed tie standing: the tie itself, and the looser words fans and
 * period prose use ("mother" for a stepmother or a mother-in-law, "cousin" for any kin).
 */
const AGREES: Readonly<Record<Tie, readonly Tie[] | 'any'>> = {
  parent: ['parent', 'step-parent', 'parent-in-law', 'guardian', 'adoptive-parent'],
  child: ['child', 'step-child', 'child-in-law', 'ward', 'adopted-child'],
  sibling: ['sibling', 'half-sibling', 'sibling-in-law'],
  'half-sibling': ['sibling', 'half-sibling', 'sibling-in-law'],
  grandparent: ['grandparent'],
  grandchild: ['grandchild'],
  uncle: ['uncle'],
  niece: ['niece'],
  cousin: 'any',
  'step-parent': ['step-parent'],
  'step-child': ['step-child'],
  'parent-in-law': ['parent-in-law'],
  'child-in-law': ['child-in-law'],
  'sibling-in-law': ['sibling-in-law'],
  guardian: 'any',
  ward: 'any',
  spouse: ['spouse'],
  'adoptive-parent': ['adoptive-parent'],
  'adopted-child': ['adopted-child'],
  // Service is judged by serviceContradiction, whose words are kin words too.
  master: ['master'],
  servant: ['servant'],
};

/** Canon's ties from b to a ("b is a's ..."), between the persons the two entries are. */
function canonTies(script: Script, b: string, a: string): KnownTie[] {
  if (a.startsWith(SCRIPT_ID) || b.startsWith(SCRIPT_ID)) return [];
  const cast = script.cast;
  return cast.family.ties(cast.person(b), cast.person(a));
}

/** A claim that b is a's `tie`, against canon's ties and what canon says is all of a's family. */
function tieContradiction(script: Script, a: string, b: string, tie: Tie): string | undefined {
  if (script.cast.person(a) === script.cast.person(b)) return undefined;
  if (tie === 'servant') return serviceContradiction(script, b, a);
  if (tie === 'master') return serviceContradiction(script, a, b);
  const ties = canonTies(script, b, a);
  const agrees = AGREES[tie];
  if (ties.length > 0) {
    // "Mother" for a mother-in-law is period usage, but not where the pack says it knows every
    // parent: "her mother, Lady Montague" of Juliet, whose parents are the Capulets.
    const agreed = agrees === 'any' || ties.some((t) => agrees.includes(t.tie));
    const loose = agreed && tie === 'parent' && script.cast.character(a)?.parentsKnown === true && !ties.some((t) => t.tie === 'parent');
    if (agreed && !loose) return undefined;
    return loose ? knownMessage(script, a, b, 'parents') : tieMessage(script, b, a, ties[0]);
  }
  // No tie at all: a contradiction only where canon says it knows every parent.
  if (tie === 'parent' && script.cast.character(a)?.parentsKnown) return knownMessage(script, a, b, 'parents');
  if (tie === 'child' && script.cast.character(b)?.parentsKnown) return knownMessage(script, b, a, 'parents');
  if (tie === 'spouse') {
    const known = [a, b].find((id) => script.cast.character(id)?.spousesKnown);
    if (known) return knownMessage(script, known, known === a ? b : a, 'spouses');
  }
  return undefined;
}

/**
 * A claim that `servant` serves `master` ("Pindarus, Brutus's bondman"; "Cassius, Pindarus's
 * master"). "Boy", "man", "maid" and "lord" are kin words as well, so two people canon ties in any
 * other way are left alone; the claim contradicts canon where canon has it the other way round, or
 * where canon says whom the servant serves and it is someone else.
 */
function serviceContradiction(script: Script, servant: string, master: string): string | undefined {
  const ties = canonTies(script, servant, master);
  if (ties.some((t) => t.tie === 'servant')) return undefined;
  const reverse = ties.find((t) => t.tie === 'master');
  if (reverse) return tieMessage(script, servant, master, reverse);
  if (ties.length > 0 || servant.startsWith(SCRIPT_ID) || master.startsWith(SCRIPT_ID)) return undefined;
  const cast = script.cast;
  const served = cast.characters.flatMap((c) => {
    const tie = c.id === cast.person(c.id) ? cast.family.ties(cast.person(servant), c.id).find((t) => t.tie === 'servant') : undefined;
    return tie ? [{ id: c.id, tie }] : [];
  });
  if (served.length === 0) return undefined;
  const whose = served.map((s) => `${fullName(script, s.id)}'s`);
  const list = whose.length === 1 ? whose[0] : `${whose.slice(0, -1).join(', ')} and ${whose[whose.length - 1]}`;
  const how = served[0].tie.relation ? cite(served[0].tie.relation) : '';
  return `In canon ${fullName(script, servant)} is ${list} servant, not ${fullName(script, master)}'s.${how}`;
}

/** "In canon Tybalt is Juliet's cousin." */
function tieMessage(script: Script, b: string, a: string, known: KnownTie): string {
  const word = tieWord(known.tie, script.cast.character(b)?.pronouns);
  const how = known.relation ? cite(known.relation) : ' (from the ties canon gives them)';
  return `In canon ${fullName(script, b)} is ${fullName(script, a)}'s ${word}.${how}`;
}

/** "In canon Jane's parents are Mr. Bennet and Mrs. Bennet; Lady Catherine is not one of them." */
function knownMessage(script: Script, whose: string, other: string, what: 'parents' | 'siblings' | 'spouses'): string {
  const cast = script.cast;
  const family = cast.family;
  const person = cast.person(whose);
  const ids = what === 'parents'
    ? family.parents(person)
    : what === 'spouses'
    ? cast.characters.filter((c) => c.id !== person && family.ties(c.id, person).some((t) => t.tie === 'spouse')).map((c) => c.id)
    : cast.characters.filter((c) => c.id !== person && family.ties(c.id, person).some((t) => SIBLING_TIES.has(t.tie) && t.tie !== 'sibling-in-law')).map((c) => c.id);
  const names = ids.map((id) => fullName(script, id));
  const list = names.length === 0 ? 'none the pack names' : names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const verb = names.length === 1 ? 'is' : 'are';
  const noun = names.length === 1 ? what.slice(0, -1) : what;
  return `In canon ${fullName(script, whose)}'s ${noun} ${verb} ${list}; ${fullName(script, other)} is not one of them.`;
}

/** The name as canon spells it, which says who is meant where first names are titles or shared: "Mrs. Bennet". */
function fullName(script: Script, id: string): string {
  return script.cast.character(id)?.name ?? characterName(script, id);
}

/** A clause's claims of kinship, and what canon says to them, depend on the clause and the canon alone. */
export const rule: ClauseRule<true> = {
  id: 'continuity.family',
  description: 'Narration makes characters kin, or orders siblings by age, against canon (Delia is Bette’s older sister).',
  defaultSeverity: 'warning',
  scope: 'clause',
  prepare: () => true,
  check(script: Script, info: ClauseInfo): Finding[] {
      const found: Finding[] = [];
      for (const claim of claimsIn(script, info)) {
        const said = contradiction(script, claim);
        if (said) {
          found.push({ ruleId: rule.id, severity: rule.defaultSeverity, span: claim.span, message: said.message, fixes: fixes(script, claim, said.aboutAge) });
        }
      }
      return found;
  },
};
