import type { Finding, Fix } from '../finding';
import { at, type EventOccurrence, type Script } from '../story/script';
import type { StoryRule } from './rule';
import { characterName, cite, markDivergence } from './support';
import { countBefore } from '../sorted';

/** A finding depends on its event as narrated, and the other events its clause narrates. */
export const rule: StoryRule<EventOccurrence> = {
  id: 'continuity.participant',
  description: 'Narration names someone else as a participant canon knows (who pushed Cassie).',
  defaultSeverity: 'warning',
  scope: 'story',
  items: (script) => script.occurrences,
  passageOf: (occurrence) => occurrence.info.passage,
  check(script: Script, from: number, to: number, found: (finding: Finding, passage: number) => void): void {
    for (let i = from; i < to; i++) {
      const occurrence = script.occurrences[i];
      if (occurrence.mood === 'irrealis' || !othersAreCanon(occurrence) || anotherEventFits(script, occurrence)) continue;
      const passage = occurrence.info.passage;
      for (const fact of script.pack.facts) {
        if (fact.kind !== 'participant' || fact.event !== occurrence.compiled.event.id) continue;
        const named = occurrence.match.bindings.get(fact.role);
        if (!named?.characterId || fact.characters.includes(named.characterId)) continue;
        const span = at(script, passage, named);
        const fixes: Fix[] = [];
        // The fix names the one canon has in the role; of several hands, none is more the writer's than another.
        if (named.kind === 'name' && fact.characters.length === 1) {
          fixes.push({ title: `Change to ${characterName(script, fact.character)}`, edits: [{ span, newText: characterName(script, fact.character) }], preferred: true });
        }
        fixes.push(markDivergence(script, span));
        found({
          ruleId: rule.id,
          severity: rule.defaultSeverity,
          span,
          message: `In canon ${fact.statement.replace(/\.$/, '')}, not ${characterName(script, named.characterId)}.${cite(fact)}`,
          fixes,
        }, passage);
      }
    }
  },
};

/**
 * A wrong participant contradicts canon only in the canon event: every other participant the
 * narration names must be known to be the canon one ("Ramon pushes someone off the roof" may be
 * another story; "Ramon pushes Cassie off the roof" is not).
 */
function othersAreCanon(o: EventOccurrence): boolean {
  const { participants } = o.compiled.event;
  for (const [role, referent] of o.match.bindings) {
    if (o.compiled.factRoles.has(role) || !Object.prototype.hasOwnProperty.call(participants, role)) continue;
    if (referent.characterId === undefined || !participants[role].includes(referent.characterId)) return false;
  }
  return true;
}

/**
 * "Malcolm and Donalbain flee into the sleet" reads as Fleance's escape with the wrong man only
 * to a reader who forgets the sons' flight: where the same clause narrates another canon event
 * with every participant canon's, that is the event it tells.
 */
function anotherEventFits(script: Script, o: EventOccurrence): boolean {
  const { occurrences } = script;
  const passage = o.info.passage;
  for (let i = countBefore(occurrences, (x) => x.info.passage, passage); i < occurrences.length && occurrences[i].info.passage === passage; i++) {
    const other = occurrences[i];
    if (other === o || other.info.clause !== o.info.clause || other.compiled === o.compiled || other.mood === 'irrealis') continue;
    if (allCanon(script, other)) return true;
  }
  return false;
}

/** Every person an occurrence names is the one canon has in that role. */
function allCanon(script: Script, o: EventOccurrence): boolean {
  const { participants, id } = o.compiled.event;
  let named = 0;
  for (const [role, referent] of o.match.bindings) {
    const fact = script.pack.facts.find((f) => f.kind === 'participant' && f.event === id && f.role === role);
    const canon = fact?.kind === 'participant' ? fact.characters : participants[role];
    if (canon === undefined) continue;
    if (referent.characterId === undefined || !canon.includes(referent.characterId)) return false;
    named++;
  }
  return named > 0;
}
