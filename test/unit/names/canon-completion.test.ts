import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { canonNameCompletions } from '../../../server/core/features/canon-completion';
import type { Completion } from '../../../server/core/features/completion-types';
import { parse } from '../../../server/core/fountain/parse';
import { Cast } from '../../../server/core/story/cast';
import { canon, lines, packOf, textOf, withCursor } from './support';

const HEADING = 'INT. ARCHER SCHOOL - DRESSING ROOM - NIGHT';

function complete(fixture: string, scriptCueOrder: readonly string[] = []): { items: Completion[]; text: string } {
  const { text, offset } = withCursor(fixture);
  return { items: canonNameCompletions(parse(text), offset, canon().cast, scriptCueOrder, notCancelled), text };
}

function labels(fixture: string, scriptCueOrder: readonly string[] = []): string[] {
  return complete(fixture, scriptCueOrder).items.map((item) => item.label);
}

describe('canon name completion', () => {
  describe('at a cue', () => {
    it('offers the canon cue the typed capitals begin', () => {
      assert.deepEqual(labels(lines(HEADING, '', 'NEV$0')), ['NEVEAH']);
      assert.deepEqual(labels(lines(HEADING, '', 'CAS$0')), ['CASSIE']);
    });

    it('finds the name a typo meant, and lets the editor keep it by filtering on the typo', () => {
      const { items } = complete(lines(HEADING, '', 'DELAI$0'));
      assert.ok(items.slice(0, 3).some((item) => item.label === 'DELIA'), JSON.stringify(items.map((i) => i.label)));
      const delia = items.find((item) => item.label === 'DELIA');
      assert.equal(delia?.filterText, 'DELAI DELIA');
    });

    it('puts the script’s characters first, in the given order, then canon ones it has not used, once each', () => {
      const order = ['KAI', 'CARLA', 'CASSIE', 'DELIA'];
      const { items, text } = complete(lines(HEADING, '', 'CA$0'), order);
      assert.deepEqual(
        items.map((i) => [i.label, i.detail, textOf(text, i.replace), i.sortText]),
        [
          ['CARLA', 'In this script', 'CA', '0000'],
          ['CASSIE', 'Ballet student at the Archer School of Ballet', 'CA', '0001'],
        ],
      );
    });

    it('ranks a name the writer has begun above a fuzzy match, even one from the script', () => {
      assert.deepEqual(labels(lines(HEADING, '', 'RAM$0'), ['RAMIN']), ['RAMIN', 'RAMON']);
      assert.deepEqual(labels(lines(HEADING, '', 'RAMO$0'), ['RAMIN']), ['RAMON', 'RAMIN']);
    });

    it('gives a canon cue its role and a card, and a script’s own character neither', () => {
      const { items } = complete(lines(HEADING, '', 'M$0'), ['MADISON']);
      assert.deepEqual(
        items.map((i) => [i.label, i.detail, i.documentation]),
        [
          ['MADISON', 'In this script', undefined],
          ['MONIQUE', 'Acting director', '**Monique Dubois** · she/her\n\nActing director'],
        ],
      );
    });

    it('describes a character without a role by the start of the description', () => {
      const { items } = complete(lines(HEADING, '', 'BET$0'));
      assert.deepEqual(items.map((i) => [i.label, i.detail]), [['BETTE', "Delia Whitlaw's younger sister"]]);
    });

    it('offers no cue in a scene heading or inside a note', () => {
      assert.deepEqual(labels(lines(HEADING, '', 'INT. CAS$0')), []);
      assert.deepEqual(labels(lines(HEADING, '', '[[CAS$0]]')), []);
    });

    it('reads capitals after a non-blank line as a name in prose, offered in capitals', () => {
      assert.deepEqual(labels(lines(HEADING, '', 'BETTE', 'CAS$0')), ['CASSIE', 'CASSIE SHORE']);
      assert.deepEqual(labels(lines(HEADING, '', 'MONIQUE D$0 (50s) enters.')), ['MONIQUE DUBOIS']);
    });
  });

  describe('in prose', () => {
    it('completes a capitalised word to the canon name it begins, replacing the word', () => {
      const { items, text } = complete(lines(HEADING, '', 'She turns. Ram$0 is in the doorway.'));
      assert.deepEqual(
        items.map((i) => [i.label, textOf(text, i.replace)]),
        [['Ramon', 'Ram']],
      );
    });

    it('completes a surname after the first name, replacing both words', () => {
      const { items, text } = complete(lines(HEADING, '', 'Monique D$0'));
      assert.deepEqual(
        items.map((i) => [i.label, textOf(text, i.replace)]),
        [['Monique Dubois', 'Monique D']],
      );
    });

    it('offers a first name before the full name, and a surname the pack keeps apart', () => {
      assert.deepEqual(labels(lines(HEADING, '', 'BETTE', 'Where is Cas$0?')), ['Cassie', 'Cassie Shore']);
      assert.deepEqual(labels(lines(HEADING, '', 'Bette Wh$0')), ['Bette Whitlaw']);
    });

    it('puts characters the script already cues first among names that fit', () => {
      const cast = new Cast(packOf('[{ id: mia, name: Mia Cole }, { id: mike, name: Mike Ross }]'));
      const complete = (order: string[]): string[] => {
        const { text, offset } = withCursor(lines(HEADING, '', 'Behind her, Mi$0'));
        return canonNameCompletions(parse(text), offset, cast, order, notCancelled).map((i) => i.label);
      };
      assert.deepEqual(complete([]), ['Mia', 'Mike', 'Mia Cole', 'Mike Ross']);
      assert.deepEqual(complete(['KAI', 'MIKE']), ['Mike', 'Mike Ross', 'Mia', 'Mia Cole']);
    });

    it('stays quiet on ordinary words at the start of a sentence and on lower case', () => {
      assert.deepEqual(labels(lines(HEADING, '', 'The$0')), []);
      assert.deepEqual(labels(lines(HEADING, '', 'She turns. She$0')), []);
      assert.deepEqual(labels(lines(HEADING, '', 'She turns to ram$0')), []);
    });
  });

  it('returns nothing once cancelled', () => {
    const { text, offset } = withCursor(lines(HEADING, '', 'NEV$0'));
    assert.deepEqual(canonNameCompletions(parse(text), offset, canon().cast, [], { isCancellationRequested: true }), []);
  });
});
