import Fuse, { type IFuseOptions } from 'fuse.js';
import type { CanonPack, Character } from '../canon/model';
import type { Cast } from '../story/cast';

/** A name completion can offer: how it is written and whose it is. */
export interface NameEntry {
  readonly text: string;
  readonly characterId: string;
  /** 'cue' for cue lines (capitals), 'first' / 'full' / 'alias' for prose. */
  readonly form: 'cue' | 'first' | 'full' | 'alias';
}

/** A canon event name or one of its anchors, as offered inside `[[canon: ...]]`; or a day's. */
export interface EventEntry {
  readonly text: string;
  /** The event's id, or for a day's name (`day`), the day's. */
  readonly eventId: string;
  /** True for an anchor ("the fall"), false for the event's own name ("Cassie's fall"). */
  readonly anchor: boolean;
  /** The name is a day's ("the ides of March"), which holds several events. */
  readonly day?: true;
}

export interface Ranked<T> {
  readonly item: T;
  /** 0 is a perfect match, 1 no match at all: Fuse's score. */
  readonly score: number;
  /** The entry's text starts with the query, ignoring case: ranked above fuzzy matches. */
  readonly prefix: boolean;
}

/** A Fuse index with the entries it was built from, in order: Fuse does not hand them back. */
export interface FuzzyIndex<T> {
  readonly fuse: Fuse<T>;
  readonly entries: readonly T[];
}

/** A cast's names as completion offers them: cues in capitals, and names as prose writes them. */
export interface NameIndexes {
  readonly cues: FuzzyIndex<NameEntry>;
  readonly prose: FuzzyIndex<NameEntry>;
}

/**
 * Where completion takes its indexes from: the host's database (incremental/database.ts), which
 * builds them once per cast and per pack, or `BUILT_PER_CALL` (each completion builds its own,
 * once). The functions here only build them; they keep nothing.
 */
export interface CompletionIndexes {
  nameIndexes(cast: Cast): NameIndexes;
  eventIndex(pack: CanonPack): FuzzyIndex<EventEntry>;
}

/*
 * Names are short, so a match may sit anywhere in them (ignoreLocation), and a typo in five
 * letters ("DELAI") still has to score under the threshold.
 */
function options<T>(): IFuseOptions<T> {
  return { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 0.5 };
}

export function fuzzyIndex<T>(entries: readonly T[]): FuzzyIndex<T> {
  return { fuse: new Fuse([...entries], options<T>()), entries };
}

/** The cast's name indexes, built afresh: a host keeps them per cast (CompletionIndexes). */
export function nameIndexesOf(cast: Cast): NameIndexes {
  const entries = cast.characters.flatMap(nameEntries);
  return {
    cues: fuzzyIndex(entries.filter((e) => e.form === 'cue')),
    prose: fuzzyIndex(entries.filter((e) => e.form !== 'cue')),
  };
}

/** The pack's events and anchors as an index, built afresh: a host keeps it per pack (CompletionIndexes). */
export function eventIndexOf(pack: CanonPack): FuzzyIndex<EventEntry> {
  return fuzzyIndex([...pack.events.flatMap(eventEntries), ...pack.days.flatMap(dayEntries)]);
}

/** Indexes for a caller with no database: built by each completion that needs them, once in it. */
export const BUILT_PER_CALL: CompletionIndexes = { nameIndexes: nameIndexesOf, eventIndex: eventIndexOf };

/**
 * Entries matching `query`: those that start with it first (shorter first, then index order),
 * then fuzzy matches by Fuse's score. Fuse alone can rank a short fuzzy match ("Ramon" for
 * "Mon") above a name the writer has plainly begun ("Monique Dubois").
 */
export function rank<T extends { readonly text: string }>(index: FuzzyIndex<T>, query: string): Ranked<T>[] {
  if (query === '') return index.entries.map((item) => ({ item, score: 0, prefix: true }));
  const lower = query.toLowerCase();
  const ranked = index.fuse.search(query).map((result) => ({
    item: result.item,
    score: result.score ?? 1,
    prefix: result.item.text.toLowerCase().startsWith(lower),
    index: result.refIndex,
  }));
  const matched = new Set(ranked.map((r) => r.index));
  // Fuse may leave out a prefix match it scores badly (a long full name); prefixes always count.
  index.entries.forEach((item, i) => {
    if (!matched.has(i) && item.text.toLowerCase().startsWith(lower)) ranked.push({ item, score: 0, prefix: true, index: i });
  });
  ranked.sort((a, b) => compareRanked(a, b));
  return ranked.map(({ item, score, prefix }) => ({ item, score, prefix }));
}

interface Scored {
  readonly prefix: boolean;
  readonly score: number;
  readonly index: number;
  readonly item: { readonly text: string };
}

function compareRanked(a: Scored, b: Scored): number {
  if (a.prefix !== b.prefix) return a.prefix ? -1 : 1;
  if (a.prefix) return a.item.text.length - b.item.text.length || a.index - b.index;
  return a.score - b.score || a.index - b.index;
}

function nameEntries(c: Character): NameEntry[] {
  const entries: NameEntry[] = [{ text: c.cue, characterId: c.id, form: 'cue' }];
  if (c.first && c.first !== c.name) entries.push({ text: c.first, characterId: c.id, form: 'first' });
  entries.push({ text: c.name, characterId: c.id, form: 'full' });
  // A pack may keep a surname apart from the name it is sure of ("Bette", surname Whitlaw).
  const full = c.first && c.surname ? `${c.first} ${c.surname}` : undefined;
  if (full && full !== c.name) entries.push({ text: full, characterId: c.id, form: 'full' });
  for (const alias of c.aliases) entries.push({ text: alias, characterId: c.id, form: 'alias' });
  return entries;
}

function eventEntries(event: CanonPack['events'][number]): EventEntry[] {
  return [
    { text: event.name, eventId: event.id, anchor: false },
    ...event.anchors.map((text) => ({ text, eventId: event.id, anchor: true })),
  ];
}

function dayEntries(day: CanonPack['days'][number]): EventEntry[] {
  return [
    { text: day.name, eventId: day.id, anchor: false, day: true },
    ...day.anchors.map((text) => ({ text, eventId: day.id, anchor: true, day: true as const })),
  ];
}
