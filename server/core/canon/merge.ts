import { sections, type DraftEntry, type DraftField, type DraftFile, type Removal, type Section } from './draft';
import { placeEvents } from './order';
import type { ProblemSink } from './problems';
import { describeEntry } from './read-file';

/** A pack with everything it extends merged under it, still as drafts. */
export interface Merged {
  readonly header: ReadonlyMap<string, DraftField>;
  readonly entries: Readonly<Record<Section, ReadonlyMap<string, DraftEntry>>>;
  /** What `remove:` took out, by `section:id`, so a dangling reference can blame the removal. */
  readonly removed: ReadonlyMap<string, Removal>;
  /** The files merged, outermost first. */
  readonly origins: readonly string[];
}

export function emptyMerged(): Merged {
  const entries = {} as Record<Section, ReadonlyMap<string, DraftEntry>>;
  for (const section of sections) entries[section] = new Map();
  return { header: new Map(), entries, removed: new Map(), origins: [] };
}

/**
 * Lays one file over what it extends. In order: `remove:` deletes base entries; an entry whose
 * id the base has replaces the base entry field by field (the file's fields win, the rest are
 * kept, and the entry keeps its place in the order); a new entry is appended; an event with
 * `after:` is then moved to follow that event. Removing and redefining an id in the same file
 * therefore replaces the entry whole.
 */
export function overlay(base: Merged, file: DraftFile, sink: ProblemSink): Merged {
  const entries = {} as Record<Section, Map<string, DraftEntry>>;
  for (const section of sections) entries[section] = new Map(base.entries[section]);
  const removed = new Map(base.removed);
  for (const removal of file.removals) {
    if (entries[removal.section].delete(removal.id)) removed.set(`${removal.section}:${removal.id}`, removal);
    else reportNothingToRemove(removal, file, sink);
  }
  for (const section of sections) {
    for (const entry of file.entries[section]) {
      const existing = entries[section].get(entry.id);
      entries[section].set(entry.id, existing ? { ...entry, fields: new Map([...existing.fields, ...entry.fields]) } : entry);
    }
  }
  entries.events = placeEvents(entries.events, file.entries.events, sink);
  return {
    header: new Map([...base.header, ...file.header]),
    entries,
    removed,
    origins: [...new Set([file.uri, ...base.origins])],
  };
}

/** A merged base seen as one file, for packs that extend several bases (merged left to right). */
export function asFile(merged: Merged, uri: string): DraftFile {
  const entries = {} as Record<Section, DraftEntry[]>;
  for (const section of sections) entries[section] = [...merged.entries[section].values()];
  return {
    uri,
    header: merged.header,
    entries,
    removals: [],
    extends: [],
    top: { uri, span: { start: 0, end: 0 } },
  };
}

export function withOrigins(merged: Merged, origins: readonly string[]): Merged {
  return { ...merged, origins: [...new Set([...origins, ...merged.origins])] };
}

function reportNothingToRemove(removal: Removal, file: DraftFile, sink: ProblemSink): void {
  const what = describeEntry(removal.section, removal.id);
  const message =
    file.extends.length === 0
      ? `remove: this pack extends no other pack, so there is no ${what} to remove`
      : `remove: the packs this one extends have no ${what}`;
  sink.warning(removal.at.uri, removal.at.span, message);
}
