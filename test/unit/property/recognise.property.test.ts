import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { hearsaySentences, type Clause } from '../../../server/core/story/clauses';
import { compileCanon, type CompiledCanon, type CompiledPhrasing } from '../../../server/core/story/compiled';
import { baseForms } from '../../../server/core/story/lemma';
import { ClauseWords } from '../../../server/core/story/recognise';
import { tokenize } from '../../../server/core/story/words';
import { builtinPack } from '../../../server/host/builtin';

/**
 * The word index that rules phrasings out before matching them (ClauseWords, with the compiled
 * canon's key words) must never rule out a phrasing whose words the clause has: else an event
 * narrated would go unrecognised, and the warnings that depend on it with it. Checked against the
 * plain definition (every word the phrasing requires, in some form, is in the clause) over clauses
 * made of the canon's own pattern words, inflected, among names and filler.
 */
const builtin = builtinPack();
/**
 * The built-in canon, and one with phrasings of a single inflected word ("{a} studies"): such a
 * word has several base forms, any of which a clause may write, and the index must hold them all.
 */
const INFLECTED = ['eyes', 'studies', 'dropped', 'carries', 'tumbling'];
const canons = [
  compileCanon(builtin),
  compileCanon({
    ...builtin,
    events: builtin.events.map((e, i) => (i === 0 ? { ...e, phrasings: [...e.phrasings, ...INFLECTED.map((w) => ({ pattern: `{culprit} ${w}` }))] } : e)),
  }),
];
const canon = canons[0];

const phrasingsOf = (compiled: CompiledCanon): CompiledPhrasing[] => [
  ...compiled.events.flatMap((e) => [...e.phrasings, ...e.said]),
  ...compiled.never.flatMap((n) => n.phrasings),
];
const patternWords = [...new Set(canons.flatMap(phrasingsOf).flatMap((p) => p.required.flat()))];
const inflected = patternWords.flatMap((w) => [w, `${w}s`, `${w}ed`, `${w}ing`, w.endsWith('e') ? `${w}d` : `${w}es`]);
const FILLER = ['Cassie', 'Bette', 'Delia', 'she', 'he', 'her', 'quietly', 'mirror', 'studio', 'and', 'then', ',', 'pushed', 'woke', 'fell', 'eyes', 'study', 'carry'];

const clauseText = fc.array(fc.constantFrom(...inflected, ...FILLER), { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));

function clauseOf(text: string): Clause {
  const tokens = tokenize(text);
  return { tokens, from: 0, to: tokens.length, referents: [], question: false, pastIsBackstory: false, hearsay: hearsaySentences(tokens)?.[0] === 1 };
}

/** The definition the index stands for: every required word, in one of its forms, among the clause's words' forms. */
function hasEveryWord(clause: Clause, phrasing: CompiledPhrasing): boolean {
  const forms = new Set(clause.tokens.words().flatMap((word) => baseForms(word)));
  return phrasing.required.every((any) => any.some((f) => forms.has(f)));
}

describe('the word index that rules out phrasings', () => {
  it('rules out exactly the phrasings whose words a clause lacks', () => {
    fc.assert(
      // The canon by index: a failure then prints the clause, not the whole canon.
      fc.property(fc.integer({ min: 0, max: canons.length - 1 }), clauseText, (which, text) => {
        const compiled = canons[which];
        const clause = clauseOf(text);
        const words = new ClauseWords(clause, compiled);
        const phrasings = phrasingsOf(compiled);
        for (const phrasing of phrasings) assert.equal(words.mayMatch(phrasing), hasEveryWord(clause, phrasing), `${phrasing.required.join(' ')} in "${text}"`);
        if (words.none) assert.ok(phrasings.every((p) => !hasEveryWord(clause, p)), `"${text}" ruled out altogether`);
        for (const event of compiled.events) {
          for (const list of [event.phrasings, event.said]) {
            if (list.some((p) => hasEveryWord(clause, p))) assert.ok(words.mayMatchAny(list), `${event.event.id} ruled out in "${text}"`);
          }
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('asks about no event for a clause without a key word, and about the pushing for "Bette pushed her"', () => {
    assert.equal(new ClauseWords(clauseOf('She smiles at the mirror'), canon).none, true);
    const pushed = new ClauseWords(clauseOf('Bette pushed her'), canon);
    const fall = canon.events.find((e) => e.event.id === 'fall');
    assert.ok(fall, 'the built-in canon has the fall');
    assert.equal(pushed.mayMatchAny(fall.phrasings), true);
  });
});
