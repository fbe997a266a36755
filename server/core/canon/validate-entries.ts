import { fieldString, fieldStrings, sections, type DraftEntry } from './draft';
import type { Merged } from './merge';
import type { RoleClaim } from './model';
import type { ProblemSink } from './problems';
import { describeEntry } from './read-file';
import { slotsOf } from './pattern';
import { nameParts, written } from './names';
import { requiredFields } from './spec';
import { didYouMean } from './suggest';

/** Checks each merged entry on its own terms: required fields, and what its fields must agree on. */
export function checkEntries(merged: Merged, sink: ProblemSink): void {
  for (const section of sections) {
    for (const entry of merged.entries[section].values()) {
      for (const field of requiredFields[section]) {
        if (!entry.fields.has(field) && !entry.broken.has(field)) report(sink, entry, `${describeEntry(section, entry.id)}: missing '${field}'`);
      }
    }
  }
  for (const relation of merged.entries.relations.values()) checkRelation(relation, sink);
  checkDirectedTies(merged, sink);
  for (const character of merged.entries.characters.values()) checkOf(merged, character, sink);
  const positions = new Map([...merged.entries.events.keys()].map((id, i) => [id, i]));
  for (const event of merged.entries.events.values()) checkEvent(positions, event, sink);
  checkBackstoryFirst(merged, sink);
  checkRoleTimes(merged, positions, sink);
  checkNobodysRoles(merged, sink);
  for (const state of merged.entries.states.values()) checkFromUntil(positions, 'states', state, sink);
  for (const relation of merged.entries.relations.values()) checkFromUntil(positions, 'relations', relation, sink);
  for (const day of merged.entries.days.values()) checkDay(positions, day, sink);
  for (const fact of merged.entries.facts.values()) checkFact(merged, fact, sink);
  checkCues(merged, sink);
  checkSharedNames(merged, sink);
}

function report(sink: ProblemSink, entry: DraftEntry, message: string, field?: string, warning = false): void {
  const at = (field && entry.fields.get(field)?.at) || entry.origin;
  if (warning) sink.warning(at.uri, at.span, message);
  else sink.error(at.uri, at.span, message);
}

function checkRelation(relation: DraftEntry, sink: ProblemSink): void {
  const between = fieldStrings(relation, 'between');
  const name = describeEntry('relations', relation.id);
  if (between.length === 2 && between[0] === between[1]) report(sink, relation, `${name} relates '${between[0]}' to itself`, 'between');
  const older = fieldString(relation, 'older');
  if (older !== undefined && between.length === 2 && !between.includes(older)) {
    report(sink, relation, `${name}: the older one, '${older}', must be one of ${between.join(' and ')}`, 'older');
  }
  if (fieldString(relation, 'before') === relation.id) report(sink, relation, `${name} is ordered before itself`, 'before');
  const kind = fieldString(relation, 'kind');
  if (older !== undefined && kind !== undefined && !SIBLING_LIKE.has(kind)) {
    report(sink, relation, `${name}: 'older' is read only for siblings, not for kind '${kind}'`, 'older', true);
  }
  const twins = relation.fields.get('twins')?.value;
  if (twins?.kind === 'boolean' && twins.value) {
    if (older !== undefined) report(sink, relation, `${name}: twins are neither of them older; drop 'older' or 'twins'`, 'twins');
    else if (kind !== undefined && !SIBLING_LIKE.has(kind)) report(sink, relation, `${name}: 'twins' is read only for siblings, not for kind '${kind}'`, 'twins', true);
  }
}

const SIBLING_LIKE = new Set(['sister', 'brother', 'sibling', 'half-sibling']);

/**
 * A directed tie written both ways round (Duncan Malcolm's parent, and Malcolm Duncan's parent) is
 * a slip in the order of `between`: reported at the second, naming the first.
 */
function checkDirectedTies(merged: Merged, sink: ProblemSink): void {
  const seen = new Map<string, DraftEntry>();
  for (const relation of merged.entries.relations.values()) {
    const kind = fieldString(relation, 'kind');
    const between = fieldStrings(relation, 'between');
    const inverse = kind === undefined ? undefined : INVERSE_KINDS[kind];
    if (inverse === undefined || between.length !== 2 || between[0] === between[1]) continue;
    // A parent tie [a, b] is the child tie [b, a]: both are kept as "a above b".
    const [above, below] = inverse.up ? [between[0], between[1]] : [between[1], between[0]];
    const first = seen.get(`${inverse.family}:${below}>${above}`);
    if (first) {
      report(sink, relation, `${describeEntry('relations', relation.id)} makes ${between[0]} the ${kind} of ${between[1]}, but relation '${first.id}' says the reverse: \`between\` reads [the ${kind}, whose ${kind}]`, 'between');
    }
    seen.set(`${inverse.family}:${above}>${below}`, relation);
  }
}

/** Directed kinds: which family of ties they belong to, and whether the first of `between` is the elder side. */
const INVERSE_KINDS: Readonly<Record<string, { family: string; up: boolean }>> = {
  parent: { family: 'parent', up: true },
  child: { family: 'parent', up: false },
  grandparent: { family: 'grandparent', up: true },
  grandchild: { family: 'grandparent', up: false },
  uncle: { family: 'uncle', up: true },
  aunt: { family: 'uncle', up: true },
  niece: { family: 'uncle', up: false },
  nephew: { family: 'uncle', up: false },
  'step-parent': { family: 'step', up: true },
  'step-child': { family: 'step', up: false },
  'parent-in-law': { family: 'in-law', up: true },
  'child-in-law': { family: 'in-law', up: false },
  guardian: { family: 'guardian', up: true },
  ward: { family: 'guardian', up: false },
  'adoptive-parent': { family: 'adoption', up: true },
  'adopted-child': { family: 'adoption', up: false },
  master: { family: 'service', up: true },
  servant: { family: 'service', up: false },
};

/** `of:` names the person a ghost or recording is of: another character, itself no form of anyone. */
function checkOf(merged: Merged, character: DraftEntry, sink: ProblemSink): void {
  const of = fieldString(character, 'of');
  if (of === undefined) return;
  const name = describeEntry('characters', character.id);
  if (of === character.id) {
    report(sink, character, `${name} is 'of' itself: 'of' names the character this one is a ghost, spirit or recording of`, 'of');
    return;
  }
  const target = merged.entries.characters.get(of);
  const further = target && fieldString(target, 'of');
  if (further !== undefined) report(sink, character, `${name} is of '${of}', which is itself of '${further}': name '${further}' instead`, 'of');
}

/** Canonical position of each event id. */
type Positions = ReadonlyMap<string, number>;

function checkEvent(positions: Positions, event: DraftEntry, sink: ProblemSink): void {
  const position = positions.get(event.id) ?? -1;
  const symmetric = event.fields.get('symmetric')?.value;
  const participants = event.fields.get('participants')?.value;
  const count = participants?.kind === 'map' ? new Set(Object.values(participants.value).flat()).size : 0;
  if (symmetric?.kind === 'boolean' && symmetric.value && count < 2) {
    report(sink, event, `${describeEntry('events', event.id)} is symmetric, which needs two participants or more with no fixed roles: name them in 'participants:' (e.g. { fighter: mercutio, opponent: tybalt })`, 'symmetric');
  }
  for (const required of fieldStrings(event, 'requires')) {
    const name = describeEntry('events', event.id);
    if (required === event.id) report(sink, event, `${name} requires itself`, 'requires');
    else if ((positions.get(required) ?? -1) > position) {
      report(sink, event, `${name} requires event '${required}', which comes after it in canonical order`, 'requires', true);
    }
  }
}

/** A role claim held from one event until another. */
interface TimedClaim {
  readonly character: string;
  readonly claim: RoleClaim;
  /** The gaps of the canon clock in which it is held: from `begins` (inclusive) to `ends` (exclusive). */
  readonly begins: number;
  readonly ends: number;
}

/**
 * A role held over time must end after it begins; and an exclusive role that two characters hold
 * at once (two kings with no `from:` or `until:`) is reported at the second claim, since the role
 * rule would take either for the holder.
 */
/**
 * Backstory happens before page one, so its events stand before every event of the story: one after
 * a story event would hold from the first page although canon puts it later.
 */
function checkBackstoryFirst(merged: Merged, sink: ProblemSink): void {
  let story: DraftEntry | undefined;
  for (const event of merged.entries.events.values()) {
    const backstory = event.fields.get('backstory')?.value;
    if (backstory?.kind === 'boolean' && backstory.value) {
      if (story) report(sink, event, `${describeEntry('events', event.id)} is backstory but comes after '${story.id}', an event of the story: move it above '${story.id}' (backstory events come first, in the order they happened)`, 'backstory', true);
    } else story ??= event;
  }
}

function checkRoleTimes(merged: Merged, positions: Positions, sink: ProblemSink): void {
  const byRole = new Map<string, TimedClaim[]>();
  for (const character of merged.entries.characters.values()) {
    const claims = character.fields.get('roles')?.value;
    if (claims?.kind !== 'claims') continue;
    for (const claim of claims.value) {
      const begins = claim.from === undefined ? -1 : positions.get(claim.from);
      const ends = claim.until === undefined ? Infinity : positions.get(claim.until);
      if (begins === undefined || ends === undefined) continue;
      const at = claim.origin ?? character.origin;
      if (ends <= begins) {
        sink.error(at.uri, at.span, `${describeEntry('characters', character.id)}: role '${claim.role}' ends at '${claim.until}', which is not after '${claim.from}' where it begins`);
        continue;
      }
      byRole.set(claim.role, [...(byRole.get(claim.role) ?? []), { character: character.id, claim, begins, ends }]);
    }
  }
  for (const [role, claims] of byRole) {
    const entry = merged.entries.roles.get(role);
    const exclusive = entry?.fields.get('exclusive')?.value;
    if (exclusive?.kind !== 'boolean' || !exclusive.value) continue;
    reportOverlaps(role, claims, sink);
  }
}

/** A role canon says nobody holds (`holders: none`) cannot be claimed by a character. */
function checkNobodysRoles(merged: Merged, sink: ProblemSink): void {
  for (const character of merged.entries.characters.values()) {
    const claims = character.fields.get('roles')?.value;
    if (claims?.kind !== 'claims') continue;
    for (const claim of claims.value) {
      const role = merged.entries.roles.get(claim.role);
      if (!role || fieldString(role, 'holders') !== 'none') continue;
      const at = claim.origin ?? character.origin;
      sink.error(at.uri, at.span, `${describeEntry('characters', character.id)} holds role '${claim.role}', but that role says nobody holds it ('holders: none'): remove one or the other`);
    }
  }
}

function reportOverlaps(role: string, claims: readonly TimedClaim[], sink: ProblemSink): void {
  for (let i = 1; i < claims.length; i++) {
    const later = claims[i];
    const earlier = claims.slice(0, i).find((c) => c.character !== later.character && Math.max(c.begins, later.begins) < Math.min(c.ends, later.ends));
    if (!earlier) continue;
    const at = later.claim.origin;
    if (!at) continue;
    sink.warning(at.uri, at.span, `role '${role}' is exclusive, but '${earlier.character}' and '${later.character}' hold it at the same time: say when each holds it with 'from:' and 'until:' (event ids)`);
  }
}

/** A state or a tie that begins at one event and ends at another ends after it begins. */
function checkFromUntil(positions: Positions, section: 'states' | 'relations', entry: DraftEntry, sink: ProblemSink): void {
  const from = fieldString(entry, 'from');
  const until = fieldString(entry, 'until');
  if (from === undefined || until === undefined) return;
  const begins = positions.get(from) ?? -1;
  const ends = positions.get(until) ?? -1;
  if (begins >= 0 && ends >= 0 && ends <= begins) {
    report(sink, entry, `${describeEntry(section, entry.id)} ends at '${until}', which is not after '${from}' where it begins`, 'until');
  }
}

/** A day runs from its first event to its last, in canon order. */
function checkDay(positions: Positions, day: DraftEntry, sink: ProblemSink): void {
  const first = fieldString(day, 'first');
  const last = fieldString(day, 'last');
  if (first === undefined || last === undefined) return;
  const begins = positions.get(first) ?? -1;
  const ends = positions.get(last) ?? -1;
  if (begins >= 0 && ends >= 0 && ends < begins) {
    report(sink, day, `${describeEntry('days', day.id)} ends with '${last}', which comes before '${first}' where it begins: 'first' and 'last' are the day's first and last events, in the order of 'events:'`, 'last');
  }
}

/** A fact's kind is written or inferred: naming an event makes it a participant fact. */
export function factKind(fact: DraftEntry): 'participant' | 'never' {
  const written = fieldString(fact, 'kind');
  if (written === 'participant' || written === 'never') return written;
  return fact.fields.has('event') ? 'participant' : 'never';
}

function checkFact(merged: Merged, fact: DraftEntry, sink: ProblemSink): void {
  const name = describeEntry('facts', fact.id);
  const kind = factKind(fact);
  const needed = kind === 'participant' ? ['event', 'role', 'character'] : ['phrasings'];
  const unused = kind === 'participant' ? ['phrasings'] : ['event', 'role', 'character'];
  for (const field of needed) if (!fact.fields.has(field) && !fact.broken.has(field)) report(sink, fact, `${name}: a ${kind} fact needs '${field}'`);
  for (const field of unused) {
    if (fact.fields.has(field)) report(sink, fact, `${name}: '${field}' is not used by a ${kind} fact`, field, true);
  }
  if (kind === 'participant') checkParticipantRole(merged, fact, sink);
}

function checkParticipantRole(merged: Merged, fact: DraftEntry, sink: ProblemSink): void {
  const role = fieldString(fact, 'role');
  const event = merged.entries.events.get(fieldString(fact, 'event') ?? '');
  if (role === undefined || event === undefined) return;
  const participants = event.fields.get('participants')?.value;
  const known = participants?.kind === 'map' ? participants.value : {};
  const phrasings = event.fields.get('phrasings')?.value;
  const slots = phrasings?.kind === 'phrasings' ? phrasings.value.flatMap((p) => slotsOf(p.pattern)) : [];
  const roles = [...new Set([...Object.keys(known), ...slots])];
  if (!roles.includes(role)) {
    report(sink, fact, `${describeEntry('facts', fact.id)}: event '${event.id}' has no role '${role}'${didYouMean(role, roles)}`, 'role');
    return;
  }
  const canon = known[role];
  const stray = fieldStrings(fact, 'character').filter((character) => canon !== undefined && !canon.includes(character));
  if (stray.length > 0 && canon !== undefined) {
    const quoted = canon.map((c) => `'${c}'`);
    const names = canon.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}: add '${stray[0]}' to the event's '${role}' list if they were one of them`;
    report(sink, fact, `${describeEntry('facts', fact.id)} says '${stray[0]}' is the ${role}, but event '${event.id}' names ${names}`, 'character');
  }
}

/** Every name a character answers to, lowercased: its name, first name, surname, cue, aliases and nicknames. */
function namesOf(character: DraftEntry): Set<string> {
  const name = fieldString(character, 'name');
  const parts = name === undefined ? undefined : nameParts(name);
  const first = written(fieldString(character, 'first'));
  const surname = written(fieldString(character, 'surname'));
  const all = [name, first === null ? undefined : first ?? parts?.first, surname === null ? undefined : surname ?? parts?.surname,
    cueOf(character), ...fieldStrings(character, 'aliases'), ...fieldStrings(character, 'nicknames')];
  return new Set(all.filter((n): n is string => n !== undefined).map(spaced));
}

function spaced(name: string): string {
  return name.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter(Boolean).join(' ');
}

/**
 * A shared name must be one of the character's own names, and another character's too: else it
 * silences a name nobody else answers to (a warning, since the pack still reads).
 */
function checkSharedNames(merged: Merged, sink: ProblemSink): void {
  const names = new Map([...merged.entries.characters.values()].map((c) => [c.id, namesOf(c)]));
  for (const character of merged.entries.characters.values()) {
    const label = describeEntry('characters', character.id);
    for (const shared of fieldStrings(character, 'shared-names')) {
      const key = spaced(shared);
      if (!names.get(character.id)?.has(key)) {
        report(sink, character, `${label}: '${shared}' is not one of its names: 'shared-names' lists a name this character answers to (its name, first name, cue, an alias) that another character answers to as well`, 'shared-names');
        continue;
      }
      const others = [...names].filter(([id, own]) => id !== character.id && own.has(key)).map(([id]) => id);
      if (others.length === 0) {
        report(sink, character, `${label}: no other character answers to '${shared}', so it is not shared: give the other character the name (e.g. as 'first:' or an alias), or leave it out of 'shared-names'`, 'shared-names', true);
      }
    }
  }
}

/** Two characters with one cue would make every line of dialogue ambiguous. */
function checkCues(merged: Merged, sink: ProblemSink): void {
  const seen = new Map<string, string>();
  for (const character of merged.entries.characters.values()) {
    const cue = cueOf(character);
    if (cue === undefined) continue;
    const first = seen.get(cue);
    if (first !== undefined) report(sink, character, `characters '${first}' and '${character.id}' share the cue ${cue}: give one a 'cue:'`, 'cue', true);
    else seen.set(cue, character.id);
  }
}

/** The cue: as written, else the first name, else (a name with none: "Lady Macbeth") the whole name, in capitals. */
export function cueOf(character: DraftEntry): string | undefined {
  const cue = fieldString(character, 'cue');
  if (cue !== undefined) return cue.toUpperCase();
  const name = fieldString(character, 'name');
  const first = written(fieldString(character, 'first'));
  if (first) return first.toUpperCase();
  if (first === undefined && name !== undefined) {
    const parts = nameParts(name);
    if (parts.first) return parts.first.toUpperCase();
  }
  return name?.trim().toUpperCase() || undefined;
}
