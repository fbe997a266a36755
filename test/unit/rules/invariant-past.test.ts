import * as assert from 'assert';
import { lineCodes, smallPack } from '../../support/small-pack';

/**
 * A verb whose past is its base form ("split", "cut", "hit") is past by agreement after one thing
 * or person ("when the ship split"), and the verb of a phrasing that starts with a noun ("ship
 * split") is its second word: a time clause about the wreck, told after the rescue in a script
 * written in the present, recounts it; "the ship splits" narrates it now.
 */
const PACK = `
canon: 1
id: coast
name: The Coast
characters:
  - id: seb
    name: Sebastian
    pronouns: he/him
  - id: antonio
    name: Antonio
    pronouns: he/him
events:
  - id: wreck
    name: The ship splits on the rocks
    phrasings: ["ship split", "ship sink"]
  - id: rescue
    name: Antonio pulls Sebastian from the sea
    phrasings: ["{antonio} pull {seb} from * sea"]
`;

const pack = smallPack(PACK, 'coast.canon.yaml');

const codes = lineCodes(pack);

describe('a verb whose past is its base form', () => {
  it('recounts in a time clause after one thing, in a script told in the present', () => {
    assert.deepStrictEqual(codes(['EXT. SHORE - DAY', '', 'Antonio pulls Sebastian from the sea and carries him up the beach.', '',
      'Sebastian unties the purse that was sewn into his doublet when the ship split, and presses it into Antonio\'s hand.', '']), []);
  });

  it('narrates now where it takes the present\'s -s', () => {
    assert.deepStrictEqual(codes(['EXT. SHORE - DAY', '', 'Antonio pulls Sebastian from the sea and carries him up the beach.', '',
      'Out on the rocks the ship splits in two.', '']), ['4 continuity.event-order']);
  });
});
