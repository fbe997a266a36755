import * as assert from 'node:assert/strict';
import { rule } from '../../../server/core/rules/names-wrong-surname';
import { lines, run } from './support';

const HEADING = 'INT. ARCHER SCHOOL - HALLWAY - NIGHT';

describe('names.wrong-surname', () => {
  it('is a warning with its stable id', () => {
    assert.equal(rule.id, 'names.wrong-surname');
    assert.equal(rule.defaultSeverity, 'warning');
  });

  it('flags a first name with another canon character’s surname, saying whose it is', () => {
    assert.deepEqual(run(rule, lines(HEADING, '', 'Bette Shore slams her locker.')), [
      {
        text: 'Shore',
        message: '‘Bette Shore’: Bette’s surname in canon is Whitlaw (Shore is Cassie’s)',
        fixes: ['Change to ‘Whitlaw’ (preferred): Shore -> Whitlaw'],
      },
    ]);
  });

  it('names every canon owner of a shared surname', () => {
    assert.deepEqual(run(rule, lines(HEADING, '', 'BETTE', 'Cassie Whitlaw? Never heard of her.')), [
      {
        text: 'Whitlaw',
        message: '‘Cassie Whitlaw’: Cassie’s surname in canon is Shore (Whitlaw is Bette’s and Delia’s)',
        fixes: ['Change to ‘Shore’ (preferred): Whitlaw -> Shore'],
      },
    ]);
  });

  it('leaves a name said as a name, that the next sentence calls "it", and flags the same name said of a person', () => {
    assert.deepEqual(run(rule, lines(HEADING, '', 'RAMON', 'Bette Shore. It has a ring.')), []);
    assert.deepEqual(run(rule, lines(HEADING, '', 'RAMON', "Bette Shore. That's what they'd call her.")), []);
    assert.equal(run(rule, lines(HEADING, '', 'RAMON', 'Bette Shore. She never listens.')).length, 1);
    assert.equal(run(rule, lines(HEADING, '', 'RAMON', 'Bette Shore said it.')).length, 1);
  });

  it('flags a slip of the character’s own surname', () => {
    assert.deepEqual(run(rule, lines(HEADING, '', 'Monique Dubios locks the office. Delia Whitlow waits.')), [
      {
        text: 'Dubios',
        message: '‘Monique Dubios’: Monique’s surname in canon is Dubois',
        fixes: ['Change to ‘Dubois’ (preferred): Dubios -> Dubois'],
      },
      {
        text: 'Whitlow',
        message: '‘Delia Whitlow’: Delia’s surname in canon is Whitlaw',
        fixes: ['Change to ‘Whitlaw’ (preferred): Whitlow -> Whitlaw'],
      },
    ]);
  });

  it('reads a cue, keeping its capitals, but not its extension', () => {
    const found = run(rule, lines(HEADING, '', 'BETTE SHORE (V.O.)', 'I was framed.'));
    assert.deepEqual(
      found.map((f) => [f.text, f.fixes]),
      [['SHORE', ['Change to ‘WHITLAW’ (preferred): SHORE -> WHITLAW']]],
    );
  });

  it('stays quiet on canon surnames, unknown surnames and words that merely follow a name', () => {
    const text = lines(
      HEADING,
      '',
      'Cassie Shore and Delia Whitlaw pass Bette Whitlaw. Cassie Nguyen, a new girl, follows.',
      '',
      'NEVEAH',
      'Ramon Costa? Bette. Shore up the barre, Cassie.',
      '',
      'Monique',
      'Dubois... no.',
    );
    assert.deepEqual(run(rule, text), []);
  });

  it('leaves characters canon gives no surname alone', () => {
    assert.deepEqual(run(rule, lines(HEADING, '', 'Neveah Shore and Ramon Whitlaw dance.')), []);
  });
});
