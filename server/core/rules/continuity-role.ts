import type { Role, RoleClaim } from '../canon/model';
import type { Finding, Fix } from '../finding';
import type { Span } from '../span';
import { isBe } from '../story/lemma';
import { moodOf } from '../story/mood';
import type { Clause } from '../story/clauses';
import { happeningOfWord, renamedAt } from '../story/reading';
import { baseOf, type ClauseInfo, type Clock, type Script } from '../story/script';
import { SCRIPT_ID } from '../story/script-cast';
import { type Item, hasWordIn, items, wordOf } from './claims';
import type { ClauseRule } from './rule';
import { personNoun } from '../story/person-nouns';
import { characterName, cite, eventName, markDivergence } from './support';

/** Words that put a role in the past: "was once a student", "used to be", "had been". */
const PAST = new Set(['was', 'were', 'been', 'once', 'former', 'formerly', 'used', 'previously', 'ex']);
/** Words that may stand between a name and its role: "Ramon, still a senior student". */
const MODIFIERS = new Set(['still', 'now', 'already', 'a', 'an', 'the', 'senior', 'junior', 'new', 'first-year', 'star',
  'current', 'currently', 'top', 'young', 'promising']);
/** Capitalised words that are no one's name. */
const NOT_NAMES = new Set(['the', 'a', 'an', 'she', 'he', 'they', 'it', 'we', 'i', 'you', 'everyone', 'everybody', 'someone',
  'somebody', 'nobody', 'no', 'this', 'that', 'there', 'here', 'his', 'her', 'their', 'one', 'each', 'who', 'and', 'but']);

interface TermMatch {
  readonly role: Role;
  readonly from: number;
  /** Exclusive item index. */
  readonly to: number;
}

/** Who a role is given to: a character id (canon or script), or an original name nobody knows. */
interface Holder {
  readonly id?: string;
  readonly name: string;
  readonly span: Span;
}

interface Term {
  readonly role: Role;
  readonly words: readonly string[];
}

/** The pack's role terms by first word, longest first: built once per check (Prepared), since every clause asks. */
function termsByFirstWord(script: Script): ReadonlyMap<string, readonly Term[]> {
  const all = script.pack.roles.flatMap((role) => role.terms.map((t) => ({ role, words: t.toLowerCase().split(/[\s-]+/).filter(Boolean) })));
  const index = new Map<string, Term[]>();
  for (const term of all.sort((a, b) => b.words.length - a.words.length)) {
    if (term.words.length === 0) continue;
    const list = index.get(term.words[0]);
    if (list) list.push(term);
    else index.set(term.words[0], [term]);
  }
  return index;
}

/** An item's word for matching role terms: a name in a term ("Thane of Ross") is a word there too. */
function termWordOf(script: Script, it: Item | undefined): string | undefined {
  if (it?.kind === 'ref' && it.ref.kind === 'name') return script.doc.text.slice(it.start, it.end).toLowerCase();
  return wordOf(it);
}

function matchTerms(script: Script, index: ReadonlyMap<string, readonly Term[]>, its: readonly Item[]): TermMatch[] {
  const found: TermMatch[] = [];
  for (let k = 0; k < its.length; k++) {
    const first = wordOf(its[k]);
    const candidates = first === undefined ? undefined : index.get(first);
    if (!candidates) continue;
    const term = candidates.find((t) => matchesAt(script, t, its, k));
    if (!term) continue;
    // "a senior choreographer", "the junior teacher": a one-word term right before a noun for a
    // person, or before a term, describes that one; it is not a role of its own ("a senior
    // student" is one student, read once, at "student").
    const next = wordOf(its[k + term.words.length]);
    if (term.words.length === 1 && next !== undefined && (personNoun(next) === 'noun' || index.has(next))) continue;
    found.push({ role: term.role, from: k, to: k + term.words.length });
    k += term.words.length - 1;
  }
  return found;
}

function matchesAt(script: Script, term: Term, its: readonly Item[], k: number): boolean {
  for (let n = 1; n < term.words.length; n++) if (termWordOf(script, its[k + n]) !== term.words[n]) return false;
  return true;
}

/** A name ending at item k (inclusive): a mention, or capitalised words nobody in canon has. */
function nameEndingAt(script: Script, its: readonly Item[], k: number): Holder | undefined {
  const it = its[k];
  if (it?.kind === 'ref') {
    if (it.ref.kind !== 'name' || !it.ref.characterId) return undefined;
    // "Monique Shore": a surname joined to someone else's first name is a garbled name, not Cassie.
    const before = its[k - 1];
    if (it.ref.mention?.kind === 'surname' && (before?.kind === 'ref' || isNameWord(before))) return undefined;
    return { id: it.ref.characterId, name: characterName(script, it.ref.characterId), span: { start: it.start, end: it.end } };
  }
  let from = k;
  while (from >= 0 && isNameWord(its[from])) from--;
  return original(script, its, from + 1, k + 1);
}

/** A name starting at item k. */
function nameStartingAt(script: Script, its: readonly Item[], k: number): Holder | undefined {
  const it = its[k];
  if (it?.kind === 'ref') return nameEndingAt(script, its, k);
  let to = k;
  while (to < its.length && isNameWord(its[to])) to++;
  return original(script, its, k, to);
}

function isNameWord(it: Item | undefined): boolean {
  return it?.kind === 'word' && it.capitalized && !NOT_NAMES.has(it.word) && /^\p{L}/u.test(it.word);
}

function original(script: Script, its: readonly Item[], from: number, to: number): Holder | undefined {
  if (to <= from || to - from > 3) return undefined;
  const span = { start: its[from].start, end: its[to - 1].end };
  return { name: script.doc.text.slice(span.start, span.end), span };
}

/** Who the narration gives the role at `m`, by one of four shapes; undefined if none fits. */
function holderOf(script: Script, clause: Clause, its: readonly Item[], m: TermMatch): Holder | undefined {
  // Walk back over "still a senior", then a comma (apposition) or a form of "be" (copula).
  let k = m.from - 1;
  let steps = 0;
  while (k >= 0 && steps < 4) {
    if (MODIFIERS.has(wordOf(its[k]) ?? '') || describes(its[k])) k--;
    // A proper name after an article says where or whose: "an Archer student", "the Capulet heir".
    else if (isNameWord(its[k]) && ['a', 'an', 'the'].includes(wordOf(its[k - 1]) ?? '')) k--;
    // Whose the role is, or where: "still Monique's pupil", "Archer's acting director".
    else if (wordOf(its[k]) === "'s" && k > 0 && (its[k - 1].kind === 'ref' || isNameWord(its[k - 1]))) k -= 2;
    // ...or whose by a noun: "Iago, the general's lieutenant".
    else if (wordOf(its[k]) === "'s" && k > 1 && its[k - 1].kind === 'word' && ['the', 'his', 'her', 'their'].includes(wordOf(its[k - 2]) ?? '')) k -= 3;
    else break;
    steps++;
  }
  const link = its[k];
  if (link?.kind === 'comma' || (isBe(wordOf(link) ?? '') && !PAST.has(wordOf(link) ?? ''))) {
    // A person the reading says the phrase renames ("Ramon, still a student", "RAMON (22), a
    // student"); else an original name nobody in canon has, in capitals before the link.
    const renamed = renamedAt(clause, its[k + 1].index);
    const named = renamed && nameEndingAt(script, its, its.findIndex((it) => it.kind === 'ref' && it.ref === renamed));
    if (named) return named;
    let end = k - 1;
    while (end >= 0 && isAge(its[end])) end--;
    const holder = its[end]?.kind === 'ref' ? undefined : nameEndingAt(script, its, end);
    if (holder) return holder;
  }
  // "The acting director, Madison Grey," and "acting director Monique Dubois".
  const after = its[m.to]?.kind === 'comma' ? m.to + 1 : m.to;
  const opensNoun = m.from === 0 || ['the', 'a', 'an'].includes(wordOf(its[m.from - 1]) ?? '');
  if (!opensNoun) return undefined;
  const holder = nameStartingAt(script, its, after);
  // "with no one by but the priest, Olivia marries Sebastian": a phrase, then a comma, then the
  // clause's subject and its verb, is a fronted phrase, not an apposition (which a comma closes).
  if (holder && after > m.to) {
    const next = its.find((it) => it.start >= holder.span.end);
    if (next?.kind === 'word' && !next.capitalized) return undefined;
  }
  return holder;
}

/** "Cassio is the lieutenant no more", "no longer", "any more": the role is denied after its term. */
function undoneAfter(its: readonly Item[], to: number): boolean {
  const next = wordOf(its[to]);
  const then = wordOf(its[to + 1]);
  return next === 'anymore' || ((next === 'no' || next === 'any') && (then === 'more' || then === 'longer'));
}

/** "22", "20s", "late", "mid": what a bracketed age is made of. */
function isAge(it: Item | undefined): boolean {
  const word = wordOf(it);
  return word !== undefined && (/^\d{1,2}s?$/.test(word) || word === 'late' || word === 'early' || word === 'mid');
}

/** A lowercase word that can describe the role ("a second-year student"), not a verb of being or a clause word. */
function describes(it: Item | undefined): boolean {
  const word = wordOf(it);
  return it?.kind === 'word' && !it.capitalized && word !== undefined && !isBe(word) && !PAST.has(word)
    && !['who', 'which', 'that', 'and', 'or', 'but', 'as', "'s", 'of', 'to', 'for', 'with', 'not', 'never'].includes(word);
}

function inPast(its: readonly Item[], holder: Holder, m: TermMatch): boolean {
  for (const it of its) {
    if (it.start < Math.min(holder.span.start, its[m.from].start) || it.end > its[m.to - 1].end) continue;
    if (PAST.has(wordOf(it) ?? '')) return true;
  }
  return false;
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}

function roleLabel(script: Script, claim: RoleClaim): string {
  const term = script.pack.roles.find((r) => r.id === claim.role)?.terms[0] ?? claim.role;
  const place = script.pack.places.find((p) => p.id === claim.at)?.name.replace(/^The /, 'the ');
  return place ? `${article(term)} of ${place}` : article(term);
}

function list(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

interface Verdict {
  readonly message: string;
  readonly fix?: Fix;
}

/** Whether a role claim is held at a clock: certainly, certainly not, or (a timed claim at an unknown time) unknown. */
type Tenure = 'holds' | 'not' | 'unknown';

function tenure(script: Script, claim: RoleClaim, clock: Clock | undefined): Tenure {
  if (claim.from === undefined && claim.until === undefined) return 'holds';
  if (!clock) return 'unknown';
  const begins = claim.from === undefined ? -1 : script.canon.eventIndex.get(claim.from) ?? -1;
  const ends = claim.until === undefined ? Infinity : script.canon.eventIndex.get(claim.until) ?? Infinity;
  if (clock.lo >= begins && clock.hi < ends) return 'holds';
  if (clock.hi < begins || clock.lo >= ends) return 'not';
  return 'unknown';
}

/** When a claim is held, in words: "from Macbeth murders Duncan until Macduff slays Macbeth". */
function during(script: Script, claim: RoleClaim): string {
  const from = claim.from === undefined ? '' : `from ${eventName(script, claim.from)}`;
  const until = claim.until === undefined ? '' : `until ${eventName(script, claim.until)}`;
  return [from, until].filter(Boolean).join(' ');
}

function judge(script: Script, holder: Holder, m: TermMatch, termSpan: Span, clock: Clock | undefined): Verdict | undefined {
  const role = m.role;
  if (role.holders === 'none') return { message: `In canon nobody is ${article(role.terms[0] ?? role.id)}.${cite(role)}` };
  const character = holder.id && !holder.id.startsWith(SCRIPT_ID) ? script.cast.character(holder.id) : undefined;
  // A role held over time is judged only where the clock says it is, or is not, held.
  const all = character?.roles ?? [];
  const own = all.filter((r) => r.role === role.id);
  if (own.some((r) => tenure(script, r, clock) !== 'not')) return undefined;
  const held = all.filter((r) => tenure(script, r, clock) === 'holds');
  const term = role.terms[0] ?? role.id;
  if (own.length > 0) {
    return { message: `In canon ${holder.name} is ${article(term)} only ${list(own.map((r) => during(script, r)))}.${cite(own[0])}` };
  }
  const conflicting = held.filter((r) => role.conflicts.includes(r.role) || script.pack.roles.find((x) => x.id === r.role)?.conflicts.includes(role.id));
  if (conflicting.length > 0) {
    const labels = held.map((r) => roleLabel(script, r));
    const replacement = script.pack.roles.find((r) => r.id === conflicting[0].role)?.terms[0];
    return {
      message: `In canon ${holder.name} is ${list(labels)}, not ${article(term)}.${cite(conflicting[0])}`,
      fix: replacement ? { title: `Change to “${replacement}”`, edits: [{ span: termSpan, newText: replacement }], preferred: true } : undefined,
    };
  }
  if (!role.exclusive) return undefined;
  // The one holding it then: where someone's claim is of unknown time, nobody is judged.
  const claims = script.pack.characters.flatMap((c) => c.id === holder.id ? [] : c.roles.filter((r) => r.role === role.id).map((claim) => ({ c, claim })));
  const tenures = claims.map(({ claim }) => tenure(script, claim, clock));
  if (tenures.includes('unknown')) return undefined;
  const holding = claims.find((_, i) => tenures[i] === 'holds');
  if (!holding) return undefined;
  const { c: other, claim } = holding;
  return {
    message: `In canon the ${role.terms[0]} is ${other.name}, not ${holder.name}.${cite(claim)}`,
    fix: { title: `Change to ${other.name}`, edits: [{ span: holder.span, newText: other.name }], preferred: true },
  };
}

/** "the future king", "the late king", "the next thane": a role at another time than the clause's. */
const ELSEWHEN = new Set(['future', 'next', 'late', 'someday']);

/** What every clause of a script is checked with. */
interface Prepared {
  readonly terms: ReadonlyMap<string, readonly Term[]>;
  /** Whether the pack gives any role over time (`from:` or `until:` on a claim): then the clock decides. */
  readonly timed: boolean;
}

function findingsIn(script: Script, info: ClauseInfo, { terms, timed }: Prepared): Finding[] {
  // Most clauses have no word that starts a role term, and need no items.
  if (!hasWordIn(info.clause, terms)) return [];
  const its = items(info.clause, baseOf(script, info.passage));
  const found: Finding[] = [];
  for (const m of matchTerms(script, terms, its)) {
    // "the acting director's favourite" speaks of the director, it gives nobody the role.
    if (wordOf(its[m.to]) === "'s") continue;
    const holder = holderOf(script, info.clause, its, m);
    // "The future king" is judged only where the clock says when, or where nobody is ever king.
    if (!holder || inPast(its, holder, m) || ((timed || m.role.holders === 'none') && elsewhen(its, holder, m))) continue;
    if (moodOf(happeningOfWord(info.clause, its[m.from].index)) === 'irrealis' || undoneAfter(its, m.to)) continue;
    const termSpan = { start: its[m.from].start, end: its[m.to - 1].end };
    const verdict = judge(script, holder, m, termSpan, timed ? info.clock : undefined);
    if (!verdict) continue;
    const span = { start: Math.min(holder.span.start, termSpan.start), end: Math.max(holder.span.end, termSpan.end) };
    const fixes: Fix[] = verdict.fix ? [verdict.fix] : [];
    fixes.push(markDivergence(script, span));
    found.push({ ruleId: rule.id, severity: rule.defaultSeverity, span, message: verdict.message, fixes });
  }
  return found;
}

function elsewhen(its: readonly Item[], holder: Holder, m: TermMatch): boolean {
  const from = Math.min(holder.span.start, its[m.from].start);
  return its.some((it) => it.start >= from && it.end <= its[m.to - 1].end && ELSEWHEN.has(wordOf(it) ?? ''));
}

function timed(script: Script): boolean {
  return script.pack.characters.some((c) => c.roles.some((r) => r.from !== undefined || r.until !== undefined));
}

/**
 * Where no role is held over time, the roles a clause gives, and what canon says to them, depend
 * on the clause and the canon alone; roles held over time are judged at the clause's clock.
 */
export const rule: ClauseRule<Prepared> = {
  id: 'continuity.role',
  description: 'Narration gives a character a role canon rules out (Ramon is a graduate, not a student).',
  defaultSeverity: 'warning',
  scope: 'clause',
  prepare: (script) => ({ terms: termsByFirstWord(script), timed: timed(script) }),
  readsClock: timed,
  check: findingsIn,
};
