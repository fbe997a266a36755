import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadPack } from '../../../server/core/canon/load';
import type { CanonPack } from '../../../server/core/canon/model';
import { checkFountain } from '../../support/check';
import { fileResolver, repoRoot } from '../canon/support';

const packFile = path.join(repoRoot, 'test', 'fixtures', 'packs', 'hollow-house', 'hollow-house.canon.yaml');

function pack(): CanonPack {
  const result = loadPack(fs.readFileSync(packFile, 'utf8'), packFile, fileResolver);
  assert.ok(result.pack);
  return result.pack;
}

function family(line: string): string[] {
  return checkFountain(`INT. THE HOLLOW HOUSE - HALL - DAY\n\n${line}\n`, { pack: pack() })
    .filter((f) => f.code === 'continuity.family')
    .map((f) => f.message);
}

describe('continuity.family on ties beyond siblings', () => {
  it('names the tie canon derives, in full names', () => {
    assert.deepStrictEqual(family("Clara's mother, Mrs. Vane, sends the soup back."), [
      "In canon Mrs. Vane is Clara Ashby's aunt. (from the ties canon gives them)",
    ]);
  });

  it('lists a known family where the two have no tie at all', () => {
    assert.deepStrictEqual(family("Captain Hale, Clara's father, raises his glass."), [
      "In canon Clara Ashby's parents are Lord Edmund Ashby and Lady Ashby; Captain Hale is not one of them.",
    ]);
  });

  it('lists the known husband or wife where narration marries someone else to them, and stays quiet where canon does not say', () => {
    assert.deepStrictEqual(family("Captain Hale, Lady Ashby's husband, bows."), [
      "In canon Lady Ashby's spouse is Lord Edmund Ashby; Captain Hale is not one of them.",
    ]);
    assert.deepStrictEqual(family("Lord Ashby, Lady Ashby's husband, bows."), []);
    // Rose's spouses are not said to be known: a husband canon does not name is no contradiction.
    assert.deepStrictEqual(family("Henry Marsh, Rose's husband, bows."), []);
  });

  it('reads step-, half- and in-law forms, hyphenated or not', () => {
    assert.deepStrictEqual(family("Lady Ashby, Tom's step-mother, smiles."), []);
    assert.deepStrictEqual(family("Tom, Clara's half-brother, smiles."), []);
    assert.deepStrictEqual(family("Henry Marsh, Tom's brother-in-law, smiles."), []);
    assert.deepStrictEqual(family("Captain Hale, Henry's father-in-law, smiles."), []);
    assert.deepStrictEqual(family("Rose Vane, Clara's sister-in-law, smiles."), ["In canon Rose Vane is Clara Ashby's cousin. (from the ties canon gives them)"]);
  });

  it('reads "elder sister" of a cousin as a wrong tie, not a wrong age', () => {
    const found = checkFountain("INT. THE HOLLOW HOUSE - HALL - DAY\n\nRose Vane, Clara's elder sister, laughs.\n", { pack: pack() })
      .filter((f) => f.code === 'continuity.family');
    assert.strictEqual(found.length, 1);
    assert.match(found[0].message, /cousin/);
  });

  it('reads whom a possessive phrase renames as the reading has it: "Captain Hale, her father", "Clara, whose mother Mrs. Vane"', () => {
    assert.deepStrictEqual(family('Clara smiles at Captain Hale, her father.'), [
      "In canon Clara Ashby's parents are Lord Edmund Ashby and Lady Ashby; Captain Hale is not one of them.",
    ]);
    // Two women in the clause: "her" is nobody certain, and nobody is judged.
    assert.deepStrictEqual(family('Clara smiles at Mrs. Vane, her mother.'), []);
    assert.deepStrictEqual(family('Clara, whose mother Mrs. Vane sends the soup back, smiles.'), [
      "In canon Mrs. Vane is Clara Ashby's aunt. (from the ties canon gives them)",
    ]);
    assert.deepStrictEqual(family('Clara smiles at Lord Ashby, her father.'), []);
  });

  it('takes a name, not the pronoun of the next phrase, as whom a possessive phrase renames: "Captain Hale, her father, her only hope"', () => {
    assert.deepStrictEqual(family('Clara runs down the hall to Captain Hale, her father, her only hope, and clings to him.'), [
      "In canon Clara Ashby's parents are Lord Edmund Ashby and Lady Ashby; Captain Hale is not one of them.",
    ]);
  });

  it('reads a possessive as its sentence\'s subject\'s where the sentence puts others on stage only by a noun', () => {
    assert.deepStrictEqual(family('Clara is thinking of her cousin at sea, and of her father, Captain Hale, asleep by the fire.'), [
      "In canon Clara Ashby's parents are Lord Edmund Ashby and Lady Ashby; Captain Hale is not one of them.",
    ]);
  });

  it('holds a parent-in-law called a parent against a pack that knows every parent', () => {
    const rjFile = path.join(repoRoot, 'examples', 'packs', 'romeo-and-juliet', 'romeo-and-juliet.canon.yaml');
    const rj = loadPack(fs.readFileSync(rjFile, 'utf8'), rjFile, fileResolver).pack!;
    const said = (line: string): string[] => checkFountain(`INT. CAPULET HOUSE - DAY\n\n[[canon: after the wedding]]\n\n${line}\n`, { pack: rj })
      .filter((f) => f.code === 'continuity.family').map((f) => f.message);
    assert.deepStrictEqual(said('Juliet flinches as her father, old Montague, bears down on her.'), [
      "In canon Juliet Capulet's parents are Capulet and Lady Capulet; Montague is not one of them.",
    ]);
    assert.deepStrictEqual(said('Juliet kneels before her father, old Capulet.'), []);
  });

  it('names the marriage where narration makes a husband and wife sister and brother', () => {
    assert.deepStrictEqual(family("Lady Ashby, Lord Ashby's sister, pours the tea."), [
      "In canon Lady Ashby is Lord Edmund Ashby's wife.",
    ]);
  });

  it('reads ages in brackets as which of two canon siblings is older, and two ages of others as nothing', () => {
    const found = (line: string): string[] => checkFountain(`INT. STUDIO - DAY\n\n${line}\n`)
      .filter((f) => f.code === 'continuity.family').map((f) => f.message.split('.')[0]);
    assert.deepStrictEqual(found('BETTE (19) and DELIA (17) share a bag of pretzels.'), ["In canon Delia is Bette's older sister"]);
    assert.deepStrictEqual(found('DELIA (19) and BETTE (17) share a bag of pretzels.'), []);
    assert.deepStrictEqual(found('RAMON (22) and DELIA (19) share a bag of pretzels.'), []);
  });
});
