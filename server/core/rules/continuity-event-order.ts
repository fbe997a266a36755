import type { Finding } from '../finding';
import { absolute } from '../span';
import { at, baseOf, type EventOccurrence, type Script } from '../story/script';
import type { StoryRule } from './rule';
import { anotherHappening } from '../story/told';
import { cite, eventName, markDivergence } from './support';

/** A finding depends on the story up to its event (the clock before it, what was said before it) and points back to nothing. */
export const rule: StoryRule<EventOccurrence> = {
  id: 'continuity.event-order',
  description: 'A canon event is narrated before what it requires, or after events canon places later.',
  defaultSeverity: 'warning',
  scope: 'story',
  items: (script) => script.occurrences,
  passageOf: (occurrence) => occurrence.info.passage,
  check(script: Script, from: number, to: number, found: (finding: Finding, passage: number) => void): void {
    for (let i = from; i < to; i++) {
      const occurrence = script.occurrences[i];
      if (occurrence.mood !== 'actual' || !occurrence.before || contradictsParticipant(script, occurrence)) continue;
      const message = tooLate(script, occurrence) ?? missingRequirement(script, occurrence);
      if (!message) continue;
      const passage = occurrence.info.passage;
      const span = at(script, passage, occurrence.match);
      found({
        ruleId: rule.id,
        severity: rule.defaultSeverity,
        span,
        message: `${message}${cite(occurrence.compiled.event)}`,
        fixes: [markDivergence(script, span)],
      }, passage);
    }
  },
};

/** The story has already passed an event canon places after this one. */
function tooLate(script: Script, o: EventOccurrence): string | undefined {
  const before = o.before;
  // An event that happens more than once (a ghost's return) may be told again later.
  if (!before || before.lo <= o.compiled.index || o.compiled.event.repeats || anotherHappening(o)) return undefined;
  const later = script.pack.events[before.lo];
  return `${o.compiled.event.name} is narrated after ${later.name}, but canon has it earlier.`;
}

/** The clock shows that something this event needs has not happened, and nobody has said it either. */
function missingRequirement(script: Script, o: EventOccurrence): string | undefined {
  const before = o.before;
  if (!before) return undefined;
  for (const required of o.compiled.event.requires) {
    const index = script.canon.eventIndex.get(required);
    if (index === undefined || before.hi >= index) continue;
    const saidEarlier = script.said.some((s) => s.compiled.event.id === required && startOf(script, s) < startOf(script, o));
    if (saidEarlier) continue;
    return `${o.compiled.event.name} is narrated before ${eventName(script, required)} has happened in the story.`;
  }
  return undefined;
}

/** Where an occurrence starts in the script. */
function startOf(script: Script, o: EventOccurrence): number {
  return absolute(baseOf(script, o.info.passage), o.match.start);
}

/** Narration naming the wrong participant tells another version of the event: that is reported as such. */
function contradictsParticipant(script: Script, o: EventOccurrence): boolean {
  return script.pack.facts.some((f) => f.kind === 'participant' && f.event === o.compiled.event.id
    && !f.characters.includes(o.match.bindings.get(f.role)?.characterId ?? f.character));
}
