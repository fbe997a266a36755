import { detached } from '../detached';

/**
 * Words of narration and dialogue with their offsets, read the same way as canon patterns
 * (see canon/pattern.ts): lowercase, curly apostrophes straightened, a possessive "'s" split off
 * as its own word, and "n't" split off as "not" so that negation is one word to look for.
 * Punctuation that ends a sentence or a clause is kept as a token, because clauses matter.
 */
export type TokenKind = 'word' | 'stop' | 'break' | 'comma' | 'question';

export interface Token {
  readonly kind: TokenKind;
  /** Lowercased, apostrophes straightened; for punctuation, the character itself. */
  readonly word: string;
  readonly start: number;
  readonly end: number;
  /** True where the word begins with a capital letter as written. */
  readonly capitalized: boolean;
}

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
export function tokenize(text: string, from = 0, to = text.length, origin = 0): Token[] {
  const tokens: Token[] = [];
  let i = from;
  while (i < to) {
    const c = text[i];
    const code = text.charCodeAt(i);
    if (isWordCode(code, c) && !APOSTROPHES.has(c)) {
      i = readWord(text, i, to, tokens, origin);
      continue;
    }
    if (c === '-' && text[i + 1] === '-') {
      tokens.push({ kind: 'break', word: '--', start: i - origin, end: i + 2 - origin, capitalized: false });
      i += 2;
      continue;
    }
    const kind = c === '.' && abbreviated(tokens) ? undefined : punctuationKind(c, i + 1 < to ? text[i + 1] : '');
    if (kind) tokens.push({ kind, word: c, start: i - origin, end: i + 1 - origin, capitalized: false });
    i++;
  }
  return tokens;
}

function readWord(text: string, start: number, to: number, tokens: Token[], origin: number): number {
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
    tokens.push({ kind: 'word', word: interned(lower.slice(0, -2)), start: at, end: wordAt - 2, capitalized });
    tokens.push({ kind: 'word', word: "'s", start: wordAt - 2, end: wordAt, capitalized: false });
  } else if (lower.length > 3 && lower.endsWith("n't")) {
    tokens.push({ kind: 'word', word: interned(contractionBase(lower.slice(0, -3))), start: at, end: wordAt - 3, capitalized });
    tokens.push({ kind: 'word', word: 'not', start: wordAt - 3, end: wordAt, capitalized: false });
  } else {
    tokens.push({ kind: 'word', word: interned(lower), start: at, end: wordAt, capitalized });
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

function abbreviated(tokens: readonly Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && last.kind === 'word' && ABBREVIATIONS.has(last.word);
}
