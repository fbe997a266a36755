import * as assert from 'assert';
import { checkFountain } from '../../support/check';

/** A cleft sentence names who does it right after "it is", whatever aside stands before its "who". */
describe('a cleft sentence', () => {
  const roof = 'EXT. ARCHER SCHOOL OF BALLET - ROOF - NIGHT\n\n';
  const participants = (line: string): string[] =>
    checkFountain(`${roof}${line}\n`).filter((f) => f.code === 'continuity.participant').map((f) => f.message.replace(/\. Canon:.*/, ''));

  it('gives the deed to the one named after "it is", past an aside', () => {
    assert.deepStrictEqual(participants("It is Ramon, in the dark and the rain, who pushes Cassie off the roof."),
      ['In canon Delia pushed Cassie off the roof, not Ramon']);
  });

  it('says nothing where the one named is canon’s', () => {
    assert.deepStrictEqual(participants("It is Delia, in the dark and the rain, who pushes Cassie off the roof."), []);
  });
});
