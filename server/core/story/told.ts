import type { EventOccurrence } from './script';

/**
 * Whether narration tells a canon event whole enough to be the canon one where the story has passed
 * it: an event canon gives two people or more, told with two of them. "Cassie lets herself fall
 * from the edge of the platform" months after the roof is another fall (a rehearsal), and "Mercutio
 * died on his own friend's steel", remembered, is no new death: neither is an order warning, and
 * neither moves the clock. "Delia pushes Cassie off the roof" is the canon fall, told out of order.
 */
function toldWhole(o: EventOccurrence): boolean {
  let named = 0;
  for (const referent of o.match.bindings.values()) if (referent.characterId !== undefined) named++;
  return Object.keys(o.compiled.event.participants).length < 2 || named >= 2;
}

/**
 * An event narrated where the story has already passed it, told with fewer of its people than
 * canon has: another happening of the kind (a rehearsed fall, a remembered death), not the canon
 * event. It moves no clock, and begins no state: the sentence is judged as any other. (`before`:
 * the clock the occurrence was told at, where the walk has not recorded it yet.)
 */
export function anotherHappening(o: EventOccurrence, before = o.before): boolean {
  return before !== undefined && before.lo > o.compiled.index && !o.compiled.event.repeats && !toldWhole(o);
}
