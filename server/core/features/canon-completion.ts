import type { CancellationToken } from '../cancellation';
import type { Character } from '../canon/model';
import type { FountainDocument } from '../fountain/model';
import type { Span } from '../span';
import type { Cast } from '../story/cast';
import { type Completion, sortKey } from './completion-types';
import { BUILT_PER_CALL, fuzzyIndex, rank, type CompletionIndexes, type NameIndexes, type Ranked } from './fuzzy';
import { isBlank, insideNoteOrBoneyard, lineContext } from './line-context';
import { closeEnough } from '../rules/names-near-miss';

/** Capitals so far on a line after a blank line: a cue being typed (`@` forces one in any case). */
const CUE_SO_FAR = /^\s*@?(\p{Lu}[\p{Lu}\p{Lo}\d .'&-]*)$/u;
/** A name begun in lower case on a line of its own ("nev"): completed to its cue in capitals. */
const LOWER_SO_FAR = /^\s*(\p{Ll}[\p{L}\p{M}\d .'&-]*)$/u;
const HEADING_PREFIX = /^\s*(?:INT\.?\/EXT|INT|EXT|EST|I\/E)[. ]/i;
const PROSE = new Set(['action', 'dialogue', 'parenthetical']);

/** A name on offer before ranking: who it is, and where the script already uses it. */
interface Candidate {
  readonly text: string;
  readonly character?: Character;
  /** Position in the script's cue order; absent for a canon character the script has not used. */
  readonly scriptOrder?: number;
  /** For a script's own cue a letter or two off a canon cue (NEVAEH), that canon cue (NEVEAH). */
  readonly slipFor?: string;
}

/**
 * Character names while a cue or a name in prose is typed: at a cue, cues in capitals (the
 * script's characters first, in `scriptCueOrder`, then canon characters it has not used); in
 * action or dialogue, after a capital, canon names as prose writes them ("Ramon", "Monique Dubois").
 * What is typed is the fuzzy query, so a typo ("DELAI") still finds its name. A cue begun in lower
 * case ("nev") is completed to the names it begins, in capitals. A script's own cue that
 * names.near-miss calls misspelt (`misspelt`, in lower case: DELLIA for DELIA) never comes before
 * the canon cue it slips from.
 */
export function canonNameCompletions(
  doc: FountainDocument,
  offset: number,
  cast: Cast,
  scriptCueOrder: readonly string[],
  token: CancellationToken,
  misspelt: ReadonlySet<string> = new Set(),
  indexes: CompletionIndexes = BUILT_PER_CALL,
): Completion[] {
  if (token.isCancellationRequested || insideNoteOrBoneyard(doc, offset) || insideTitlePage(doc, offset)) return [];
  const names = indexes.nameIndexes(cast);
  const cue = cueTyped(doc, offset);
  const ranked = cue ? cueCandidates(cast, names, scriptCueOrder, cue.typed, misspelt).filter((r) => !cue.lower || r.prefix) : [];
  const cues = cue ? completions(cue, canonBeforeSlips(ranked)) : [];
  // Capitals that begin no cue may begin a character's introduction in action: "MONIQUE DUBOIS (50s)".
  if (cues.length > 0) return cues;
  const prose = proseTyped(doc, offset, names);
  if (prose) return completions(prose, proseCandidates(cast, names, scriptCueOrder, prose.typed));
  return [];
}

interface Typed {
  readonly typed: string;
  readonly replace: Span;
  /** Begun in lower case: only names it begins are offered, not what a typo may have meant. */
  readonly lower?: boolean;
}

function cueTyped(doc: FountainDocument, offset: number): Typed | undefined {
  const context = lineContext(doc.text, offset);
  if (!context.previousLineBlank || HEADING_PREFIX.test(context.before)) return undefined;
  const typed = CUE_SO_FAR.exec(context.before)?.[1];
  if (typed !== undefined) return { typed, replace: { start: offset - typed.length, end: offset } };
  const lower = isBlank(context.after) ? LOWER_SO_FAR.exec(context.before)?.[1] : undefined;
  return lower === undefined ? undefined : { typed: lower, replace: { start: offset - lower.length, end: offset }, lower: true };
}

/** A capitalised word being typed in prose, with the name before it when together they begin a name. */
function proseTyped(doc: FountainDocument, offset: number, names: NameIndexes): Typed | undefined {
  const element = doc.elements.find((e) => e.start <= offset && offset <= e.end && PROSE.has(e.type));
  if (!element) return undefined;
  const text = doc.text;
  let start = offset;
  while (start > element.start && /\p{L}/u.test(text[start - 1])) start--;
  if (start === offset || !/\p{Lu}/u.test(text[start])) return undefined;
  const previous = /(\p{Lu}\p{L}*) $/u.exec(text.slice(Math.max(element.start, start - 40), start));
  if (previous) {
    const both = text.slice(start - previous[0].length, offset).toLowerCase();
    if (names.prose.entries.some((e) => e.text.toLowerCase().startsWith(both))) {
      return { typed: text.slice(start - previous[0].length, offset), replace: { start: start - previous[0].length, end: offset } };
    }
  }
  return { typed: text.slice(start, offset), replace: { start, end: offset } };
}

function cueCandidates(cast: Cast, names: NameIndexes, scriptCueOrder: readonly string[], typed: string, misspelt: ReadonlySet<string>): Ranked<Candidate>[] {
  const inScript = new Map<string, number>();
  const candidates: Candidate[] = [];
  scriptCueOrder.forEach((name, index) => {
    const character = cast.lookup(name);
    if (character) inScript.set(character.id, index);
    if (!candidates.some((c) => c.text === (character?.cue ?? name))) {
      const slipFor = !character && misspelt.has(name.toLowerCase()) ? canonCueNear(names, name) : undefined;
      candidates.push({ text: character?.cue ?? name, character, scriptOrder: index, slipFor });
    }
  });
  const canon = rank(names.cues, typed).filter((r) => !inScript.has(r.item.characterId));
  const own = rank(fuzzyIndex(candidates), typed);
  const fromCanon = canon.map((r) => ({ ...r, item: { text: r.item.text, character: cast.character(r.item.characterId) } }));
  return [...own, ...fromCanon].filter((r) => plausible(r, typed)).sort(byMatch);
}

/** The canon cue a script's own cue is a letter or two off, as the near-miss rule judges closeness. */
function canonCueNear(names: NameIndexes, name: string): string | undefined {
  const word = name.toLowerCase();
  return names.cues.entries.find((e) => closeEnough(word, e.text.toLowerCase()))?.text;
}

/**
 * A slip never outranks the name it slips from: a script's own NEVAEH, cued before or typed more
 * exactly, moves to just after NEVEAH.
 */
function canonBeforeSlips(ranked: readonly Ranked<Candidate>[]): Ranked<Candidate>[] {
  const ordered = [...ranked];
  for (const slip of ranked) {
    const target = slip.item.slipFor;
    if (target === undefined) continue;
    const from = ordered.indexOf(slip);
    const to = ordered.findIndex((r) => r.item.text === target);
    if (to > from) {
      ordered.splice(from, 1);
      ordered.splice(to, 0, slip);
    }
  }
  return ordered;
}

function proseCandidates(cast: Cast, names: NameIndexes, scriptCueOrder: readonly string[], typed: string): Ranked<Candidate>[] {
  const order = new Map<string, number>();
  scriptCueOrder.forEach((name, index) => {
    const id = cast.lookup(name)?.id;
    if (id !== undefined && !order.has(id)) order.set(id, index);
  });
  // Action introduces a character in capitals ("CASSIE SHORE (17) stretches"): offer them so.
  const shout = typed.length > 1 && typed === typed.toUpperCase();
  const ranked = rank(names.prose, typed).map((r) => ({
    ...r,
    item: {
      text: shout ? r.item.text.toUpperCase() : r.item.text,
      character: cast.character(r.item.characterId),
      scriptOrder: order.get(r.item.characterId),
    },
  }));
  return ranked.filter((r) => plausible(r, typed)).sort(byMatch);
}

/**
 * Fuse finds "Bette" in "The" and "Cassie" in "She"; a typo worth correcting keeps its first letter,
 * is three letters or more, and has as many words as the name: anything else is noise at a
 * sentence's first word.
 */
function plausible(r: Ranked<{ readonly text: string }>, typed: string): boolean {
  if (r.prefix) return true;
  const text = r.item.text.toLowerCase();
  const query = typed.toLowerCase();
  return query.length >= 3 && text[0] === query[0] && query.includes(' ') === text.includes(' ');
}

/**
 * Names the writer has begun come before fuzzy matches; among those, the script's characters in
 * its cue order before canon characters; fuzzy matches go by score. Sorting is stable, so ties
 * keep Fuse's and the index's order.
 */
function byMatch(a: Ranked<Candidate>, b: Ranked<Candidate>): number {
  if (a.prefix !== b.prefix) return a.prefix ? -1 : 1;
  if (!a.prefix && a.score !== b.score) return a.score - b.score;
  const aOrder = a.item.scriptOrder ?? Infinity;
  const bOrder = b.item.scriptOrder ?? Infinity;
  return aOrder === bOrder ? 0 : aOrder < bOrder ? -1 : 1;
}

function completions(typed: Typed, ranked: readonly Ranked<Candidate>[]): Completion[] {
  const seen = new Set<string>();
  const items: Completion[] = [];
  for (const { item, prefix } of ranked) {
    if (seen.has(item.text)) continue;
    seen.add(item.text);
    items.push({
      label: item.text,
      kind: 'character',
      ...describe(item.character),
      // A typo ("DELAI") does not match "DELIA" by the editor's own filter; the typed text does.
      filterText: prefix ? undefined : `${typed.typed} ${item.text}`,
      replace: typed.replace,
      sortText: sortKey(items.length),
    });
  }
  return items;
}

function describe(character: Character | undefined): { detail: string; documentation?: string } {
  if (!character) return { detail: 'In this script' };
  return { detail: roleLine(character), documentation: card(character) };
}

/** One line for the completion's detail: the canon role, or the start of the description. */
export function roleLine(character: Character): string {
  const about = character.role ?? character.description?.split(/[.;]\s|\s\(/)[0];
  return about ? about.replace(/\.$/, '') : character.name;
}

function card(character: Character): string {
  const head = [`**${character.name}**`, character.pronouns].filter(Boolean).join(' · ');
  return [head, character.role, character.description].filter(Boolean).join('\n\n');
}

function insideTitlePage(doc: FountainDocument, offset: number): boolean {
  const first = doc.elements[0];
  return first !== undefined && first.type === 'title-page' && offset > first.start && offset <= first.end;
}
