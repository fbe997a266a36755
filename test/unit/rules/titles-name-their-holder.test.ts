import * as assert from 'assert';
import { lineCodes, smallPack } from '../../support/small-pack';

/**
 * A title only one character ever holds names them as a name does ("the Fairy Queen wakes" is
 * Titania waking), except where it says what someone is ("Hippolyta, the Fairy Queen"), which the
 * role rule reads; a title that passes from one holder to another names nobody. A small pack of its own.
 */
const PACK = `
canon: 1
id: bower
name: The Bower
characters:
  - id: titania
    name: Titania
    pronouns: she/her
    roles: [fairy-queen, { role: queen, until: abdication }]
  - id: oberon
    name: Oberon
    pronouns: he/him
  - id: hippolyta
    name: Hippolyta
    pronouns: she/her
    roles: [{ role: queen, from: abdication }]
  - id: theseus
    name: Theseus
    pronouns: he/him
roles:
  - id: fairy-queen
    terms: [fairy queen, queen of the fairies]
    exclusive: true
  - id: queen
    terms: [queen]
    exclusive: true
events:
  - id: anointing
    name: Oberon anoints Titania
    phrasings: ["{oberon} anoint {titania}"]
  - id: titania-loves
    name: Titania wakes and loves the weaver
    phrasings: ["{titania} wake * love"]
  - id: abdication
    name: Titania gives up her crown
    phrasings: ["{titania} abdicate"]
states:
  - id: titania-asleep
    character: titania
    label: asleep
    from: anointing
    until: titania-loves
    forbids: [speak, act]
`;

const pack = smallPack(PACK, 'bower.canon.yaml');

const codes = lineCodes(pack);

describe('a title with one holder', () => {
  it('names its holder: the Fairy Queen wakes, so Titania may speak', () => {
    assert.deepStrictEqual(codes(['EXT. BOWER - NIGHT', '', 'Oberon anoints Titania and is gone.', '', 'Far off, the Fairy Queen opens her eyes.', '',
      'TITANIA', 'What angel wakes me?', '']), []);
    assert.deepStrictEqual(codes(['EXT. BOWER - NIGHT', '', 'Oberon anoints Titania and is gone.', '', 'TITANIA', 'What angel wakes me?', '']),
      ['4 continuity.state-speaks']);
  });

  it('stays a role where it says what someone is', () => {
    assert.deepStrictEqual(codes(['EXT. BOWER - NIGHT', '', 'Hippolyta, the Fairy Queen, dances.', '']), ['2 continuity.role']);
  });

  it('names nobody where the title passes from one holder to another', () => {
    assert.deepStrictEqual(codes(['EXT. BOWER - NIGHT', '', 'Oberon anoints Titania and is gone.', '', 'Far off, the Queen opens her eyes.', '',
      'TITANIA', 'What angel wakes me?', '']), ['6 continuity.state-speaks']);
  });
});
