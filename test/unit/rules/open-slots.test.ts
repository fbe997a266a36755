import * as assert from 'assert';
import { checkFountain } from '../../support/check';
import { smallPack } from '../../support/small-pack';

/**
 * Two fans (King Lear, Othello) wrote phrasings whose every slot is open to anyone, since both
 * roles have a participant fact: "{wounder} wound {wounded}". Such a phrasing tells its event only
 * where narration names someone canon has in it, so one wounding is not read as another.
 */
const PACK = `
canon: 1
id: harbour
name: The Harbour
characters:
  - { id: cassian, name: Cassian Rowe, pronouns: he/him }
  - { id: montan, name: Montan Hale, pronouns: he/him }
  - { id: rodrik, name: Rodrik Vale, pronouns: he/him }
  - { id: iagan, name: Iagan Crewe, pronouns: he/him }
events:
  - id: brawl
    name: Cassian wounds Montan in the brawl
    participants: { wounder: cassian, wounded: montan }
    phrasings: ["{wounder} wound {wounded}"]
  - id: street
    name: Cassian wounds Rodrik in the street
    participants: { wounder: cassian, wounded: rodrik }
    phrasings: ["{wounder} wound {wounded}"]
facts:
  - { id: f1, event: brawl, role: wounder, character: cassian, statement: Cassian wounded Montan }
  - { id: f2, event: brawl, role: wounded, character: montan, statement: Montan was wounded in the brawl }
  - { id: f3, event: street, role: wounder, character: cassian, statement: Cassian wounded Rodrik }
  - { id: f4, event: street, role: wounded, character: rodrik, statement: Rodrik was wounded in the street }
`;

const pack = smallPack(PACK, 'harbour.canon.yaml');

const found = (text: string): string[] => checkFountain(`EXT. QUAY - NIGHT\n\n${text}\n`, { pack })
  .filter((f) => f.code.startsWith('continuity.')).map((f) => `${f.code} ${f.message.split(' Canon')[0]}`);

describe('phrasings whose every slot is open to anyone', () => {
  it('read each wounding as the event whose people narration names, with no wrong-participant warning', () => {
    assert.deepStrictEqual(found('Cassian wounds Montan on the quay.'), []);
    assert.deepStrictEqual(found('Cassian wounds Rodrik in the street.'), []);
  });

  it('still blame the wrong hand where one person canon has is named', () => {
    assert.deepStrictEqual(found('Iagan wounds Montan on the quay.'), ['continuity.participant In canon Cassian wounded Montan, not Iagan.']);
  });

  it('read a wounding with nobody in the role canon gives them as neither event', () => {
    assert.deepStrictEqual(found('Montan wounds Iagan on the quay.'), []);
  });
});
