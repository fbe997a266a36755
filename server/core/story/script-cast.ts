import type { Cue } from '../fountain/model';
import type { Cast, Mention, NameForm } from './cast';
import type { Tokens } from './words';
import { detached } from '../detached';
import { exact } from '../exact';

/** The prefix of character ids for the script's own characters, which the canon does not know. */
export const SCRIPT_ID = 'script:';

// Cues that name a role rather than a person.
const GENERIC = new Set(['VOICE', 'NURSE', 'DOCTOR', 'ALL', 'BOTH', 'MAN', 'WOMAN', 'GIRL', 'BOY', 'CROWD',
  'EVERYONE', 'OFFICER', 'DETECTIVE', 'TEACHER', 'STUDENT', 'STUDENTS', 'DANCER', 'DANCERS', 'NARRATOR', 'RADIO',
  'TV', 'ANNOUNCER', 'REPORTER', 'PHONE', 'MOM', 'DAD', 'MOTHER', 'FATHER']);

/** Where a cue's name form may be kept (incremental/text-memo.ts TextMemo), or none. */
export interface CueForms {
  get(text: string, compute: (text: string) => NameForm | undefined): NameForm | undefined;
}

/**
 * The script's own characters (KAI, MADISON), as name forms: narration naming them is read as
 * naming a person, so "Kai pushes Cassie" is Kai pushing, not "someone".
 */
export function scriptNameForms(cues: readonly Cue[], cast: Cast, known: CueForms): NameForm[] {
  // By id: "Kai" and "KAI " are one character.
  const seen = new Set<string>();
  const forms: NameForm[] = [];
  const formOf = (name: string): NameForm | undefined => cueForm(name, cast);
  for (const cue of cues) {
    const form = known.get(cue.name, formOf);
    if (!form || seen.has(form.characterId)) continue;
    seen.add(form.characterId);
    forms.push(form);
  }
  return forms;
}

/** The name form a cue gives the script's own character; none for a canon character, a role, or no name. */
function cueForm(cueName: string, cast: Cast): NameForm | undefined {
  // Detached: the name form outlives the document version the cue was read from.
  const name = detached(cueName.trim().toUpperCase());
  if (!name || GENERIC.has(name) || cast.lookup(name)) return undefined;
  const words = name.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter(Boolean);
  if (words.length === 0 || words.length > 3) return undefined;
  return { characterId: SCRIPT_ID + name, text: titleCase(name), words, kind: 'cue' };
}

export function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s\-'])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
}

/**
 * The script's own names, by first word: which of them a passage's words can include. A passage's
 * words depend only on those, so a new cue leaves every passage that does not write its name as it
 * was read (and cached) before.
 */
export class ScriptNames {
  readonly forms: readonly NameForm[];
  readonly #firstWords = new Set<string>();

  constructor(forms: readonly NameForm[]) {
    this.forms = forms;
    for (const form of forms) this.#firstWords.add(form.words[0]);
  }

  /** The names whose first word stands capitalised among the tokens, in the script's order: most passages have none. */
  #within(tokens: Tokens): readonly NameForm[] {
    if (this.#firstWords.size === 0) return NONE;
    let found: Set<string> | undefined;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens.isWord(i) && tokens.capitalized(i) && this.#firstWords.has(tokens.word(i))) (found ??= new Set()).add(tokens.word(i));
    }
    return found ? this.forms.filter((f) => found.has(f.words[0])) : NONE;
  }

  /**
   * The bits (capitalBits) of the first words of the names that are in this list or in `earlier`
   * but not in both: a passage whose capitalised words have none of them writes none of the names
   * that changed, so it reads the same with either list. Every bit where the names both lists have
   * stand in another order: which of two names a passage writes ("Captain", "Captain Rex") goes
   * by the order, so every passage that writes any name must be looked at.
   */
  changedBits(earlier: readonly NameForm[]): number {
    const before = new Set(earlier);
    const now = new Set(this.forms);
    const kept = this.forms.filter((form) => before.has(form));
    const keptBefore = earlier.filter((form) => now.has(form));
    if (kept.some((form, i) => form !== keptBefore[i])) return -1;
    let bits = 0;
    for (const form of this.forms) if (!before.has(form)) bits |= wordBit(form.words[0]);
    for (const form of earlier) if (!now.has(form)) bits |= wordBit(form.words[0]);
    return bits;
  }

  /** The key of the names a passage's words include (namesKey): what its cached version is kept under. */
  keyOf(tokens: Tokens): string {
    return namesKey(this.#within(tokens));
  }

  /**
   * A passage's words with the script's names it writes added to its canon words: those very
   * words where it writes none. Words with names of their own have a token list of their own,
   * since rules keep findings by token list.
   */
  wordsOf(canon: { readonly tokens: Tokens; readonly mentions: readonly Mention[] }): { tokens: Tokens; mentions: readonly Mention[] } {
    const within = this.#within(canon.tokens);
    return within.length === 0 ? canon : { tokens: canon.tokens.copy(), mentions: exact(withScriptMentions(canon.tokens, canon.mentions, within)) };
  }
}

const NONE: readonly NameForm[] = Object.freeze([]);

/**
 * One bit for each of the capitalised words among the tokens (a word's bit stands for many words):
 * a passage writes a name only if the bit of the name's first word is set.
 */
export function capitalBits(tokens: Tokens): number {
  let bits = 0;
  for (let i = 0; i < tokens.length; i++) if (tokens.isWord(i) && tokens.capitalized(i)) bits |= wordBit(tokens.word(i));
  return bits;
}

function wordBit(word: string): number {
  let hash = 0;
  for (let i = 0; i < word.length; i++) hash = (hash * 31 + word.charCodeAt(i)) | 0;
  return 1 << (hash & 31);
}

/** A key for a list of the script's names, equal for equal lists: '' for none. */
export function namesKey(forms: readonly NameForm[]): string {
  return forms.map((f) => f.characterId).join('|');
}

/** Adds mentions of script characters where no canon name stands. */
export function withScriptMentions(tokens: Tokens, canon: readonly Mention[], forms: readonly NameForm[]): Mention[] {
  if (forms.length === 0) return [...canon];
  const taken = new Set<number>();
  for (const m of canon) for (let i = m.tokenStart; i < m.tokenEnd; i++) taken.add(i);
  const found: Mention[] = [...canon];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens.isWord(i) || !tokens.capitalized(i) || taken.has(i)) continue;
    const word = tokens.word(i);
    const form = forms.find((f) => f.words[0] === word && f.words.every((w, k) => i + k < tokens.length && tokens.word(i + k) === w && !taken.has(i + k)));
    if (!form) continue;
    const end = i + form.words.length;
    found.push({ characterId: form.characterId, kind: 'cue', start: tokens.start(i), end: tokens.end(end - 1), tokenStart: i, tokenEnd: end });
    i = end - 1;
  }
  return found.sort((a, b) => a.tokenStart - b.tokenStart);
}
