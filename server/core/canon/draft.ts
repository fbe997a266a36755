import type { Origin, PackExample, Phrasing, RoleClaim } from './model';

/**
 * What the loader holds between reading a file and building the model: entries as bags of
 * fields, each field remembering where it was written. Keeping fields apart is what makes
 * "child fields win" merging a one-liner, and keeping places is what lets a reference error
 * found after merging still point at the exact value that holds it, in whichever file.
 */

export type Section = 'characters' | 'relations' | 'places' | 'roles' | 'events' | 'days' | 'states' | 'facts';

export const sections: readonly Section[] = [
  'characters',
  'relations',
  'places',
  'roles',
  'events',
  'days',
  'states',
  'facts',
];

/** What a reference must name; 'slot' is a `{name}` in a phrasing, checked against its entry. */
export type RefKind = 'character' | 'relation' | 'place' | 'role' | 'event' | 'slot';

export interface Ref {
  readonly kind: RefKind;
  readonly id: string;
  readonly at: Origin;
}

export type FieldValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'strings'; readonly value: readonly string[] }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'phrasings'; readonly value: readonly Phrasing[] }
  | { readonly kind: 'claims'; readonly value: readonly RoleClaim[] }
  | { readonly kind: 'map'; readonly value: Readonly<Record<string, readonly string[]>> };

export interface DraftField {
  readonly value: FieldValue;
  readonly at: Origin;
  readonly refs: readonly Ref[];
}

export interface DraftEntry {
  readonly section: Section;
  readonly id: string;
  /** The item as written in the file that last touched it. */
  readonly origin: Origin;
  readonly fields: ReadonlyMap<string, DraftField>;
  /** Fields written with a value that could not be read (already reported): not "missing". */
  readonly broken: ReadonlySet<string>;
}

export interface Removal {
  readonly section: Section;
  readonly id: string;
  readonly at: Origin;
}

export interface ExtendsRef {
  readonly ref: string;
  readonly at: Origin;
}

/** One file as read, before its bases are merged under it. */
export interface DraftFile {
  readonly uri: string;
  readonly header: ReadonlyMap<string, DraftField>;
  readonly entries: Readonly<Record<Section, readonly DraftEntry[]>>;
  readonly removals: readonly Removal[];
  readonly extends: readonly ExtendsRef[];
  /** Where the file starts, for problems about the file as a whole. */
  readonly top: Origin;
  /** The file's own tests, run for this file only (not for packs that extend it). */
  readonly examples?: readonly PackExample[];
}

export function emptyEntries(): Record<Section, DraftEntry[]> {
  return { characters: [], relations: [], places: [], roles: [], events: [], days: [], states: [], facts: [] };
}

export function fieldString(entry: { fields: ReadonlyMap<string, DraftField> }, name: string): string | undefined {
  const field = entry.fields.get(name)?.value;
  return field?.kind === 'string' ? field.value : undefined;
}

export function fieldStrings(entry: { fields: ReadonlyMap<string, DraftField> }, name: string): readonly string[] {
  const field = entry.fields.get(name)?.value;
  return field?.kind === 'strings' ? field.value : [];
}
