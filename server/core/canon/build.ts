import { fieldString, fieldStrings, type DraftEntry } from './draft';
import type { Merged } from './merge';
import type {
  CanonDay,
  CanonEvent,
  CanonPack,
  CanonState,
  Capability,
  Character,
  Fact,
  Phrasing,
  Place,
  Relation,
  RelationKind,
  Role,
  RoleClaim,
} from './model';
import { capabilities, relationKinds } from './spec';
import { nameParts, written } from './names';
import { cueOf, factKind } from './validate-entries';

/**
 * Turns a merged, validated pack into the model the engine reads, filling in the defaults the
 * format promises. Only called when there were no errors, so required fields are present; the
 * fallbacks below keep the types honest rather than papering over anything.
 */
export function buildPack(merged: Merged): CanonPack {
  const entries = (section: keyof Merged['entries']): DraftEntry[] => [...merged.entries[section].values()];
  const roles = entries('roles').map(buildRole);
  return {
    id: headerString(merged, 'id'),
    name: headerString(merged, 'name'),
    description: merged.header.get('description')?.value.kind === 'string' ? headerString(merged, 'description') : undefined,
    characters: entries('characters').map(buildCharacter),
    relations: entries('relations').map(buildRelation),
    places: entries('places').map(buildPlace),
    roles: symmetricConflicts(roles),
    events: entries('events').map(buildEvent),
    days: entries('days').map(buildDay),
    states: entries('states').map(buildState),
    facts: entries('facts').map(buildFact),
    origins: merged.origins,
  };
}

function headerString(merged: Merged, key: string): string {
  const value = merged.header.get(key)?.value;
  return value?.kind === 'string' ? value.value : '';
}

function sourced(entry: DraftEntry): { source?: string; where?: string; origin: DraftEntry['origin'] } {
  const source = fieldString(entry, 'source');
  const where = fieldString(entry, 'where');
  return { ...(source === undefined ? {} : { source }), ...(where === undefined ? {} : { where }), origin: entry.origin };
}

function buildCharacter(entry: DraftEntry): Character {
  const name = fieldString(entry, 'name') ?? entry.id;
  const parts = nameParts(name);
  const first = written(fieldString(entry, 'first'));
  const surname = written(fieldString(entry, 'surname'));
  const claims = entry.fields.get('roles')?.value;
  return {
    id: entry.id,
    name,
    first: first === null ? undefined : first ?? parts.first,
    surname: surname === null ? undefined : surname ?? parts.surname,
    title: parts.title,
    parentsKnown: flag(entry, 'parents-known'),
    siblingsKnown: flag(entry, 'siblings-known'),
    spousesKnown: flag(entry, 'spouses-known'),
    sharedNames: fieldStrings(entry, 'shared-names'),
    of: fieldString(entry, 'of'),
    cue: cueOf(entry) ?? entry.id.toUpperCase(),
    aliases: fieldStrings(entry, 'aliases'),
    nicknames: fieldStrings(entry, 'nicknames'),
    misspellings: fieldStrings(entry, 'misspellings'),
    pronouns: fieldString(entry, 'pronouns'),
    role: fieldString(entry, 'role'),
    roles: claims?.kind === 'claims' ? claims.value.map((claim): RoleClaim => ({ ...claim })) : [],
    description: fieldString(entry, 'description'),
    ...sourced(entry),
  };
}

function flag(entry: DraftEntry, field: string): boolean {
  const value = entry.fields.get(field)?.value;
  return value?.kind === 'boolean' && value.value;
}

function buildRelation(entry: DraftEntry): Relation {
  const between = fieldStrings(entry, 'between');
  return {
    id: entry.id,
    kind: relationKind(fieldString(entry, 'kind')),
    between: [between[0] ?? '', between[1] ?? ''],
    older: fieldString(entry, 'older'),
    ...(flag(entry, 'twins') ? { twins: true as const } : {}),
    from: fieldString(entry, 'from'),
    until: fieldString(entry, 'until'),
    before: fieldString(entry, 'before'),
    ...sourced(entry),
  };
}

function relationKind(kind: string | undefined): RelationKind {
  return relationKinds.find((k) => k === kind) ?? 'friend';
}

function buildPlace(entry: DraftEntry): Place {
  return {
    id: entry.id,
    name: fieldString(entry, 'name') ?? entry.id,
    aliases: fieldStrings(entry, 'aliases'),
    description: fieldString(entry, 'description'),
    ...(entry.fields.has('in') ? { in: fieldString(entry, 'in') } : {}),
    ...sourced(entry),
  };
}

/** A role's terms default to its id in words: "acting-director" is called "acting director". */
function buildRole(entry: DraftEntry): Role {
  const terms = fieldStrings(entry, 'terms');
  const exclusive = entry.fields.get('exclusive')?.value;
  return {
    id: entry.id,
    terms: terms.length > 0 ? terms : [entry.id.split('-').join(' ')],
    exclusive: exclusive?.kind === 'boolean' ? exclusive.value : false,
    conflicts: fieldStrings(entry, 'conflicts'),
    ...(fieldString(entry, 'holders') === 'none' ? { holders: 'none' as const } : {}),
    ...sourced(entry),
  };
}

/** A conflict goes both ways (a student is no graduate, so no graduate is a student). */
function symmetricConflicts(roles: Role[]): Role[] {
  const conflicts = new Map(roles.map((role) => [role.id, new Set(role.conflicts)]));
  for (const role of roles) for (const other of role.conflicts) conflicts.get(other)?.add(role.id);
  return roles.map((role) => ({ ...role, conflicts: [...(conflicts.get(role.id) ?? [])] }));
}

function phrasingsOf(entry: DraftEntry, field = 'phrasings'): readonly Phrasing[] {
  const value = entry.fields.get(field)?.value;
  return value?.kind === 'phrasings' ? value.value : [];
}

function buildEvent(entry: DraftEntry): CanonEvent {
  const participants = entry.fields.get('participants')?.value;
  return {
    id: entry.id,
    name: fieldString(entry, 'name') ?? entry.id,
    anchors: fieldStrings(entry, 'anchors'),
    participants: participants?.kind === 'map' ? participants.value : {},
    phrasings: phrasingsOf(entry),
    ...(entry.fields.has('said') ? { said: phrasingsOf(entry, 'said') } : {}),
    requires: fieldStrings(entry, 'requires'),
    ...(isTrue(entry, 'backstory') ? { backstory: true as const } : {}),
    ...(isTrue(entry, 'repeats') ? { repeats: true as const } : {}),
    ...(isTrue(entry, 'symmetric') ? { symmetric: true as const } : {}),
    description: fieldString(entry, 'description'),
    ...sourced(entry),
  };
}

function buildDay(entry: DraftEntry): CanonDay {
  const first = fieldString(entry, 'first') ?? '';
  return {
    id: entry.id,
    name: fieldString(entry, 'name') ?? entry.id,
    anchors: fieldStrings(entry, 'anchors'),
    first,
    last: fieldString(entry, 'last') ?? first,
    description: fieldString(entry, 'description'),
    ...sourced(entry),
  };
}

function buildState(entry: DraftEntry): CanonState {
  return {
    id: entry.id,
    character: fieldString(entry, 'character') ?? '',
    label: fieldString(entry, 'label') ?? entry.id,
    from: fieldString(entry, 'from') ?? '',
    until: fieldString(entry, 'until'),
    ...whereabouts(entry),
    forbids: fieldStrings(entry, 'forbids').filter((c): c is Capability => (capabilities as readonly string[]).includes(c)),
    allows: fieldStrings(entry, 'allows').map((verb) => verb.toLowerCase()),
    ...(entry.fields.has('body') ? { body: fieldStrings(entry, 'body') } : {}),
    ...(isTrue(entry, 'last-words') ? { lastWords: true as const } : {}),
    ...sourced(entry),
  };
}

/** Where a state puts its holder, or keeps them from, where it says (most states say neither). */
function whereabouts(entry: DraftEntry): Pick<CanonState, 'at' | 'awayFrom'> {
  const at = fieldStrings(entry, 'at');
  const awayFrom = fieldStrings(entry, 'away-from');
  return { ...(at.length > 0 ? { at } : {}), ...(awayFrom.length > 0 ? { awayFrom } : {}) };
}

function isTrue(entry: DraftEntry, field: string): boolean {
  const value = entry.fields.get(field)?.value;
  return value?.kind === 'boolean' && value.value;
}

function buildFact(entry: DraftEntry): Fact {
  const statement = fieldString(entry, 'statement') ?? '';
  if (factKind(entry) === 'never') {
    return { id: entry.id, kind: 'never', statement, phrasings: phrasingsOf(entry), ...sourced(entry) };
  }
  return {
    id: entry.id,
    kind: 'participant',
    statement,
    event: fieldString(entry, 'event') ?? '',
    role: fieldString(entry, 'role') ?? '',
    character: fieldStrings(entry, 'character')[0] ?? '',
    characters: fieldStrings(entry, 'character'),
    ...sourced(entry),
  };
}
