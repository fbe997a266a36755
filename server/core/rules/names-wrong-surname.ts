import type { Character } from '../canon/model';
import { editDistance } from '../distance';
import type { Finding } from '../finding';
import type { Span } from '../span';
import type { Mention } from '../story/cast';
import { at, nameScope, readsNames, type Passage, type Script } from '../story/script';
import { inWritersCase } from './names-near-miss';
import type { PassageRule } from './rule';

/** A surname read after a first name depends on the passage's text and the canon alone. */
export const rule: PassageRule = {
  id: 'names.wrong-surname',
  description: 'A canon first name with a surname canon gives someone else, or a misspelling of its own.',
  defaultSeverity: 'warning',
  scope: 'passage',
  check(script: Script, passage: Passage, index: number): Finding[] {
    const findings: Finding[] = [];
    if (!readsNames(passage)) return findings;
    for (const mention of passage.mentions) {
      const finding = checkSurname(script, passage, index, mention);
      if (finding) findings.push(finding);
    }
    return findings;
  },
};

const SURNAME = /^\p{Lu}\p{L}*$/u;

/** A mention in `passage`, the script's passage `index`. */
function checkSurname(script: Script, passage: Passage, index: number, mention: Mention): Finding | undefined {
  const character = script.cast.character(mention.characterId);
  const tokens = passage.tokens;
  if (!character?.surname || mention.tokenEnd - mention.tokenStart !== 1) return undefined;
  if (tokens.word(mention.tokenStart) !== character.first?.toLowerCase()) return undefined;
  const nextWord = tokens.wordAt(mention.tokenEnd);
  if (nextWord === undefined) return undefined;
  const first = at(script, index, tokens.span(mention.tokenStart));
  const next = at(script, index, tokens.span(mention.tokenEnd));
  if (next.end > nameScope(script, index).end) return undefined;
  // Only a surname standing right after the first name, on the same line, is read as hers.
  const text = script.doc.text;
  if (!/^[ \t]+$/.test(text.slice(first.end, next.start))) return undefined;
  const written = text.slice(next.start, next.end);
  if (!SURNAME.test(written) || nextWord === character.surname.toLowerCase()) return undefined;
  if (nameAsAWord(tokens, mention.tokenStart, mention.tokenEnd + 1)) return undefined;
  const owners = script.cast.characters.filter((c) => c.id !== character.id && c.surname?.toLowerCase() === nextWord);
  if (owners.length === 0 && !nearOwnSurname(nextWord, character.surname.toLowerCase())) return undefined;
  return findingOf(character, owners, text.slice(first.start, first.end), { start: next.start, end: next.end }, written);
}

/**
 * A name said as a name, not of a person: it is a sentence of its own and the next sentence calls
 * it "it" or "that", as nobody calls a person ("Sherlock Armitage. It has a ring."; "Cassie
 * Whitlaw. That sounds wrong."). Trying a name on for size is no slip of a surname.
 */
function nameAsAWord(tokens: Passage['tokens'], from: number, to: number): boolean {
  if (from > 0 && !tokens.endsSentence(from - 1)) return false;
  if (to >= tokens.length || !tokens.endsSentence(to)) return false;
  let next = to + 1;
  while (next < tokens.length && !tokens.isWord(next)) next++;
  const word = tokens.wordAt(next);
  return word === 'it' || word === 'that' || word === "that's" || word === "it's";
}

/**
 * A slip of the character's own surname ("Dubios", "Whitlow"), but not just any other surname:
 * "Cassie Nguyen" may well be someone the writer made up.
 */
function nearOwnSurname(word: string, surname: string): boolean {
  if (surname.length <= 3) return false;
  return editDistance(word, surname) <= (surname.length <= 5 ? 1 : 2);
}

function findingOf(
  character: Character,
  owners: readonly Character[],
  firstWritten: string,
  span: Span,
  written: string,
): Finding {
  const surname = inWritersCase(written, character.surname ?? '');
  const names = owners.map((o) => `${o.first ?? o.name}’s`).join(' and ');
  const whose = owners.length > 0 ? ` (${owners[0].surname} is ${names})` : '';
  return {
    ruleId: rule.id,
    span,
    message: `‘${firstWritten} ${written}’: ${character.first}’s surname in canon is ${character.surname}${whose}`,
    severity: rule.defaultSeverity,
    fixes: [{ title: `Change to ‘${surname}’`, edits: [{ span, newText: surname }], preferred: true }],
  };
}
