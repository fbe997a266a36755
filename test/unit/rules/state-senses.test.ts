import * as assert from 'assert';
import { checkFountain } from '../../support/check';
import { smallPack } from '../../support/small-pack';

/**
 * A state that takes a sense away (`forbids: [see]`, `forbids: [hear]`), as a fan writing a pack
 * for a blinded or deafened character needs it: a small pack of its own.
 */
const PACK = `
canon: 1
id: tower
name: The Tower
characters:
  - id: aldo
    name: Aldo Vance
    pronouns: he/him
  - id: mira
    name: Mira Vance
    pronouns: she/her
events:
  - id: blinding
    name: Aldo is blinded
    phrasings: ["{aldo} be blind"]
  - id: bells
    name: The bells deafen Mira
    phrasings: ["bells deafen {mira}"]
states:
  - id: aldo-blind
    character: aldo
    label: blind
    from: blinding
    forbids: [see]
  - id: mira-deaf
    character: mira
    label: deaf
    from: bells
    forbids: hear
    allows: [overhear]
`;

const pack = smallPack(PACK, 'tower.canon.yaml');

const senses = (sentence: string): string[] => checkFountain(`INT. TOWER - NIGHT\n\n[[canon: after the bells deafen Mira]]\n\n${sentence}\n`, { pack })
  .filter((f) => f.code === 'continuity.state-senses').map((f) => f.message.split(' Canon')[0]);

describe('continuity.state-senses: a sense a canon state takes away', () => {
  it('warns where the blinded man reads or watches, once per paragraph', () => {
    assert.deepStrictEqual(senses('Aldo unfolds the letter and holds it to the window. He reads it twice, and watches the road.'), [
      'He reads, but Aldo is blind (from Aldo is blinded) and cannot see.',
    ]);
    assert.deepStrictEqual(senses('Aldo watches the gate.'), ['Aldo watches, but Aldo is blind (from Aldo is blinded) and cannot see.']);
  });

  it('leaves alone what a blind man does without his eyes, and what is not happening now', () => {
    assert.deepStrictEqual(senses('Aldo turns his face toward the sea and listens.'), []);
    assert.deepStrictEqual(senses('Aldo never reads again.'), []);
    assert.deepStrictEqual(senses('Aldo wishes he could read her letter.'), []);
  });

  it('warns where the deafened woman hears, but not what the state allows', () => {
    assert.deepStrictEqual(senses('Mira hears the gate bang.'), ['Mira hears, but Mira is deaf (from The bells deafen Mira) and cannot hear.']);
    assert.deepStrictEqual(senses('Mira overhears nothing.'), []);
    assert.deepStrictEqual(senses('Mira reads his lips.'), []);
  });
});
