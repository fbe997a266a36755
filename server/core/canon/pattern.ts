/**
 * The phrasing pattern language (see the top of model.ts), parsed by hand.
 *
 * Packs are data written by strangers, so nothing here turns pack text into a regular
 * expression: a pattern becomes a list of terms that the story layer matches word by word,
 * and a pattern such as "(a+)+$" is just the words "a" and "a".
 */

export type PatternTerm =
  | { readonly kind: 'word'; readonly word: string }
  | { readonly kind: 'slot'; readonly name: string }
  | { readonly kind: 'any' };

/** A word character: a letter or digit in any script, or an apostrophe joining a word. */
export function isWordChar(c: string): boolean {
  return isApostrophe(c) || /[\p{L}\p{N}\p{M}]/u.test(c);
}

function isApostrophe(c: string): boolean {
  return c === "'" || c === '\u2019';
}

function isSlotChar(c: string): boolean {
  return c === '-' || c === '_' || /[\p{L}\p{N}]/u.test(c);
}

/**
 * Splits text into lowercase words the way patterns and narration are both read.
 * Curly apostrophes become straight ones, and a possessive "'s" is split into a word of its
 * own, so "Cassie's place" reads as "cassie", "'s", "place": the mention stays a plain name
 * and `{victim} place` still matches, "'s" being one of the words allowed between terms.
 */
export function tokenizeWords(text: string): string[] {
  const words: string[] = [];
  let current = '';
  const flush = (): void => {
    pushWord(words, current);
    current = '';
  };
  for (const c of text) {
    if (isWordChar(c)) current += isApostrophe(c) ? "'" : c.toLowerCase();
    else flush();
  }
  flush();
  return words;
}

function pushWord(words: string[], raw: string): void {
  // A possessive written apart from its name, as in a pattern's "{cassie}'s", stays itself.
  if (raw === "'s") {
    words.push(raw);
    return;
  }
  // Apostrophes at the edges are quotation marks (or a plural possessive), not the word.
  let start = 0;
  let end = raw.length;
  while (start < end && raw[start] === "'") start++;
  while (end > start && raw[end - 1] === "'") end--;
  const word = raw.slice(start, end);
  if (word === '') return;
  if (word.length > 2 && word.endsWith("'s")) words.push(word.slice(0, -2), "'s");
  else words.push(word);
}

/**
 * Parses a phrasing pattern into terms, or returns a message saying what is wrong with it.
 * A pattern needs at least one word: a pattern of only slots and `*` would match nearly
 * every sentence that names a character.
 */
export function parsePattern(pattern: string): PatternTerm[] | string {
  const terms: PatternTerm[] = [];
  let text = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '{') {
      const close = pattern.indexOf('}', i + 1);
      const nextOpen = pattern.indexOf('{', i + 1);
      if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
        return `unbalanced '{' at column ${i + 1}: a slot is written {role}, e.g. {victim}`;
      }
      const slot = readSlot(pattern.slice(i + 1, close));
      if (typeof slot === 'string') return slot;
      terms.push(...wordsOf(text), slot);
      text = '';
      i = close + 1;
    } else if (c === '}') {
      return `unbalanced '}' at column ${i + 1}: a slot is written {role}, e.g. {victim}`;
    } else if (c === '*') {
      terms.push(...wordsOf(text), { kind: 'any' });
      text = '';
      i++;
    } else {
      text += c;
      i++;
    }
  }
  terms.push(...wordsOf(text));
  if (!terms.some((t) => t.kind === 'word')) {
    return terms.length === 0
      ? 'the pattern has no words'
      : 'the pattern needs at least one word besides slots and *';
  }
  return terms;
}

function wordsOf(text: string): PatternTerm[] {
  return tokenizeWords(text).map((word) => ({ kind: 'word', word }));
}

function readSlot(inside: string): PatternTerm | string {
  const name = inside.trim().toLowerCase();
  if (name === '') return 'empty slot {}: name a participant role or a character id, e.g. {victim}';
  for (const c of name) {
    if (!isSlotChar(c)) return `slot {${inside}} may hold only a role or character id (letters, digits, hyphens)`;
  }
  return { kind: 'slot', name };
}

/** The slot names a pattern uses, in order; an empty list for a malformed pattern. */
export function slotsOf(pattern: string): string[] {
  const terms = parsePattern(pattern);
  if (typeof terms === 'string') return [];
  return terms.flatMap((t) => (t.kind === 'slot' ? [t.name] : []));
}
