import * as assert from 'node:assert/strict';
import { notCancelled } from '../../../server/core/cancellation';
import { editDistance } from '../../../server/core/distance';
import { closeEnough, rule } from '../../../server/core/rules/names-near-miss';
import { lines, run, scriptOf } from './support';
import { checkRule } from '../../../server/core/incremental/rule-memo';

const HEADING = 'INT. ARCHER SCHOOL - STUDIO A - DAY';

describe('names.near-miss', () => {
  it('is a warning with its stable id', () => {
    assert.equal(rule.id, 'names.near-miss');
    assert.equal(rule.defaultSeverity, 'warning');
  });

  it('flags a misspelling the pack lists, in action, saying who the name is, with one preferred fix', () => {
    const found = run(rule, lines(HEADING, '', 'Nevaeh laces her pointe shoes.'));
    assert.deepEqual(found, [
      {
        text: 'Nevaeh',
        message:
          "‘Nevaeh’ is not the canon spelling: Neveah (Neveah, suspected of the push because she got to take Cassie's place after the fall)",
        fixes: ['Change to ‘Neveah’ (preferred): Nevaeh -> Neveah', 'Keep this spelling: add ‘Nevaeh’ to Spellings: on the title page:  -> Spellings: Nevaeh\n\n'],
      },
    ]);
  });

  it('keeps the writer’s capitals when a listed misspelling is a cue', () => {
    const found = run(rule, lines(HEADING, '', 'NAVEAH', 'Again. From the top.'));
    assert.deepEqual(
      found.map((f) => [f.text, f.fixes]),
      [['NAVEAH', ['Change to ‘NEVEAH’ (preferred): NAVEAH -> NEVEAH', 'Keep this spelling: add ‘NAVEAH’ to Spellings: on the title page:  -> Spellings: NAVEAH\n\n']]],
    );
  });

  it('flags cue names a letter off a canon cue, in capitals', () => {
    const found = run(rule, lines(HEADING, '', 'DELLIA', 'You look tired.', '', 'RAMONE (O.S.)', 'She always does.'));
    assert.deepEqual(found, [
      {
        text: 'DELLIA',
        message: "‘DELLIA’ is not a canon name: did you mean DELIA (Delia Whitlaw, Bette's older sister)?",
        fixes: ['Change to ‘DELIA’ (preferred): DELLIA -> DELIA', 'Keep this spelling: add ‘DELLIA’ to Spellings: on the title page:  -> Spellings: DELLIA\n\n'],
      },
      {
        text: 'RAMONE',
        message:
          '‘RAMONE’ is not a canon name: did you mean RAMON (Ramon, Archer School graduate and professional choreographer)?',
        fixes: ['Change to ‘RAMON’ (preferred): RAMONE -> RAMON', 'Keep this spelling: add ‘RAMONE’ to Spellings: on the title page:  -> Spellings: RAMONE\n\n'],
      },
    ]);
  });

  it('reads only a cue’s name, not its extension: a misspelling there is not a name', () => {
    const found = run(rule, lines(HEADING, '', 'BETTE (NAVEAH’S PHONE)', 'Pick up.', '', 'CASSIE', 'Naveah, wait!'));
    assert.deepEqual(found.map((f) => f.text), ['Naveah']);
  });

  it('flags near-misses in action and dialogue, fixing them in the canon’s own case', () => {
    const found = run(rule, lines(HEADING, '', 'Ramone watches from the door.', '', 'CASSIE', 'Dellia, wait!'));
    assert.deepEqual(
      found.map((f) => [f.text, f.fixes[0]]),
      [
        ['Ramone', 'Change to ‘Ramon’ (preferred): Ramone -> Ramon'],
        ['Dellia', 'Change to ‘Delia’ (preferred): Dellia -> Delia'],
      ],
    );
  });

  it('flags Betty and Bettie for Bette: a classic slip, even though Betty is a real name', () => {
    const found = run(rule, lines(HEADING, '', 'Betty stretches at the barre. Bettie yawns.'));
    assert.deepEqual(
      found.map((f) => [f.text, f.message]),
      [
        ['Betty', "‘Betty’ is not a canon name: did you mean Bette (Bette, Delia Whitlaw's younger sister)?"],
        ['Bettie', "‘Bettie’ is not a canon name: did you mean Bette (Bette, Delia Whitlaw's younger sister)?"],
      ],
    );
  });

  it('stays quiet on correct spellings, possessives and cue extensions', () => {
    const text = lines(
      HEADING,
      '',
      "Delia's bag lies open. Neveah, Bette and Monique Dubois watch Cassie Shore.",
      '',
      'CASSIE (V.O.)',
      'I remember the roof.',
      '',
      "CASSIE (CONT'D)",
      'And Ramon.',
    );
    assert.deepEqual(run(rule, text), []);
  });

  it('stays quiet on original characters far from every canon name', () => {
    const text = lines(HEADING, '', 'KAI', 'Where is Madison?', '', 'MADISON', 'Here.', '', 'JUNE', 'Oren said so.', '', 'OREN', 'I did.');
    assert.deepEqual(run(rule, text), []);
  });

  it('stays quiet on English words a letter off a name, at the start of a sentence', () => {
    const text = lines(HEADING, '', 'Delta Airlines posters. Shame burns in her.', '', 'BETTE', 'Better luck next time. Ramen?');
    assert.deepEqual(run(rule, text), []);
  });

  it('takes a capitalised word the script also writes in lower case for English', () => {
    const text = lines(HEADING, '', 'Delis line the block outside.', '', 'BETTE', 'I hate delis.');
    assert.deepEqual(run(rule, text), []);
  });

  it('leaves an original character cued consistently, whose canon look-alike never appears, alone', () => {
    const text = lines(HEADING, '', 'DELLA', 'Ready?', '', 'KAI', 'Ready.', '', 'DELLA', 'Go.', '', 'Della spins.');
    assert.deepEqual(run(rule, text), []);
  });

  it('leaves a character of the script’s own alone when the canon look-alike is in the script too', () => {
    const text = lines(HEADING, '', 'DELLA', 'Ready?', '', 'DELLA', 'Go.', '', 'Delia watches Della spin.');
    assert.deepEqual(run(rule, text), []);
  });

  it('flags a slip among correct spellings: one DELLA among DELIA cues', () => {
    const text = lines(HEADING, '', 'DELIA', 'Ready?', '', 'DELLA', 'Go.', '', 'DELIA', 'Now.');
    assert.deepEqual(run(rule, text).map((f) => f.text), ['DELLA']);
  });

  it('reads a name in the plural as the name, not a slip: "a row of little Delias"', () => {
    const text = lines(HEADING, '', 'A row of little Delias in pink tights. Two Ramons would be worse.');
    assert.deepEqual(run(rule, text), []);
  });

  it('leaves an original character introduced in capitals with a surname canon lacks alone: BETTANY CRUZ (17)', () => {
    const text = lines(HEADING, '', 'BETTANY CRUZ (17) laces her shoes.', '', 'Bettany looks up.');
    assert.deepEqual(run(rule, text), []);
  });

  it('never matches names of three letters or fewer, and no four-letter name by a changed letter', () => {
    assert.equal(closeEnough('ramo', 'ram'), false);
    assert.equal(closeEnough('jane', 'june'), false);
    assert.equal(closeEnough('jnue', 'june'), true);
    assert.equal(closeEnough('junee', 'june'), true);
    assert.equal(closeEnough('delila', 'delia'), true);
    assert.equal(closeEnough('monqiue', 'monique'), true);
    assert.equal(closeEnough('monica', 'monique'), false);
  });

  it('counts a swap of neighbouring letters as one edit', () => {
    assert.equal(editDistance('nevaeh', 'neveah'), 1);
    assert.equal(editDistance('dubios', 'dubois'), 1);
    assert.equal(editDistance('madison', 'monique'), 5);
    assert.equal(editDistance('', 'kai'), 3);
  });

  it('returns nothing once cancelled', () => {
    const script = scriptOf(lines(HEADING, '', 'Nevaeh waits.'));
    assert.deepEqual(checkRule(rule, script, { isCancellationRequested: true }), []);
    assert.equal(checkRule(rule, script, notCancelled).length, 1);
  });
});
