import { detached } from '../detached';
import type { PassageSpan, RelOffset } from '../span';

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
 * A passage's tokens, stored flat: for each token its word and one small integer packing its start,
 * length, kind and capital. The passage cache keeps the tokens of every passage for as long as the
 * script is open, and one object per token cost 64 bytes and a slot (Node has no pointer
 * compression): 17 bytes for each byte of a real screenplay. Here a token is two slots, 16 bytes.
 * Token i is read by index, 0 <= i < length, and nothing is made per read; outside that range
 * only wordAt answers.
 */
export class Tokens {
  readonly length: number;
  /** Lowercased, apostrophes straightened; for punctuation, the character itself. */
  readonly #words: readonly string[];
  /**
   * Narrow, one cell per token: start * 2^15 + info, where info is length * 16 + kind code * 2 +
   * capitalised, for a passage whose tokens all start before 2^16 and are shorter than 2^11
   * (every passage of every script we have seen): below 2^31, a small integer V8 keeps unboxed.
   * Wide, two cells per token, start then info, for any other. Bit operations take a number
   * modulo 2^32, so info's low four bits read right even for a word so long that its info is no
   * small integer (its length then divides out).
   */
  readonly #cells: readonly number[];
  readonly #wide: boolean;

  constructor(words: readonly string[], cells: readonly number[], wide: boolean) {
    this.length = words.length;
    this.#words = words;
    this.#cells = cells;
    this.#wide = wide;
  }

  /** The same tokens as another list, for a reader that keys what it works out by the list. */
  copy(): Tokens {
    return new Tokens(this.#words, this.#cells, this.#wide);
  }

  word(i: number): string {
    return this.#words[i];
  }

  start(i: number): RelOffset {
    return startAt(this.#cells, this.#wide, i) as RelOffset;
  }

  end(i: number): RelOffset {
    return (this.start(i) + Math.floor(this.#info(i) / 16)) as RelOffset;
  }

  kind(i: number): TokenKind {
    return KINDS[(this.#info(i) >> 1) & 7];
  }

  isWord(i: number): boolean {
    return isWordInfo(this.#info(i));
  }

  /** Whether token i ends a sentence: a full stop, "!" or "?" (clauses and the claim rules split there). */
  endsSentence(i: number): boolean {
    const kind = this.kind(i);
    return kind === 'stop' || kind === 'question';
  }

  /** True where the word begins with a capital letter as written. */
  capitalized(i: number): boolean {
    return (this.#info(i) & 1) === 1;
  }

  /** The word of token i where it is a word: undefined for punctuation and past either end. */
  wordAt(i: number): string | undefined {
    return i >= 0 && i < this.length && this.isWord(i) ? this.#words[i] : undefined;
  }

  /** Where token i stands, as a span: for a finding or a quote, not for a loop over the tokens. */
  span(i: number): PassageSpan {
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

  #info(i: number): number {
    return infoAt(this.#cells, this.#wide, i);
  }
}

/** Bits of a narrow cell below its start: length (11), kind (3), capital (1). */
const INFO_BITS = 15;
const INFO_MASK = (1 << INFO_BITS) - 1;
const NARROW_START = 1 << 16;
const NARROW_LENGTH = 1 << 11;

/** Token i's start, in cells stored narrow or wide (Tokens.#cells). */
function startAt(cells: readonly number[], wide: boolean, i: number): number {
  return wide ? cells[2 * i] : cells[i] >>> INFO_BITS;
}

/** Whether a token's info (infoAt) is a word's: kind code 0. */
function isWordInfo(info: number): boolean {
  return (info & 14) === 0;
}

/** Token i's length, kind and capital (Tokens.#cells). */
function infoAt(cells: readonly number[], wide: boolean, i: number): number {
  return wide ? cells[2 * i + 1] : cells[i] & INFO_MASK;
}

/** Tokens as they are read, then stored flat and to their length: narrow until one does not fit. */
class TokenList {
  readonly words: string[] = [];
  /** Where each word is kept once (WordTable), if the caller keeps one. */
  readonly table: WordTable | undefined;

  constructor(table: WordTable | undefined) {
    this.table = table;
  }
  cells: number[] = [];
  wide = false;

  push(kind: TokenKind, word: string, start: number, end: number, capitalized: boolean): void {
    this.words.push(word);
    const length = end - start;
    const info = length * 16 + KIND_CODE[kind] * 2 + (capitalized ? 1 : 0);
    if (!this.wide && start < NARROW_START && length < NARROW_LENGTH) {
      this.cells.push(start * (INFO_MASK + 1) + info);
      return;
    }
    if (!this.wide) this.#widen();
    this.cells.push(start, info);
  }

  #widen(): void {
    const wide: number[] = [];
    for (let i = 0; i < this.cells.length; i++) wide.push(startAt(this.cells, false, i), infoAt(this.cells, false, i));
    this.cells = wide;
    this.wide = true;
  }

  lastWord(): string | undefined {
    const last = this.words.length - 1;
    if (last < 0) return undefined;
    return isWordInfo(infoAt(this.cells, this.wide, last)) ? this.words[last] : undefined;
  }

  done(): Tokens {
    return this.words.length === 0 ? NO_TOKENS : new Tokens(this.words.slice(), this.cells.slice(), this.wide);
  }
}

const NO_TOKENS = new Tokens([], [], false);

const APOSTROPHES = new Set(["'", '\u2019']);

/**
 * One string per distinct word: a 200k-line script has millions of words but thousands of distinct
 * ones, and each token kept its own copy (4.4 MB of a 4.4 MB script). The table belongs to whoever
 * keeps the tokens (the passage cache, incremental/passage-cache.ts), not to this module: core
 * keeps no state of its own. Bounded, for a server that reads one script after another for days.
 */
export type WordTable = Map<string, string>;
const MAX_WORDS = 200_000;

function interned(word: string, table: WordTable | undefined): string {
  if (!table) return word;
  const known = table.get(word);
  if (known !== undefined) return known;
  if (table.size >= MAX_WORDS) table.clear();
  table.set(word, word);
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
export function tokenize(text: string, from = 0, to = text.length, origin = 0, table?: WordTable): Tokens {
  const tokens = new TokenList(table);
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
    tokens.push('word', interned(lower.slice(0, -2), tokens.table), at, wordAt - 2, capitalized);
    tokens.push('word', "'s", wordAt - 2, wordAt, false);
  } else if (lower.length > 3 && lower.endsWith("n't")) {
    tokens.push('word', interned(contractionBase(lower.slice(0, -3)), tokens.table), at, wordAt - 3, capitalized);
    tokens.push('word', 'not', wordAt - 3, wordAt, false);
  } else {
    tokens.push('word', interned(lower, tokens.table), at, wordAt, capitalized);
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
