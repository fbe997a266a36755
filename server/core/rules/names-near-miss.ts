import { isCommonWord } from '../story/english';
import type { CancellationToken } from '../cancellation';
import type { Character } from '../canon/model';
import { editDistance } from '../distance';
import type { Finding, Fix } from '../finding';
import type { FountainDocument } from '../fountain/model';
import { titlePage } from '../story/conventions';
import { absolute, encloses, type Span } from '../span';
import type { Cast } from '../story/cast';
import { SCRIPT_ID } from '../story/script-cast';
import {
  at, baseOf, elementOf, nameScope, passagesBefore, readsNames, writtenAt,
  type CastQuery, type Passage, type PassageQuery, type Script, type ScriptQuery,
} from '../story/script';
import type { Rule } from './rule';

/** A name in the script that is close to, but not, a canon name. Hover reads these too. */
export interface NearMiss {
  readonly span: Span;
  readonly written: string;
  /** The canon spellings meant, best first, in the writer's case: ["Neveah"]. */
  readonly canon: readonly string[];
  /** The characters meant, in the same order as `canon`. */
  readonly characterIds: readonly string[];
  /** True for a misspelling the pack lists; false for one found by edit distance. */
  readonly listed: boolean;
}

export const rule: Rule = {
  id: 'names.near-miss',
  description: 'A near-miss of a canon name: a misspelling the canon pack lists, or a name a letter or two off.',
  defaultSeverity: 'warning',
  check(script: Script, token: CancellationToken): Finding[] {
    if (token.isCancellationRequested) return [];
    return nearMisses(script, token).map((miss) => findingOf(script, miss));
  },
};

/**
 * English words one edit from common canon first names, which a sentence may begin with, that the
 * lexicon of common words (story/english.ts) lacks. Words the script also uses in lower case are
 * recognised as English without either.
 */
const ENGLISH = new Set(
  (
    'delta deli dell shade shake shame shape share shave shine shone shank sane ramen rayon ' +
    'junk jute nail cable cassis better'
  ).split(' '),
);

const NAME_FORMS = new Set(['first', 'cue', 'alias', 'nickname', 'full']);
const LETTERS = /^\p{Lu}\p{L}*$/u;

interface Target {
  readonly word: string;
  readonly text: string;
  readonly characterId: string;
}

/**
 * What the whole script says about its names, gathered once per check and only when asked: most
 * checks find no candidate that gets as far as needing the counts.
 */
interface ScriptNames {
  readonly targets: readonly Target[];
  readonly canonWords: ReadonlySet<string>;
  /** Words asked about so far: whether the script also writes them in lower case. */
  readonly lowercase: Map<string, boolean>;
  readonly cueCounts: ReadonlyMap<string, number>;
  readonly mentioned: ReadonlySet<string>;
}

/** The canon's names, once per cast. */
interface CanonNames {
  readonly targets: readonly Target[];
  readonly canonWords: ReadonlySet<string>;
}

/**
 * The script's near-misses (the rule's findings, and what a hover on a name asks again): one pass
 * over the passages that can hold one. A query of the whole script, so that the seam
 * (Script.queries) may keep them for the hovers on the same version (14 ms at 200k lines).
 */
export function nearMisses(script: Script, _token?: CancellationToken): readonly NearMiss[] {
  return script.queries.script(NEAR_MISSES);
}

const NEAR_MISSES: ScriptQuery<readonly NearMiss[]> = {
  ofScript(script) {
    const names = scriptNames(script);
    const found: NearMiss[] = [];
    const passages = script.passages;
    // Where a near-miss can be at all: before and after the edited scene the passages are the
    // earlier analysis's, so the seam may take these places from it too.
    for (const base of script.queries.passagesWhere(LOUD)) {
      const passageIndex = passagesBefore(script, base);
      const passage = passages[passageIndex];
      const scope = nameScope(script, passageIndex);
      listedMisses(script, passage, passageIndex, scope, found);
      unlistedMisses(script, names, passage, passageIndex, scope, found);
    }
    found.sort((a, b) => a.span.start - b.span.start);
    // A spelling the writer keeps (the title page's `Spellings:`) is theirs: no warning, no hover note.
    const kept = script.conventions.keptSpellings;
    return kept.size === 0 ? found : found.filter((miss) => !kept.has(miss.written.toLowerCase()));
  },
};

/**
 * Whether a passage's words can hold a near-miss: a misspelling the pack lists, or a word a letter
 * or two off a canon name. Both follow from the passage's own words and the canon (the script's own
 * names add no misspellings), so a keystroke need not ask again of the passages it did not change.
 */
const LOUD: PassageQuery<boolean> = {
  ofPassage: (script, passage, index) => readsNames(passage) && (hasMisspelling(passage) || candidatesIn(script, passage, index).length > 0),
};

function hasMisspelling(passage: Passage): boolean {
  for (const m of passage.mentions) if (m.kind === 'misspelling') return true;
  return false;
}

function listedMisses(script: Script, passage: Passage, passageIndex: number, scope: Span, found: NearMiss[]): void {
  for (const m of passage.mentions) {
    if (m.kind !== 'misspelling') continue;
    const span = at(script, passageIndex, m);
    if (!encloses(scope, span)) continue;
    const written = writtenAt(script, passageIndex, m);
    const canon = inWritersCase(written, closestSpelling(script.cast, m.characterId, written));
    found.push({ span, written, canon: [canon], characterIds: [m.characterId], listed: true });
  }
}

/** The character's correct form with as many words as written and the fewest edits away. */
function closestSpelling(cast: Cast, characterId: string, written: string): string {
  const words = written.toLowerCase().split(/\s+/);
  const forms = cast.forms.filter(
    (f) => f.characterId === characterId && f.kind !== 'misspelling' && f.words.length === words.length,
  );
  let best = cast.character(characterId)?.name ?? written;
  let bestDistance = Infinity;
  for (const form of forms) {
    const distance = editDistance(form.words.join(' '), words.join(' '));
    if (distance < bestDistance) [best, bestDistance] = [form.text, distance];
  }
  return best;
}

function unlistedMisses(script: Script, names: ScriptNames, passage: Passage, passageIndex: number, scope: Span, found: NearMiss[]): void {
  const candidates = candidatesIn(script, passage, passageIndex);
  if (candidates.length === 0) return;
  for (const { index, best } of candidates) {
    const word = passage.tokens.word(index);
    const token = passage.tokens.span(index);
    const span = at(script, passageIndex, token);
    if (namesCanon(passage, index) || !encloses(scope, span) || introduces(script, names, passage, passageIndex, index)
      || usedInLowerCase(script, names, word)) continue;
    const ids = [...new Set(best.map((target) => target.characterId))];
    if (isOwnCharacter(word, names) || best.some((target) => derivedForm(word, target.word, passage.kind === 'dialogue'))) continue;
    const written = writtenAt(script, passageIndex, token);
    const canon = ids.map((id) => inWritersCase(written, best.find((target) => target.characterId === id)!.text));
    found.push({ span, written, canon, characterIds: ids, listed: false });
  }
}

/**
 * Whether the token is part of a canon mention. The script's own characters are mentions too, but
 * a cued DELLIA is exactly what is checked here. (A loop, not a set per passage: a passage has
 * few candidates, and this runs for every passage that has one at every keystroke.)
 */
function namesCanon(passage: Passage, index: number): boolean {
  for (const m of passage.mentions) {
    if (index >= m.tokenStart && index < m.tokenEnd && !m.characterId.startsWith(SCRIPT_ID)) return true;
  }
  return false;
}

/** A capitalised word a letter or two off a canon name, with the names it is closest to. */
interface Candidate {
  readonly index: number;
  readonly best: readonly Target[];
}

/**
 * The passage's words that look like slips for canon names, by the passage's words and the canon
 * alone: a passage query, so a keystroke compares only the words of the passage it changed with
 * every canon name.
 */
function candidatesIn(script: Script, passage: Passage, passageIndex: number): readonly Candidate[] {
  return script.queries.passage(CANDIDATES, passageIndex);
}

const CANDIDATES: PassageQuery<readonly Candidate[]> = {
  ofPassage(script, passage, passageIndex) {
    const names = script.queries.cast(CANON_NAMES);
    const found: Candidate[] = [];
    const text = script.doc.text;
    const base = baseOf(script, passageIndex);
    const tokens = passage.tokens;
    for (let index = 0; index < tokens.length; index++) {
      // The written word is looked at last: most words fail on the token alone, without a slice of the text.
      const word = tokens.wordAt(index);
      if (word === undefined || !isCandidate(word, names)) continue;
      if (!LETTERS.test(text.slice(absolute(base, tokens.start(index)), absolute(base, tokens.end(index))))) continue;
      const best = closestTargets(word, names.targets);
      if (best.length > 0) found.push({ index, best });
    }
    return found;
  },
};

/** "Shane" is a name, but not in a script that also writes "shane" in lower case: a word, then. */
function usedInLowerCase(script: Script, names: ScriptNames, word: string): boolean {
  let used = names.lowercase.get(word);
  if (used === undefined) {
    used = script.passages.some((_, i) => script.queries.passage(LOWERCASE, i).has(word));
    names.lowercase.set(word, used);
  }
  return used;
}

/** The words a passage writes in lower case. */
const LOWERCASE: PassageQuery<ReadonlySet<string>> = {
  ofPassage(_, { tokens }) {
    const words = new Set<string>();
    for (let i = 0; i < tokens.length; i++) if (tokens.isWord(i) && !tokens.capitalized(i)) words.add(tokens.word(i));
    return words;
  },
};

/**
 * "RAMONA, the rehearsal pianist, ..." or "RAMONA (60s) ...": a screenplay introduces a new
 * character in capitals with a description, which is a name chosen on purpose, not a slip.
 */
function introduces(script: Script, names: ScriptNames, passage: Passage, passageIndex: number, i: number): boolean {
  if (passage.kind !== 'action') return false;
  const tokens = passage.tokens;
  const written = writtenAt(script, passageIndex, tokens.span(i));
  const next = i + 1;
  if (written.length <= 1 || written !== written.toUpperCase()) return false;
  // A surname canon does not have may stand between: "BETTANY CRUZ (17)" (but "DELLIA WHITLAW" is Delia).
  let after = next;
  while (after < next + 2 && after < tokens.length && tokens.isWord(after) && !names.canonWords.has(tokens.word(after))
    && isCapitals(writtenAt(script, passageIndex, tokens.span(after)))) after++;
  if (after > next && (after >= tokens.length || tokens.kind(after) !== 'word')) return true;
  return after < tokens.length && (tokens.kind(after) === 'comma' || tokens.word(after) === '(');
}

function isCapitals(written: string): boolean {
  return written.length > 1 && written === written.toUpperCase() && written !== written.toLowerCase();
}

/**
 * A word that may be a slip for a canon name, as far as the canon alone can tell, before its
 * written form (a capitalised word of letters alone, LETTERS) is looked at.
 */
function isCandidate(word: string, names: CanonNames): boolean {
  return word.length >= 4 && !names.canonWords.has(word) && !ENGLISH.has(word) && !isCommonWord(word) && !pluralOfName(word, names.canonWords);
}

/**
 * A form a speaker makes of a name on purpose, not a slip: the name inside a word a syllable longer
 * ("'Ban, 'Ban, Cacaliban"), or, in dialogue, the name clipped at its end ("on Prosper fall",
 * "Cass, wait"), as characters call each other. In narration a clipped name is a slip ("Cassi").
 */
function derivedForm(word: string, name: string, spoken: boolean): boolean {
  // A syllable or more added ("Cacaliban", "Ramonito"): one letter more is a slip ("Ramone").
  if (word.length >= name.length + 2 && word.includes(name)) return true;
  return spoken && word.length < name.length && name.startsWith(word);
}

/** "A row of little Delias", "the Capulets", "two Ramons": a name in the plural is the name, used as a noun. */
function pluralOfName(word: string, canonWords: ReadonlySet<string>): boolean {
  return (word.endsWith('s') && canonWords.has(word.slice(0, -1))) || (word.endsWith('es') && canonWords.has(word.slice(0, -2)));
}

/**
 * A writer who cues an original character (OWEN, RAMONA) more than once means a character of
 * their own, whether or not the canon character it resembles is in the script too: a slip is a
 * misspelling among correct spellings, and no writer slips the same way in every cue.
 */
function isOwnCharacter(word: string, names: ScriptNames): boolean {
  return (names.cueCounts.get(word) ?? 0) >= 2;
}

function closestTargets(word: string, targets: readonly Target[]): Target[] {
  let best: Target[] = [];
  let bestDistance = Infinity;
  for (const target of targets) {
    // Cheap tests first: a big script has thousands of capitalised words.
    if (target.word[0] !== word[0] || Math.abs(target.word.length - word.length) > 2) continue;
    if (!closeEnough(word, target.word)) continue;
    const distance = editDistance(word, target.word);
    if (distance < bestDistance) [best, bestDistance] = [[target], distance];
    else if (distance === bestDistance) best.push(target);
  }
  return best;
}

/**
 * How far a word may stray from a name and still be a slip for it. Short names have too many
 * real neighbours: a four-letter name is matched only by a dropped, doubled or swapped letter
 * ("Jnue"), since one changed letter makes another name (June, Jane) as often as a typo.
 */
export function closeEnough(word: string, name: string): boolean {
  if (name.length <= 3 || word.length <= 3 || word === name) return false;
  const distance = editDistance(word, name);
  if (name.length === 4) return distance === 1 && (word.length !== 4 || sameLetters(word, name));
  return distance <= (name.length <= 6 ? 1 : 2);
}

function sameLetters(a: string, b: string): boolean {
  return [...a].sort().join('') === [...b].sort().join('');
}

/** Capitals for capitals (a cue, a shouted name); otherwise the canon's own casing, as in prose. */
export function inWritersCase(written: string, canon: string): string {
  if (written.length > 1 && written === written.toUpperCase()) return canon.toUpperCase();
  if (canon.length > 1 && canon === canon.toUpperCase()) return titleCase(canon);
  return canon;
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function scriptNames(script: Script): ScriptNames {
  const { targets, canonWords } = script.queries.cast(CANON_NAMES);
  let counted: { cueCounts: Map<string, number>; mentioned: Set<string> } | undefined;
  const count = (): { cueCounts: Map<string, number>; mentioned: Set<string> } => {
    if (counted) return counted;
    const cueCounts = new Map<string, number>();
    const mentioned = new Set<string>();
    for (let i = 0; i < script.passages.length; i++) {
      for (const m of script.passages[i].mentions) if (m.kind !== 'misspelling') mentioned.add(m.characterId);
      const element = elementOf(script, i);
      if (element.type === 'character') {
        // By the whole cue and by its first word: RAMONA VEGA is a RAMONA cued.
        const name = element.name.toLowerCase().trim();
        const first = name.split(/\s+/)[0];
        cueCounts.set(name, (cueCounts.get(name) ?? 0) + 1);
        if (first !== name) cueCounts.set(first, (cueCounts.get(first) ?? 0) + 1);
      }
    }
    return (counted = { cueCounts, mentioned });
  };
  return {
    targets, canonWords, lowercase: new Map(),
    get cueCounts() { return count().cueCounts; },
    get mentioned() { return count().mentioned; },
  };
}

/** The canon's names, by the cast alone. */
const CANON_NAMES: CastQuery<CanonNames> = { ofCast: canonNames };

function canonNames(cast: Cast): CanonNames {
  const targets: Target[] = [];
  const canonWords = new Set<string>();
  for (const form of cast.forms) {
    form.words.forEach((w) => canonWords.add(w));
    if (NAME_FORMS.has(form.kind) && form.words.length === 1) {
      targets.push({ word: form.words[0], text: form.text, characterId: form.characterId });
    }
  }
  for (const c of cast.characters) if (c.surname) canonWords.add(c.surname.toLowerCase());
  return { targets, canonWords };
}

function findingOf(script: Script, miss: NearMiss): Finding {
  const cast = script.cast;
  const who = miss.characterIds.map((id, i) => `${miss.canon[i]} (${describe(cast.character(id))})`).join(' or ');
  const message = miss.listed
    ? `‘${miss.written}’ is not the canon spelling: ${who}`
    : `‘${miss.written}’ is not a canon name: did you mean ${who}?`;
  return {
    ruleId: rule.id,
    span: miss.span,
    message,
    severity: rule.defaultSeverity,
    fixes: [
      ...miss.canon.map((canon) => ({
        title: `Change to ‘${canon}’`,
        edits: [{ span: miss.span, newText: canon }],
        preferred: miss.canon.length === 1,
      })),
      keepSpelling(script.doc, miss.written),
    ],
  };
}

/**
 * The fix that keeps a deliberate spelling: it adds the name to the title page's `Spellings:`
 * (starting the key, or a title page, where there is none), so that the script itself says so and
 * the command line reads it as the editor does. Its title says where it is recorded.
 */
export function keepSpelling(doc: FountainDocument, written: string): Fix {
  const title = `Keep this spelling: add ‘${written}’ to Spellings: on the title page`;
  const page = titlePage(doc);
  const entries = page?.entries ?? [];
  const spellings = entries.find((e) => e.key.trim().toLowerCase() === 'spellings');
  if (spellings) {
    const at = spellings.valueSpan.end;
    return { title, edits: [{ span: { start: at, end: at }, newText: spellings.value.trim() === '' ? ` ${written}` : `, ${written}` }] };
  }
  const last = entries[entries.length - 1];
  if (last) {
    const at = last.valueSpan.end;
    return { title, edits: [{ span: { start: at, end: at }, newText: `\nSpellings: ${written}` }] };
  }
  return { title, edits: [{ span: { start: 0, end: 0 }, newText: `Spellings: ${written}\n\n` }] };
}

/** "Neveah Stroyer, ballet student at the Archer School": who a name stands for, in one line. */
export function describe(character: Character | undefined): string {
  if (!character) return '';
  const about = character.role ?? firstClause(character.description);
  return about ? `${character.name}, ${asPhrase(about)}` : character.name;
}

/** "Bette's older sister; the one who..." gives "Bette's older sister": a message wants one line. */
function firstClause(description: string | undefined): string | undefined {
  const clause = description?.split(/[.;:]\s|\s\(|[.;:]$/)[0].trim();
  return clause ? clause : undefined;
}

/** "Ballet student at ..." reads as "ballet student at ..." mid-sentence; "Archer School ..." stays. */
function asPhrase(role: string): string {
  const [first, second] = role.split(' ');
  const common = /^\p{Lu}\p{Ll}*$/u.test(first) && (second === undefined || !/^\p{Lu}/u.test(second));
  return common ? role[0].toLowerCase() + role.slice(1) : role;
}
