import { fieldString, fieldStrings, type DraftEntry } from './draft';
import type { Merged } from './merge';
import type { ProblemSink } from './problems';
import { describeEntry } from './read-file';

/**
 * Where places stand and where states put people: a place may not stand inside itself, however
 * long the way round, and a state may not put its holder at a place it also keeps them from.
 * Unknown place ids are the reference check's (validate-refs.ts).
 */
export function checkWhereabouts(merged: Merged, sink: ProblemSink): void {
  const places = merged.entries.places;
  const reported = new Set<string>();
  for (const place of places.values()) checkContainment(merged, place, reported, sink);
  for (const state of merged.entries.states.values()) checkStatePlaces(merged, state, sink);
}

/** The chain of places an id stands in, itself first, stopping before it would go round. */
function chainOf(merged: Merged, id: string): string[] {
  const chain = [id];
  const inside = (place: string): string | undefined => {
    const entry = merged.entries.places.get(place);
    return entry && fieldString(entry, 'in');
  };
  for (let at = inside(id); at !== undefined && !chain.includes(at); at = inside(at)) chain.push(at);
  return chain;
}

function checkContainment(merged: Merged, place: DraftEntry, reported: Set<string>, sink: ProblemSink): void {
  const inside = fieldString(place, 'in');
  if (inside === undefined) return;
  const name = describeEntry('places', place.id);
  const at = place.fields.get('in')?.at ?? place.origin;
  if (inside === place.id) {
    sink.error(at.uri, at.span, `${name} is 'in' itself: 'in' names the place this one stands in (a house in a town: in: verona)`);
    return;
  }
  const chain = chainOf(merged, inside);
  const back = chain.indexOf(place.id);
  if (back < 0 || reported.has(place.id)) return;
  // One complaint per circle, at the first of its places met.
  const circle = chain.slice(1, back + 1);
  for (const id of chain) reported.add(id);
  sink.error(at.uri, at.span, `${name} is in '${inside}'${circle.map((id) => `, which is in '${id}'`).join('')}: a place cannot stand inside itself`);
}

/**
 * A state that puts its holder at a place it also keeps them away from (at: capulet-house,
 * away-from: verona, with the house in Verona) can never be kept: say one or the other.
 */
function checkStatePlaces(merged: Merged, state: DraftEntry, sink: ProblemSink): void {
  const awayFrom = fieldStrings(state, 'away-from');
  if (awayFrom.length === 0) return;
  for (const id of fieldStrings(state, 'at')) {
    const chain = chainOf(merged, id);
    const kept = awayFrom.find((away) => chain.includes(away));
    if (kept === undefined) continue;
    const at = state.fields.get('at')?.at ?? state.origin;
    const holder = fieldString(state, 'character') ?? 'its character';
    const inside = kept === id ? '' : `, which is in '${kept}',`;
    sink.error(at.uri, at.span, `${describeEntry('states', state.id)} puts ${holder} at '${id}'${inside} but also keeps ${holder} away from '${kept}': 'at' says where they are, 'away-from' where they cannot be; keep one`);
  }
}
