import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ClientCapabilities, Diagnostic } from 'vscode-languageserver';
import { Client, skipUnlessBuilt, tempFolder, uriOf, VS_CODE_CAPABILITIES } from './support/client';
import { VISITING_HOURS } from './support/scripts';

/**
 * The server sends each client what it declared it supports, and does itself what a client cannot:
 * VS Code's client watches the files for it (a dynamic registration) and takes related places and
 * markdown; a client that declares none of that (Neovim 0.7's, as test/clients/neovim.lua starts it)
 * gets plain text, no related places, and the server watches the packs on disk itself.
 */
const ROMIO = '\nEXT. BALCONY - NIGHT\n\nRomio waits below the balcony.\n';
/** Visiting hours, and a cue begun after it. */
const CUE = `${VISITING_HOURS}\nNEV`;
/** A pack that knows Romeo, and his name as often misspelt: "Romio" is warned of where it is in force. */
const PACK = 'canon: 1\nid: fandom\nname: Fandom\nextends: builtin:tiny-pretty-things\ncharacters:\n  - id: romeo\n    name: Romeo Montague\n    misspellings: [Romio]\n';
const NO_ROMEO = 'canon: 1\nid: fandom\nname: Fandom\nextends: builtin:tiny-pretty-things\ncharacters:\n  - id: juliet\n    name: Juliet Capulet\n';
/** Nothing: the least a client can declare. */
const NOTHING: ClientCapabilities = {};

const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => String(d.code));

describe('what the server sends follows what the client declares (stdio)', function () {
  this.timeout(60_000);
  let workspace: string;
  let script: string;
  let pack: string;

  before(function () {
    skipUnlessBuilt(this);
    workspace = tempFolder('ck-capabilities-');
    pack = path.join(workspace, 'fandom.canon.yaml');
    fs.writeFileSync(pack, PACK);
    fs.mkdirSync(path.join(workspace, 'story'));
    script = path.join(workspace, 'story', 'balcony.fountain');
    fs.writeFileSync(script, ROMIO);
    fs.writeFileSync(path.join(workspace, 'story', 'visiting-hours.fountain'), VISITING_HOURS);
  });

  after(() => workspace && fs.rmSync(workspace, { recursive: true, force: true }));

  async function session(capabilities: ClientCapabilities, run: (client: Client) => Promise<void>): Promise<void> {
    const client = await Client.start(workspace, { capabilities });
    try {
      await run(client);
      assert.deepStrictEqual(client.errors(), []);
    } finally {
      await client.stop();
    }
  }

  /** The hover card on Cassie's name, and the documentation of the completion NEVEAH at "NEV". */
  async function cards(client: Client): Promise<{ hover: { kind: string; value: string }; completion: { kind: string; value: string } }> {
    const uri = uriOf(path.join(workspace, 'story', 'cue.fountain'));
    client.open(uri, CUE);
    const hover = await client.request<{ contents: { kind: string; value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 15 } });
    const completion = await client.request<{ items: { label: string; documentation?: { kind: string; value: string } }[] }>('textDocument/completion', {
      textDocument: { uri }, position: { line: CUE.split('\n').length - 1, character: 3 },
    });
    const neveah = completion.value.items.find((i) => i.label === 'NEVEAH');
    assert.ok(neveah?.documentation, JSON.stringify(completion.value.items.slice(0, 5)));
    return { hover: hover.value.contents, completion: neveah.documentation };
  }

  describe("VS Code's client", () => {
    it('is asked to watch the packs, stories and scripts for the server', () => session(VS_CODE_CAPABILITIES, async (client) => {
      await client.until(() => client.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'), 'a registration of watched files', 10_000);
      const watched = client.registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles');
      const globs = (watched?.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((w) => w.globPattern);
      assert.deepStrictEqual(globs, ['**/*.canon.{yaml,yml,json}', '**/canon-keeper.yaml', '**/*.{fountain,spmd}']);
    }));

    it('gets related places with a warning, and cards in markdown', () => session(VS_CODE_CAPABILITIES, async (client) => {
      const uri = uriOf(path.join(workspace, 'story', 'visiting-hours.fountain'));
      client.open(uri, VISITING_HOURS);
      const coma = (await client.diagnostics(uri)).find((d) => d.code === 'continuity.state-speaks');
      assert.strictEqual(coma?.relatedInformation?.[0].location.range.start.line, 5, JSON.stringify(coma));
      const { hover, completion } = await cards(client);
      assert.strictEqual(hover.kind, 'markdown');
      assert.match(hover.value, /\*\*Cassie Shore\*\*/);
      assert.strictEqual(completion.kind, 'markdown');
    }));
  });

  describe('a client that declares nothing (as Neovim 0.7 is started in test/clients)', () => {
    it('is asked for nothing: no registration, no settings', () => session(NOTHING, async (client) => {
      const uri = uriOf(script);
      client.open(uri, ROMIO);
      await client.settled(uri);
      assert.deepStrictEqual(client.registrations, []);
    }));

    it('gets warnings without related places, and cards in plain text', () => session(NOTHING, async (client) => {
      const uri = uriOf(path.join(workspace, 'story', 'visiting-hours.fountain'));
      client.open(uri, VISITING_HOURS);
      const diagnostics = await client.diagnostics(uri);
      assert.ok(codes(diagnostics).includes('continuity.state-speaks'), JSON.stringify(diagnostics));
      assert.ok(diagnostics.every((d) => d.relatedInformation === undefined), JSON.stringify(diagnostics));
      const { hover, completion } = await cards(client);
      assert.strictEqual(hover.kind, 'plaintext');
      assert.match(hover.value, /^Cassie Shore/);
      assert.doesNotMatch(hover.value, /\*\*/);
      assert.strictEqual(completion.kind, 'plaintext');
      assert.doesNotMatch(completion.value, /\*\*/);
    }));

    it("publishes the first diagnostics against the workspace's pack, and sees the pack change on disk", () => session(NOTHING, async (client) => {
      const uri = uriOf(script);
      client.open(uri, ROMIO);
      assert.ok(codes(await client.settled(uri)).includes('names.near-miss'), 'Romio, with the pack in force');
      assert.deepStrictEqual(client.publishedVersions(uri), [1], 'one publish: nothing to correct');
      try {
        // Saved by another program: the client says nothing, the server's own watcher sees it.
        fs.writeFileSync(pack, NO_ROMEO);
        await client.until(() => client.publishedVersions(uri).length === 2, 'the warnings of the pack saved on disk', 15_000);
        assert.deepStrictEqual(codes(await client.settled(uri)), [], 'the pack no longer knows Romeo');
        fs.writeFileSync(pack, PACK);
        await client.until(() => client.publishedVersions(uri).length === 3, 'the warnings of the pack saved again', 15_000);
        assert.ok(codes(await client.settled(uri)).includes('names.near-miss'));
      } finally {
        fs.writeFileSync(pack, PACK);
      }
    }));
  });
});
