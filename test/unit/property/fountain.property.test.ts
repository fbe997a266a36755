import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Element, FountainDocument } from '../../../server/core/fountain/model';
import { parse, reparse } from '../../../server/core/fountain/parse';
import { maskedText } from '../../../server/core/fountain/mask';

/**
 * Properties of the Fountain parser over generated scripts. Scripts are built from fragments that
 * matter to the syntax (markers, line breaks of every kind, surrogates, NUL, BOM) so that random
 * input hits the interesting rules instead of being almost always plain action.
 */
const FRAGMENTS = [
  '\n', '\n', '\n', '\r\n', '\r', '\n\n', '  ', ' ', '\t', '  \n', '\n \n', '\n\t\r',
  'INT. ', 'EXT. HOUSE - DAY', 'int/ext ', 'I/E', '.', '..', 'JOHN', 'DR. BENNET', 'McCLANE', 'Ива́н', 'ИВАН',
  '@', '^', '~', '>', '<', '===', '=', '#', '##', '!', '(', ')', '(V.O.)', "(cont'd)", 'CUT TO:', ' TO:',
  '[[', ']]', '/*', '*/', 'hello', 'Title:', 'Author: x', ':', '#1A#', '- NIGHT', '**bold**', '_u_',
  '\uFEFF', '\uD800', '\uDC00', '😀', 'e\u0301', '\0', '\u3000', '（', '）', '：',
];

const fragmentText = (maxLength: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength }).map((parts) => parts.join(''));

const script = fc.oneof({ weight: 4, arbitrary: fragmentText(60) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 80 }) });

interface EditDraft {
  readonly kind: 'range' | 'short' | 'at-line-break';
  readonly a: number;
  readonly b: number;
  readonly newText: string;
}

const replacement = fc.oneof(
  { weight: 5, arbitrary: fragmentText(6) },
  { weight: 1, arbitrary: fragmentText(40) },
  { weight: 2, arbitrary: fc.constant('') },
);

const unit = fc.double({ min: 0, max: 1, noNaN: true });

/**
 * Edits are a position and a length as fractions of the text, so they stay inside whatever text
 * the previous edits left. Short deletions matter most: they are what removes a `/*` or a blank line.
 */
const editDraft: fc.Arbitrary<EditDraft> = fc.oneof(
  fc.record({ kind: fc.constant('range' as const), a: unit, b: unit, newText: replacement }),
  fc.record({ kind: fc.constant('short' as const), a: unit, b: fc.integer({ min: 0, max: 3 }), newText: replacement }),
  fc.record({ kind: fc.constant('at-line-break' as const), a: unit, b: fc.integer({ min: -2, max: 2 }), newText: replacement }),
);

/**
 * Turns a draft into offsets in `text`: a range between two fractions; a short deletion of b units
 * at a fraction; or an insertion b units away from the a-th line break, where joining and splitting
 * lines and blank lines happens.
 */
function offsets(draft: EditDraft, text: string): { start: number; end: number } {
  const length = text.length;
  const at = (fraction: number): number => Math.min(length, Math.floor(fraction * (length + 1)));
  if (draft.kind === 'range') return { start: at(Math.min(draft.a, draft.b)), end: at(Math.max(draft.a, draft.b)) };
  if (draft.kind === 'short') return { start: at(draft.a), end: Math.min(length, at(draft.a) + draft.b) };
  const breaks = [...text.matchAll(/[\r\n]/g)].map((match) => match.index);
  const base = breaks.length === 0 ? at(draft.a) : breaks[Math.min(breaks.length - 1, Math.floor(draft.a * breaks.length))];
  const start = Math.max(0, Math.min(length, base + draft.b));
  return { start, end: start };
}

function isMask(element: Element): boolean {
  return element.type === 'note' || element.type === 'boneyard';
}

function assertOrderedAndDisjoint(document: FountainDocument): void {
  let previousStart = 0;
  const lastEnd = { structure: 0, mask: 0 };
  for (const element of document.elements) {
    assert.ok(element.start >= previousStart, `out of order at ${element.start}`);
    assert.ok(element.start <= element.end && element.end <= document.text.length, `span outside text: ${element.start}-${element.end}`);
    const layer = isMask(element) ? 'mask' : 'structure';
    assert.ok(element.start >= lastEnd[layer], `${element.type} at ${element.start} overlaps the one before`);
    lastEnd[layer] = element.end;
    previousStart = element.start;
  }
}

function spanBoundaries(element: Element): number[] {
  const bounds = [element.start, element.end];
  if (element.type === 'character') bounds.push(element.nameStart, element.nameEnd);
  if (element.type === 'title-page') {
    for (const entry of element.entries) bounds.push(entry.keySpan.start, entry.keySpan.end, entry.valueSpan.start, entry.valueSpan.end);
  }
  return bounds;
}

function assertBoundariesValid(document: FountainDocument): void {
  const text = document.text;
  for (const element of document.elements) {
    for (const at of spanBoundaries(element)) {
      assert.ok(Number.isInteger(at) && at >= 0 && at <= text.length, `boundary ${at} outside the text`);
      const splitsPair = /[\uD800-\uDBFF]/.test(text.charAt(at - 1)) && /[\uDC00-\uDFFF]/.test(text.charAt(at));
      assert.ok(!splitsPair, `boundary ${at} splits a surrogate pair`);
      assert.ok(!(text.charAt(at - 1) === '\r' && text.charAt(at) === '\n'), `boundary ${at} splits a CRLF`);
    }
  }
}

function assertMaskedShape(document: FountainDocument): void {
  const text = document.text;
  const masked = maskedText(document);
  assert.equal(masked.length, text.length);
  for (let i = 0; i < text.length; i++) {
    const isBreak = text[i] === '\n' || text[i] === '\r';
    if (isBreak || masked[i] !== text[i]) assert.ok(isBreak ? masked[i] === text[i] : masked[i] === ' ', `masked differs at ${i}`);
  }
  for (const element of document.elements.filter(isMask)) {
    assert.match(masked.slice(element.start, element.end), /^[ \r\n]*$/);
  }
}

describe('fountain parser properties', function () {
  this.timeout(30000);

  it('never throws, and keeps elements ordered, in the text and disjoint', () => {
    fc.assert(
      fc.property(script, (text) => {
        const document = parse(text);
        assert.equal(document.text, text);
        assertOrderedAndDisjoint(document);
      }),
      { numRuns: 500 },
    );
  });

  it('puts every span boundary on a real position, never inside a surrogate pair or CRLF', () => {
    fc.assert(fc.property(script, (text) => assertBoundariesValid(parse(text))), { numRuns: 400 });
  });

  it('masks notes and boneyard with spaces, keeping length and line breaks', () => {
    fc.assert(fc.property(script, (text) => assertMaskedShape(parse(text))), { numRuns: 400 });
  });

  it('reparses to exactly what a full parse gives, over sequences of edits', () => {
    fc.assert(
      fc.property(script, fc.array(editDraft, { minLength: 1, maxLength: 6 }), (text, drafts) => {
        let document = parse(text);
        for (const draft of drafts) {
          const { start, end } = offsets(draft, document.text);
          const next = reparse(document, { start, end, newText: draft.newText });
          const expected = parse(document.text.slice(0, start) + draft.newText + document.text.slice(end));
          assert.deepStrictEqual(next, expected);
          document = next;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reparses edits in long scripts made of many paragraphs', () => {
    const joiner = fc.constantFrom('\n\n', '\n \n', '\r\n\r\n', '\r\r', '\n\t\n', '\n\n\n');
    const paragraphs = fc.array(fc.tuple(fragmentText(12), joiner), { minLength: 20, maxLength: 60 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(paragraphs, fc.array(editDraft, { minLength: 1, maxLength: 4 }), (text, drafts) => {
        let document = parse(text);
        for (const draft of drafts) {
          const { start, end } = offsets(draft, document.text);
          const next = reparse(document, { start, end, newText: draft.newText });
          assert.deepStrictEqual(next, parse(document.text.slice(0, start) + draft.newText + document.text.slice(end)));
          document = next;
        }
      }),
      { numRuns: 200 },
    );
  });
});
