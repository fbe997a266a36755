import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { parse } from '../../../server/core/fountain/parse';
import type { Completion } from '../../../server/core/features/completion-types';
import { sceneHeadingCompletions } from '../../../server/core/features/scene-completion';
import { script, withCursor } from './cursor';

function complete(fixture: string): { items: Completion[]; offset: number; text: string } {
  const { text, offset } = withCursor(fixture);
  return { items: sceneHeadingCompletions(parse(text), offset, notCancelled), offset, text };
}

const PREFIXES = ['INT.', 'EXT.', 'INT./EXT.', 'EST.', 'I/E.'];

/** Earlier scenes: BAR three times (once in lower case), KITCHEN twice, ROOF once; NIGHT twice, DUSK once. */
const EARLIER = [
  'INT. KITCHEN - DAY',
  '',
  'Mary makes tea.',
  '',
  'EXT. BAR - NIGHT',
  '',
  'Neon.',
  '',
  'INT. KITCHEN - MORNING',
  '',
  'Cold tea.',
  '',
  'int. bar - dusk',
  '',
  'EXT. ROOF - NIGHT',
  '',
  'Wind.',
  '',
  'INT. BAR - LATER',
  '',
  'Closing time.',
  '',
];

describe('scene heading completion', () => {
  it('offers the prefixes on an empty line after a blank line where a scene comes next, inserting them with a space', () => {
    const { items, offset } = complete(script(...EARLIER, 'CUT TO:', '', '$0'));
    assert.deepEqual(items.map((item) => item.label), PREFIXES);
    assert.deepEqual(items.map((item) => item.insertText), ['INT. ', 'EXT. ', 'INT./EXT. ', 'EST. ', 'I/E. ']);
    assert.deepEqual(items.map((item) => item.sortText), ['0000', '0001', '0002', '0003', '0004']);
    assert.ok(items.every((item) => item.kind === 'keyword'));
    assert.deepEqual(items[0].replace, { start: offset, end: offset });
  });

  it('offers the prefixes over a partial prefix typed in any case, replacing it', () => {
    for (const typed of ['I', 'in', 'EXT', '.', 'i/']) {
      const { items, offset } = complete(script(...EARLIER, `${typed}$0`));
      assert.deepEqual(items.map((item) => item.label), PREFIXES, typed);
      assert.deepEqual(items[0].replace, { start: offset - typed.length, end: offset }, typed);
    }
  });

  it('offers nothing where the line does not start a scene heading', () => {
    assert.deepEqual(complete(script(...EARLIER, 'The$0')).items, []);
    assert.deepEqual(complete(script(...EARLIER, 'Closing time, she says.', 'In$0')).items, []);
    assert.deepEqual(complete(script(...EARLIER, '/* A flashback?', '', 'INT. $0', '', '*/')).items, []);
  });

  it('offers the locations already used after a prefix, most frequent first, in capitals', () => {
    const { items, offset } = complete(script(...EARLIER, 'EXT. $0'));
    assert.deepEqual(items.map((item) => item.label), ['BAR', 'KITCHEN', 'ROOF']);
    assert.deepEqual(items.map((item) => item.detail), ['used in 3 scenes', 'used in 2 scenes', 'used in 1 scene']);
    assert.ok(items.every((item) => item.kind === 'location'));
    assert.deepEqual(items[0].replace, { start: offset, end: offset });
  });

  it('replaces the location typed so far and does not offer the heading being typed as a location', () => {
    const { items, offset } = complete(script(...EARLIER, 'INT. GAR$0', '', 'A car.'));
    assert.deepEqual(items.map((item) => item.label), ['BAR', 'KITCHEN', 'ROOF']);
    assert.deepEqual(items[0].replace, { start: offset - 3, end: offset });
  });

  it('offers times of day after " - ", the common ones first and then those the script adds', () => {
    const { items, offset, text } = complete(script(...EARLIER, 'INT. KITCHEN - N$0'));
    assert.deepEqual(items.map((item) => item.label), [
      'DAY', 'NIGHT', 'MORNING', 'AFTERNOON', 'EVENING', 'CONTINUOUS', 'LATER', 'MOMENTS LATER', 'SAME', 'DUSK',
    ]);
    assert.equal(text.slice(items[0].replace.start, items[0].replace.end), 'N');
    assert.equal(items[0].replace.end, offset);
    assert.equal(items[1].detail, 'used in 2 scenes');
    assert.equal(items[3].detail, undefined);
    assert.ok(items.every((item) => item.kind === 'time'));
  });

  it('offers nothing when cancelled', () => {
    const { text, offset } = withCursor(script(...EARLIER, '$0'));
    assert.deepEqual(sceneHeadingCompletions(parse(text), offset, { isCancellationRequested: true }), []);
  });
});
