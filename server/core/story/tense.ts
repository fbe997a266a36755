import { isPastForm } from './lemma';
import type { Passage } from './script';

/**
 * Whether the script narrates in the past tense. Screenplays narrate in the present ("Cassie
 * walks in"), so there a past-tense verb tells backstory ("By the time Cassie woke up, ..."); fan
 * fiction written as prose in the past tense narrates its present that way. Decided by the verbs
 * that follow a named character in action, the most common shape of a sentence of narration.
 */
export function narratesInPast(passages: readonly Passage[]): boolean {
  let past = 0;
  let present = 0;
  for (const passage of passages) {
    if (passage.kind !== 'action') continue;
    for (const mention of passage.mentions) {
      const next = passage.tokens[mention.tokenEnd];
      if (!next || next.kind !== 'word' || next.capitalized) continue;
      if (isPastForm(next.word)) past++;
      else if (next.word.length > 2 && next.word.endsWith('s') && !next.word.endsWith('ss') && next.word !== "'s") present++;
    }
  }
  return past > present;
}
