import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver';
import { Client, skipUnlessBuilt, tempFolder, uriOf } from './support/client';
import { VISITING_HOURS } from './support/scripts';

/**
 * The server publishes a version's diagnostics only where they differ from those the editor holds:
 * what the editor shows is always the latest version's, and most keystrokes send nothing.
 */
describe('language server publishing only what changed (stdio)', function () {
  this.timeout(30_000);
  let workspace: string;
  let client: Client;

  before(async function () {
    skipUnlessBuilt(this);
    workspace = tempFolder('ck-publish-');
    client = await Client.start(workspace);
  });

  after(async () => {
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  function coma(diagnostics: Diagnostic[]): Diagnostic {
    const found = diagnostics.find((d) => d.code === 'continuity.state-speaks');
    assert.ok(found, JSON.stringify(diagnostics));
    return found;
  }

  it('sends nothing for typing that moves no diagnostic, and the moved list when one moves', async () => {
    const uri = uriOf(path.join(workspace, 'visiting-hours.fountain'));
    client.open(uri, VISITING_HOURS);
    const first = await client.diagnostics(uri, { version: 1 });
    assert.deepStrictEqual(coma(first).range.start, { line: 11, character: 0 });
    const cause = coma(first).relatedInformation?.[0].location.range;
    assert.strictEqual(cause?.start.line, 5);

    // A sentence typed at the end of a line no diagnostic is on: the list stays exactly as it was.
    const bed = { line: 9, character: 'Bette sits by the bed.'.length };
    client.change(uri, 2, [{ range: { start: bed, end: bed }, text: ' She holds her hand.' }]);
    assert.deepStrictEqual(await client.settled(uri), first);
    assert.deepStrictEqual(client.publishedVersions(uri), [1]);

    // A new line before the cue moves the warning down a line: the whole list is sent again.
    client.change(uri, 3, [{ range: { start: bed, end: bed }, text: '\n' }]);
    const moved = await client.settled(uri);
    assert.deepStrictEqual(client.publishedVersions(uri), [1, 3]);
    assert.deepStrictEqual(coma(moved).range.start, { line: 12, character: 0 });

    // Typing before where the fall is told moves only the warning's related place, on that line.
    const roof = { line: 5, character: 0 };
    client.change(uri, 4, [{ range: { start: roof, end: roof }, text: 'At dawn, ' }]);
    const related = await client.settled(uri);
    assert.deepStrictEqual(client.publishedVersions(uri), [1, 3, 4]);
    assert.deepStrictEqual(coma(related).range, coma(moved).range);
    assert.strictEqual(coma(related).relatedInformation?.[0].location.range.start.character, (cause?.start.character ?? 0) + 'At dawn, '.length);
  });

  it('sends the list again when the script is closed and opened, even unchanged', async () => {
    const uri = uriOf(path.join(workspace, 'reopened.fountain'));
    client.open(uri, VISITING_HOURS);
    const first = await client.diagnostics(uri, { version: 1 });
    client.close(uri);
    await client.until(() => client.publishedVersions(uri).length === 2, 'the cleared list on close', 10_000);
    client.open(uri, VISITING_HOURS, 'fountain', 2);
    assert.deepStrictEqual(await client.diagnostics(uri, { version: 2 }), first);
  });
});
