import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadPack } from '../../../server/core/canon/load';
import { checkFountain } from '../../support/check';
import { fileResolver, repoRoot } from '../canon/support';

/**
 * What a writer reads for the pack format of issue 29, on the villa fixture pack
 * (test/fixtures/packs/villa): a servant given to the wrong master, one of many hands, a crown
 * nobody wears, a day as an anchor, and a name two characters share.
 */
const file = path.join(repoRoot, 'test', 'fixtures', 'packs', 'villa', 'villa.canon.yaml');
const pack = (() => {
  const loaded = loadPack(fs.readFileSync(file, 'utf8'), file, fileResolver);
  assert.deepStrictEqual(loaded.problems.map((p) => p.message), []);
  return loaded.pack!;
})();

/** Each canon finding as `line rule: message`, lines counted from 1 in the script given. */
function said(...lines: string[]): string[] {
  const text = ['INT. THE VILLA - DAY', '', ...lines.flatMap((l) => [l, ''])].join('\n');
  return checkFountain(text, { pack }).filter((f) => f.code.startsWith('continuity.')).map((f) => `${f.line + 1} ${f.code}: ${f.message}`);
}

describe('the pack format of issue 29, as a writer reads it', () => {
  it('tells whom a servant serves', () => {
    assert.deepStrictEqual(said('Dama, Marcus\'s bondman, brings the bread.'), ['3 continuity.family: In canon Dama is Quintus Sura\'s servant, not Marcus Varro\'s.']);
    assert.deepStrictEqual(said('Marcus, Felix\'s servant, laughs.'), ['3 continuity.family: In canon Marcus Varro is Felix\'s master.']);
    assert.deepStrictEqual(said('Felix, Marcus\'s boy, carries the lamps.', 'Rufus, Quintus\'s boy, sulks.'), []);
  });

  it('tells an adopted son from a birth son', () => {
    assert.deepStrictEqual(said('Marcus\'s adopted son Titus reads.', 'Titus, Marcus\'s son, looks up.'), []);
    assert.deepStrictEqual(said('Rufus, Quintus\'s adopted son, throws a fig.'), ['3 continuity.family: In canon Rufus Sura is Quintus Sura\'s son.']);
  });

  it('lets any of many hands fill the role, and no one else', () => {
    assert.deepStrictEqual(pack.events.find((e) => e.id === 'killing')?.participants, { stabber: ['quintus', 'rufus', 'sextus'], victim: ['gaius'] });
    assert.deepStrictEqual(said('Quintus stabs Gaius.'), []);
    assert.deepStrictEqual(said('Sextus Naso stabs Gaius.'), []);
    assert.deepStrictEqual(said('Titus stabs Gaius.'), ['3 continuity.participant: In canon Quintus, Rufus and Sextus stab Gaius, not Titus.']);
  });

  it('gives nobody a role nobody holds', () => {
    assert.deepStrictEqual(pack.roles.find((r) => r.id === 'king')?.holders, 'none');
    assert.deepStrictEqual(said('King Gaius waves to the crowd.'), ['3 continuity.role: In canon nobody is a king.']);
    assert.deepStrictEqual(said('Gaius refuses the crown; he would be king only in his dreams.'), []);
  });

  it('sets the clock by a day: before its first event, after its last, anywhere on it', () => {
    assert.deepStrictEqual(pack.days.map((d) => [d.id, d.first, d.last]), [['day-of-the-games', 'dream', 'games']]);
    assert.deepStrictEqual(said('[[canon: after the day of the games]]', 'GAIUS\nStill here.'), ['5 continuity.state-speaks: GAIUS speaks, but Gaius is dead (from The senators stab Gaius) and cannot speak.']);
    assert.deepStrictEqual(said('[[canon: before the games day]]', 'GAIUS\nStill here.'), []);
    assert.deepStrictEqual(said('[[canon: on the day of the games]]', 'GAIUS\nStill here.'), []);
    assert.deepStrictEqual(said('[[canon: after the day of the games]]', 'Livia dreams of blood.'), ['5 continuity.event-order: Livia dreams of blood is narrated after The games are held, but canon has it earlier.']);
  });

  it('names nobody by a shared name alone, and the right man by his full name', () => {
    assert.deepStrictEqual(pack.characters.find((c) => c.id === 'sextus-the-singer')?.sharedNames, ['Sextus']);
    assert.deepStrictEqual(said('The mob tears Sextus the Singer apart.', 'Sextus walks home.'), []);
    assert.deepStrictEqual(said('The mob tears Sextus the Singer apart.', 'Sextus the Singer walks home.'), ['5 continuity.state-acts: Sextus the Singer walks, but Sextus the Singer is dead (from The mob tears Sextus the Singer apart) and cannot act.']);
  });
});
