import * as assert from 'assert';
import { loadPack } from '../../../server/core/canon/load';
import { lineCodes, smallPack } from '../../support/small-pack';

/**
 * Siblings a pack marks `twins: true` are neither of them older: narration that makes one the
 * elder, however it says it, contradicts canon; and a pack cannot say both `twins` and `older`.
 */
const PACK = `
canon: 1
id: illyria
name: Illyria
characters:
  - id: viola
    name: Viola
    pronouns: she/her
  - id: sebastian
    name: Sebastian
    pronouns: he/him
  - id: olivia
    name: Olivia
    pronouns: she/her
relations:
  - id: the-twins
    kind: sibling
    between: [viola, sebastian]
    twins: true
`;

const pack = smallPack(PACK, 'illyria.canon.yaml');

const codes = lineCodes(pack);

describe('twins', () => {
  it('warns where narration makes one of them older', () => {
    assert.deepStrictEqual(codes(['EXT. SHORE - DAY', '', 'Viola runs to her older brother Sebastian.', '']), ['2 continuity.family']);
    assert.deepStrictEqual(codes(['EXT. SHORE - DAY', '', 'Viola is older than Sebastian by a year.', '']), ['2 continuity.family']);
    assert.deepStrictEqual(codes(['EXT. SHORE - DAY', '', 'Viola weeps on the sand. Sebastian, her elder by three summers, carries her home.', '']),
      ['2 continuity.family']);
  });

  it('stays quiet where nobody is made older', () => {
    assert.deepStrictEqual(codes(['EXT. SHORE - DAY', '', 'Viola runs to her brother Sebastian.', '']), []);
    assert.deepStrictEqual(codes(['EXT. SHORE - DAY', '', 'Olivia weeps on the sand. Sebastian, her elder by three summers, carries her home.', '']), []);
  });

  it('says in its lint that twins are neither of them older', () => {
    const result = loadPack(PACK.replace('    twins: true', '    twins: true\n    older: viola'), 'illyria.canon.yaml', () => undefined);
    assert.deepStrictEqual(result.problems.map((p) => p.message), ["relation 'the-twins': twins are neither of them older; drop 'older' or 'twins'"]);
  });
});
