import { fieldString, type DraftEntry } from './draft';
import type { ProblemSink } from './problems';

/**
 * Canonical order after a merge. Events keep the base's order with new ones appended, except
 * those this file gives an `after:`, which move to just after the named event (several after
 * the same event keep the file's order; one may follow another that was itself moved).
 * An `after:` naming no event leaves the event where it was; validation reports the name.
 */
export function placeEvents(
  events: ReadonlyMap<string, DraftEntry>,
  written: readonly DraftEntry[],
  sink: ProblemSink,
): Map<string, DraftEntry> {
  const followers = new Map<string, string[]>();
  const moved = new Set<string>();
  for (const entry of written) {
    const anchor = fieldString(entry, 'after');
    if (anchor === undefined || !events.has(anchor) || anchor === entry.id) continue;
    followers.set(anchor, [...(followers.get(anchor) ?? []), entry.id]);
    moved.add(entry.id);
  }
  if (moved.size === 0) return new Map(events);
  const order: string[] = [];
  // Depth first without recursion: a long chain of `after:` must not exhaust the stack.
  const emit = (root: string): void => {
    const stack = [root];
    for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
      order.push(id);
      stack.push(...[...(followers.get(id) ?? [])].reverse());
    }
  };
  for (const id of events.keys()) if (!moved.has(id)) emit(id);
  const placed = new Set(order);
  for (const id of moved) {
    if (placed.has(id)) continue;
    // Only events placed after each other in a loop are never reached from a fixed event.
    const entry = events.get(id);
    const at = entry?.fields.get('after')?.at ?? entry?.origin;
    if (at) sink.error(at.uri, at.span, `event '${id}' is placed after an event that is itself placed after it (an 'after:' loop)`);
    order.push(id);
  }
  const result = new Map<string, DraftEntry>();
  for (const id of order) {
    const entry = events.get(id);
    if (entry) result.set(id, entry);
  }
  return result;
}
