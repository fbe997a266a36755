import * as assert from 'assert';
import { checkFountain } from '../../support/check';

function modeFindings(titlePage: string): string[] {
  return checkFountain(`${titlePage}\n\nINT. STUDIO - DAY\n\nBette stretches at the barre.\n`)
    .filter((f) => f.code === 'conventions.canon-mode')
    .map((f) => f.message);
}

describe('conventions.canon-mode: a title page Canon: value that names no mode', () => {
  it('tells the writer the story is checked as compliant, and what the values are', () => {
    assert.deepStrictEqual(modeFindings('Title: Pas de Deux\nCanon: othello'), [
      '“Canon: othello” is not a way a story stands to canon, so it is checked as compliant. Write Canon: compliant (follows canon), Canon: AU (continuity checks off) or Canon: divergent (checks turn to hints after a [[diverge: ...]] note).',
    ]);
  });

  it('stays quiet for every value the modes are written as', () => {
    for (const value of ['compliant', 'Canon-compliant', 'AU', 'Alternate Universe', 'divergent', 'canon divergent', 'fix-it']) {
      assert.deepStrictEqual(modeFindings(`Title: Pas de Deux\nCanon: ${value}`), [], value);
    }
    assert.deepStrictEqual(modeFindings('Title: Pas de Deux'), []);
  });
});
