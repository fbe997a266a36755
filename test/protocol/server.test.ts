import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic } from 'vscode-languageserver';
import { Client } from './support/client';
import { VISITING_HOURS } from './support/scripts';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin', 'canon-keeper');

// Two blank lines at the end leave room for a new cue, typed in the completion test.
const SCRIPT = `${VISITING_HOURS}\n\n`;

describe('language server over stdio', function () {
  this.timeout(30_000);
  let workspace: string;
  let client: Client;
  let uri: string;

  before(async function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) this.skip();
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-protocol-'));
    const file = path.join(workspace, 'visiting-hours.fountain');
    fs.writeFileSync(file, SCRIPT);
    uri = pathToFileURL(file).href;
    client = await Client.start(workspace);
    client.open(uri, SCRIPT);
  });

  after(async () => {
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('warns that Cassie speaks in her coma, on the cue, with the canon source and where it began', async () => {
    const diagnostics = await client.diagnostics(uri, { version: 1 });
    const coma = diagnostics.find((d) => d.code === 'continuity.state-speaks');
    assert.ok(coma, `no coma warning in ${JSON.stringify(diagnostics)}`);
    assert.deepStrictEqual(coma.range.start, { line: 11, character: 0 });
    assert.strictEqual(coma.severity, 2);
    assert.match(coma.message, /coma/);
    assert.match(coma.message, /Canon: “/);
    assert.strictEqual(coma.relatedInformation?.[0].location.range.start.line, 5);
  });

  /** The command line's JSON report of the workspace's script. */
  function cliReport(): Diagnostic[] {
    const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', path.join(workspace, 'visiting-hours.fountain')], { encoding: 'utf8' });
    assert.strictEqual(cli.status, 0, cli.stderr);
    const report = JSON.parse(cli.stdout) as { version: number; files: { diagnostics: Diagnostic[] }[] };
    assert.strictEqual(report.version, 1);
    return report.files[0].diagnostics;
  }

  it('reports exactly what the command line reports for the same file (fixes come as code actions)', async () => {
    const diagnostics = await client.diagnostics(uri, { version: 1 });
    const cli = cliReport();
    assert.ok(cli.some((d) => d.data !== undefined), 'the command line reports fixes');
    assert.ok(diagnostics.every((d) => d.data === undefined), 'the server publishes none: they are asked for as code actions');
    assert.deepStrictEqual(cli.map(({ data: _fixes, ...rest }) => rest), diagnostics);
  });

  it('offers the quick fixes of a warning as code actions, the same the command line reports', async () => {
    const diagnostics = await client.diagnostics(uri, { version: 1 });
    const coma = diagnostics.find((d) => d.code === 'continuity.state-speaks') as Diagnostic;
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: coma.range, context: { diagnostics: [coma] },
    }) as { title: string; isPreferred?: boolean; edit: { changes: Record<string, unknown[]> } }[];
    assert.deepStrictEqual(actions.map((a) => a.title), ['Mark as intended divergence ([[canon-ignore]])', 'Place this scene after Cassie wakes from her coma']);
    const reported = cliReport().find((d) => d.code === coma.code && d.range.start.line === coma.range.start.line);
    const fixes = (reported?.data as { fixes: { title: string; preferred?: boolean; edits: unknown[] }[] }).fixes;
    // Through JSON, as the command line's were: an absent `preferred` is no key at all there.
    assert.deepStrictEqual(JSON.parse(JSON.stringify(actions.map((a) => ({ title: a.title, preferred: a.isPreferred, edits: a.edit.changes[uri] })))), fixes);
  });

  it('offers no quick fix for a diagnostic that matches no finding', async () => {
    const diagnostics = await client.diagnostics(uri, { version: 1 });
    const coma = diagnostics.find((d) => d.code === 'continuity.state-speaks') as Diagnostic;
    const stale = { ...coma, message: `${coma.message} (as it once read)` };
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri }, range: stale.range, context: { diagnostics: [stale] },
    }) as unknown[];
    assert.deepStrictEqual(actions, []);
  });

  it('completes canon names at a cue as the writer types, and shows who a character is on hover', async () => {
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 17, character: 0 }, end: { line: 17, character: 0 } }, text: 'NEV' }],
    });
    const items = await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri }, position: { line: 17, character: 3 },
    }) as { isIncomplete: boolean; items: { label: string; sortText?: string }[] };
    const sorted = [...items.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.strictEqual(sorted[0]?.label, 'NEVEAH', JSON.stringify(sorted.map((i) => i.label)));
    const hover = await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 5, character: 15 } }) as { contents: { value: string } };
    assert.match(hover.contents.value, /Cassie Shore/);
  });

  it('lists the scenes in the outline', async () => {
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as { name: string }[];
    assert.deepStrictEqual(symbols.map((s) => s.name), ['EXT. ARCHER SCHOOL - ROOF - NIGHT', 'INT. HOSPITAL ROOM - DAY']);
  });

  it('reports a broken canon pack at its line and keeps serving', async () => {
    const pack = path.join(workspace, 'broken.canon.yaml');
    const packText = 'canon: 1\nid: broken\nname: Broken\ncharacters:\n  - id: kai\n    name: [Kai]\n';
    fs.writeFileSync(pack, packText);
    const packUri = pathToFileURL(pack).href;
    client.open(packUri, packText, 'yaml');
    const problems = await client.diagnostics(packUri);
    assert.ok(problems.some((d) => d.severity === 1 && d.range.start.line === 5), JSON.stringify(problems));
    const symbols = await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }) as unknown[];
    assert.strictEqual(symbols.length, 2);
  });

  describe('names', () => {
    const NAMES = `INT. ARCHER SCHOOL - STUDIO A - DAY

Ramon watches Bette Shore stretch. [[canon: after Cassie's fall]]

DELLIA
You're late.

KAI
So are you.

Ram
`;
    let namesUri: string;

    before(() => {
      const file = path.join(workspace, 'names.fountain');
      fs.writeFileSync(file, NAMES);
      namesUri = pathToFileURL(file).href;
      client.open(namesUri, NAMES);
    });

    it('flags a near-miss and a wrong surname with quick fixes to the canon spelling, and not an original character', async () => {
      const diagnostics = await client.diagnostics(namesUri, { version: 1 });
      assert.deepStrictEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]).sort(), [
        ['names.near-miss', 4, 0], ['names.wrong-surname', 2, 20],
      ]);
      const fixes = [];
      for (const d of diagnostics) {
        const actions = await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri: namesUri }, range: d.range, context: { diagnostics: [d] } }) as { title: string; edit: { changes: Record<string, { newText: string }[]> } }[];
        fixes.push(actions[0].edit.changes[namesUri][0].newText);
      }
      assert.deepStrictEqual(fixes.sort(), ['DELIA', 'Whitlaw']);
    });

    it('completes names in action as written there, and canon events inside an anchor', async () => {
      const prose = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: namesUri }, position: { line: 10, character: 3 } }) as { items: { label: string }[] };
      assert.strictEqual(prose.items[0]?.label, 'Ramon', JSON.stringify(prose.items.map((i) => i.label)));
      const anchor = await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: namesUri }, position: { line: 2, character: 57 } }) as { items: { label: string }[] };
      assert.ok(anchor.items.some((i) => i.label === "Cassie's fall"), JSON.stringify(anchor.items.map((i) => i.label)));
    });

    it('goes from a name to its entry in the canon pack, and finds its references across scripts', async () => {
      const location = await client.connection.sendRequest('textDocument/definition', { textDocument: { uri: namesUri }, position: { line: 2, character: 2 } }) as { uri: string; range: { start: { line: number } } };
      assert.match(location.uri, /tiny-pretty-things\.canon\.yaml$/);
      const packLine = fs.readFileSync(path.join(ROOT, 'canon', 'tiny-pretty-things.canon.yaml'), 'utf8').split('\n')[location.range.start.line];
      assert.match(packLine, /ramon/);
      // A script never opened, saved with a byte order mark: found on disk, at the column an editor shows.
      fs.writeFileSync(path.join(workspace, 'saved.fountain'), '\uFEFFINT. CAFE - DAY\n\nBette waits.\n');
      const refs = await client.connection.sendRequest('textDocument/references', { textDocument: { uri: uri }, position: { line: 9, character: 0 }, context: { includeDeclaration: true } }) as { uri: string; range: { start: { line: number; character: number } } }[];
      assert.deepStrictEqual(refs.map((r) => [path.basename(r.uri), r.range.start.line, r.range.start.character]).sort(), [
        ['names.fountain', 2, 14], ['saved.fountain', 2, 0], ['visiting-hours.fountain', 14, 0], ['visiting-hours.fountain', 9, 0],
      ]);
    });
  });
});
