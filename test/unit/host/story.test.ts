import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chaptersIn, earlierChapters } from '../../../server/host/story';

describe('chapters of a story folder', () => {
  let dir: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-story-'));
    for (const name of ['ch10.fountain', 'ch2.fountain', 'ch1.fountain', 'notes.txt']) fs.writeFileSync(path.join(dir, name), '');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are the folder’s scripts in natural name order', () => {
    assert.deepStrictEqual(chaptersIn(dir).map((f) => path.basename(f)), ['ch1.fountain', 'ch2.fountain', 'ch10.fountain']);
    assert.deepStrictEqual(earlierChapters(path.join(dir, 'ch10.fountain')).map((f) => path.basename(f)), ['ch1.fountain', 'ch2.fountain']);
  });

  it('follow the order canon-keeper.yaml lists, and never leave the folder', () => {
    fs.writeFileSync(path.join(dir, 'canon-keeper.yaml'), 'chapters:\n  - ch10.fountain\n  - ../../etc/passwd\n  - ch1.fountain\n');
    assert.deepStrictEqual(chaptersIn(dir).map((f) => path.basename(f)), ['ch10.fountain', 'ch1.fountain']);
  });
});
