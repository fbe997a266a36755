import { sections, type DraftEntry, type Ref, type RefKind, type Section } from './draft';
import type { Merged } from './merge';
import type { Origin } from './model';
import type { ProblemSink } from './problems';
import { describeEntry } from './read-file';
import { closest, didYouMean } from './suggest';

/** The section whose entries a reference of each kind names. */
export const sectionOf: Readonly<Record<Exclude<RefKind, 'slot'>, Section>> = {
  character: 'characters',
  relation: 'relations',
  place: 'places',
  role: 'roles',
  event: 'events',
};

/** How a field's reference reads in a message: "state 'coma' begins at unknown event 'x'". */
const verbs: Readonly<Record<string, string>> = {
  requires: 'requires',
  from: 'begins at',
  until: 'ends at',
  after: 'is placed after',
  first: 'begins with',
  last: 'ends with',
  before: 'is ordered before',
  conflicts: 'conflicts with',
  in: 'is in',
  at: 'puts its character at',
  'away-from': 'keeps its character away from',
};

/**
 * Checks that every reference names an entry of the merged pack. References are checked only
 * once everything is merged, because a child pack may add what its base refers to.
 */
export function checkReferences(merged: Merged, sink: ProblemSink, lineOf: (at: Origin) => number): void {
  const blamed = new Set<string>();
  for (const section of sections) {
    for (const entry of merged.entries[section].values()) {
      for (const [field, value] of entry.fields) {
        for (const ref of value.refs) {
          if (ref.kind === 'slot') checkSlot(merged, entry, ref, sink);
          else checkRef(merged, entry, field, ref, sink, lineOf, blamed);
        }
      }
    }
  }
}

function checkRef(
  merged: Merged,
  entry: DraftEntry,
  field: string,
  ref: Ref,
  sink: ProblemSink,
  lineOf: (at: Origin) => number,
  blamed: Set<string>,
): void {
  if (ref.kind === 'slot') return;
  const target = sectionOf[ref.kind];
  if (merged.entries[target].has(ref.id)) return;
  const removal = merged.removed.get(`${target}:${ref.id}`);
  const owner = describeEntry(entry.section, entry.id);
  if (removal) {
    // One complaint per removed entry and dependant, however many fields name it.
    const key = `${target}:${ref.id}>${entry.section}:${entry.id}`;
    if (blamed.has(key)) return;
    blamed.add(key);
    const where = `${fileName(ref.at.uri)} line ${lineOf(ref.at)}`;
    sink.error(removal.at.uri, removal.at.span, `removing ${describeEntry(target, ref.id)} leaves ${owner} (${where}) naming it: remove or override that too`);
    return;
  }
  const verb = verbs[field] ?? 'names';
  const hint = sink.full ? '' : didYouMean(ref.id, merged.entries[target].keys());
  sink.error(ref.at.uri, ref.at.span, `${owner} ${verb} unknown ${ref.kind} '${ref.id}'${hint}`);
}

/**
 * A slot names one of the event's participant roles or a character id; in a fact's phrasings
 * (which belong to no event) only a character id.
 */
function checkSlot(merged: Merged, entry: DraftEntry, ref: Ref, sink: ProblemSink): void {
  const participants = entry.fields.get('participants')?.value;
  const roles = participants?.kind === 'map' ? Object.keys(participants.value) : [];
  if (roles.includes(ref.id) || merged.entries.characters.has(ref.id)) return;
  const allowed = roles.length > 0 ? `one of the event's participants (${roles.join(', ')}) or a character id` : 'a character id';
  const best = sink.full ? undefined : closest(ref.id, [...roles, ...merged.entries.characters.keys()]);
  const hint = best === undefined ? '' : ` — did you mean {${best}}?`;
  sink.error(ref.at.uri, ref.at.span, `${describeEntry(entry.section, entry.id)}: unknown slot {${ref.id}}${hint} (a slot is ${allowed})`);
}

/** The last part of a URI or path, which is what a writer recognises in a message. */
export function fileName(uri: string): string {
  const slash = uri.lastIndexOf('/');
  return slash >= 0 ? uri.slice(slash + 1) : uri;
}
