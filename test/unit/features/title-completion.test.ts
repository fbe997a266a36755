import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { parse } from '../../../server/core/fountain/parse';
import type { Completion } from '../../../server/core/features/completion-types';
import { titlePageCompletions } from '../../../server/core/features/title-completion';
import { script, withCursor } from './cursor';

function complete(fixture: string): { items: Completion[]; offset: number } {
  const { text, offset } = withCursor(fixture);
  return { items: titlePageCompletions(parse(text), offset, notCancelled), offset };
}

function labels(fixture: string): string[] {
  return complete(fixture).items.map((item) => item.label);
}

const ALL_KEYS = [
  'Title', 'Credit', 'Author', 'Authors', 'Source', 'Draft date', 'Contact', 'Copyright', 'Notes', 'Revision', 'Canon', 'Spellings',
];

const BODY = ['INT. ROOF - NIGHT', '', 'Wind.', ''];

describe('title page completion', () => {
  it('offers every key in an empty document, inserting the colon', () => {
    const { items } = complete('$0');
    assert.deepEqual(items.map((item) => item.label), ALL_KEYS);
    assert.equal(items[0].insertText, 'Title: ');
    assert.equal(items[5].insertText, 'Draft date: ');
    assert.deepEqual(items[10].detail, 'compliant | AU | divergent');
    assert.deepEqual(items[0].replace, { start: 0, end: 0 });
    assert.ok(items.every((item) => item.kind === 'title-key'));
    assert.deepEqual(items.map((item) => item.sortText), ALL_KEYS.map((_, index) => String(index).padStart(4, '0')));
  });

  it('offers the keys not yet present on a new line of the title page, whatever their case', () => {
    const fixture = script('title: The Roof', 'Author: Sam', 'Draft date: 1 May', '$0', '', ...BODY);
    assert.deepEqual(labels(fixture), [
      'Credit', 'Authors', 'Source', 'Contact', 'Copyright', 'Notes', 'Revision', 'Canon', 'Spellings',
    ]);
  });

  it('replaces a key typed so far', () => {
    const { items, offset } = complete(script('Title: The Roof', 'Ca$0', '', ...BODY));
    assert.equal(items.length, ALL_KEYS.length - 1);
    assert.deepEqual(items[0].replace, { start: offset - 2, end: offset });
  });

  it('offers keys on the first line of a script that has no title page yet', () => {
    const { items } = complete(script('Ti$0', '', ...BODY));
    assert.deepEqual(items.map((item) => item.label), ALL_KEYS);
    assert.deepEqual(items[0].replace, { start: 0, end: 2 });
  });

  it('offers nothing in the body, in a value or mid-line', () => {
    const cases = [
      script('Title: The Roof', '', ...BODY, '$0'),
      script('Title: The Roof', '', '$0'),
      script(...BODY, 'Ti$0'),
      script('Title: The Roof', 'Author: $0', '', ...BODY),
      script('Title: The Roof', 'Author$0: Sam', '', ...BODY),
      script('Wind$0 howls.', '', ...BODY),
      script('Wind howls.', 'Ti$0', '', ...BODY),
    ];
    for (const fixture of cases) assert.deepEqual(labels(fixture), [], fixture);
  });

  it('offers nothing when cancelled', () => {
    assert.deepEqual(titlePageCompletions(parse(''), 0, { isCancellationRequested: true }), []);
  });
});
