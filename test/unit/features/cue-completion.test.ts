import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { parse } from '../../../server/core/fountain/parse';
import type { Completion } from '../../../server/core/features/completion-types';
import { cueCompletions, orderedCueNames } from '../../../server/core/features/cue-completion';
import { script, withCursor } from './cursor';

function complete(fixture: string): { items: Completion[]; offset: number } {
  const { text, offset } = withCursor(fixture);
  return { items: cueCompletions(parse(text), offset, notCancelled), offset };
}

function labels(fixture: string): string[] {
  return complete(fixture).items.map((item) => item.label);
}

/** A first scene where PETE speaks three times and ALICE once: the rest of the script, by frequency. */
const FIRST_SCENE = [
  'INT. GARAGE - DAY',
  '',
  'ALICE',
  'Is it ready?',
  '',
  'PETE',
  'Nearly.',
  '',
  'PETE (V.O.)',
  'Nearly, I said.',
  '',
  'PETE',
  'Now it is.',
  '',
];

function exchange(...speakers: string[]): string[] {
  return speakers.flatMap((speaker, index) => [speaker, `Line ${index + 1}.`, '']);
}

describe('cue completion', () => {
  it('puts the one who spoke before the last speaker on top in a two-person exchange', () => {
    const fixture = script(...FIRST_SCENE, 'INT. KITCHEN - NIGHT', '', ...exchange('MARY', 'JOHN', 'MARY', 'JOHN'), '$0');
    assert.deepEqual(labels(fixture), ['MARY', 'JOHN', 'PETE', 'ALICE']);
  });

  it('keeps the last speaker after the scene\'s other speakers, and the one before the last on top', () => {
    const fixture = script(...FIRST_SCENE, 'INT. KITCHEN - NIGHT', '', ...exchange('ANN', 'BEN', 'CAL'), 'Ann drops a cup.', '', '$0');
    assert.deepEqual(labels(fixture), ['BEN', 'ANN', 'CAL', 'PETE', 'ALICE']);
  });

  it('takes the scene around the cursor, not a later one', () => {
    const yard = ['EXT. YARD - DAY', '', ...exchange('ZED', 'ZED', 'ZED', 'ZED')];
    const fixture = script(...FIRST_SCENE, 'INT. KITCHEN - NIGHT', '', ...exchange('MARY', 'JOHN'), '$0', '', ...yard);
    assert.deepEqual(labels(fixture), ['MARY', 'JOHN', 'ZED', 'PETE', 'ALICE']);
  });

  it('puts the only speaker of the scene first', () => {
    const fixture = script(...FIRST_SCENE, 'INT. KITCHEN - NIGHT', '', ...exchange('JOHN'), 'He waits.', '', '$0');
    assert.deepEqual(labels(fixture), ['JOHN', 'PETE', 'ALICE']);
  });

  it('puts those who speak later in the scene before the rest of the script', () => {
    const fixture = script(...FIRST_SCENE, 'INT. KITCHEN - NIGHT', '', '$0', '', ...exchange('JOHN'));
    assert.deepEqual(labels(fixture), ['JOHN', 'PETE', 'ALICE']);
  });

  it('counts a character once whatever the extensions, case or dual dialogue, by the first spelling', () => {
    const fixture = script(
      'INT. BAR - NIGHT', '', '@McCLANE', 'Yippee.', '', 'MCCLANE (CONT\'D)', 'Ki-yay.', '', 'HOLLY ^', 'John!', '', '$0',
    );
    assert.deepEqual(labels(fixture), ['McCLANE', 'HOLLY']);
  });

  it('does not count the cue being typed on the current line', () => {
    const { items, offset } = complete(script(...FIRST_SCENE, 'AL$0', 'Where is Pete?'));
    assert.deepEqual(items.map((item) => item.label), ['ALICE', 'PETE']);
    assert.deepEqual(items[0].replace, { start: offset - 2, end: offset });
    assert.deepEqual(items.map((item) => item.detail), ['1 speech', '3 speeches']);
    assert.deepEqual(items.map((item) => item.sortText), ['0000', '0001']);
    assert.ok(items.every((item) => item.kind === 'character'));
  });

  it('replaces what follows a forcing @', () => {
    const { items, offset } = complete(script(...FIRST_SCENE, '@Al$0'));
    assert.deepEqual(items[0].replace, { start: offset - 2, end: offset });
  });

  it('offers nothing where no cue can be typed', () => {
    const cases = [
      script(...FIRST_SCENE, 'Pete wipes his hands.', '$0'),
      script(...FIRST_SCENE, 'Pe$0'),
      script(...FIRST_SCENE, 'INT. $0'),
      script(...FIRST_SCENE, 'EXT.$0'),
      script(...FIRST_SCENE, 'CUT TO:$0'),
      script(...FIRST_SCENE, '> FADE$0'),
      script(...FIRST_SCENE, 'PETE ($0'),
      script(...FIRST_SCENE, '/*', '', '$0', '', '*/'),
    ];
    for (const fixture of cases) assert.deepEqual(labels(fixture), [], fixture.split('\n').slice(-3).join(' | '));
  });

  it('offers nothing inside the title page', () => {
    assert.deepEqual(labels(script('Title: Garage', 'Author: Me', '$0', '', ...FIRST_SCENE)), []);
    assert.deepEqual(labels(script('$0Title: Garage', 'Author: Me', '', ...FIRST_SCENE)), []);
  });

  it('exports the same order as names, for merging canon names after them', () => {
    const { text, offset } = withCursor(script(...FIRST_SCENE, 'INT. KITCHEN - NIGHT', '', ...exchange('MARY', 'JOHN'), '$0'));
    const doc = parse(text);
    assert.deepEqual(orderedCueNames(doc, offset, notCancelled), ['MARY', 'JOHN', 'PETE', 'ALICE']);
    assert.deepEqual(orderedCueNames(doc, offset, { isCancellationRequested: true }), []);
    assert.deepEqual(cueCompletions(doc, offset, { isCancellationRequested: true }), []);
  });
});
