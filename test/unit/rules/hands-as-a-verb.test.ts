import * as assert from 'assert';
import { continuityCodes, smallPack } from '../../support/small-pack';

/**
 * "hands" after a person is their verb ("Quince hands out the parts"), not someone unseen ("hands
 * grab her from behind"): a pack's phrasing with the verb "hand" matches it. A small pack of its own.
 */
const PACK = `
canon: 1
id: players
name: The Players
characters:
  - id: quince
    name: Peter Quince
    pronouns: he/him
  - id: bottom
    name: Nick Bottom
    pronouns: he/him
  - id: flute
    name: Francis Flute
    pronouns: he/him
events:
  - id: hand-fasting
    name: Quince takes Flute's hand
    participants: { taker: quince, taken: flute }
    phrasings: ["{taker} take {taken} 's hand", "{taker} take {taken} hand"]
  - id: casting
    name: Quince gives out the parts
    participants: { giver: quince }
    phrasings: ["{giver} hand out * part", "{giver} give out * part"]
facts:
  - id: quince-takes
    kind: participant
    statement: Quince took Flute's hand
    event: hand-fasting
    role: taker
    character: quince
  - id: quince-casts
    kind: participant
    statement: Quince gave out the parts
    event: casting
    role: giver
    character: quince
`;

const pack = smallPack(PACK, 'players.canon.yaml');

const codes = (text: string): string[] => continuityCodes(text, pack);

describe('"hands" as a verb', () => {
  it('reads the verb of the person before it', () => {
    assert.deepStrictEqual(codes('INT. HOUSE - NIGHT\n\nBottom hands out the parts.\n'), ['2 continuity.participant']);
    assert.deepStrictEqual(codes('INT. HOUSE - NIGHT\n\nQuince hands out the parts.\n'), []);
  });

  it('matches a phrasing that names the hand itself', () => {
    assert.deepStrictEqual(codes('INT. HOUSE - NIGHT\n\nBottom takes Flute\'s hand.\n'), ['2 continuity.participant']);
    assert.deepStrictEqual(codes('INT. HOUSE - NIGHT\n\nQuince takes Flute\'s hand.\n'), []);
  });
});
