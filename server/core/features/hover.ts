import { INVERSE, tieOfKind, tieWord } from '../canon/family';
import type { CancellationToken } from '../cancellation';
import type { CanonPack, Character, Relation } from '../canon/model';
import { nearMisses } from '../rules/names-near-miss';
import type { Span } from '../span';
import { at, type Script } from '../story/script';
import { anotherHappening } from '../story/told';
import { mentionAt } from './definition';

/** What the story clock knows at an offset, as the LSP layer hands it over. */
export interface ClockView {
  /** Where the story stands, in the writer's words: "after Cassie's fall". */
  readonly label: string;
  readonly states: readonly { readonly characterId: string; readonly label: string }[];
}

export type ClockAt = (offset: number) => ClockView | undefined;

export interface Hover {
  readonly span: Span;
  readonly markdown: string;
}

/** How many source quotes a card shows: enough to trust it, few enough to read in a hover. */
const MAX_QUOTES = 2;
const MAX_QUOTE_LENGTH = 160;

/**
 * A card for the canon character named at `offset`, in a cue, action or dialogue, misspelt or not;
 * elsewhere in a sentence that tells a canon event, a card for the event as the story reads it.
 */
export function hover(script: Script, offset: number, clockAt: ClockAt | undefined, token: CancellationToken): Hover | undefined {
  if (token.isCancellationRequested) return undefined;
  const named = nameAt(script, offset, token);
  const character = named && script.cast.character(named.characterId);
  if (!named || !character) return eventCard(script, offset);
  const lines = [heading(character, named.misspelled), ...body(script.pack, character)];
  const now = clockLine(script.pack, character, clockAt?.(offset));
  if (now) lines.push(now);
  lines.push(...quotes(script.pack, character));
  return { span: named.span, markdown: lines.join('\n\n') };
}

/**
 * What the story makes of the canon event told at `offset`: which event the sentence tells (a pack's
 * writer asks this of every phrasing), and whether it moved the story on, told it out of canon's
 * order, or told another happening of its kind. Dialogue that says an event is what the speaker says.
 */
function eventCard(script: Script, offset: number): Hover | undefined {
  const told = script.occurrences.find((o) => contains(at(script, o.info.passage, o.match), offset));
  const said = told ? undefined : script.said.find((o) => contains(at(script, o.info.passage, o.match), offset));
  const o = told ?? said;
  if (!o) return undefined;
  const event = o.compiled.event;
  const lines = [`**Canon event** · ${event.name}`];
  if (event.description) lines.push(event.description);
  lines.push(said ? 'Said in dialogue: what a character says is belief, so it moves nothing on the canon timeline (an event that needs this one known may follow it).'
    : o.mood !== 'actual' ? 'Told as having happened: the story stands after it from here on.'
    : anotherHappening(o) ? 'Another happening of its kind: the story has already passed this event, and tells it with fewer of its people, so it moves nothing.'
    : 'Told here as it happens: the story stands after it from here on, unless a warning on this line says it comes out of canon order.');
  const participants = [...o.match.bindings].filter(([, r]) => r.characterId !== undefined).map(([role, r]) => `${role}: ${characterOf(script, r.characterId ?? '')}`);
  if (participants.length > 0) lines.push(`Read with ${participants.join(', ')}.`);
  return { span: at(script, o.info.passage, o.match), markdown: lines.join('\n\n') };
}

function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

function characterOf(script: Script, id: string): string {
  return script.cast.character(id)?.name ?? id;
}

function nameAt(
  script: Script,
  offset: number,
  token: CancellationToken,
): { characterId: string; span: Span; misspelled: boolean } | undefined {
  const found = mentionAt(script, offset);
  if (found && script.cast.character(found.mention.characterId)) {
    return { characterId: found.mention.characterId, span: found.span, misspelled: found.mention.kind === 'misspelling' };
  }
  // A slip the pack does not list ("DELLIA") is still the canon character the writer meant.
  const miss = nearMisses(script, token).find((m) => m.span.start <= offset && offset <= m.span.end);
  return miss && { characterId: miss.characterIds[0], span: miss.span, misspelled: true };
}

function heading(character: Character, misspelled: boolean): string {
  const name = `**${character.name}**${misspelled ? ' (misspelled)' : ''}`;
  return character.pronouns ? `${name} · ${character.pronouns}` : name;
}

/** Role, description and family and romance: the lines a completion's card shows as well. */
export function body(pack: CanonPack, character: Character): string[] {
  const lines: string[] = [];
  if (character.role) lines.push(character.role);
  if (character.description) lines.push(character.description);
  const relations = pack.relations.filter((r) => r.between.includes(character.id));
  const phrased = relations.map((r) => relationLine(pack, character, r)).filter((l): l is string => l !== undefined);
  if (phrased.length > 0) lines.push(phrased.map((line) => `- ${line}`).join('\n'));
  return lines;
}

/** A relation seen from `character`'s side: "Older sister of Bette", "Had an affair with Cassie". */
export function relationLine(pack: CanonPack, character: Character, relation: Relation): string | undefined {
  const first = relation.between[0] === character.id;
  const otherId = first ? relation.between[1] : relation.between[0];
  const other = pack.characters.find((c) => c.id === otherId);
  const name = other ? other.first ?? other.name : otherId;
  switch (relation.kind) {
    case 'sister':
    case 'brother':
    case 'sibling': {
      const word = byPronouns(character, ['sister', 'brother', relation.kind]);
      const age = relation.older === character.id ? 'older ' : relation.older === otherId ? 'younger ' : '';
      return capitalise(`${age}${word} of ${name}`);
    }
    case 'parent':
    case 'child': {
      const isParent = (relation.kind === 'parent') === first;
      const word = isParent ? byPronouns(character, ['mother', 'father', 'parent']) : byPronouns(character, ['daughter', 'son', 'child']);
      return capitalise(`${word} of ${name}`);
    }
    case 'cousin':
      return `Cousin of ${name}`;
    case 'half-sibling':
    case 'grandparent':
    case 'grandchild':
    case 'uncle':
    case 'aunt':
    case 'niece':
    case 'nephew':
    case 'step-parent':
    case 'step-child':
    case 'parent-in-law':
    case 'child-in-law':
    case 'sibling-in-law':
    case 'guardian':
    case 'ward': {
      // A directed kind reads "the first is the second's KIND": seen from the second, the inverse.
      const tie = tieOfKind(relation.kind);
      return tie && capitalise(`${tieWord(first ? tie : INVERSE[tie], character.pronouns)} of ${name}`);
    }
    case 'married':
      return `Married to ${name}`;
    case 'dating':
      return `Was in a relationship with ${name}`;
    case 'affair':
      return `Had an affair with ${name}`;
    case 'kissed':
      return first ? `Kissed ${name}` : `Was kissed by ${name}`;
    case 'friend':
      return `Friend of ${name}`;
    case 'rival':
      return `Rival of ${name}`;
  }
}

function byPronouns(character: Character, [she, he, other]: readonly [string, string, string]): string {
  const pronouns = character.pronouns?.toLowerCase() ?? '';
  if (pronouns.startsWith('she')) return she;
  if (pronouns.startsWith('he')) return he;
  return other;
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

/** "At this point in the story: in a coma (since Cassie's fall)", where the clock knows a state. */
function clockLine(pack: CanonPack, character: Character, clock: ClockView | undefined): string | undefined {
  const states = clock?.states.filter((s) => s.characterId === character.id) ?? [];
  if (states.length === 0) return undefined;
  const phrases = states.map((s) => {
    const state = pack.states.find((p) => p.character === character.id && p.label === s.label);
    const since = state && pack.events.find((e) => e.id === state.from);
    return since ? `${s.label} (since ${since.name})` : s.label;
  });
  return `*At this point in the story:* ${phrases.join('; ')}`;
}

/** The canon's own words for the character, shortest route to trust: a couple of quotes. */
function quotes(pack: CanonPack, character: Character): string[] {
  const sourced = [character, ...character.roles, ...pack.relations.filter((r) => r.between.includes(character.id))];
  const sources = sourced.map((s) => s.source === undefined ? undefined : shorten(s.source) + (s.where ? ` (${s.where})` : ''));
  const unique = [...new Set(sources.filter((s): s is string => s !== undefined))];
  return unique.slice(0, MAX_QUOTES).map((quote) => `> ${quote}`);
}

function shorten(source: string): string {
  const text = source.replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_QUOTE_LENGTH) return text;
  const cut = text.lastIndexOf(' ', MAX_QUOTE_LENGTH - 1);
  return `${text.slice(0, cut > 0 ? cut : MAX_QUOTE_LENGTH - 1)}…`;
}
