import type { CanonPack, Character } from '../canon/model';
import { FamilyTree } from '../canon/family';
import { HONORIFICS } from '../canon/names';
import { tokenize, type Tokens } from './words';
import type { PassageSpan } from '../span';

/** How a name refers to its character. */
export type NameKind = 'full' | 'first' | 'surname' | 'alias' | 'nickname' | 'cue' | 'misspelling' | 'title';

export interface NameForm {
  readonly characterId: string;
  /** As the pack writes it: "Cassie Shore", "Nevaeh". */
  readonly text: string;
  /** Lowercase words, read as narration is read. */
  readonly words: readonly string[];
  readonly kind: NameKind;
}

export interface Mention extends PassageSpan {
  readonly characterId: string;
  readonly kind: NameKind;
  /** Token indexes [tokenStart, tokenEnd) in the token list the mention was found in. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/**
 * The canon's characters, indexed by every way a script can name them. Surnames count as names
 * only where one canon character has them; "Whitlaw" alone could be either sister.
 */
export class Cast {
  readonly #characters = new Map<string, Character>();
  readonly #byFirstWord = new Map<string, NameForm[]>();
  readonly #forms: NameForm[] = [];
  /** Names two characters answer to, as words joined by spaces: in narration they name nobody. */
  readonly #shared: ReadonlySet<string>;
  readonly #pack: CanonPack;
  #family?: FamilyTree;

  /** The canon pack whose characters these are. */
  get pack(): CanonPack {
    return this.#pack;
  }

  constructor(pack: CanonPack) {
    this.#pack = pack;
    this.#shared = new Set(pack.characters.flatMap((c) => c.sharedNames.map((name) => wordsOf(name).join(' '))));
    for (const character of pack.characters) this.#characters.set(character.id, character);
    const surnameCount = countSurnames(pack.characters);
    for (const character of pack.characters) {
      for (const form of namesOf(character, surnameCount)) this.#add(form);
    }
    for (const form of titlesOf(pack)) this.#add(form);
    // Longest first; among names of one length, a character's own name before another's surname:
    // "Capulet" is the head of the house, not Juliet Capulet.
    for (const list of this.#byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
  }

  get characters(): readonly Character[] {
    return [...this.#characters.values()];
  }

  get forms(): readonly NameForm[] {
    return this.#forms;
  }

  character(id: string): Character | undefined {
    return this.#characters.get(id);
  }

  /**
   * The person a character entry is: itself, or for a ghost, spirit or recording written as its own
   * entry (`of: banquo`), the one it is of. Family ties are the person's.
   */
  person(id: string): string {
    return this.#characters.get(id)?.of ?? id;
  }

  /** The canon's family ties, written and derived, between persons (a ghost's ties are its person's). */
  get family(): FamilyTree {
    this.#family ??= new FamilyTree(this.#pack, (id) => this.person(id));
    return this.#family;
  }

  /** The canon character a cue or name refers to, spelled correctly (any case); misspellings excluded. */
  lookup(name: string): Character | undefined {
    const words = tokenize(name).words();
    if (words.length === 0) return undefined;
    const candidates = this.#byFirstWord.get(words[0]) ?? [];
    const form = candidates.find((f) => f.kind !== 'misspelling' && sameWords(f.words, words));
    return form ? this.#characters.get(form.characterId) : undefined;
  }

  /**
   * Every canon name in tokens[from, to), longest name first where names overlap. Names count only
   * where capitalised, unless `caseless` (a passage written all in lower case, as some writers do).
   */
  mentions(tokens: Tokens, from = 0, to = tokens.length, caseless = false): Mention[] {
    const found: Mention[] = [];
    let i = from;
    while (i < to) {
      const mention = this.#mentionAt(tokens, i, to, caseless);
      if (mention) {
        found.push(mention);
        i = mention.tokenEnd;
      } else {
        i++;
      }
    }
    return found;
  }

  #mentionAt(tokens: Tokens, i: number, to: number, caseless: boolean): Mention | undefined {
    if (!tokens.isWord(i) || (!tokens.capitalized(i) && !caseless)) return undefined;
    for (const form of this.#byFirstWord.get(tokens.word(i)) ?? []) {
      // "Mrs. Shore" is Cassie's mother, not Cassie.
      if (form.kind === 'surname' && i > 0 && HONORIFICS.has(tokens.word(i - 1))) continue;
      // A title names its one holder only as "the Fairy Queen": "Duke Theseus" is a name with its title.
      // Nor where it says what someone is ("Lennox, the Thane of Fife", "Ross is the Thane"): a
      // role given, which the role rule reads.
      // "Antonio, the King's brother": a title owning what follows names its holder all the same.
      if (form.kind === 'title' && (i === 0 || tokens.wordAt(i - 1) !== 'the' || (givesRole(tokens, i - 2) && tokens.word(i + form.words.length) !== "'s"))) continue;
      const end = i + form.words.length;
      if (end > to) continue;
      // "the King of France" is no King of Naples.
      if (form.kind === 'title' && tokens.wordAt(end) === 'of' && !form.words.includes('of')) continue;
      let ok = true;
      for (let k = 1; k < form.words.length && ok; k++) {
        ok = tokens.isWord(i + k) && tokens.word(i + k) === form.words[k];
      }
      // "Cinna" alone, where two characters are Cinna: nobody, and no shorter name of either.
      if (ok && this.#shared.size > 0 && this.#shared.has(form.words.join(' '))) return undefined;
      if (ok) {
        return {
          characterId: form.characterId,
          kind: form.kind,
          start: tokens.start(i),
          end: tokens.end(end - 1),
          tokenStart: i,
          tokenEnd: end,
        };
      }
    }
    return undefined;
  }

  #add(form: NameForm): void {
    if (form.words.length === 0) return;
    const list = this.#byFirstWord.get(form.words[0]) ?? [];
    if (list.some((f) => f.characterId === form.characterId && sameWords(f.words, form.words))) return;
    list.push(form);
    this.#byFirstWord.set(form.words[0], list);
    this.#forms.push(form);
  }
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w, i) => w === b[i]);
}

function wordsOf(text: string): string[] {
  return tokenize(text).words();
}

const KIND_RANK: Readonly<Record<NameKind, number>> = { full: 0, cue: 1, first: 2, alias: 3, nickname: 4, title: 5, surname: 6, misspelling: 7 };

/**
 * How many characters each surname could name: those who have it, and one more where it is
 * another character's own name ("Capulet", the father, beside Juliet Capulet), so that a surname
 * names someone alone only where nobody else answers to it.
 */
function countSurnames(characters: readonly Character[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of characters) {
    if (c.surname) counts.set(c.surname.toLowerCase(), (counts.get(c.surname.toLowerCase()) ?? 0) + 1);
  }
  for (const c of characters) {
    for (const own of [c.name, c.first, c.cue, ...c.aliases]) {
      const key = own?.toLowerCase();
      if (key && counts.has(key) && c.surname?.toLowerCase() !== key) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

function namesOf(c: Character, surnameCount: Map<string, number>): NameForm[] {
  const forms: NameForm[] = [];
  const add = (text: string | undefined, kind: NameKind): void => {
    if (text) forms.push({ characterId: c.id, text, words: wordsOf(text), kind });
  };
  add(c.name, 'full');
  add(c.first, 'first');
  if (c.surname && surnameCount.get(c.surname.toLowerCase()) === 1) add(c.surname, 'surname');
  add(c.cue, 'cue');
  c.aliases.forEach((a) => add(a, 'alias'));
  c.nicknames.forEach((n) => add(n, 'nickname'));
  c.misspellings.forEach((m) => add(m, 'misspelling'));
  return forms;
}

/** Words before "the" after which a title is what someone is made or called: "Ross is the Thane". */
const NAMING = new Set(['is', 'was', 'be', 'been', 'being', 'are', 'were', 'as', 'become', 'becomes', 'became', 'made', 'makes', 'make',
  'named', 'names', 'crowned', 'crowns', 'hailed', 'hails', 'proclaimed', 'proclaims', 'call', 'calls', 'called', 'new', 'now']);

/** Whether token `at` (before "the") makes what follows a role given: a comma of apposition or a word of NAMING. */
function givesRole(tokens: Tokens, at: number): boolean {
  if (at < 0) return false;
  // "Lennox, the Thane of Fife": a comma after a name; "thirty yards off, the Fairy Queen opens" is no apposition.
  if (tokens.kind(at) === 'comma') return (at > 0 && tokens.isWord(at - 1) && tokens.capitalized(at - 1)) || tokens.wordAt(at - 1) === undefined;
  const word = tokens.wordAt(at);
  return word !== undefined && NAMING.has(word);
}

/**
 * The titles that name one person as a name does: the terms of a role only one character ever
 * holds (exclusive, held from the start to the end: "the Fairy Queen", "the Duke"), written in
 * capitals after "the". A role that passes from one holder to another ("the King" in Macbeth), or
 * that nobody or several hold, names nobody by its title.
 */
function titlesOf(pack: CanonPack): NameForm[] {
  const forms: NameForm[] = [];
  // "the King" for the King of Naples, where no other role's term starts with "King".
  const heads = new Map<string, number>();
  for (const role of pack.roles) {
    for (const head of new Set(role.terms.map((term) => withoutThe(wordsOf(term))[0]))) if (head) heads.set(head, (heads.get(head) ?? 0) + 1);
  }
  for (const role of pack.roles) {
    if (!role.exclusive || role.holders === 'none') continue;
    const claims = pack.characters.flatMap((c) => c.roles.filter((r) => r.role === role.id).map((r) => ({ id: c.id, claim: r })));
    if (claims.length !== 1 || claims[0].claim.from !== undefined || claims[0].claim.until !== undefined) continue;
    const add = (words: string[], text: string): void => {
      if (words.length > 0 && !forms.some((f) => f.characterId === claims[0].id && f.words.join(' ') === words.join(' '))) {
        forms.push({ characterId: claims[0].id, text, words, kind: 'title' });
      }
    };
    for (const term of role.terms) {
      const words = withoutThe(wordsOf(term));
      add(words, term);
      if (words.length >= 3 && words[1] === 'of' && heads.get(words[0]) === 1) add([words[0]], term.split(/\s+/).find((w) => w.toLowerCase() === words[0]) ?? words[0]);
    }
  }
  return forms;
}

function withoutThe(words: string[]): string[] {
  return words[0] === 'the' ? words.slice(1) : words;
}

/** A passage of at least a few words with no capital at all: its writer does not capitalise names either. */
export function isCaseless(tokens: Tokens): boolean {
  let words = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens.isWord(i)) continue;
    if (tokens.capitalized(i)) return false;
    words++;
  }
  return words >= 3;
}
