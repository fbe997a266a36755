import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { Client, skipUnlessBuilt, tempFolder, uriOf } from './support/client';

/** A pack extending the built-in one, as a fan starts a fix-it: its own character, and Tiny Pretty Things' cast beneath. */
const PACK = `canon: 1
id: fixit
name: A fix-it
extends: builtin:tiny-pretty-things
characters:
  - id: kai
    name: Kai
relations:
  - { id: kai-cassie, kind: friend, between: [kai, cassie] }
`;

interface Item {
  readonly label: string;
  readonly kind?: number;
  readonly detail?: string;
  readonly documentation?: { readonly value: string };
  readonly textEdit?: { readonly range: { readonly start: { readonly line: number; readonly character: number } }; readonly newText: string };
}

describe('completion in a pack file (stdio)', function () {
  this.timeout(60_000);
  let workspace: string;
  let client: Client;
  let uri: string;
  let version = 1;

  before(async function () {
    skipUnlessBuilt(this);
    workspace = tempFolder('ck-pack-completion-');
    const file = path.join(workspace, 'fixit.canon.yaml');
    fs.writeFileSync(file, PACK);
    uri = uriOf(file);
    client = await Client.start(workspace);
    client.open(uri, PACK, 'yaml');
  });

  after(async () => {
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** Types at the end of the pack, as a writer would, asks for completion where the typing ends, and takes it back. */
  async function typeAndComplete(typed: string): Promise<Item[]> {
    const line = PACK.split('\n').length - 1;
    const typedLines = typed.split('\n');
    const end = { line: line + typedLines.length - 1, character: typedLines[typedLines.length - 1].length };
    client.change(uri, ++version, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: typed }]);
    const list = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: end }) as { items: Item[] } | null;
    client.change(uri, ++version, [{ range: { start: { line, character: 0 }, end }, text: '' }]);
    return list?.items ?? [];
  }

  it('offers the relation kinds, each with a line on what it means', async () => {
    const items = await typeAndComplete('  - id: kai-uncle\n    kind: un');
    const uncle = items.find((i) => i.label === 'uncle');
    assert.ok(uncle, JSON.stringify(items.map((i) => i.label)));
    assert.match(uncle.documentation?.value ?? '', /the first is the second's uncle/);
    assert.strictEqual(uncle.kind, 20, 'an enum member');
    assert.deepStrictEqual(uncle.textEdit?.range.start.character, '    kind: '.length, 'replaces what was typed of the value');
  });

  it('offers character ids in between: its own, then those of the pack it extends', async () => {
    const labels = (await typeAndComplete('  - id: kai-delia\n    between: [kai, ')).map((i) => i.label);
    assert.strictEqual(labels[0], 'kai', JSON.stringify(labels));
    assert.ok(labels.includes('cassie') && labels.includes('delia'), JSON.stringify(labels));
  });

  it('offers nothing on a key, and logs no error', async () => {
    assert.deepStrictEqual(await typeAndComplete('  - id: kai-delia\n    betw'), []);
    assert.deepStrictEqual(client.errors(), []);
  });
});
