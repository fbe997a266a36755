import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { hover, relationLine, type ClockAt } from '../../../server/core/features/hover';
import type { Relation } from '../../../server/core/canon/model';
import { lines, packOf, scriptOf, textOf, withCursor } from './support';

const HEADING = 'INT. ARCHER SCHOOL - ROOF - NIGHT';

function hoverAt(fixture: string, clockAt?: ClockAt): { text: string; markdown: string } | undefined {
  const { text, offset } = withCursor(fixture);
  const found = hover(scriptOf(text), offset, clockAt, notCancelled);
  return found && { text: textOf(text, found.span), markdown: found.markdown };
}

describe('character hover', () => {
  it('shows the card of a name in action: name, pronouns, role, relations and two short quotes', () => {
    assert.deepEqual(hoverAt(lines(HEADING, '', 'Ra$0mon lights a cigarette.')), {
      text: 'Ramon',
      markdown: [
        '**Ramon** · he/him',
        'Archer School graduate and professional choreographer',
        '- Was in a relationship with Delia\n- Had an affair with Cassie\n- Kissed Bette\n- Had an affair with Monique',
        '> Ramon is an ex-student at The Archer School of Ballet where he excelled.',
        '> After graduating from the Archer School, Ramon became a professional visionary choreographer with showcases all around the world.',
      ].join('\n\n'),
    });
  });

  it('phrases relations from the hovered side: older sister, kissed by', () => {
    const delia = hoverAt(lines(HEADING, '', 'Delia$0 waits.'))?.markdown ?? '';
    assert.match(delia, /^- Older sister of Bette\n- Was in a relationship with Ramon$/m);
    const bette = hoverAt(lines(HEADING, '', 'BETTE$0', 'Go away.'))?.markdown ?? '';
    assert.match(bette, /^- Younger sister of Delia\n- Was kissed by Ramon$/m);
  });

  it('cuts a long quote at a word, with an ellipsis', () => {
    const cassie = hoverAt(lines(HEADING, '', 'Cassie$0 climbs.'))?.markdown ?? '';
    assert.ok(
      cassie.includes('> One of the major mysteries that surround season 1 of the show is that someone has viciously pushed one of the ballet students at the academy, Cassie Shore off…'),
      cassie,
    );
  });

  it('works on a cue with extensions, covering the name only', () => {
    const found = hoverAt(lines(HEADING, '', "MONIQUE (CONT'D$0)", 'Again.'));
    assert.equal(found, undefined, 'the extension is not the name');
    assert.equal(hoverAt(lines(HEADING, '', "MONI$0QUE (CONT'D)", 'Again.'))?.text, 'MONIQUE');
  });

  it('says a misspelling is one, whether the pack lists it or not', () => {
    const listed = hoverAt(lines(HEADING, '', 'Nev$0aeh watches.'));
    assert.equal(listed?.text, 'Nevaeh');
    assert.match(listed?.markdown ?? '', /^\*\*Neveah\*\* \(misspelled\) · she\/her\n/);
    const unlisted = hoverAt(lines(HEADING, '', 'DELL$0IA', 'You again.'));
    assert.equal(unlisted?.text, 'DELLIA');
    assert.match(unlisted?.markdown ?? '', /^\*\*Delia Whitlaw\*\* \(misspelled\) · she\/her\n/);
  });

  it('says what state the story clock puts the character in here', () => {
    const clockAt: ClockAt = () => ({
      label: "after Cassie's fall",
      states: [
        { characterId: 'cassie', label: 'in a coma' },
        { characterId: 'bette', label: 'suspected' },
      ],
    });
    const cassie = hoverAt(lines(HEADING, '', 'Cassie$0 lies still.'), clockAt)?.markdown ?? '';
    assert.ok(cassie.includes("\n\n*At this point in the story:* in a coma (since Cassie's fall)\n\n"), cassie);
    const ramon = hoverAt(lines(HEADING, '', 'Ramon$0 waits.'), clockAt)?.markdown ?? '';
    assert.ok(!ramon.includes('At this point'), ramon);
  });

  it('shows nothing on a word that is no canon name, or on the script’s own characters', () => {
    assert.equal(hoverAt(lines(HEADING, '', 'The ro$0of is empty.')), undefined);
    assert.equal(hoverAt(lines(HEADING, '', 'KA$0I', 'Hey.')), undefined);
  });

  it('calls a sibling by pronouns where canon gives them, and sibling where it does not', () => {
    const pack = packOf('[{ id: sam, name: Sam Lee }, { id: alex, name: Alex Lee, pronouns: she/her }]');
    const relation: Relation = { id: 'lees', kind: 'sibling', between: ['sam', 'alex'], older: 'alex' };
    assert.equal(relationLine(pack, pack.characters[0], relation), 'Younger sibling of Alex');
    assert.equal(relationLine(pack, pack.characters[1], relation), 'Older sister of Sam');
  });

  it('reads a directed kind from both sides: the first of `between` is the second\u2019s KIND', () => {
    const pack = packOf('[{ id: giles, name: Friar Giles, pronouns: he/him }, { id: clara, name: Clara Ashby, pronouns: she/her }]');
    const relation: Relation = { id: 'giles-clara', kind: 'uncle', between: ['giles', 'clara'] };
    assert.equal(relationLine(pack, pack.characters[0], relation), 'Uncle of Clara');
    assert.equal(relationLine(pack, pack.characters[1], relation), 'Niece of Giles');
  });
});

describe('event hover', () => {
  it('says which canon event a sentence tells, and what the story makes of it', () => {
    const found = hoverAt(lines(HEADING, '', 'Delia pu$0shes Cassie off the roof.'));
    assert.equal(found?.text, 'Delia pushes Cassie');
    assert.match(found?.markdown ?? '', /^\*\*Canon event\*\* · Cassie's fall\n\nDelia pushes Cassie off the roof of the school;/);
    assert.match(found?.markdown ?? '', /Told here as it happens: the story stands after it from here on/);
    assert.match(found?.markdown ?? '', /Read with culprit: Delia Whitlaw, victim: Cassie Shore\.$/);
  });

  it('says when an event is only said in dialogue, and shows a name card on a name in it', () => {
    const said = hoverAt(lines(HEADING, '', 'CASSIE', 'It w$0as Bette.'));
    assert.match(said?.markdown ?? '', /Said in dialogue: what a character says is belief/);
    assert.match(hoverAt(lines(HEADING, '', 'Delia pushes Cas$0sie off the roof.'))?.markdown ?? '', /^\*\*Cassie Shore\*\*/);
  });

  it('shows nothing on a sentence that tells no canon event', () => {
    assert.equal(hoverAt(lines(HEADING, '', 'Delia wa$0its.')), undefined);
  });
});
