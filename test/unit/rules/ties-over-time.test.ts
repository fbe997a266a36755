import * as assert from 'assert';
import { loadPack } from '../../../server/core/canon/load';
import { lineCodes, smallPack } from '../../support/small-pack';

/**
 * A tie that begins at an event (`from: wedding`) is truly denied before it and contradicted
 * after it: "never married" of someone canon has married by an event the story is certainly
 * past, with or without the spouse named; and a pack cannot end a tie before it begins.
 */
const PACK = `
canon: 1
id: verona
name: Verona
characters:
  - id: romeo
    name: Romeo
    pronouns: he/him
  - id: juliet
    name: Juliet
    pronouns: she/her
  - id: laurence
    name: Friar Laurence
    first: none
    pronouns: he/him
relations:
  - id: romeo-juliet
    kind: married
    between: [romeo, juliet]
    from: wedding
events:
  - id: balcony
    name: The balcony
    phrasings: ["{romeo} climb * orchard wall"]
  - id: wedding
    name: Friar Laurence marries Romeo and Juliet
    phrasings: ["{laurence} marry {romeo} and {juliet}"]
  - id: banishment
    name: Romeo is banished
    phrasings: ["{romeo} be banish"]
`;

const pack = smallPack(PACK, 'verona.canon.yaml');

const codes = lineCodes(pack);

describe('ties over time', () => {
  it('warns a denial of the marriage once the story is past the wedding', () => {
    assert.deepStrictEqual(codes(['INT. CELL - DAY', '', 'Friar Laurence marries Romeo and Juliet.', '', 'INT. TOMB - NIGHT', '',
      'Juliet, thirteen and never married, drops to her knees.', '']), ['6 continuity.relationship']);
    assert.deepStrictEqual(codes(['INT. CELL - DAY', '', 'Romeo is banished.', '', 'Romeo and Juliet were never married.', '']), ['4 continuity.relationship']);
  });

  it('stays quiet before the wedding, or where the story is not placed', () => {
    assert.deepStrictEqual(codes(['EXT. ORCHARD - NIGHT', '', 'Romeo climbs the orchard wall.', '', 'Juliet, thirteen and never married, leans on the balcony.', '']), []);
    assert.deepStrictEqual(codes(['EXT. ORCHARD - NIGHT', '', 'Romeo climbs the orchard wall.', '', 'Romeo and Juliet were never married.', '']), []);
    assert.deepStrictEqual(codes(['EXT. ORCHARD - NIGHT', '', 'Juliet, thirteen and never married, leans on the balcony.', '']), []);
  });

  it('says in its lint that a tie cannot end before it begins', () => {
    const result = loadPack(PACK.replace('    from: wedding', '    from: wedding\n    until: balcony'), 'verona.canon.yaml', () => undefined);
    assert.deepStrictEqual(result.problems.map((p) => p.message), ["relation 'romeo-juliet' ends at 'balcony', which is not after 'wedding' where it begins"]);
  });
});
