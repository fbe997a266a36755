import type { CancellationToken } from '../cancellation';
import type { CanonDay, CanonEvent, CanonPack } from '../canon/model';
import type { FountainDocument } from '../fountain/model';
import type { Span } from '../span';
import { type Completion, sortKey } from './completion-types';
import { BUILT_PER_CALL, rank, type CompletionIndexes, type EventEntry, type FuzzyIndex, type Ranked } from './fuzzy';
import { lineContext } from './line-context';

/** `[[canon:` and what follows it up to the cursor, with no `]]` in between. */
const NOTE_HEAD = /\[\[\s*canon\s*:\s*([^\]]*)$/i;
/** The words story/anchors.ts reads as a relation; "since", "until" and "during" are synonyms. */
const RELATION = /^(after|before|since|until|on|during)\s+/i;

/** Fuse's score above which a match on an event name is a coincidence of letters. */
const MAX_FUZZY = 0.45;

const KEYWORDS: readonly { label: string; detail: string }[] = [
  { label: 'after', detail: 'The scenes below happen after a canon event' },
  { label: 'before', detail: 'The scenes below happen before a canon event' },
];

/** Offered where the pack names days: a day holds several events, and the story may stand anywhere in it. */
const ON_A_DAY = { label: 'on', detail: 'The scenes below happen on a canon day' };

/**
 * Inside a `[[canon: ...]]` note: `after` and `before` while no relation is written, then the
 * canon's events by name and by anchor, ranked by what is typed after the relation.
 */
export function canonAnchorCompletions(
  doc: FountainDocument,
  offset: number,
  pack: CanonPack,
  token: CancellationToken,
  indexes: CompletionIndexes = BUILT_PER_CALL,
): Completion[] {
  if (token.isCancellationRequested) return [];
  const context = lineContext(doc.text, offset);
  const head = NOTE_HEAD.exec(context.before);
  if (!head) return [];
  const relation = RELATION.exec(head[1]);
  const query = relation ? head[1].slice(relation[0].length) : head[1];
  const close = context.after.indexOf(']]');
  const replace: Span = { start: offset - query.length, end: close >= 0 ? offset + close : offset };
  const keywords = relation ? [] : keywordItems(pack.days.length > 0 ? [...KEYWORDS, ON_A_DAY] : KEYWORDS, query, replace);
  const events = eventItems(pack, indexes.eventIndex(pack), query.trim(), replace);
  return [...keywords, ...events].map((item, index) => ({ ...item, sortText: sortKey(index) }));
}

function keywordItems(keywords: readonly { label: string; detail: string }[], query: string, replace: Span): Completion[] {
  const typed = query.trim().toLowerCase();
  return keywords.filter((k) => k.label.startsWith(typed)).map((k) => ({
    label: k.label,
    kind: 'keyword',
    detail: k.detail,
    insertText: `${k.label} `,
    replace,
  }));
}

function eventItems(pack: CanonPack, index: FuzzyIndex<EventEntry>, query: string, replace: Span): Completion[] {
  const seen = new Set<string>();
  const items: Completion[] = [];
  for (const entry of rankedEvents(index, query)) {
    if (seen.has(entry.text.toLowerCase())) continue;
    const day = entry.day ? pack.days.find((d) => d.id === entry.eventId) : undefined;
    const event = entry.day ? undefined : pack.events.find((e) => e.id === entry.eventId);
    const described = day ? describeDay(pack, day) : event ? describe(pack, event, entry) : undefined;
    if (!described) continue;
    seen.add(entry.text.toLowerCase());
    items.push({ label: entry.text, kind: 'event', ...described, replace });
  }
  return items;
}

/**
 * With nothing typed, names in canonical order read as the timeline, and anchors follow. Typed
 * words rank names that begin with them, then names with a word that does ("fa" for "Cassie's
 * fall"), then close fuzzy matches: event names are long, and a loose match on two letters is noise.
 */
function rankedEvents(index: FuzzyIndex<EventEntry>, query: string): EventEntry[] {
  const ranked = rank(index, query);
  if (query === '') return [...ranked.filter((r) => !r.item.anchor), ...ranked.filter((r) => r.item.anchor)].map((r) => r.item);
  const lower = query.toLowerCase();
  const wordStart = (text: string): boolean => text.toLowerCase().split(/\s+/).some((w) => w.startsWith(lower));
  const tier = (r: Ranked<EventEntry>): number => (r.prefix ? 0 : wordStart(r.item.text) ? 1 : r.score <= MAX_FUZZY ? 2 : 3);
  return ranked
    .filter((r) => tier(r) < 3 && (tier(r) < 2 || lower.length >= 3))
    .sort((a, b) => tier(a) - tier(b))
    .map((r) => r.item);
}

function describe(pack: CanonPack, event: CanonEvent, entry: EventEntry): { detail: string; documentation?: string } {
  const position = `canon event ${pack.events.indexOf(event) + 1} of ${pack.events.length}`;
  const detail = entry.anchor ? `${event.name} (${position})` : capitalise(position);
  const documentation = [event.description, event.source && `> ${event.source.replace(/\s+/g, ' ').trim()}`]
    .filter((line): line is string => Boolean(line))
    .join('\n\n');
  return documentation ? { detail, documentation } : { detail };
}

/** "A canon day: Calpurnia's dream to Caesar is assassinated (events 8 to 12 of 26)". */
function describeDay(pack: CanonPack, day: CanonDay): { detail: string; documentation?: string } {
  const first = pack.events.findIndex((e) => e.id === day.first);
  const last = pack.events.findIndex((e) => e.id === day.last);
  const name = (i: number): string => pack.events[i]?.name ?? '';
  const span = first === last ? `${name(first)} (event ${first + 1} of ${pack.events.length})` : `${name(first)} to ${name(last)} (events ${first + 1} to ${last + 1} of ${pack.events.length})`;
  const documentation = [day.description, day.source && `> ${day.source.replace(/\s+/g, ' ').trim()}`].filter((line): line is string => Boolean(line)).join('\n\n');
  const detail = `A canon day: ${span}`;
  return documentation ? { detail, documentation } : { detail };
}

function capitalise(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}
