import { isMap, isSeq, parse, parseDocument } from 'yaml';
import type { CancellationToken } from '../cancellation';
import { sections, type Section } from '../canon/draft';
import { sectionOf } from '../canon/validate-refs';
import { vocabularyDocs } from '../canon/kind-docs';
import type { CanonPack } from '../canon/model';
import { fieldSpecs, singular } from '../canon/spec';
import type { Span } from '../span';
import { packContextAt } from './pack-context';
import { sortKey } from './completion-types';
import { slotCompletions } from './slot-completion';

/** What a value offered in a pack file is: an entry's id (by section), a word of the format, a rule id. */
export type PackCompletionKind = Section | 'vocabulary' | 'rule';

export interface PackCompletion {
  readonly label: string;
  readonly kind: PackCompletionKind;
  /** The entry's name (or label, or kind) for an id; the vocabulary for a word of the format. */
  readonly detail?: string;
  /** Markdown: what a word of the format means. */
  readonly documentation?: string;
  readonly replace: Span;
  readonly sortText: string;
}

/** A rule as completion offers it in `expect:`: its id and what it finds. */
export interface RuleInfo {
  readonly id: string;
  readonly description: string;
}

/** An entry of a section, as the file being written or the pack it extends has it. */
interface Entry {
  readonly id: string;
  readonly detail?: string;
}

/** What the value at a pack path may be. */
type Offer = { readonly section: Section } | { readonly words: readonly string[] } | { readonly rules: true };

/** What a role claim's own keys name: `{ role, at, from, until }`. */
const claimRefs: Readonly<Record<string, Section>> = { role: 'roles', at: 'places', from: 'events', until: 'events' };

function isSection(key: string | undefined): key is Section {
  return key !== undefined && (sections as readonly string[]).includes(key);
}

/** What the format lets stand at a path of keys, from its field specs (canon/spec.ts). */
export function offerAt(path: readonly string[]): Offer | undefined {
  const [top, ...rest] = path;
  if (top === 'remove') return rest.length === 1 && isSection(rest[0]) ? { section: rest[0] } : undefined;
  if (top === 'examples') return rest[rest.length - 1] === 'expect' || (rest.length === 2 && rest[1] === 'rule') ? { rules: true } : undefined;
  if (!isSection(top)) return undefined;
  if (top === 'characters' && rest[0] === 'roles') {
    if (rest.length === 1) return { section: 'roles' };
    return rest.length === 2 && claimRefs[rest[1]] ? { section: claimRefs[rest[1]] } : undefined;
  }
  if (top === 'events' && rest[0] === 'participants') return rest.length === 2 ? { section: 'characters' } : undefined;
  if (rest.length !== 1 || !Object.prototype.hasOwnProperty.call(fieldSpecs[top], rest[0])) return undefined;
  const spec = fieldSpecs[top][rest[0]];
  if (spec.oneOf) return { words: spec.oneOf };
  return spec.ref && spec.ref !== 'slot' ? { section: sectionOf[spec.ref] } : undefined;
}

/**
 * Completion in a pack file: the ids a field names (characters in `between:`, events in `from:`,
 * places in `away-from:`), the words of the format's closed vocabularies with a line on each
 * (relation kinds, what a state forbids), rule ids in an example's `expect:`, and `{slots}` in a
 * phrasing (slot-completion.ts). Ids come from
 * the text as it is now, then from `known` (the last pack that loaded: with what it extends).
 */
export function packCompletions(text: string, offset: number, known: CanonPack | undefined, rules: readonly RuleInfo[], token: CancellationToken): PackCompletion[] {
  if (token.isCancellationRequested) return [];
  const slots = slotCompletions(text, offset, known);
  if (slots) {
    return slots.map(({ label, of, detail, documentation, replace, sortText }) => ({
      label, kind: of === 'role' ? 'vocabulary' as const : 'characters' as const, detail, documentation, replace, sortText,
    }));
  }
  const context = packContextAt(text, offset);
  if (!context || token.isCancellationRequested) return [];
  const { replace } = context;
  if (context.path.length === 2 && context.path[0] === 'facts' && context.path[1] === 'role') return participantRoles(text, offset, known, replace);
  const offer = offerAt(context.path);
  if (!offer) return [];
  if ('words' in offer) {
    const docs = vocabularyDocs(offer.words);
    const what = context.path[context.path.length - 1];
    return offer.words.map((word, i) => ({ label: word, kind: 'vocabulary', detail: what, documentation: docs[word], replace, sortText: sortKey(i) }));
  }
  if ('rules' in offer) return rules.map((rule, i) => ({ label: rule.id, kind: 'rule', detail: rule.description, replace, sortText: sortKey(i) }));
  const entries = [...entriesInText(text, offer.section), ...(known ? entriesInPack(known, offer.section) : [])];
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.id) && seen.add(e.id)).map((entry, i) => ({
    label: entry.id, kind: offer.section, detail: entry.detail ?? singular[offer.section], replace, sortText: sortKey(i),
  }));
}

/**
 * A fact's `role:` names a role of its `event:`: the participants of that event, as the text or the
 * pack it extends has them, each with who holds it in canon.
 */
function participantRoles(text: string, offset: number, known: CanonPack | undefined, replace: Span): PackCompletion[] {
  const event = factEventAt(text, offset);
  if (event === undefined) return [];
  const written = eventParticipants(text, event);
  const participants = written ?? known?.events.find((e) => e.id === event)?.participants;
  if (!participants) return [];
  return Object.entries(participants).map(([role, who], i) => ({
    label: role, kind: 'vocabulary' as const, detail: `a role in ${event}`, documentation: `In canon: ${who.map((id) => `\`${id}\``).join(', ')}.`, replace, sortText: sortKey(i),
  }));
}

/** The `event:` of the fact whose entry holds the offset, as written. */
function factEventAt(text: string, offset: number): string | undefined {
  let facts: unknown;
  try {
    facts = parseDocument(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'silent' }).get('facts');
  } catch {
    return undefined;
  }
  if (!isSeq(facts)) return undefined;
  for (const item of facts.items) {
    if (!isMap(item) || !item.range || offset < item.range[0] || offset > item.range[2]) continue;
    const event = item.get('event');
    return typeof event === 'string' ? event : undefined;
  }
  return undefined;
}

/** An event's participants (role -> character ids) as the text writes them, if it writes the event. */
function eventParticipants(text: string, id: string): Readonly<Record<string, readonly string[]>> | undefined {
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'silent' });
  } catch {
    return undefined;
  }
  const events = data && typeof data === 'object' ? (data as Record<string, unknown>).events : undefined;
  if (!Array.isArray(events)) return undefined;
  const event = events.find((e): e is Record<string, unknown> => !!e && typeof e === 'object' && (e as Record<string, unknown>).id === id);
  const participants = event?.participants;
  if (!participants || typeof participants !== 'object') return undefined;
  return Object.fromEntries(Object.entries(participants as Record<string, unknown>).map(([role, who]) => [role, Array.isArray(who) ? who.map(String) : [String(who)]]));
}

/** A section's entries as the text has them; a pack mid-edit is read as far as it goes. */
function entriesInText(text: string, section: Section): Entry[] {
  let data: unknown;
  try {
    data = parse(text, { prettyErrors: false, uniqueKeys: false, logLevel: 'silent' });
  } catch {
    return [];
  }
  const items = data && typeof data === 'object' ? (data as Record<string, unknown>)[section] : undefined;
  if (!Array.isArray(items)) return [];
  return items.flatMap((item): Entry[] => {
    if (!item || typeof item !== 'object') return [];
    const fields = item as Record<string, unknown>;
    if (typeof fields.id !== 'string' || fields.id === '') return [];
    const detail = [fields.name, fields.label, fields.statement, fields.kind].find((v): v is string => typeof v === 'string');
    return [{ id: fields.id, detail }];
  });
}

/** A section's entries as a loaded pack has them. */
function entriesInPack(pack: CanonPack, section: Section): Entry[] {
  switch (section) {
    case 'characters': return pack.characters.map((c) => ({ id: c.id, detail: c.name }));
    case 'relations': return pack.relations.map((r) => ({ id: r.id, detail: `${r.kind}: ${r.between.join(', ')}` }));
    case 'places': return pack.places.map((p) => ({ id: p.id, detail: p.name }));
    case 'roles': return pack.roles.map((r) => ({ id: r.id, detail: r.terms[0] }));
    case 'events': return pack.events.map((e) => ({ id: e.id, detail: e.name }));
    case 'days': return pack.days.map((d) => ({ id: d.id, detail: d.name }));
    case 'states': return pack.states.map((s) => ({ id: s.id, detail: s.label }));
    case 'facts': return pack.facts.map((f) => ({ id: f.id, detail: f.statement }));
  }
}
