import { fieldString, fieldStrings, sections, type DraftEntry } from './draft';
import type { Merged } from './merge';
import type { ProblemSink } from './problems';
import { describeEntry } from './read-file';
import { slotsOf } from './pattern';
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
  const positions = new Map([...merged.entries.events.keys()].map((id, i) => [id, i]));
  for (const event of merged.entries.events.values()) checkEvent(positions, event, sink);
  for (const state of merged.entries.states.values()) checkState(positions, state, sink);
  for (const fact of merged.entries.facts.values()) checkFact(merged, fact, sink);
  checkCues(merged, sink);
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
}

/** Canonical position of each event id. */
type Positions = ReadonlyMap<string, number>;

function checkEvent(positions: Positions, event: DraftEntry, sink: ProblemSink): void {
  const position = positions.get(event.id) ?? -1;
  for (const required of fieldStrings(event, 'requires')) {
    const name = describeEntry('events', event.id);
    if (required === event.id) report(sink, event, `${name} requires itself`, 'requires');
    else if ((positions.get(required) ?? -1) > position) {
      report(sink, event, `${name} requires event '${required}', which comes after it in canonical order`, 'requires', true);
    }
  }
}

function checkState(positions: Positions, state: DraftEntry, sink: ProblemSink): void {
  const from = fieldString(state, 'from');
  const until = fieldString(state, 'until');
  if (from === undefined || until === undefined) return;
  const begins = positions.get(from) ?? -1;
  const ends = positions.get(until) ?? -1;
  if (begins >= 0 && ends >= 0 && ends <= begins) {
    report(sink, state, `${describeEntry('states', state.id)} ends at '${until}', which is not after '${from}' where it begins`, 'until');
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
  const character = fieldString(fact, 'character');
  const canon = known[role];
  if (canon !== undefined && character !== undefined && canon !== character) {
    report(sink, fact, `${describeEntry('facts', fact.id)} says '${character}' is the ${role}, but event '${event.id}' names '${canon}'`, 'character');
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

export function cueOf(character: DraftEntry): string | undefined {
  const written = fieldString(character, 'cue');
  if (written !== undefined) return written.toUpperCase();
  const first = fieldString(character, 'first') ?? firstWord(fieldString(character, 'name'));
  return first?.toUpperCase();
}

export function firstWord(name: string | undefined): string | undefined {
  const words = (name ?? '').trim().split(/\s+/).filter((w) => w !== '');
  return words[0];
}
