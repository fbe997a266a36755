import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FolderWatcher, MAX_WATCHED_FOLDERS } from '../../../server/lsp/folder-watcher';
import { plainText } from '../../../server/lsp/markup';
import { isWatchedFile } from '../../../server/lsp/packs';

/** Polls every 10 ms until `condition` holds, failing after `boundMs`. */
async function until(condition: () => boolean, what: string, boundMs = 10_000): Promise<void> {
  const deadline = Date.now() + boundMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`no ${what} within ${boundMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the server's own watcher, for a client that cannot watch files", () => {
  let base: string;
  let watcher: FolderWatcher | undefined;
  beforeEach(() => {
    base = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-watch-'));
  });
  afterEach(() => {
    watcher?.dispose();
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('reports a pack saved in a watched folder, once per burst, and not a file it does not care about', async () => {
    const batches: string[][] = [];
    watcher = new FolderWatcher(isWatchedFile, (files) => batches.push(files.sort()));
    watcher.watch([base]);
    const pack = path.join(base, 'own.canon.yaml');
    fs.writeFileSync(path.join(base, 'notes.txt'), 'not a pack');
    fs.writeFileSync(pack, 'canon: 1\n');
    fs.appendFileSync(pack, 'id: own\n');
    await until(() => batches.length > 0, 'batch of changes');
    assert.deepStrictEqual(batches[0], [pack]);
  });

  it(`watches at most ${MAX_WATCHED_FOLDERS} folders, and stops watching those no longer asked for`, () => {
    const folders = Array.from({ length: MAX_WATCHED_FOLDERS + 6 }, (_, i) => fs.mkdtempSync(path.join(base, `f${i}-`)));
    watcher = new FolderWatcher(isWatchedFile, () => undefined);
    watcher.watch(folders);
    assert.strictEqual(watcher.folders.length, MAX_WATCHED_FOLDERS);
    watcher.watch(folders.slice(0, 2));
    assert.deepStrictEqual(watcher.folders.sort(), folders.slice(0, 2).sort());
    watcher.watch([path.join(base, 'gone')]);
    assert.deepStrictEqual(watcher.folders, [], 'a folder that is not there is not watched');
  });
});

describe('cards in plain text, for a client that declared no markdown', () => {
  it('takes out emphasis and escapes, and keeps quotes and list items', () => {
    assert.strictEqual(plainText('**Cassie Shore** · she/her'), 'Cassie Shore · she/her');
    assert.strictEqual(plainText('*At this point in the story:* in a coma'), 'At this point in the story: in a coma');
    assert.strictEqual(plainText('> “She falls.”\n- Older sister of Bette'), '> “She falls.”\n- Older sister of Bette');
    assert.strictEqual(plainText('3 \\* 4 and a * star'), '3 * 4 and a * star');
  });
});
