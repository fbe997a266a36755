import * as assert from 'node:assert/strict';
import type { FountainDocument } from '../../../server/core/fountain/model';
import { parse, reparse, TextEdit } from '../../../server/core/fountain/parse';

function edited(text: string, edit: TextEdit): string {
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

/** Reparses and checks the result against a full parse of the edited text. */
function check(text: string, edit: TextEdit): FountainDocument {
  const result = reparse(parse(text), edit);
  assert.deepStrictEqual(result, parse(edited(text, edit)));
  return result;
}

describe('Fountain incremental reparse', () => {
  const script = 'Title: T\n\nINT. A - DAY\n\nBOB\nHi.\n\nAction one.\n\nANN\nBye.\n\nEXT. B - NIGHT\n';

  it('matches a full parse for the edits that change the most', () => {
    const at = (needle: string): number => script.indexOf(needle);
    const edits: TextEdit[] = [
      { start: at('BOB'), end: at('BOB'), newText: '/*' },
      { start: at('Bye.') + 4, end: at('Bye.') + 4, newText: '*/' },
      { start: at('Action'), end: at('Action'), newText: '[[' },
      { start: at('\n\nANN'), end: at('\n\nANN') + 1, newText: '' },
      { start: at('\n\nBOB') + 1, end: at('\n\nBOB') + 1, newText: 'x' },
      { start: 0, end: 0, newText: 'Author: me\n' },
      { start: at('Title'), end: at('INT.'), newText: '' },
      { start: at('Hi.'), end: at('Hi.'), newText: '(beat)\n' },
      { start: at('ANN'), end: at('ANN') + 3, newText: 'Ann' },
      { start: at('EXT.'), end: at('EXT.'), newText: '\n' },
      { start: 0, end: script.length, newText: '' },
      { start: script.length, end: script.length, newText: '\n\nJOE\nYo.' },
    ];
    for (const edit of edits) check(script, edit);
  });

  it('joins a paragraph to the one before when the edit fills a white-space blank line', () => {
    check('A\n \nB', { start: 3, end: 3, newText: 'x' });
  });

  it('turns a CR and a following LF into one break', () => {
    check('A\r\rB\r\rC', { start: 4, end: 4, newText: '\n' });
    check('A\r\n\r\nB', { start: 1, end: 2, newText: '' });
  });

  it('reuses the elements before the edit and moves those after it', () => {
    const text = Array.from({ length: 200 }, (_, i) => `INT. ROOM ${i} - DAY\n\nBOB\nLine ${i}.\n`).join('\n');
    const before = parse(text);
    const start = text.indexOf('Line 100.');
    const after = reparse(before, { start, end: start + 4, newText: 'Word' });
    assert.deepStrictEqual(after, parse(edited(text, { start, end: start + 4, newText: 'Word' })));
    const index = before.elements.findIndex((element) => element.start >= start - 20);
    for (let i = 0; i < index - 1; i++) assert.equal(after.elements[i], before.elements[i], `element ${i} reused`);
  });

  it('falls back to a full parse for a document it did not make', () => {
    const foreign = { ...parse('JOHN\nHi.') };
    assert.deepStrictEqual(reparse(foreign, { start: 0, end: 0, newText: '\n' }), parse('\nJOHN\nHi.'));
  });

  it('clamps edits outside the text', () => {
    const document = parse('Hello.');
    assert.deepStrictEqual(reparse(document, { start: -5, end: 99, newText: 'Bye.' }), parse('Bye.'));
    assert.deepStrictEqual(reparse(document, { start: 3, end: 1, newText: 'X' }), parse('HelXlo.'));
  });
});

describe('Fountain parse cancellation', () => {
  const long = 'BOB\nHi.\n\n'.repeat(20_000);

  it('stops early without throwing', () => {
    const cancelled = parse(long, { isCancellationRequested: true });
    assert.ok(cancelled.elements.length < parse(long).elements.length);
  });

  it('never patches a cancelled document: reparse falls back to a full parse', () => {
    const cancelled = parse(long, { isCancellationRequested: true });
    assert.deepStrictEqual(reparse(cancelled, { start: 0, end: 0, newText: 'x' }), parse('x' + long));
  });
});
