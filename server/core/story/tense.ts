import { isPastForm } from './lemma';
import type { Passage } from './script';

/**
 * Whether the script narrates in the past tense. Screenplays narrate in the present ("Cassie
 * walks in"), so there a past-tense verb tells backstory ("By the time Cassie woke up, ..."); fan
 * fiction written as prose in the past tense narrates its present that way. Decided by the verbs
 * that follow a named character in action, the most common shape of a sentence of narration:
 * `votes` is their count over the whole script (sumVotes).
 */
export function narratesInPast(votes: TenseVotes): boolean {
  return votes.past > votes.present;
}

/** The votes of the passages of narration in [from, to), each passage's from `votesOf` (kept with its cache version). */
export function sumVotes(passages: readonly Passage[], from: number, to: number, votesOf: (passage: Passage, at: number) => TenseVotes): TenseVotes {
  let past = 0;
  let present = 0;
  for (let at = from; at < to; at++) {
    const passage = passages[at];
    if (passage.kind !== 'action') continue;
    const votes = votesOf(passage, at);
    past += votes.past;
    present += votes.present;
  }
  return { past, present };
}

/** How many verbs after a name in a passage of narration are in the past tense, and how many in the present. */
export interface TenseVotes {
  readonly past: number;
  readonly present: number;
}

/** A passage's votes, which depend on its words alone: the passage cache keeps them. */
export function tenseVotes(passage: Passage): TenseVotes {
  let past = 0;
  let present = 0;
  for (const mention of passage.mentions) {
    const next = passage.tokens.wordAt(mention.tokenEnd);
    if (next === undefined || passage.tokens.capitalized(mention.tokenEnd)) continue;
    if (isPastForm(next)) past++;
    else if (next.length > 2 && next.endsWith('s') && !next.endsWith('ss') && next !== "'s") present++;
  }
  return { past, present };
}
