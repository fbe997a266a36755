import { detached } from '../detached';

/**
 * Words of narration and dialogue with their offsets, read the same way as canon patterns
 * (see canon/pattern.ts): lowercase, curly apostrophes straightened, a possessive "'s" split off
 * as its own word, and "n't" split off as "not" so that negation is one word to look for.
 * Punctuation that ends a sentence or a clause is kept as a token, because clauses matter.
 */
export type TokenKind = 'word' | 'stop' | 'break' | 'comma' | 'question';

const KINDS: readonly TokenKind[] = ['word', 'stop', 'break', 'comma', 'question'];
const KIND_CODE: Readonly<Record<TokenKind, number>> = { word: 0, stop: 1, break: 2, comma: 3, question: 4 };

/**
 * A passage's tokens, stored flat: for each token its word and two small integers, its start and
 * (its length, kind and capital packed together). The passage cache keeps the tokens of every
 * passage for as long as the script is open, and one object per token cost 64 bytes and a slot
 * (Node has no pointer compression): 17 bytes for each byte of a real screenplay. Here a token is
 * three slots, 24 bytes (Big Fish's heap: 9.7 MB before, 8.4 MB after). Token i is read by
 * index, 0 <= i < length, and nothing is made per read; outside that range only wordAt answers.
 */
export class Tokens {
  readonly length: number;
  /** Lowercased, apostrophes straightened; for punctuation, the character itself. */
  readonly #words: readonly string[];
  /**
   * start, then (end - start) * 16 + kind code * 2 + capitalised, for each token: small integers
   * V8 keeps unboxed. Bit operations take a number modulo 2^32, so the low four bits read right
   * even for a word so long that the packed number is no small integer (the end divides instead).
   */
  readonly #cells: readonly number[];

  constructor(words: readonly string[], cells: readonly number[]) {
    this.length = words.length;
    this.#words = words;
    this.#cells = cells;
  }

  /** The same tokens as another list, for a reader that keys what it works out by the list. */
  copy(): Tokens {
    return new Tokens(this.#words, this.#cells);
  }

  word(i: number): string {
    return this.#words[i];
  }

  start(i: number): number {
    return this.#cells[2 * i];
  }

  end(i: number): number {
    return this.#cells[2 * i] + Math.floor(this.#cells[2 * i + 1] / 16);
  }

  kind(i: number): TokenKind {
    return KINDS[(this.#cells[2 * i + 1] >> 1) & 7];
  }

  isWord(i: number): boolean {
    return (this.#cells[2 * i + 1] & 14) === 0;
  }

  /** True where the word begins with a capital letter as written. */
  capitalized(i: number): boolean {
    return (this.#cells[2 * i + 1] & 1) === 1;
  }

  /** The word of token i where it is a word: undefined for punctuation and past either end. */
  wordAt(i: number): string | undefined {
    return i >= 0 && i < this.length && this.isWord(i) ? this.#words[i] : undefined;
  }

  /** Where token i stands, as a span: for a finding or a quote, not for a loop over the tokens. */
  span(i: number): { start: number; end: number } {
    return { start: this.start(i), end: this.end(i) };
  }

  /** Whether a word (not punctuation) among tokens[from, to) passes the test. */
  someWord(test: (word: string) => boolean, from = 0, to = this.length): boolean {
    for (let i = from; i < to; i++) if (this.isWord(i) && test(this.#words[i])) return true;
    return false;
  }

  /** The words among tokens[from, to), in order, without the punctuation. */
  words(from = 0, to = this.length): string[] {
    const words: string[] = [];
    for (let i = from; i < to; i++) if (this.isWord(i)) words.push(this.#words[i]);
    return words;
  }
}

/** Tokens as they are read, then stored flat and to their length. */
class TokenList {
  readonly words: string[] = [];
  readonly cells: number[] = [];

  push(kind: TokenKind, word: string, start: number, end: number, capitalized: boolean): void {
    this.words.push(word);
    this.cells.push(start, (end - start) * 16 + KIND_CODE[kind] * 2 + (capitalized ? 1 : 0));
  }

  lastWord(): string | undefined {
    const last = this.words.length - 1;
    return last >= 0 && (this.cells[2 * last + 1] & 14) === 0 ? this.words[last] : undefined;
  }

  done(): Tokens {
    return this.words.length === 0 ? NO_TOKENS : new Tokens(this.words.slice(), this.cells.slice());
  }
}

const NO_TOKENS = new Tokens([], []);

const APOSTROPHES = new Set(["'", '\u2019']);

/**
 * One string per distinct word: a 200k-line script has millions of words but thousands of distinct
 * ones, and each token kept its own copy (4.4 MB of a 4.4 MB script). Bounded, for a server that
 * reads one script after another for days.
 */
const WORDS = new Map<string, string>();
const MAX_WORDS = 200_000;

function interned(word: string): string {
  const known = WORDS.get(word);
  if (known !== undefined) return known;
  if (WORDS.size >= MAX_WORDS) WORDS.clear();
  WORDS.set(word, word);
  return word;
}

function isWordCode(code: number, c: string): boolean {
  if (code < 128) {
    return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 39;
  }
  return APOSTROPHES.has(c) || /[\p{L}\p{N}\p{M}]/u.test(c);
}

function punctuationKind(c: string, next: string): TokenKind | undefined {
  switch (c) {
    case '.':
      return next === '' || /\s/.test(next) || next === '"' || next === ')' ? 'stop' : undefined;
    case '!':
      return 'stop';
    case '?':
      return 'question';
    case ';':
    case ':':
    case '\u2014':
    case '\u2013':
    case '(':
    case ')':
    case '"':
    case '\u201c':
    case '\u201d':
      return 'break';
    case ',':
      return 'comma';
    default:
      return undefined;
  }
}

/**
 * Tokenises text[from, to). Offsets are counted from `origin`: 0 gives offsets in the whole text;
 * a passage passes its own start, so that its tokens (and everything read from them) stay valid
 * wherever an edit before it moves the passage.
 */
export function tokenize(text: string, from = 0, to = text.length, origin = 0): Tokens {
  const tokens = new TokenList();
  let i = from;
  while (i < to) {
    const c = text[i];
    const code = text.charCodeAt(i);
    if (isWordCode(code, c) && !APOSTROPHES.has(c)) {
      i = readWord(text, i, to, tokens, origin);
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      tokens.push('break', '--', i - origin, i + 2 - origin, false);
      i += 2;
      continue;
    }
    const kind = c === '.' && abbreviated(tokens) ? undefined : punctuationKind(c, i + 1 < to ? text[i + 1] : '');
    if (kind) tokens.push(kind, c, i - origin, i + 1 - origin, false);
    i++;
  }
  return tokens.done();
}

function readWord(text: string, start: number, to: number, tokens: TokenList, origin: number): number {
  let end = start;
  while (end < to && isWordCode(text.charCodeAt(end), text[end])) end++;
  // Apostrophes at the end are closing quotes or a plural possessive, not part of the word.
  let wordEnd = end;
  while (wordEnd > start && APOSTROPHES.has(text[wordEnd - 1])) wordEnd--;
  // Detached: tokens are cached with their passage and outlive the document version (a long word
  // would otherwise be a view into the whole of it).
  const raw = detached(text.slice(start, wordEnd)).replace(/\u2019/g, "'");
  const lower = raw.toLowerCase();
  const first = text[start];
  const capitalized = first !== first.toLowerCase();
  const at = start - origin;
  const wordAt = wordEnd - origin;
  if (lower.length > 2 && lower.endsWith("'s")) {
    tokens.push('word', interned(lower.slice(0, -2)), at, wordAt - 2, capitalized);
    tokens.push('word', "'s", wordAt - 2, wordAt, false);
  } else if (lower.length > 3 && lower.endsWith("n't")) {
    tokens.push('word', interned(contractionBase(lower.slice(0, -3))), at, wordAt - 3, capitalized);
    tokens.push('word', 'not', wordAt - 3, wordAt, false);
  } else {
    tokens.push('word', interned(lower), at, wordAt, capitalized);
  }
  return end;
}

function contractionBase(base: string): string {
  if (base === 'wo') return 'will';
  if (base === 'ca') return 'can';
  if (base === 'sha') return 'shall';
  return base;
}

// Titles and abbreviations whose full stop ends no sentence: "Mrs. Shore", "Dr. Bennet".
const ABBREVIATIONS = new Set(['mr', 'mrs', 'ms', 'dr', 'st', 'jr', 'sr', 'prof', 'mt', 'vs', 'etc', 'det', 'sgt', 'lt', 'capt']);

function abbreviated(tokens: TokenList): boolean {
  const last = tokens.lastWord();
  return last !== undefined && ABBREVIATIONS.has(last);
}
