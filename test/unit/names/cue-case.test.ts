import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { canonNameCompletions } from '../../../server/core/features/canon-completion';
import { headingForm, sceneHeadingCompletions } from '../../../server/core/features/scene-completion';
import { parse } from '../../../server/core/fountain/parse';
import { nearMisses } from '../../../server/core/rules/names-near-miss';
import { canon, lines, scriptOf, textOf, withCursor } from './support';

const HEADING = 'INT. ARCHER SCHOOL - DRESSING ROOM - NIGHT';

function complete(fixture: string, order: readonly string[] = [], misspelt: ReadonlySet<string> = new Set()) {
  const { text, offset } = withCursor(fixture);
  const items = canonNameCompletions(parse(text), offset, canon().cast, order, notCancelled, misspelt);
  return { items, labels: items.map((i) => i.label), text };
}

describe('cue completion in the writer’s case', () => {
  it('completes a cue begun in lower case on a line after a blank line to the name in capitals', () => {
    const { items, labels, text } = complete(lines(HEADING, '', 'nev$0'));
    assert.deepEqual(labels, ['NEVEAH']);
    assert.equal(textOf(text, items[0].replace), 'nev');
    // A capital and lower case ("Cas") begins prose as often as a cue: it offers names as prose writes them.
    assert.deepEqual(complete(lines(HEADING, '', 'Cas$0')).labels, ['Cassie', 'Cassie Shore']);
  });

  it('offers only names the lower case begins, not what a typo might mean, and nothing mid-paragraph', () => {
    assert.deepEqual(complete(lines(HEADING, '', 'the$0')).labels, []);
    assert.deepEqual(complete(lines(HEADING, '', 'She waits.', 'nev$0')).labels, []);
    assert.deepEqual(complete(lines(HEADING, '', 'nev$0 laces her shoes.')).labels, []);
  });

  it('never ranks a script’s own misspelt cue above the canon name it slips from', () => {
    // DELLIA is cued first in the script, and "DELL" begins it but not DELIA: DELIA still comes first.
    const misspelt = new Set(['dellia']);
    assert.deepEqual(complete(lines(HEADING, '', 'DEL$0'), ['DELLIA'], misspelt).labels.slice(0, 2), ['DELIA', 'DELLIA']);
    assert.deepEqual(complete(lines(HEADING, '', 'DELL$0'), ['DELLIA'], misspelt).labels.slice(0, 2), ['DELIA', 'DELLIA']);
    assert.deepEqual(complete(lines(HEADING, '', 'del$0'), ['DELLIA'], misspelt).labels.slice(0, 2), ['DELIA', 'DELLIA']);
  });

  it('takes as misspelt what names.near-miss flags: a slip, not a kept spelling or a character of the writer’s own', () => {
    const misspelt = (text: string): string[] => nearMisses(scriptOf(text), notCancelled).map((m) => m.written.toLowerCase());
    const scene = [HEADING, '', 'DELLIA', 'You look tired.', ''];
    assert.deepEqual(misspelt(lines(...scene)), ['dellia']);
    assert.deepEqual(misspelt(lines('Spellings: Dellia', '', ...scene)), []);
    assert.deepEqual(misspelt(lines(...scene, 'DELLIA', 'Again.', '')), [], 'cued twice: the writer’s own DELLIA');
    assert.deepEqual(complete(lines(HEADING, '', 'DEL$0'), ['DELLIA']).labels.slice(0, 2), ['DELLIA', 'DELIA']);
  });
});

describe('canon places in scene headings', () => {
  function locations(fixture: string): string[] {
    const { text, offset } = withCursor(fixture);
    return sceneHeadingCompletions(parse(text), offset, notCancelled, canon().pack.places).map((c) => `${c.label} (${c.detail})`);
  }

  it('offers the pack’s places after INT. or EXT., after the places the script already uses', () => {
    assert.deepEqual(locations(lines('INT. STUDIO A - DAY', '', 'Music.', '', 'EXT. $0')), [
      'STUDIO A (used in 1 scene)', 'ARCHER SCHOOL OF BALLET (canon place)', 'ROOF (canon place)',
    ]);
  });

  it('offers a canon place once, as the script writes it if it does', () => {
    assert.deepEqual(locations(lines('EXT. ROOF - NIGHT', '', 'Wind.', '', 'INT. $0')), [
      'ROOF (used in 1 scene)', 'ARCHER SCHOOL OF BALLET (canon place)',
    ]);
    assert.equal(headingForm('The Archer School of Ballet'), 'ARCHER SCHOOL OF BALLET');
  });
});
