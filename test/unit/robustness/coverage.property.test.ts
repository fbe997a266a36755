import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { isLineBreak, isSpace } from '../../../server/core/fountain/chars';
import { parse } from '../../../server/core/fountain/parse';
import { LineIndex } from '../../../server/core/lines';
import { toRange } from '../../../server/protocol/diagnostics';

const FRAGMENTS = [
  '\n', '\n\n', '\r\n', '\r', '  ', ' ', '\t', 'INT. HOUSE - DAY', 'JOHN', 'DR. BENNET', '@Иван', '^', '~', '>', '<',
  '===', '=', '#', '!', '(', ')', '(V.O.)', 'CUT TO:', '[[', ']]', '/*', '*/', 'hello', 'Title:', 'Canon: AU', '#1A#',
  '\uFEFF', '\uD800', '\uDC00', '😀', 'e\u0301', '\0', '\u3000', '\u000b', '\f', '\u00a0',
];
const script = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((p) => p.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) },
);

/**
 * Characters no element needs to hold: the parser's own white space (one definition, so that a
 * blank line means the same everywhere: tabs, vertical tabs, form feeds, no-break and ideographic
 * spaces), line breaks, and a byte order mark.
 */
function isSpacing(code: number): boolean {
  return isSpace(code) || isLineBreak(code) || code === 0xfeff;
}

describe('the parser accounts for the whole text', () => {
  it('holds every character that is not spacing inside some element, elements following the text in order', () => {
    fc.assert(fc.property(script, (text) => {
      const doc = parse(text);
      const covered = new Uint8Array(text.length);
      let lastStart = -1;
      for (const e of doc.elements) {
        assert.ok(e.start >= lastStart, 'elements in document order');
        lastStart = e.start;
        for (let i = e.start; i < e.end; i++) covered[i] = 1;
      }
      for (let i = 0; i < text.length; i++) {
        if (!covered[i]) assert.ok(isSpacing(text.charCodeAt(i)), `character ${JSON.stringify(text[i])} at ${i} belongs to no element in ${JSON.stringify(text)}`);
      }
    }), { numRuns: 400 });
  });

  it('reports only positions the document has, in UTF-16, through the conversion the server and CLI use', () => {
    fc.assert(fc.property(script, (text) => {
      const doc = parse(text);
      const lines = new LineIndex(text);
      const lengths = text.split(/\r\n|\r|\n/).map((l) => l.length);
      for (const e of doc.elements) {
        const range = toRange(lines, e);
        for (const p of [range.start, range.end]) {
          assert.ok(p.line < lengths.length && p.character <= lengths[p.line], `${JSON.stringify(p)} outside ${JSON.stringify(text)}`);
          assert.strictEqual(lines.offsetAt(p), p === range.start ? e.start : e.end);
        }
      }
    }), { numRuns: 400 });
  });
});
