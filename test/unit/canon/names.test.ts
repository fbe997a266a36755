import * as assert from 'assert';
import { loadPack } from '../../../server/core/canon/load';
import { memoryResolver } from './support';

/** The first name, surname and cue a pack gives a character written as `entry`. */
function parts(entry: string): { first?: string; surname?: string; cue: string; title?: string } {
  const text = `canon: 1\nid: names\nname: Names\ncharacters:\n  - ${entry}\n`;
  const result = loadPack(text, 'names.canon.yaml', memoryResolver({}));
  assert.deepStrictEqual(result.problems.map((p) => p.message), []);
  const c = result.pack?.characters[0];
  assert.ok(c);
  return { first: c.first, surname: c.surname, cue: c.cue, title: c.title };
}

describe('names as fans write them', () => {
  it('keeps the plain defaults: first word, last word, first name as the cue', () => {
    assert.deepStrictEqual(parts('{ id: cassie, name: Cassie Shore }'), { first: 'Cassie', surname: 'Shore', cue: 'CASSIE', title: undefined });
    assert.deepStrictEqual(parts('{ id: ramon, name: Ramon }'), { first: 'Ramon', surname: undefined, cue: 'RAMON', title: undefined });
  });

  it('skips a title before a first name and a surname', () => {
    assert.deepStrictEqual(parts('{ id: sir-william, name: Sir William Lucas }'), { first: 'William', surname: 'Lucas', cue: 'WILLIAM', title: 'Sir' });
    assert.deepStrictEqual(parts('{ id: lady-anne, name: Lady Anne Darcy }'), { first: 'Anne', surname: 'Darcy', cue: 'ANNE', title: 'Lady' });
  });

  it('takes the word after a title that goes with a given name as the first name', () => {
    assert.deepStrictEqual(parts('{ id: laurence, name: Friar Laurence }'), { first: 'Laurence', surname: undefined, cue: 'LAURENCE', title: 'Friar' });
    assert.deepStrictEqual(parts('{ id: duncan, name: King Duncan }'), { first: 'Duncan', surname: undefined, cue: 'DUNCAN', title: 'King' });
  });

  it('gives neither first name nor surname after any other title, and the whole name as the cue', () => {
    assert.deepStrictEqual(parts('{ id: lady-macbeth, name: Lady Macbeth }'), { first: undefined, surname: undefined, cue: 'LADY MACBETH', title: 'Lady' });
    assert.deepStrictEqual(parts('{ id: darcy, name: Mr. Darcy }'), { first: undefined, surname: undefined, cue: 'MR. DARCY', title: 'Mr.' });
    assert.deepStrictEqual(parts('{ id: young-siward, name: Young Siward }'), { first: undefined, surname: undefined, cue: 'YOUNG SIWARD', title: 'Young' });
  });

  it('reads `none` as no first name or no surname, and a written part as written', () => {
    assert.deepStrictEqual(parts('{ id: ghost, name: Ghost of Banquo, first: none, surname: none }'), { first: undefined, surname: undefined, cue: 'GHOST OF BANQUO', title: undefined });
    assert.deepStrictEqual(parts('{ id: mr-bennet, name: Mr. Bennet, surname: Bennet }'), { first: undefined, surname: 'Bennet', cue: 'MR. BENNET', title: 'Mr.' });
  });
});
