import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { checkFountain } from '../../support/check';

/**
 * Real screenplays that are not Tiny Pretty Things fan fiction (Big Fish, Brick & Steel, ...) share
 * no canon with it: any canon warning on them is a false alarm, whatever their prose looks like.
 */
const SAMPLES = path.resolve(__dirname, '..', '..', '..', '..', '..', 'shared', 'fountain', 'samples');

describe('real screenplays from other stories', () => {
  it('get no canon warning at all', function () {
    if (!fs.existsSync(SAMPLES)) {
      console.log(`    (skipped: ${SAMPLES} is absent; it holds the public Fountain samples)`);
      this.skip();
    }
    const alarms: string[] = [];
    for (const name of fs.readdirSync(SAMPLES).filter((f) => f.endsWith('.fountain'))) {
      const text = fs.readFileSync(path.join(SAMPLES, name), 'utf8').replace(/^\uFEFF/, '');
      for (const f of checkFountain(text)) alarms.push(`${name}:${f.line + 1}: ${f.code} ${f.message}`);
    }
    assert.deepStrictEqual(alarms, []);
  });
});
