import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadPack } from '../../../server/core/canon/load';
import { checkFountain } from '../../support/check';

/**
 * Forms a speaker makes of a name on purpose are no slips: the name a syllable longer ("'Ban,
 * 'Ban, Cacaliban"), or clipped in dialogue ("on Prosper fall"). A clipped name in narration, and
 * one letter more ("Calibann"), still are. Against the Tempest pack a fan wrote.
 */
const file = path.resolve(__dirname, '..', '..', '..', '..', 'examples', 'packs', 'the-tempest', 'the-tempest.canon.yaml');
const pack = loadPack(fs.readFileSync(file, 'utf8'), file, () => undefined).pack!;
const misses = (lines: string[]): string[] => checkFountain(lines.join('\n'), { pack }).filter((f) => f.code === 'names.near-miss').map((f) => `${f.line}`);

describe('names a speaker makes of a name', () => {
  it('leaves a name clipped in dialogue, and a name a syllable longer, alone', () => {
    assert.deepEqual(misses(['EXT. ISLAND - DAY', '', 'CALIBAN', 'All the infections that the sun sucks up fall on Prosper! \'Ban, \'Ban, Cacaliban has a new master!', '']), []);
  });

  it('still names a clipped name in narration, and one letter more, as slips', () => {
    assert.deepEqual(misses(['EXT. ISLAND - DAY', '', 'Prosper raises his staff.', '', 'Calibann hauls wood.', '']), ['2', '4']);
  });
});
