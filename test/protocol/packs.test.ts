import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver';
import { Client, skipUnlessBuilt, tempFolder, uriOf } from './support/client';

const SCRIPT = `EXT. ARCHER SCHOOL - ROOF - NIGHT

Delia pushes Cassie off the roof.

INT. HOSPITAL ROOM - DAY

Kai and Zed wait by the door.

CASSIE
Get out.

`;
/** Where Kai and Zed are named: a hover card shows for a name the canon in effect knows. */
const KAI = { line: 6, character: 1 };
const ZED = { line: 6, character: 9 };

const GOOD = `canon: 1
id: story
name: The story's canon
extends: builtin:tiny-pretty-things
characters:
  - id: kai
    name: Kai
`;

/**
 * Ways to break the pack, each with the line (0-based) its error must be reported on. The text is
 * sent as an edit of the open pack, as a writer typing would; the not-UTF-8 pack comes from disk.
 */
const BROKEN: { name: string; text: string; line: number; severity?: number }[] = [
  { name: 'a YAML syntax error', text: `${GOOD}  - id: [unclosed\n`, line: 7 },
  { name: 'a wrong type', text: GOOD.replace('    name: Kai', '    name: [Kai]'), line: 6 },
  { name: 'a duplicate id', text: `${GOOD}  - id: kai\n    name: Kai Again\n`, line: 7 },
  { name: 'a missing character', text: `${GOOD}relations:\n  - between: [kai, nobody]\n    kind: friends\n`, line: 8 },
  { name: 'a missing event', text: `${GOOD}states:\n  - id: asleep\n    character: kai\n    label: asleep\n    from: no-such-event\n`, line: 11 },
  { name: 'an extends cycle', text: GOOD.replace('extends: builtin:tiny-pretty-things', 'extends: cycle/other.canon.yaml'), line: 3 },
];

describe('language server and broken canon packs (stdio)', function () {
  this.timeout(60_000);
  let workspace: string;
  let client: Client;
  let scriptUri: string;
  let packFile: string;
  let packUri: string;
  let version = 1;

  before(async function () {
    skipUnlessBuilt(this);
    workspace = tempFolder('ck-packs-');
    packFile = path.join(workspace, 'story.canon.yaml');
    fs.writeFileSync(packFile, GOOD);
    // In a folder of its own, so that the script's pack is story.canon.yaml, the nearest one.
    fs.mkdirSync(path.join(workspace, 'cycle'));
    fs.writeFileSync(path.join(workspace, 'cycle', 'other.canon.yaml'), 'canon: 1\nid: other\nname: Other\nextends: ../story.canon.yaml\n');
    const script = path.join(workspace, 'chapter-1.fountain');
    fs.writeFileSync(script, SCRIPT);
    scriptUri = uriOf(script);
    packUri = uriOf(packFile);
    client = await Client.start(workspace);
    client.open(scriptUri, SCRIPT);
    await client.diagnostics(scriptUri, { version: 1 });
    client.open(packUri, GOOD, 'yaml');
  });

  after(async () => {
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  async function knows(position: typeof KAI): Promise<boolean> {
    const { value } = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: scriptUri }, position });
    return value !== null;
  }

  /** The canon in effect for the script: the coma warning (built-in canon) and Kai (the pack). */
  async function assertCanonInEffect(expectKai: boolean): Promise<Diagnostic[]> {
    const diagnostics = await client.diagnostics(scriptUri);
    assert.ok(diagnostics.some((d) => d.code === 'continuity.state-speaks'), JSON.stringify(diagnostics));
    assert.strictEqual(await knows(KAI), expectKai);
    return diagnostics;
  }

  /** Edits the open pack and waits until the server has reported on it and rechecked the script. */
  async function editPack(text: string): Promise<Diagnostic[]> {
    const since = client.seq;
    client.change(packUri, ++version, [{ text }]);
    const problems = await client.diagnostics(packUri, { since });
    await client.settled(scriptUri);
    return problems;
  }

  it('checks the script against the workspace pack while it is good', async () => {
    assert.deepStrictEqual(await editPack(GOOD), []);
    await assertCanonInEffect(true);
  });

  for (const broken of BROKEN) {
    it(`reports ${broken.name} on the pack's line and keeps the last good canon for the script`, async () => {
      const before = await client.diagnostics(scriptUri);
      const problems = await editPack(broken.text);
      assert.ok(problems.some((d) => d.severity === 1 && d.range.start.line === broken.line), JSON.stringify(problems));
      assert.deepStrictEqual(await assertCanonInEffect(true), before);
      assert.ok(client.alive);
    });
  }

  it('reports an unknown key as a warning, and the pack stays in effect', async () => {
    const problems = await editPack(GOOD.replace('characters:', 'charcters: []\ncharacters:'));
    assert.ok(problems.some((d) => d.severity === 2 && d.range.start.line === 4 && /charcters/.test(d.message)), JSON.stringify(problems));
    await assertCanonInEffect(true);
  });

  it('refuses a 10 MB pack with a located error, quickly, and keeps the last good canon', async () => {
    const huge = `${GOOD}${'  - id: x\n    name: X\n'.repeat(10 * 1024 * 1024 / 22)}`;
    const start = Date.now();
    const problems = await editPack(huge);
    assert.ok(Date.now() - start < 15_000);
    assert.ok(problems.some((d) => d.severity === 1 && /too large/.test(d.message)), JSON.stringify(problems).slice(0, 500));
    await assertCanonInEffect(true);
  });

  it('reports a pack that is not UTF-8, changed on disk, and keeps the last good canon', async () => {
    await editPack(GOOD);
    client.close(packUri);
    const bytes = Buffer.concat([Buffer.from(GOOD), Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('\n')]);
    fs.writeFileSync(packFile, bytes);
    const since = client.seq;
    client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: packUri, type: 2 }] });
    const problems = await client.diagnostics(packUri, { since });
    assert.ok(problems.some((d) => d.severity === 1 && d.range.start.line === 7 && /UTF-8/.test(d.message)), JSON.stringify(problems));
    await client.settled(scriptUri);
    await assertCanonInEffect(true);
  });

  it('takes up the new canon once the pack is fixed', async () => {
    client.open(packUri, GOOD.replace('Kai', 'Zed'), 'yaml', ++version);
    await client.settled(scriptUri);
    assert.strictEqual(await knows(ZED), true);
    assert.strictEqual(await knows(KAI), false);
    assert.deepStrictEqual(client.errors(), []);
  });
});
