import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { Client, ROOT, skipUnlessBuilt, tempFolder, uriOf } from './support/client';

const PRELOAD = path.join(__dirname, 'support', 'no-network.js');

const SCRIPT = `EXT. ARCHER SCHOOL - ROOF - NIGHT

Delia pushes Cassie off the roof.

INT. HOSPITAL ROOM - DAY

Kai waits by the door.

CASSIE
Get out.
`;
const KAI = { line: 6, character: 1 };

const KAI_PACK = 'canon: 1\nid: story\nname: Story\nextends: builtin:tiny-pretty-things\ncharacters:\n  - id: kai\n    name: Kai\n';

describe('language server safety (stdio)', function () {
  this.timeout(60_000);
  let base: string;
  let workspace: string;

  before(function () {
    skipUnlessBuilt(this);
    base = tempFolder('ck-safety-');
    workspace = path.join(base, 'ws');
    fs.mkdirSync(path.join(workspace, 'story'), { recursive: true });
  });

  after(() => {
    if (base) fs.rmSync(base, { recursive: true, force: true });
  });

  async function knows(client: Client, uri: string): Promise<boolean> {
    const { value } = await client.request<unknown>('textDocument/hover', { textDocument: { uri }, position: KAI });
    return value !== null;
  }

  it('the network tripwire works: a connection attempt under the preload is recorded', () => {
    const logFile = path.join(base, 'tripwire.log');
    spawnSync(process.execPath, ['-e', "try { require('net').connect(9, '127.0.0.1') } catch {}"], { env: { ...process.env, NODE_OPTIONS: `--require ${PRELOAD}`, CK_NETWORK_LOG: logFile } });
    assert.match(fs.readFileSync(logFile, 'utf8'), /net\.(Socket\.)?connect/);
  });

  it('makes no network request, even for packs that extend a URL, and reports those at the ref', async () => {
    const logFile = path.join(base, 'network.log');
    const pack = path.join(workspace, 'story', 'remote.canon.yaml');
    fs.writeFileSync(pack, 'canon: 1\nid: remote\nname: Remote\nextends: https://example.com/evil.canon.yaml\n');
    fs.writeFileSync(path.join(workspace, 'story', 'http.canon.yaml'), 'canon: 1\nid: http\nname: Http\nextends: http://127.0.0.1:9/x.canon.yaml\n');
    const client = await Client.start(workspace, { env: { NODE_OPTIONS: `--require ${PRELOAD}`, CK_NETWORK_LOG: logFile } });
    try {
      const problems = await client.diagnostics(uriOf(pack));
      assert.ok(problems.some((d) => d.range.start.line === 3 && /unsupported pack reference/.test(d.message)), JSON.stringify(problems));
      const script = uriOf(path.join(workspace, 'story', 'chapter.fountain'));
      client.open(script, SCRIPT);
      await client.diagnostics(script, { version: 1 });
      await client.request('textDocument/completion', { textDocument: { uri: script }, position: { line: 8, character: 2 } });
      assert.ok(client.alive);
    } finally {
      await client.stop();
      fs.rmSync(pack);
      fs.rmSync(path.join(workspace, 'story', 'http.canon.yaml'));
    }
    assert.strictEqual(fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '', '');
  });

  it('checks a catastrophic pattern ("(a+)+$") against a 100k-word line in bounded time', async () => {
    const pack = path.join(workspace, 'story', 'story.canon.yaml');
    fs.writeFileSync(pack, `${KAI_PACK}events:\n  - id: aaa\n    name: The a\n    phrasings: ["(a+)+$", "{kai} (a|a)*b", "a a a a a a a a a a a a a a a a a a a a a a a a a a !"]\n`);
    const client = await Client.start(workspace);
    try {
      assert.deepStrictEqual((await client.diagnostics(uriOf(pack))).filter((d) => d.severity === 1), []);
      const script = uriOf(path.join(workspace, 'story', 'chapter.fountain'));
      const line = `Kai ${'a '.repeat(100_000)}!\n`;
      const start = Date.now();
      client.open(script, `${SCRIPT}\n${line}`);
      await client.diagnostics(script, { version: 1, boundMs: 15_000 });
      const ms = Date.now() - start;
      console.log(`      100k-word line against "(a+)+$": ${ms} ms`);
      assert.ok(ms < 15_000);
      assert.ok(await knows(client, script));
    } finally {
      await client.stop();
      fs.rmSync(pack);
    }
  });

  it('does not let extends read a pack outside the workspace, even through a symbolic link', async () => {
    fs.writeFileSync(path.join(base, 'outside.canon.yaml'), 'canon: 1\nid: outside\nname: Outside\ncharacters:\n  - id: kai\n    name: Kai\n');
    fs.symlinkSync(path.join(base, 'outside.canon.yaml'), path.join(workspace, 'story', 'link.yaml'));
    const escape = path.join(workspace, 'story', 'escape.canon.yaml');
    fs.writeFileSync(escape, 'canon: 1\nid: escape\nname: Escape\nextends: ../../outside.canon.yaml\n');
    const linked = path.join(workspace, 'linked.canon.yaml');
    fs.writeFileSync(linked, 'canon: 1\nid: linked\nname: Linked\nextends: story/link.yaml\n');
    const client = await Client.start(workspace);
    try {
      for (const file of [escape, linked]) {
        const problems = await client.diagnostics(uriOf(file));
        assert.ok(problems.some((d) => d.severity === 1 && d.range.start.line === 3 && /outside the workspace/.test(d.message)), JSON.stringify(problems));
      }
      const script = uriOf(path.join(workspace, 'story', 'chapter.fountain'));
      client.open(script, SCRIPT);
      await client.diagnostics(script, { version: 1 });
      assert.strictEqual(await knows(client, script), false);
    } finally {
      await client.stop();
      fs.rmSync(escape);
      fs.rmSync(linked);
    }
  });

  it('keeps to the built-in pack in an untrusted workspace, and it still works', async () => {
    const pack = path.join(workspace, 'story', 'story.canon.yaml');
    fs.writeFileSync(pack, KAI_PACK);
    fs.writeFileSync(path.join(base, 'setting.canon.yaml'), KAI_PACK);
    const client = await Client.start(workspace, { trusted: false, settings: { canonPacks: [path.join(base, 'setting.canon.yaml')] } });
    try {
      const script = uriOf(path.join(workspace, 'story', 'chapter.fountain'));
      client.open(script, SCRIPT);
      client.open(uriOf(pack), KAI_PACK, 'yaml');
      client.notify('workspace/didChangeConfiguration', { settings: {} });
      client.notify('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(pack), type: 2 }] });
      client.change(script, 2, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
      const diagnostics = await client.settled(script);
      assert.ok(diagnostics.some((d) => d.code === 'continuity.state-speaks'), JSON.stringify(diagnostics));
      assert.strictEqual(await knows(client, script), false);
      const { value } = await client.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: script }, position: { line: 6, character: 1 } });
      assert.ok(!value.items.some((i) => /kai/i.test(i.label)), JSON.stringify(value.items.map((i) => i.label)));
    } finally {
      await client.stop();
    }
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.strictEqual(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepStrictEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, ['canonKeeper.canonPacks']);
  });
});
