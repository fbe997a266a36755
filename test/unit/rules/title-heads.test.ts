import * as assert from 'assert';
import { lineCodes, smallPack } from '../../support/small-pack';

/**
 * "The King" for the King of Naples: the head of a title only one character holds names that
 * character where no other role's term starts with the same word, and owns what follows as a name
 * does ("Antonio, the King's brother"). "The King of France" is someone else.
 */
const PACK = `
canon: 1
id: isle
name: The Isle
characters:
  - id: alonso
    name: Alonso
    pronouns: he/him
    siblings-known: true
    roles: [king-of-naples]
  - id: sebastian
    name: Sebastian
    pronouns: he/him
  - id: antonio
    name: Antonio
    pronouns: he/him
  - id: gonzalo
    name: Gonzalo
    pronouns: he/him
    roles: [counsellor]
relations:
  - id: alonso-sebastian
    kind: sibling
    between: [alonso, sebastian]
roles:
  - id: king-of-naples
    terms: [King of Naples]
    exclusive: true
  - id: counsellor
    terms: [Counsellor of Naples, Counsellor]
    exclusive: true
`;

const pack = smallPack(PACK, 'isle.canon.yaml');

const codes = lineCodes(pack);

describe('the head of a title', () => {
  it('names the one holder and owns what follows', () => {
    assert.deepStrictEqual(codes(['EXT. SHORE - DAY', '', 'Antonio, the King\'s brother, draws first.', '']), ['2 continuity.family']);
    assert.deepStrictEqual(codes(['EXT. SHORE - DAY', '', 'The King\'s brother Antonio draws first.', '']), ['2 continuity.family']);
    assert.deepStrictEqual(codes(['EXT. SHORE - DAY', '', 'Sebastian, the King\'s brother, draws first.', '']), []);
  });

  it('names nobody where it is followed by another place, or another role shares the word', () => {
    assert.deepStrictEqual(codes(['EXT. SHORE - DAY', '', 'Antonio, the King of France\'s brother, draws first.', '']), []);
    assert.deepStrictEqual(codes(['EXT. SHORE - DAY', '', 'Antonio, the Counsellor\'s brother, draws first.', '']), []);
  });
});
