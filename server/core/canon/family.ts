import type { CanonPack, Relation } from './model';

/**
 * A family tie from one character to another, read "a is b's TIE". Gendered words share one tie:
 * an aunt is an 'uncle' tie, a nephew a 'niece' tie, a wife a 'spouse'.
 */
export type Tie =
  | 'parent' | 'child' | 'sibling' | 'half-sibling' | 'grandparent' | 'grandchild' | 'uncle' | 'niece' | 'cousin'
  | 'step-parent' | 'step-child' | 'parent-in-law' | 'child-in-law' | 'sibling-in-law' | 'guardian' | 'ward' | 'spouse'
  | 'adoptive-parent' | 'adopted-child' | 'master' | 'servant';

/** A tie canon has, written in the pack (with its relation) or derived from the ties written. */
export interface KnownTie {
  readonly tie: Tie;
  /** The relation that says it, where one does; a derived tie has none. */
  readonly relation?: Relation;
}

/** Each relation kind as a tie from the first of `between` to the second. */
const KIND_TIE: Readonly<Record<string, Tie>> = {
  sister: 'sibling', brother: 'sibling', sibling: 'sibling', 'half-sibling': 'half-sibling', parent: 'parent', child: 'child',
  grandparent: 'grandparent', grandchild: 'grandchild', uncle: 'uncle', aunt: 'uncle', niece: 'niece', nephew: 'niece',
  cousin: 'cousin', 'step-parent': 'step-parent', 'step-child': 'step-child', 'parent-in-law': 'parent-in-law',
  'child-in-law': 'child-in-law', 'sibling-in-law': 'sibling-in-law', guardian: 'guardian', ward: 'ward', married: 'spouse',
  'adoptive-parent': 'adoptive-parent', 'adopted-child': 'adopted-child', master: 'master', servant: 'servant',
};

/** The same tie seen from the other side. */
export const INVERSE: Readonly<Record<Tie, Tie>> = {
  parent: 'child', child: 'parent', sibling: 'sibling', 'half-sibling': 'half-sibling', grandparent: 'grandchild',
  grandchild: 'grandparent', uncle: 'niece', niece: 'uncle', cousin: 'cousin', 'step-parent': 'step-child',
  'step-child': 'step-parent', 'parent-in-law': 'child-in-law', 'child-in-law': 'parent-in-law',
  'sibling-in-law': 'sibling-in-law', guardian: 'ward', ward: 'guardian', spouse: 'spouse',
  'adoptive-parent': 'adopted-child', 'adopted-child': 'adoptive-parent', master: 'servant', servant: 'master',
};

/** The word for a tie, by the pronouns of the one who has it: "aunt" for she/her. */
export function tieWord(tie: Tie, pronouns: string | undefined): string {
  const p = pronouns?.toLowerCase() ?? '';
  const [she, he, they] = TIE_NAMES[tie];
  return p.startsWith('she') ? she : p.startsWith('he') ? he : they;
}

const TIE_NAMES: Readonly<Record<Tie, readonly [string, string, string]>> = {
  parent: ['mother', 'father', 'parent'],
  child: ['daughter', 'son', 'child'],
  sibling: ['sister', 'brother', 'sibling'],
  'half-sibling': ['half-sister', 'half-brother', 'half-sibling'],
  grandparent: ['grandmother', 'grandfather', 'grandparent'],
  grandchild: ['granddaughter', 'grandson', 'grandchild'],
  uncle: ['aunt', 'uncle', 'aunt or uncle'],
  niece: ['niece', 'nephew', 'niece or nephew'],
  cousin: ['cousin', 'cousin', 'cousin'],
  'step-parent': ['stepmother', 'stepfather', 'step-parent'],
  'step-child': ['stepdaughter', 'stepson', 'stepchild'],
  'parent-in-law': ['mother-in-law', 'father-in-law', 'parent-in-law'],
  'child-in-law': ['daughter-in-law', 'son-in-law', 'child-in-law'],
  'sibling-in-law': ['sister-in-law', 'brother-in-law', 'sibling-in-law'],
  guardian: ['guardian', 'guardian', 'guardian'],
  ward: ['ward', 'ward', 'ward'],
  spouse: ['wife', 'husband', 'spouse'],
  'adoptive-parent': ['adoptive mother', 'adoptive father', 'adoptive parent'],
  'adopted-child': ['adopted daughter', 'adopted son', 'adopted child'],
  master: ['mistress', 'master', 'master'],
  servant: ['servant', 'servant', 'servant'],
};

/**
 * The words narration uses for each tie, read by the family rule: in "A's uncle B", B is A's
 * 'uncle'. Siblings ("sister", "brother") and the words a hyphen or a modifier makes ("step-",
 * "half-", "-in-law", "adopted") are read by the rule around these. A master and a servant have
 * many everyday words, some of them kin words too ("boy", "man", "lord"): the rule reads them as
 * service only against a canon that says who serves whom.
 */
export const TIE_READINGS: Readonly<Record<string, Tie>> = {
  mother: 'parent', father: 'parent', parent: 'parent', son: 'child', daughter: 'child', child: 'child',
  uncle: 'uncle', aunt: 'uncle', niece: 'niece', nephew: 'niece', grandfather: 'grandparent', grandmother: 'grandparent',
  grandparent: 'grandparent', grandson: 'grandchild', granddaughter: 'grandchild', grandchild: 'grandchild', cousin: 'cousin',
  stepmother: 'step-parent', stepfather: 'step-parent', stepparent: 'step-parent', stepson: 'step-child',
  stepdaughter: 'step-child', stepchild: 'step-child', husband: 'spouse', wife: 'spouse', guardian: 'guardian', ward: 'ward',
  servant: 'servant', bondman: 'servant', bondsman: 'servant', bondwoman: 'servant', bondmaid: 'servant', slave: 'servant',
  boy: 'servant', man: 'servant', maid: 'servant', maidservant: 'servant', manservant: 'servant', handmaid: 'servant',
  page: 'servant', valet: 'servant', footman: 'servant', lackey: 'servant', attendant: 'servant',
  master: 'master', mistress: 'master', lord: 'master', owner: 'master',
};

/** "adopted son", "adoptive mother": what the modifier makes of a parent or a child. */
export const ADOPTIVE: Readonly<Partial<Record<Tie, Tie>>> = { parent: 'adoptive-parent', child: 'adopted-child' };

/** The tie a relation kind gives, or undefined for a romance or a friendship. */
export function tieOfKind(kind: string): Tie | undefined {
  return KIND_TIE[kind];
}

/**
 * The canon's family, written once and read every way: a parent's sibling is an uncle or aunt (and
 * so is that sibling's spouse), a parent's parent a grandparent, the children of siblings cousins,
 * a parent's spouse who is no parent a step-parent, a spouse's parent a parent-in-law, a spouse's
 * sibling or a sibling's spouse a sibling-in-law; children of one parent are siblings.
 */
export class FamilyTree {
  readonly #written = new Map<string, KnownTie[]>();
  readonly #parents = new Map<string, Set<string>>();
  readonly #siblings = new Map<string, Set<string>>();
  readonly #spouses = new Map<string, Set<string>>();

  constructor(pack: CanonPack, person: (id: string) => string = (id) => id) {
    for (const relation of pack.relations) {
      const tie = KIND_TIE[relation.kind];
      if (!tie) continue;
      const a = person(relation.between[0]);
      const b = person(relation.between[1]);
      if (a === b) continue;
      this.#note(a, b, { tie, relation });
      this.#note(b, a, { tie: INVERSE[tie], relation });
      if (tie === 'parent') add(this.#parents, b, a);
      if (tie === 'child') add(this.#parents, a, b);
      if (tie === 'sibling' || tie === 'half-sibling') both(this.#siblings, a, b);
      if (tie === 'spouse') both(this.#spouses, a, b);
    }
  }

  /** The parents canon gives a character, by id. */
  parents(id: string): readonly string[] {
    return [...(this.#parents.get(id) ?? [])];
  }

  /** Every tie canon has, written or derived, from `a` to `b` ("a is b's ..."). */
  ties(a: string, b: string): KnownTie[] {
    if (a === b) return [];
    const out: KnownTie[] = [...(this.#written.get(`${a}>${b}`) ?? [])];
    const derived = (tie: Tie): void => {
      if (!out.some((t) => t.tie === tie)) out.push({ tie });
    };
    const parentsOfB = this.#parents.get(b) ?? EMPTY;
    const parentsOfA = this.#parents.get(a) ?? EMPTY;
    if (parentsOfB.has(a)) derived('parent');
    if (parentsOfA.has(b)) derived('child');
    if (this.#siblingsOf(a).has(b)) derived('sibling');
    if ([...parentsOfB].some((p) => (this.#parents.get(p) ?? EMPTY).has(a))) derived('grandparent');
    if ([...parentsOfA].some((p) => (this.#parents.get(p) ?? EMPTY).has(b))) derived('grandchild');
    if ([...parentsOfB].some((p) => this.#auntsOrUncles(p, a))) derived('uncle');
    if ([...parentsOfA].some((p) => this.#auntsOrUncles(p, b))) derived('niece');
    if ([...parentsOfA].some((p) => [...parentsOfB].some((q) => this.#siblingsOf(p).has(q)))) derived('cousin');
    const spousesOfA = this.#spouses.get(a) ?? EMPTY;
    const spousesOfB = this.#spouses.get(b) ?? EMPTY;
    if (!parentsOfB.has(a) && [...parentsOfB].some((p) => spousesOfA.has(p))) derived('step-parent');
    if (!parentsOfA.has(b) && [...parentsOfA].some((p) => spousesOfB.has(p))) derived('step-child');
    if ([...spousesOfB].some((s) => (this.#parents.get(s) ?? EMPTY).has(a))) derived('parent-in-law');
    if ([...spousesOfA].some((s) => (this.#parents.get(s) ?? EMPTY).has(b))) derived('child-in-law');
    const inLaw = [...spousesOfB].some((s) => this.#siblingsOf(s).has(a)) || [...spousesOfA].some((s) => this.#siblingsOf(s).has(b));
    if (inLaw) derived('sibling-in-law');
    return out;
  }

  /** Whether `who` is a sibling of `parent`, or a sibling's spouse (an aunt or uncle by marriage). */
  #auntsOrUncles(parent: string, who: string): boolean {
    const siblings = this.#siblingsOf(parent);
    if (siblings.has(who)) return true;
    return [...(this.#spouses.get(who) ?? EMPTY)].some((s) => siblings.has(s));
  }

  /** Siblings written, and the other children of a character's parents. */
  #siblingsOf(id: string): Set<string> {
    const out = new Set(this.#siblings.get(id) ?? EMPTY);
    for (const parent of this.#parents.get(id) ?? EMPTY) {
      for (const [child, parents] of this.#parents) if (child !== id && parents.has(parent)) out.add(child);
    }
    return out;
  }

  #note(a: string, b: string, tie: KnownTie): void {
    const key = `${a}>${b}`;
    const list = this.#written.get(key) ?? [];
    list.push(tie);
    this.#written.set(key, list);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

function add(map: Map<string, Set<string>>, a: string, b: string): void {
  const set = map.get(a) ?? new Set<string>();
  set.add(b);
  map.set(a, set);
}

function both(map: Map<string, Set<string>>, a: string, b: string): void {
  add(map, a, b);
  add(map, b, a);
}

/**
 * Each word for a tie ("stepmother", "wife", "brother-in-law") with the relation kind that writes
 * it: what a pack that names a kind in everyday words is told to write instead.
 */
export function kindsOfTieWords(): Record<string, string> {
  const kinds: Record<string, string> = {};
  const kindOf = new Map<Tie, string>();
  for (const [kind, tie] of Object.entries(KIND_TIE)) {
    if (!kindOf.has(tie)) kindOf.set(tie, kind);
    for (const word of TIE_NAMES[tie]) if (!(word in KIND_TIE) && !(word in kinds)) kinds[word] = kind;
  }
  for (const [word, tie] of Object.entries(TIE_READINGS)) {
    const kind = kindOf.get(tie);
    if (kind !== undefined && !(word in KIND_TIE) && !(word in kinds)) kinds[word] = kind;
  }
  return kinds;
}
