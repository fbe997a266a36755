import type { CanonState } from '../canon/model';
import { SENSES, usesSense, type Sense } from '../senses';
import { readClause } from '../story/reading';
import type { ClauseInfo } from '../story/script';
import { narrationStateRule, writtenSubject } from './state-finding';

const MISSING: Readonly<Record<Sense, string>> = { see: 'cannot see', hear: 'cannot hear' };

/**
 * A character uses a sense a canon state has taken (forbids: [see] for a blinded man): "He holds
 * the letter up to the light and reads it", two scenes after the blinding. Judged as acting is,
 * by the clause's reading (who, which verb, whether it happens now), once per paragraph and state;
 * the verbs of each sense are data (senses.json).
 */
export const rule = narrationStateRule('continuity.state-senses',
  'Narration has a character see or hear while a canon state (such as blindness) takes that sense away.', SENSES,
  (script, info, state, sense) => {
    const used = senseUsed(info, state, sense);
    if (!used) return undefined;
    const { subject, verb } = used;
    const { tokens } = info.clause;
    return { who: writtenSubject(script, info.passage, subject), verb: tokens.word(verb), start: subject.start, end: tokens.end(verb) };
  }, (sense) => MISSING[sense]);

/** The state's character using the sense in the clause, as its reading has it: subject, verb, happening now. */
function senseUsed(info: ClauseInfo, state: CanonState, sense: Sense) {
  const reading = readClause(info.clause);
  const { subject, verb, lemma } = reading;
  if (!subject || subject.characterId !== state.character || verb === undefined || reading.happening !== 'now' || reading.part !== undefined) return undefined;
  return lemma !== undefined && usesSense(sense, lemma) && !state.allows.includes(lemma) ? { subject, verb } : undefined;
}
