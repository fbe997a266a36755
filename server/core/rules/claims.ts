import type { Relation } from '../canon/model';
import type { Clause, Referent } from '../story/clauses';
import type { Script } from '../story/script';
import { absolute, type PassageBase } from '../span';

/**
 * A clause read as a flat list of items, where a named person (or a resolved pronoun) is one item:
 * the claim rules (family, role, relationship) match short word shapes such as
 * "NAME 's older sister NAME" on it without counting the words of a name.
 */
export type Item =
  | { readonly kind: 'ref'; readonly ref: Referent; readonly start: number; readonly end: number; readonly index: number }
  | { readonly kind: 'word'; readonly word: string; readonly capitalized: boolean; readonly start: number; readonly end: number; readonly index: number }
  | { readonly kind: 'comma'; readonly start: number; readonly end: number; readonly index: number };

/** The items of a clause, with offsets in the script: `base` is where the clause's passage starts. */
export function items(clause: Clause, base: PassageBase): Item[] {
  const out: Item[] = [];
  for (let i = clause.from; i < clause.to; i++) {
    const ref = clause.referents.find((r) => r.tokenStart === i);
    if (ref) {
      out.push({ kind: 'ref', ref, start: absolute(base, ref.start), end: absolute(base, ref.end), index: i });
      i = ref.tokenEnd - 1;
      continue;
    }
    const tokens = clause.tokens;
    const kind = tokens.kind(i);
    if (kind === 'word') {
      out.push({ kind: 'word', word: tokens.word(i), capitalized: tokens.capitalized(i), start: absolute(base, tokens.start(i)), end: absolute(base, tokens.end(i)), index: i });
    } else if (kind === 'comma') {
      out.push({ kind: 'comma', start: absolute(base, tokens.start(i)), end: absolute(base, tokens.end(i)), index: i });
    }
  }
  return out;
}

/**
 * Whether a word of the clause is in `words` (a set, or a map's keys): the claim rules ask it
 * before building a clause's items, since most clauses have none of the words they look for.
 */
export function hasWordIn(clause: Clause, words: { has(word: string): boolean }): boolean {
  for (let i = clause.from; i < clause.to; i++) {
    const word = clause.tokens.wordAt(i);
    if (word !== undefined && words.has(word)) return true;
  }
  return false;
}

/** The item's word, or undefined for a name or a comma. */
export function wordOf(item: Item | undefined): string | undefined {
  return item?.kind === 'word' ? item.word : undefined;
}

/** An item as written, lowercased: a word, or the text a reference stands on ("her", "hers"). */
export function writtenWord(script: Script, item: Item): string {
  return item.kind === 'word' ? item.word : script.doc.text.slice(item.start, item.end).toLowerCase();
}

/** The canon (or script) character an item names, where it names one with certainty. */
export function personOf(item: Item | undefined): string | undefined {
  return item?.kind === 'ref' ? item.ref.characterId : undefined;
}

/** Words of the whole sentence around a clause, lowercased: for hedges that stand in another clause. */
export function sentenceWords(clause: Clause): string[] {
  let from = clause.from;
  const tokens = clause.tokens;
  while (from > 0 && !tokens.endsSentence(from - 1)) from--;
  let to = clause.to;
  while (to < tokens.length && !tokens.endsSentence(to)) to++;
  return tokens.words(from, to);
}

/** Canon relations between two characters, in either order. */
export function relationsBetween(script: Script, a: string, b: string): Relation[] {
  return script.pack.relations.filter((r) => (r.between[0] === a && r.between[1] === b) || (r.between[0] === b && r.between[1] === a));
}

export const SIBLING_KINDS: ReadonlySet<string> = new Set(['sister', 'brother', 'sibling']);
export const ROMANTIC_KINDS: ReadonlySet<string> = new Set(['dating', 'affair', 'kissed', 'married']);

/** How a message says a canon relation happened: "Ramon and Delia were in a relationship". */
export function relationSentence(names: readonly [string, string], relation: Relation): string {
  const both = `${names[0]} and ${names[1]}`;
  switch (relation.kind) {
    case 'dating': return `${both} were in a relationship`;
    case 'affair': return `${both} had an affair`;
    case 'kissed': return `${both} kissed`;
    case 'married': return `${both} are married`;
    case 'friend': return `${both} are friends`;
    case 'rival': return `${both} are rivals`;
    default: return `${both} are family (${relation.kind})`;
  }
}
