import * as assert from 'assert';
import { lineCodes, smallPack } from '../../support/small-pack';

/**
 * An event the story tells while canon has someone asleep, where the story never told them fall
 * asleep and the scene has them speak on both sides of it: the scene shows them awake, and the
 * clock does not put them to sleep (a generic phrasing read as the wrong event did). A sleep the
 * story told, or a sleeper the scene never showed awake, is still canon's.
 */
const PACK = `
canon: 1
id: lantern
name: The Lantern Inn
characters:
  - id: nell
    name: Nell Garrow
    pronouns: she/her
  - id: tam
    name: Tam Reed
    pronouns: he/him
events:
  - id: drugged
    name: Tam drugs Nell's cup
    phrasings: ["{tam} drug * cup"]
  - id: search
    name: Tam searches the strongbox
    participants: { searcher: tam }
    phrasings: ["{searcher} open * strongbox"]
  - id: nell-wakes
    name: Nell wakes
    phrasings: ["{nell} wake up"]
states:
  - id: nell-asleep
    character: nell
    label: asleep (drugged)
    from: drugged
    until: nell-wakes
    forbids: [speak, act]
`;

const pack = smallPack(PACK, 'lantern.canon.yaml');

const codes = lineCodes(pack);

describe('a scene that shows someone awake', () => {
  it('does not put to sleep someone who speaks before and after an event told while canon has them asleep', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'NELL', 'Bring the lamp.', '', 'Tam opens the strongbox.', '', 'NELL', 'What is in it?', '',
      'Nell takes the lamp from him.', '']), []);
  });

  it('warns where the story told the sleep', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs her cup.', '', 'NELL', 'Bring the lamp.', '']), ['4 continuity.state-speaks']);
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam drugs Nell\'s cup.', '', 'INT. INN - LATER', '', 'NELL', 'Bring the lamp.', '',
      'Tam opens the strongbox.', '', 'NELL', 'What is in it?', '']), ['6 continuity.state-speaks']);
  });

  it('warns a sleeper the scene never showed awake before the event', () => {
    assert.deepStrictEqual(codes(['INT. INN - NIGHT', '', 'Tam opens the strongbox.', '', 'NELL', 'What is in it?', '']), ['4 continuity.state-speaks']);
  });
});
