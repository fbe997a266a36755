import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/cli/main';
import { scriptStats } from '../../../server/core/features/stats';
import { parse } from '../../../server/core/fountain/parse';

// Counted by hand: 3 scenes (2 INT, 1 EXT; 2 DAY, 1 NIGHT), 2 at THE DINER.
// Words: headings 4+4+4 (INT, THE, DINER, DAY ...), action 2+2 (the note is not read), dialogue 3+2+4,
// parenthetical 1 = 26 (cue names not counted).
const SCRIPT = `INT. THE DINER - DAY

Rain outside.

ANNA
(quietly)
Coffee, black please.

BEN
Same here.

INT. THE DINER - NIGHT

Empty now. [[a note is not counted]]

EXT. PARKING LOT - DAY

ANNA (V.O.)
I never went back.
`;

describe('script statistics', () => {
  const stats = scriptStats([parse(SCRIPT)]);

  it('counts scenes, words, settings and times of day', () => {
    assert.equal(stats.scenes, 3);
    assert.equal(stats.words, 26);
    assert.deepEqual(stats.setting, { interior: 2, exterior: 1, both: 0, unmarked: 0 });
    assert.deepEqual(stats.timeOfDay, [{ time: 'DAY', scenes: 2 }, { time: 'NIGHT', scenes: 1 }]);
    assert.deepEqual(stats.locations, [{ name: 'THE DINER', scenes: 2 }, { name: 'PARKING LOT', scenes: 1 }]);
  });

  it('counts speeches, dialogue lines and words per character, a voice-over as the same person', () => {
    assert.deepEqual(stats.characters, [
      { name: 'ANNA', speeches: 2, dialogueLines: 2, words: 7 },
      { name: 'BEN', speeches: 1, dialogueLines: 1, words: 2 },
    ]);
  });

  it('gives one page and under a minute of screen time for a short script', () => {
    assert.equal(stats.pages, 1);
    assert.equal(stats.screenMinutes, 0, 'a third of a page rounds to no whole minute');
  });
});

describe('canon-keeper stats', () => {
  async function run(args: string[]): Promise<{ code: number; out: string }> {
    const write = process.stdout.write;
    let out = '';
    process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
    try {
      return { code: await main(args), out };
    } finally {
      process.stdout.write = write;
    }
  }

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'ck-stats-')), 'diner.fountain');
  before(() => fs.writeFileSync(file, SCRIPT));

  it('prints the numbers as text for a writer', async () => {
    const { code, out } = await run(['stats', file]);
    assert.equal(code, 0);
    assert.match(out, /^Pages: +1$/m);
    assert.match(out, /^Screen time: +under a minute \(a page a minute\)$/m);
    assert.match(out, /^Settings: +2 interior, 1 exterior, 0 both$/m);
    assert.match(out, /^ {2}ANNA +2 +2 +7$/m);
    assert.match(out, /^ +2 {2}THE DINER$/m);
  });

  it('prints the same numbers as JSON', async () => {
    const { code, out } = await run(['stats', '--format', 'json', file]);
    assert.equal(code, 0);
    const json = JSON.parse(out);
    assert.equal(json.version, 1);
    assert.deepEqual([json.pages, json.scenes, json.words], [1, 3, 26]);
  });
});
