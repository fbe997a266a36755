import type { CanonState } from '../canon/model';
import type { Finding } from '../finding';
import { SENSES, usesSense, type Sense } from '../senses';
import { readClause } from '../story/reading';
import { absolute } from '../span';
import { baseOf, type ClauseInfo, type Script, writtenAt } from '../story/script';
import { newlineOf, stateFinding } from './state-finding';
import type { StoryRule } from './rule';
import { characterName, cite, inLastWords, stateBeginsIn, stateLabel, statesForbidding } from './support';

const MISSING: Readonly<Record<Sense, string>> = { see: 'cannot see', hear: 'cannot hear' };

/**
 * A character uses a sense a canon state has taken (forbids: [see] for a blinded man): "He holds
 * the letter up to the light and reads it", two scenes after the blinding. Judged as acting is,
 * by the clause's reading (who, which verb, whether it happens now), once per paragraph and state;
 * the verbs of each sense are data (senses.json).
 */
export const rule: StoryRule<ClauseInfo> = {
  id: 'continuity.state-senses',
  description: 'Narration has a character see or hear while a canon state (such as blindness) takes that sense away.',
  defaultSeverity: 'warning',
  scope: 'story',
  items: (script) => script.narration,
  passageOf: (info) => info.passage,
  context: newlineOf,
  pointsBack: true,
  check(script: Script, from: number, to: number, found: (finding: Finding, passage: number) => void): void {
    const reported = new Set<string>();
    const infos = script.narration;
    for (let i = from; i < to; i++) {
      const info = infos[i];
      for (const sense of SENSES) {
        for (const state of statesForbidding(script, sense, info.clock)) {
          const used = senseUsed(info, state, sense);
          if (!used || stateBeginsIn(script, info.passage, state) || inLastWords(script, info.passage, state)) continue;
          const key = `${info.passage}:${state.id}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const base = baseOf(script, info.passage);
          const { subject, verb } = used;
          const span = { start: absolute(base, subject.start), end: absolute(base, info.clause.tokens.end(verb)) };
          // As written ("He reads"); where a conjunction stands for the subject, the name it stands for.
          const shared = subject.sharedFrom;
          const who = !shared ? writtenAt(script, info.passage, subject)
            : shared.kind === 'name' ? writtenAt(script, info.passage, shared) : characterName(script, state.character);
          found(stateFinding(script, rule.id, rule.defaultSeverity, state, span,
            `${who} ${info.clause.tokens.word(verb)}, but ${stateLabel(script, state)} and ${MISSING[sense]}.${cite(state)}`), info.passage);
        }
      }
    }
  },
};

/** The state's character using the sense in the clause, as its reading has it: subject, verb, happening now. */
function senseUsed(info: ClauseInfo, state: CanonState, sense: Sense) {
  const reading = readClause(info.clause);
  const { subject, verb, lemma } = reading;
  if (!subject || subject.characterId !== state.character || verb === undefined || reading.happening !== 'now' || reading.part !== undefined) return undefined;
  return lemma !== undefined && usesSense(sense, lemma) && !state.allows.includes(lemma) ? { subject, verb } : undefined;
}
