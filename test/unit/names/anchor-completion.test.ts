import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { canonAnchorCompletions } from '../../../server/core/features/anchor-completion';
import type { Completion } from '../../../server/core/features/completion-types';
import { parse } from '../../../server/core/fountain/parse';
import { loadPack } from '../../../server/core/canon/load';
import { canon, lines, textOf, withCursor } from './support';

const HEADING = 'INT. HOSPITAL ROOM - NIGHT';

function complete(fixture: string): { items: Completion[]; text: string } {
  const { text, offset } = withCursor(fixture);
  return { items: canonAnchorCompletions(parse(text), offset, canon().pack, notCancelled), text };
}

function labels(fixture: string): string[] {
  return complete(fixture).items.map((item) => item.label);
}

describe('canon anchor completion', () => {
  it('offers after and before first, then the events in canonical order, then their anchors', () => {
    const { items, text } = complete(lines(HEADING, '', '[[canon: $0]]'));
    assert.deepEqual(
      items.slice(0, 4).map((i) => [i.label, i.kind, i.insertText, textOf(text, i.replace)]),
      [
        ['after', 'keyword', 'after ', ''],
        ['before', 'keyword', 'before ', ''],
        ["Cassie's fall", 'event', undefined, ''],
        ["Neveah takes Cassie's place", 'event', undefined, ''],
      ],
    );
    const labelsSeen = items.map((i) => i.label);
    assert.equal(labelsSeen.indexOf('The fingerprints clear Bette'), 8);
    assert.equal(labelsSeen[9], 'the fall');
    assert.equal(labelsSeen.filter((l) => l === "Cassie's fall").length, 1, 'a name that is also an anchor appears once');
  });

  it('ranks events by the words after the relation, replacing them up to the closing brackets', () => {
    const { items, text } = complete(lines(HEADING, '', '[[canon: after fa$0ll]]'));
    assert.deepEqual(
      items.map((i) => [i.label, i.detail, textOf(text, i.replace)]),
      [
        ["Cassie's fall", 'Canon event 1 of 7', 'fall'],
        ['the fall', "Cassie's fall (canon event 1 of 7)", 'fall'],
      ],
    );
  });

  it('finds an event through a typo', () => {
    assert.deepEqual(labels(lines(HEADING, '', '[[canon: before fingr$0')), ['the fingerprints', 'The fingerprints clear Bette']);
    assert.deepEqual(labels(lines(HEADING, '', '[[canon: after Casie wakes$0]]')), ['Cassie wakes', 'Cassie wakes from her coma']);
  });

  it('completes the relation word itself while it is being typed', () => {
    const { items, text } = complete(lines(HEADING, '', '[[canon: aft$0'));
    assert.deepEqual(items.map((i) => [i.label, textOf(text, i.replace)]), [['after', 'aft']]);
  });

  it('carries the event’s description and source as documentation', () => {
    const wakes = complete(lines(HEADING, '', '[[canon: after the awak$0]]')).items[0];
    assert.equal(wakes.label, 'the awakening');
    assert.equal(
      wakes.documentation,
      '> However, when they pull the plug, somehow, Cassie miraculously opens her eyes and wakes from her coma.',
    );
  });

  it('offers nothing outside a canon note, in another note, or after the note is closed', () => {
    assert.deepEqual(labels(lines(HEADING, '', 'Cassie sleeps. after $0')), []);
    assert.deepEqual(labels(lines(HEADING, '', '[[todo: after $0]]')), []);
    assert.deepEqual(labels(lines(HEADING, '', '[[canon: after the fall]] Then $0')), []);
  });

  it('offers `on` and the pack\'s days, each with the events it spans', () => {
    const pack = loadPack([
      'canon: 1', 'id: ides', 'name: Ides',
      'events:', '  - { id: dream, name: Calpurnia dreams }', '  - { id: stabbing, name: Caesar is stabbed }', '  - { id: oration, name: Antony speaks }',
      'days:', '  - { id: ides, name: the ides of March, anchors: [the ides], first: dream, last: stabbing }', '',
    ].join('\n'), 'ides.canon.yaml', () => undefined).pack;
    assert.ok(pack);
    const at = (fixture: string): Completion[] => {
      const { text, offset } = withCursor(fixture);
      return canonAnchorCompletions(parse(text), offset, pack, notCancelled);
    };
    assert.deepEqual(at(lines(HEADING, '', '[[canon: $0]]')).slice(0, 3).map((i) => i.label), ['after', 'before', 'on']);
    const days = at(lines(HEADING, '', '[[canon: on ide$0]]'));
    assert.deepEqual(days.map((i) => i.label).sort(), ['the ides', 'the ides of March']);
    assert.deepEqual(new Set(days.map((i) => i.detail)), new Set(['A canon day: Calpurnia dreams to Caesar is stabbed (events 1 to 2 of 3)']));
    assert.ok(!labels(lines(HEADING, '', '[[canon: $0]]')).includes('on'), 'no days, no `on`');
  });

  it('returns nothing once cancelled', () => {
    const { text, offset } = withCursor(lines(HEADING, '', '[[canon: $0]]'));
    assert.deepEqual(canonAnchorCompletions(parse(text), offset, canon().pack, { isCancellationRequested: true }), []);
  });
});
