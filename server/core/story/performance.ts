import type { Mention } from './cast';
import type { Tokens } from './words';

/**
 * Who a paragraph has played by someone else, as a play within the play or a school show casts
 * them: "Tomaso, who is the Moor tonight", "Flute plays Thisbe", "Bottom, as Pyramus,", "the part
 * of Juliet". In that paragraph the name stands for the player, not the canon character: "The Moor
 * comes in with a candle" on a stage is an actor's entrance, whoever canon says is dead.
 * Undefined where the paragraph casts nobody (nearly always).
 */
export function playedIn(tokens: Tokens, mentions: readonly Mention[]): ReadonlySet<string> | undefined {
  if (mentions.length === 0) return undefined;
  let parts: Set<string> | undefined;
  for (let i = 1; i + 1 < tokens.length; i++) {
    const before = tokens.wordAt(i);
    if (before === undefined || !(before === 'is' || before === 'as' || before === 'of' || PLAYS.has(before))) continue;
    // The part, in capitals, with its article if it has one: "is the Moor tonight".
    const from = tokens.wordAt(i + 1) === 'the' ? i + 2 : i + 1;
    let end = from;
    while (end < tokens.length && tokens.isWord(end) && tokens.capitalized(end)) end++;
    if (end === from) continue;
    const cast = (before === 'is' && onStageAfter(tokens, end))
      || (before === 'as' && castAs(tokens, i, end))
      || (PLAYS.has(before) && playedBy(tokens, i - 1) && roleEnds(tokens, end))
      || (before === 'of' && PARTS.has(tokens.wordAt(i - 1) ?? '') && tokens.wordAt(end) !== "'s");
    if (cast) (parts ??= new Set()).add(tokens.word(end - 1));
  }
  if (!parts) return undefined;
  // Every name of the paragraph that ends in the part's last word ("The Moor", "the Moor").
  let played: Set<string> | undefined;
  for (const m of mentions) if (parts.has(tokens.word(m.tokenEnd - 1))) (played ??= new Set()).add(m.characterId);
  return played;
}

const PLAYS = new Set(['plays', 'played', 'playing', 'play']);
const PARTS = new Set(['part', 'role']);
/** What may follow a part someone plays: "plays Juliet, and", "plays Juliet tonight". */
const AFTER_ROLE = new Set(['and', 'tonight', 'onstage', 'in', 'on', 'with', 'again', 'now', 'today', 'this', 'opposite']);
const SHOWS = new Set(['play', 'pageant', 'masque', 'show', 'production', 'scene', 'tragedy', 'comedy', 'interlude']);

/** "... is the Moor tonight", "is Juliet on stage", "is Thisbe in the play". */
function onStageAfter(tokens: Tokens, at: number): boolean {
  const next = tokens.wordAt(at);
  if (next === 'tonight' || next === 'onstage') return true;
  if (next === 'on' && tokens.wordAt(at + 1) === 'stage') return true;
  return next === 'in' && tokens.wordAt(at + 1) === 'the' && SHOWS.has(tokens.wordAt(at + 2) ?? '');
}

/**
 * "Bottom, as Pyramus, stabs himself", "with Flute as Thisbe.": a person right before "as" (or
 * before the comma before it), and the part closed by punctuation or "and" ("as Cassie walks in" is a time).
 */
function castAs(tokens: Tokens, as: number, end: number): boolean {
  const person = tokens.kind(as - 1) === 'comma' ? as - 2 : as - 1;
  if (person < 0 || !tokens.isWord(person) || !tokens.capitalized(person)) return false;
  return end >= tokens.length || !tokens.isWord(end) || tokens.word(end) === 'and';
}

/** Someone plays: a capitalised name or a pronoun of a person right before the verb ("Flute plays", "who plays"). */
function playedBy(tokens: Tokens, at: number): boolean {
  const word = tokens.wordAt(at);
  return word !== undefined && (tokens.capitalized(at) || word === 'who' || word === 'he' || word === 'she' || word === 'they');
}

/** The part ends where a sentence, comma or one of AFTER_ROLE does: "plays Bette a voicemail" gives no part. */
function roleEnds(tokens: Tokens, end: number): boolean {
  if (end >= tokens.length || !tokens.isWord(end)) return true;
  const word = tokens.word(end);
  return AFTER_ROLE.has(word) || (word === "'s" && PARTS.has(tokens.wordAt(end + 1) ?? ''));
}
