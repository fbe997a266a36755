import type { CanonPack, Relation } from '../canon/model';
import type { ClockEvent, StateSpan } from './model';
import { shortName, stateSpans } from './story';

/**
 * The pack in force as a picture shows it: who is who (characters, and the relations between
 * them), what happens in canon order, and which states hold over which stretch of it.
 */
export interface CanonView {
  readonly pack: { readonly id: string; readonly name: string; readonly description?: string };
  readonly characters: readonly CanonCharacter[];
  readonly relations: readonly CanonRelation[];
  readonly events: readonly (ClockEvent & { readonly description?: string })[];
  readonly states: readonly StateSpan[];
}

export interface CanonCharacter {
  readonly id: string;
  readonly name: string;
  readonly cue: string;
  /** One line: the role, else the description. */
  readonly about?: string;
  /** Where the entry is written: a pack file's path (or `builtin:` name) and the offset of its id. */
  readonly source?: { readonly uri: string; readonly offset: number };
}

export interface CanonRelation {
  readonly kind: string;
  readonly between: readonly [string, string];
  /** In words: "Delia is Bette's older sister", "Ramon and Cassie: affair". */
  readonly sentence: string;
}

/** Kinds that read the same both ways. */
const MUTUAL = new Set(['sibling', 'cousin', 'half-sibling', 'sibling-in-law', 'married', 'dating', 'affair', 'kissed', 'friend', 'rival']);

export function canonView(pack: CanonPack): CanonView {
  const known = new Set(pack.characters.map((c) => c.id));
  return {
    pack: { id: pack.id, name: pack.name, ...(pack.description ? { description: pack.description } : {}) },
    characters: pack.characters.map((c) => {
      const about = c.role ?? c.description;
      const source = c.origin ? { uri: c.origin.uri, offset: c.origin.span.start } : undefined;
      return { id: c.id, name: c.name, cue: c.cue, ...(about ? { about } : {}), ...(source ? { source } : {}) };
    }),
    relations: pack.relations
      .filter((r) => known.has(r.between[0]) && known.has(r.between[1]))
      .map((r) => ({ kind: r.kind, between: r.between, sentence: relationSentence(pack, r) })),
    events: pack.events.map((e) => ({ id: e.id, name: e.name, backstory: e.backstory === true, ...(e.description ? { description: e.description } : {}) })),
    states: stateSpans(pack),
  };
}

function relationSentence(pack: CanonPack, relation: Relation): string {
  const [a, b] = relation.between.map((id) => shortName(pack, id));
  if (MUTUAL.has(relation.kind)) {
    const older = relation.older ? ` (${shortName(pack, relation.older)} is older)` : '';
    return `${a} and ${b}: ${relation.kind}${older}`;
  }
  const older = relation.older === relation.between[0] ? 'older ' : relation.older === relation.between[1] ? 'younger ' : '';
  return `${a} is ${b}'s ${older}${relation.kind}`;
}
