import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Client, skipUnlessBuilt, tempFolder, uriOf } from './support/client';

/**
 * A fan's AU pack extends a base pack they are editing: the base as it stands in the editor,
 * unsaved, is what both the base and the AU pack are read from, and what scripts are checked with.
 */
describe('a pack that extends a pack open in the editor', function () {
  this.timeout(30_000);
  let workspace: string;
  let client: Client;

  before(async function () {
    skipUnlessBuilt(this);
    workspace = tempFolder('ck-layers-');
    fs.writeFileSync(path.join(workspace, 'base.canon.yaml'), 'canon: 1\nid: base\nname: Base\nextends: builtin:tiny-pretty-things\n');
    fs.mkdirSync(path.join(workspace, 'au'));
    fs.writeFileSync(path.join(workspace, 'au', 'au.canon.yaml'), 'canon: 1\nid: au\nname: AU\nextends: ../base.canon.yaml\n');
    client = await Client.start(workspace);
  });

  after(async () => {
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('reads the unsaved base for both packs, and reports its error once, on the base', async () => {
    const baseUri = uriOf(path.join(workspace, 'base.canon.yaml'));
    const edited = 'canon: 1\nid: base\nname: Base\nextends: builtin:tiny-pretty-things\ncharacters:\n  - id: zed\n    name: Zed Moreau\n';
    client.open(baseUri, edited, 'yaml');
    const scriptUri = uriOf(path.join(workspace, 'au', 'zed.fountain'));
    const since = client.seq;
    client.open(scriptUri, 'INT. STUDIO - DAY\n\nZed stretches.\n');
    await client.diagnostics(scriptUri, { since });
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: scriptUri }, position: { line: 2, character: 1 } });
    assert.match(hover.value?.contents.value ?? '', /Zed Moreau/);

    const broken = `${edited}    pronouns: [she]\n`;
    const before = client.seq;
    client.change(baseUri, 2, [{ text: broken }]);
    const problems = await client.diagnostics(baseUri, { since: before });
    assert.strictEqual(problems.filter((d) => d.severity === 1).length, 1, JSON.stringify(problems));
    assert.strictEqual(problems[0].range.start.line, 7);
  });
});
