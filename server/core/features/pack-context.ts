import type { Span } from '../span';

/**
 * Where the cursor stands in a pack file being written, read from the lines alone: a pack being
 * typed is seldom valid YAML ("between: [romeo, ju"), so the keys above the cursor are found by
 * indentation and the keys on its line by the brackets before it.
 */
export interface PackContext {
  /** The keys from the top of the file to the value being typed: ['relations', 'kind']. */
  readonly path: readonly string[];
  /** The part of the value typed so far, which a completion replaces. */
  readonly replace: Span;
  readonly typed: string;
}

/** What a line holds at its start: its indentation, list dashes and block key, if any. */
interface LineHead {
  /** Column of the first character that is not a space. */
  readonly indent: number;
  /** Column of the block key, after any `- `. */
  readonly keyColumn: number;
  readonly key?: string;
  /** Where the rest of the line (after `key:` or the dashes) starts, counted in the line. */
  readonly rest: number;
  readonly dashed: boolean;
}

const KEY = /^([A-Za-z0-9_][A-Za-z0-9_-]*)[ \t]*:(?=[ \t]|$)/;

function readHead(line: string): LineHead {
  let at = 0;
  while (line[at] === ' ') at++;
  const indent = at;
  let dashed = false;
  while (line[at] === '-' && (line[at + 1] === ' ' || at + 1 === line.length)) {
    dashed = true;
    at += 1;
    while (line[at] === ' ') at++;
  }
  const match = KEY.exec(line.slice(at));
  if (!match) return { indent, keyColumn: at, rest: at, dashed };
  return { indent, keyColumn: at, key: match[1], rest: at + match[0].length, dashed };
}

/** The keys of the blocks that hold a line starting at `column`, outermost first. */
function blockKeys(lines: readonly string[], index: number, column: number): string[] {
  const keys: string[] = [];
  let limit = column;
  for (let i = index - 1; i >= 0 && limit > 0; i--) {
    const line = lines[i];
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const head = readHead(line);
    if (head.indent >= limit) continue;
    if (head.key !== undefined && head.keyColumn < limit) keys.unshift(head.key);
    limit = head.indent;
  }
  return keys;
}

/**
 * The keys of the flow maps and lists open before the cursor on its line (`{ role: ki`,
 * `[romeo, ju`), or undefined where the cursor stands on a key rather than a value.
 */
function flowKeys(text: string): string[] | undefined {
  const frames: { map: boolean; key?: string }[] = [];
  let token = '';
  let quote = '';
  let inValue = true;
  for (const c of text) {
    if (quote) {
      if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{' || c === '[') {
      frames.push({ map: c === '{' });
      inValue = c === '[';
    } else if (c === '}' || c === ']') frames.pop();
    else if (c === ':' && frames.length > 0 && frames[frames.length - 1].map) {
      frames[frames.length - 1].key = token.trim();
      inValue = true;
    } else if (c === ',') inValue = !(frames.length > 0 && frames[frames.length - 1].map);
    if (c === ',' || c === ':' || c === '{' || c === '[') token = '';
    else token += c;
  }
  if (quote || !inValue) return undefined;
  return frames.flatMap((frame) => (frame.map && frame.key ? [frame.key] : []));
}

/** The context at an offset of a pack's text, or undefined where no value is being typed. */
export function packContextAt(text: string, offset: number): PackContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  if (before.includes('#')) return undefined;
  const lines = text.slice(0, lineStart).split(/\r?\n/);
  lines.pop();
  const head = readHead(before);
  // Right after a colon the value has not begun: YAML wants a space first.
  if (head.key !== undefined && head.rest === before.length) return undefined;
  const typed = /[A-Za-z0-9_.-]*$/.exec(before)?.[0] ?? '';
  const rest = before.slice(head.rest, before.length - typed.length);
  // On a line of its own, a word with no colon is a key being written, unless a dash makes it an item.
  if (head.key === undefined && !head.dashed && !rest.includes('{') && !rest.includes('[')) return undefined;
  const flow = flowKeys(rest);
  if (flow === undefined) return undefined;
  const column = head.key !== undefined || !head.dashed ? head.keyColumn : head.indent + 1;
  const path = [...blockKeys(lines, lines.length, column), ...(head.key !== undefined ? [head.key] : []), ...flow];
  return { path, typed, replace: { start: offset - typed.length, end: offset } };
}

/** Where a `{slot}` is being typed inside a quoted phrasing: the keys above it and the slot's name so far. */
export interface SlotContext {
  /** The keys from the top of the file to the phrasing: ['events', 'phrasings'], ['facts', 'phrasings']. */
  readonly path: readonly string[];
  readonly typed: string;
  readonly replace: Span;
}

/** The fields whose strings are word patterns, where `{` opens a slot. */
const PATTERN_KEYS = new Set(['phrasings', 'said', 'pattern']);

/**
 * A slot being typed in a phrasing (`phrasings: ["{kil`, `- "{`, `- { pattern: "{vi`): only inside
 * a quoted string, since outside quotes YAML reads `{` as a map, under a key that holds patterns.
 */
export function slotContextAt(text: string, offset: number): SlotContext | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const open = /\{([A-Za-z0-9_-]*)$/.exec(before);
  if (!open || !insideQuotes(before.slice(0, open.index))) return undefined;
  const head = readHead(before);
  const lines = text.slice(0, lineStart).split(/\r?\n/);
  lines.pop();
  const inLine = /\bpattern[ \t]*:/.test(before.slice(head.rest)) ? ['pattern'] : [];
  const column = head.key !== undefined || !head.dashed ? head.keyColumn : head.indent + 1;
  const path = [...blockKeys(lines, lines.length, column), ...(head.key !== undefined ? [head.key] : []), ...inLine];
  if (!path.some((key) => PATTERN_KEYS.has(key))) return undefined;
  const typed = open[1];
  return { path, typed, replace: { start: offset - typed.length, end: offset } };
}

/** Whether the end of a line's text stands inside a quoted string. */
function insideQuotes(text: string): boolean {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote === '"' && c === '\\') i++;
    else if (quote && c === quote) quote = '';
    else if (!quote && (c === '"' || c === "'")) quote = c;
  }
  return quote !== '';
}
