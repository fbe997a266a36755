import * as fs from 'fs';
import * as path from 'path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import type { Element, FountainDocument } from '../../../server/core/fountain/model';
import { parse } from '../../../server/core/fountain/parse';
import { repoRoot } from './repo';

/**
 * What kind of element each line of a script is, as the parser reads it and as the TextMate
 * grammar colours it: the two must agree, or a writer sees a line coloured as what it is not.
 * A kind is the parser's element type; blank lines and lines that are only a note or boneyard have none.
 */
export type LineKind = Element['type'] | undefined;

let registry: Promise<textmate.IGrammar> | undefined;

/** The grammar as VS Code loads it, with the oniguruma that VS Code uses. */
export function grammar(): Promise<textmate.IGrammar> {
  registry ??= (async () => {
    const wasm = fs.readFileSync(path.join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const onigLib = Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    });
    const file = path.join(repoRoot, 'syntaxes', 'fountain.tmLanguage.json');
    const registry = new textmate.Registry({
      onigLib,
      loadGrammar: async () => textmate.parseRawGrammar(fs.readFileSync(file, 'utf8'), file),
    });
    const loaded = await registry.loadGrammar('text.fountain');
    if (!loaded) throw new Error('the grammar text.fountain does not load');
    return loaded;
  })();
  return registry;
}

/** Scopes to kinds, most specific first: a cue's name is inside meta.dialogue, a note inside anything. */
const SCOPES: readonly [RegExp, Element['type']][] = [
  [/^meta\.title-page\./, 'title-page'],
  [/^entity\.name\.function\.character\./, 'character'],
  [/^punctuation\.definition\.character\.forced\./, 'character'],
  [/^meta\.parenthetical\./, 'parenthetical'],
  [/^meta\.lyrics\./, 'lyrics'],
  [/^markup\.heading\.scene-heading\./, 'scene-heading'],
  [/^meta\.section\./, 'section'],
  [/^meta\.synopsis\./, 'synopsis'],
  [/^meta\.centered\./, 'centered'],
  [/^meta\.transition\./, 'transition'],
  [/^meta\.separator\.page-break\./, 'page-break'],
  [/^string\.unquoted\.dialogue\./, 'dialogue'],
  [/^meta\.action\./, 'action'],
];

const MARGIN = /^comment\.block\.(note|boneyard)\./;

/** Each line's kind by the grammar: the scopes of its first character outside notes and boneyard. */
export async function grammarKinds(text: string): Promise<LineKind[]> {
  const g = await grammar();
  const kinds: LineKind[] = [];
  let state = textmate.INITIAL;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const result = g.tokenizeLine(line, state);
    state = result.ruleStack;
    const token = result.tokens.find((t) => line.slice(t.startIndex, t.endIndex).trim() !== '' && !t.scopes.some((s) => MARGIN.test(s)));
    kinds.push(token ? kindOf(token.scopes) : undefined);
  }
  return kinds;
}

function kindOf(scopes: readonly string[]): LineKind {
  for (const [scope, kind] of SCOPES) if (scopes.some((s) => scope.test(s))) return kind;
  return undefined;
}

/** Each line's kind by the parser: the element that holds its first character outside notes and boneyard. */
export function parserKinds(text: string): LineKind[] {
  const doc = parse(text);
  const lines = text.split(/\r\n|\r|\n/);
  const kinds: LineKind[] = [];
  let start = 0;
  for (const line of lines) {
    const first = firstVisible(doc, line, start);
    kinds.push(first === undefined ? undefined : elementAt(doc, first));
    start += line.length + (text[start + line.length] === '\r' && text[start + line.length + 1] === '\n' ? 2 : 1);
  }
  return kinds;
}

function firstVisible(doc: FountainDocument, line: string, lineStart: number): number | undefined {
  for (let i = 0; i < line.length; i++) {
    const offset = lineStart + i;
    if (line[i].trim() === '') continue;
    const mask = doc.masks.find((m) => m.start <= offset && offset < m.end);
    if (mask) {
      i = Math.max(i, mask.end - lineStart - 1);
      continue;
    }
    return offset;
  }
  return undefined;
}

function elementAt(doc: FountainDocument, offset: number): LineKind {
  let found: Element | undefined;
  for (const element of doc.elements) {
    if (element.start > offset) break;
    if (element.type !== 'note' && element.type !== 'boneyard' && offset < Math.max(element.end, element.start + 1)) found = element;
  }
  return found?.type;
}

export interface Disagreement {
  /** 1-based. */
  readonly line: number;
  readonly text: string;
  readonly parser: LineKind;
  readonly grammar: LineKind;
  /**
   * The parser would read the line as the grammar does if a different line came after it (or the
   * paragraph's first line was such a line). A TextMate grammar reads one line at a time and never
   * sees the next one, so it cannot tell a cue (dialogue below) from a line of capitals (a blank
   * line below), or a transition from a cue: these are the limits of the format, not slips.
   */
  readonly nextLineDecides: boolean;
}

/** Continuations that decide the line before them: blank, dialogue, capitals, a note or boneyard closing. */
const NEXT_LINES = ['', 'x', 'X', ']]', '*/'];

/** The lines where parser and grammar disagree, as VS Code reads the file (without a byte order mark). */
export async function disagreements(raw: string): Promise<Disagreement[]> {
  const text = raw.replace(/^\uFEFF/, '');
  const byParser = parserKinds(text);
  const byGrammar = await grammarKinds(text);
  const lines = text.split(/\r\n|\r|\n/);
  const masks = parse(text).masks;
  const out: Disagreement[] = [];
  let excusedParagraph = false;
  let start = 0;
  lines.forEach((line, i) => {
    const lineStart = start;
    start += line.length + 1 + (text[lineStart + line.length] === '\r' && text[lineStart + line.length + 1] === '\n' ? 1 : 0);
    // A paragraph ends at a blank line, not at one inside a boneyard (the parser ignores those).
    if (line.trim() === '' && !masks.some((m) => m.start <= lineStart && lineStart < m.end)) excusedParagraph = false;
    if (byParser[i] === byGrammar[i]) return;
    const head = lines.slice(0, i + 1).join('\n');
    const decides = excusedParagraph || NEXT_LINES.some((next) => parserKinds(`${head}\n${next}\n`)[i] === byGrammar[i]);
    excusedParagraph = decides;
    out.push({ line: i + 1, text: line, parser: byParser[i], grammar: byGrammar[i], nextLineDecides: decides });
  });
  return out;
}
