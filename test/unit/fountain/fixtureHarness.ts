/**
 * Inline-expectation fixtures for the Fountain parser.
 *
 * A fixture is a `.fountain` file under test/fixtures/fountain. Under a line, an expectation line
 * says what element starts on it:
 *
 *     JOHN
 *     [[^ character "JOHN"]]
 *     Hello.
 *     [[^ dialogue]]
 *
 * - The form is `[[^ TYPE]]` or `[[^ TYPE "TEXT"]]`, or the same inside a boneyard `/*^ TYPE *\/`
 *   (use that one where the line above is a note itself). Any number of `^` may be written.
 * - TYPE is an element type of the model (`scene-heading`, `character`, `note`, ...). TEXT, a JSON
 *   string, is compared with the element's `text` when given.
 * - Several expectation lines in a row all point at the last line above them that is not one.
 * - Expectation lines are removed (with their line breaks) before parsing, so they never change the
 *   parse; every element must be expected, notes and boneyard included.
 * - The file name may ask for a transformation of the whole text before parsing:
 *   `*.crlf.fountain` (LF becomes CRLF), `*.cr.fountain` (LF becomes a lone CR), `*.bom.fountain`
 *   (a byte order mark is put first). Expectations are read before the transformation.
 *
 * Missing elements (false negatives) and unexpected ones (false positives) are reported separately,
 * each with its fixture line number.
 */
import { LineIndex } from '../../../server/core/lines';
import type { Element } from '../../../server/core/fountain/model';
import { parse } from '../../../server/core/fountain/parse';

const EXPECTATION = /^\s*(?:\[\[\^+\s*([a-z-]+)(?:\s+("(?:[^"\\]|\\.)*"))?\s*\]\]|\/\*\^+\s*([a-z-]+)(?:\s+("(?:[^"\\]|\\.)*"))?\s*\*\/)\s*$/;

export interface Expectation {
  /** 1-based line in the fixture file of the line the expectation points at. */
  readonly fixtureLine: number;
  readonly type: string;
  readonly text?: string;
}

export interface FixtureVerdict {
  readonly missing: readonly string[];
  readonly unexpected: readonly string[];
}

interface Prepared {
  readonly source: string;
  /** For each line of the source, its 1-based line in the fixture. */
  readonly fixtureLines: readonly number[];
  readonly expectations: readonly Expectation[];
}

/** Splits off expectation lines; the rest, joined with its own line breaks, is the script. */
export function prepareFixture(content: string): Prepared {
  const lines = content.split(/(?<=\n)/);
  const kept: string[] = [];
  const fixtureLines: number[] = [];
  const expectations: Expectation[] = [];
  lines.forEach((raw, index) => {
    const match = EXPECTATION.exec(raw.replace(/\r?\n$/, ''));
    if (!match) {
      kept.push(raw);
      fixtureLines.push(index + 1);
      return;
    }
    const quoted = match[2] ?? match[4];
    const target = fixtureLines[fixtureLines.length - 1] ?? 0;
    expectations.push({ fixtureLine: target, type: match[1] ?? match[3], ...(quoted ? { text: JSON.parse(quoted) as string } : {}) });
  });
  return { source: dropFinalBreakIfRemoved(kept.join(''), content), fixtureLines, expectations };
}

/** Keeps "does the script end with a line break" as the fixture file has it. */
function dropFinalBreakIfRemoved(source: string, content: string): string {
  return content.endsWith('\n') || !source.endsWith('\n') ? source : source.slice(0, -1);
}

export function transform(source: string, fileName: string): string {
  let text = source;
  if (fileName.endsWith('.crlf.fountain')) text = text.replace(/\n/g, '\r\n');
  if (fileName.endsWith('.cr.fountain')) text = text.replace(/\n/g, '\r');
  if (fileName.endsWith('.bom.fountain')) text = '\uFEFF' + text;
  return text;
}

function describeElement(element: Element): string {
  return `${element.type} ${JSON.stringify(element.text)}`;
}

/** Parses a fixture and compares its elements with its expectations. */
export function checkFixture(content: string, fileName: string): FixtureVerdict {
  const prepared = prepareFixture(content);
  const text = transform(prepared.source, fileName);
  const index = new LineIndex(text);
  const actual = parse(text).elements.map((element) => ({
    element,
    fixtureLine: prepared.fixtureLines[index.positionAt(element.start).line] ?? -1,
  }));
  const unmatched = [...actual];
  const missing: string[] = [];
  for (const expected of prepared.expectations) {
    const at = unmatched.findIndex(
      (a) => a.fixtureLine === expected.fixtureLine && a.element.type === expected.type && (expected.text === undefined || a.element.text === expected.text),
    );
    if (at >= 0) unmatched.splice(at, 1);
    else missing.push(`line ${expected.fixtureLine}: expected ${expected.type}${expected.text === undefined ? '' : ' ' + JSON.stringify(expected.text)}${nearby(actual, expected)}`);
  }
  return { missing, unexpected: unmatched.map((a) => `line ${a.fixtureLine}: ${describeElement(a.element)}`) };
}

function nearby(actual: readonly { element: Element; fixtureLine: number }[], expected: Expectation): string {
  const there = actual.filter((a) => a.fixtureLine === expected.fixtureLine).map((a) => describeElement(a.element));
  return there.length === 0 ? ' (nothing starts there)' : ` (found ${there.join(', ')})`;
}
