import type { Finding } from '../finding';
import type { CanonState } from '../canon/model';
import { elementOf, sceneOf, type CueInfo, type Script } from '../story/script';
import type { StoryRule } from './rule';
import { newlineOf, stateFinding } from './state-finding';
import { cite, inLastWords, stateLabel, statesForbidding } from './support';

import { notSpeakingHere } from '../story/voices';

export { notSpeakingHere };

/**
 * A finding depends on the story up to its cue (the clock), points back to where the clock was
 * last set, and its fix uses the script's line break (see state-acts).
 */
export const rule: StoryRule<CueInfo> = {
  id: 'continuity.state-speaks',
  description: 'A character speaks while a canon state (such as a coma) stops them from speaking.',
  defaultSeverity: 'warning',
  scope: 'story',
  items: (script) => script.cues,
  passageOf: (cue) => cue.passage,
  context: newlineOf,
  pointsBack: true,
  check(script: Script, from: number, to: number, found: (finding: Finding, passage: number) => void): void {
    for (let i = from; i < to; i++) {
      const cue = script.cues[i];
      for (const state of statesSpokenAgainst(script, cue)) {
        // One warning per scene: every speech of a dead man in his scene is the same slip.
        if (spokeEarlierInScene(script, i, state.id)) continue;
        const element = elementOf(script, cue.passage);
        if (element.type !== 'character') continue;
        const span = { start: element.start, end: speechEnd(script, cue.passage) };
        found(stateFinding(script, rule.id, rule.defaultSeverity, state, span,
          `${element.name} speaks, but ${stateLabel(script, state)} and cannot speak.${cite(state)}`), cue.passage);
      }
    }
  },
};

/**
 * The states a cue's speech goes against: the character speaks, on stage, on the clock, where a
 * state of theirs forbids speaking and gives no last words.
 */
function statesSpokenAgainst(script: Script, cue: CueInfo): readonly CanonState[] {
  const element = elementOf(script, cue.passage);
  if (!cue.speaks || !cue.characterId || cue.offClock || element.type !== 'character' || element.extensions.some(notSpeakingHere)) return [];
  return statesForbidding(script, 'speak', cue.clock)
    .filter((state) => state.character === cue.characterId && !inLastWords(script, cue.passage, state));
}

/** Whether an earlier cue of the same scene already spoke against the state (the warning is there). */
function spokeEarlierInScene(script: Script, index: number, stateId: string): boolean {
  const cue = script.cues[index];
  const scene = sceneOf(script, cue.passage);
  for (let k = index - 1; k >= 0; k--) {
    const earlier = script.cues[k];
    if (sceneOf(script, earlier.passage) !== scene) return false;
    if (earlier.characterId === cue.characterId && statesSpokenAgainst(script, earlier).some((s) => s.id === stateId)) return true;
  }
  return false;
}

/** Where the speech under a cue ends: its last parenthetical or line of dialogue. The whole speech is what canon forbids. */
function speechEnd(script: Script, cuePassage: number): number {
  let end = elementOf(script, cuePassage).end;
  for (let p = cuePassage + 1; p < script.passages.length; p++) {
    const kind = script.passages[p].kind;
    if (kind !== 'dialogue' && kind !== 'parenthetical') break;
    end = elementOf(script, p).end;
  }
  return end;
}
