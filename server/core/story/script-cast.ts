import type { Cue } from '../fountain/model';
import type { Cast, Mention, NameForm } from './cast';
import type { Token } from './words';

/** The prefix of character ids for the script's own characters, which the canon does not know. */
export const SCRIPT_ID = 'script:';

// Cues that name a role rather than a person.
const GENERIC = new Set(['VOICE', 'NURSE', 'DOCTOR', 'ALL', 'BOTH', 'MAN', 'WOMAN', 'GIRL', 'BOY', 'CROWD',
  'EVERYONE', 'OFFICER', 'DETECTIVE', 'TEACHER', 'STUDENT', 'STUDENTS', 'DANCER', 'DANCERS', 'NARRATOR', 'RADIO',
  'TV', 'ANNOUNCER', 'REPORTER', 'PHONE', 'MOM', 'DAD', 'MOTHER', 'FATHER']);

/**
 * The script's own characters (KAI, MADISON), as name forms: narration naming them is read as
 * naming a person, so "Kai pushes Cassie" is Kai pushing, not "someone".
 */
export function scriptNameForms(cues: readonly Cue[], cast: Cast): NameForm[] {
  const seen = new Set<string>();
  const forms: NameForm[] = [];
  for (const cue of cues) {
    const name = cue.name.trim().toUpperCase();
    if (!name || seen.has(name) || GENERIC.has(name) || cast.lookup(name)) continue;
    seen.add(name);
    const words = name.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter(Boolean);
    if (words.length === 0 || words.length > 3) continue;
    forms.push({ characterId: SCRIPT_ID + name, text: titleCase(name), words, kind: 'cue' });
  }
  return forms;
}

export function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s\-'])(\p{L})/gu, (_, p: string, c: string) => p + c.toUpperCase());
}

/** Adds mentions of script characters where no canon name stands. */
export function withScriptMentions(tokens: readonly Token[], canon: readonly Mention[], forms: readonly NameForm[]): Mention[] {
  if (forms.length === 0) return [...canon];
  const taken = new Set<number>();
  for (const m of canon) for (let i = m.tokenStart; i < m.tokenEnd; i++) taken.add(i);
  const found: Mention[] = [...canon];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !t.capitalized || taken.has(i)) continue;
    const form = forms.find((f) => f.words[0] === t.word && f.words.every((w, k) => tokens[i + k]?.word === w && !taken.has(i + k)));
    if (!form) continue;
    const end = i + form.words.length;
    found.push({ characterId: form.characterId, kind: 'cue', form, start: t.start, end: tokens[end - 1].end, tokenStart: i, tokenEnd: end });
    i = end - 1;
  }
  return found.sort((a, b) => a.tokenStart - b.tokenStart);
}
