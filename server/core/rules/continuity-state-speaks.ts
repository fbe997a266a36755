import type { Finding } from '../finding';
import { elementOf, type CueInfo, type Script } from '../story/script';
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
      const element = elementOf(script, cue.passage);
      if (!cue.speaks || !cue.characterId || cue.offClock || element.type !== 'character') continue;
      if (element.extensions.some(notSpeakingHere)) continue;
      for (const state of statesForbidding(script, 'speak', cue.clock)) {
        if (state.character !== cue.characterId || inLastWords(script, cue.passage, state)) continue;
        const span = { start: element.start, end: speechEnd(script, cue.passage) };
        found(stateFinding(script, rule.id, rule.defaultSeverity, state, span,
          `${element.name} speaks, but ${stateLabel(script, state)} and cannot speak.${cite(state)}`), cue.passage);
      }
    }
  },
};

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
