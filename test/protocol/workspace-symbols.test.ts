import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { Client } from './support/client';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Symbol {
  readonly name: string;
  readonly containerName?: string;
  readonly location: { readonly uri: string; readonly range: { readonly start: { readonly line: number } } };
}

describe('Go to Symbol in Workspace', function () {
  this.timeout(30_000);
  let workspace: string;
  let client: Client;

  before(async function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'server.js'))) this.skip();
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-symbols-'));
    fs.mkdirSync(path.join(workspace, 'season-one'));
    fs.mkdirSync(path.join(workspace, 'node_modules', 'x'), { recursive: true });
    fs.writeFileSync(path.join(workspace, 'season-one', '01-studio.fountain'), 'INT. STUDIO A - DAY\n\nMusic.\n');
    fs.writeFileSync(path.join(workspace, 'season-one', '02-hospital.fountain'),
      '# Act One\n\nINT. HOSPITAL - ROOF GARDEN - DAY\n\nWind.\n\nINT. HOSPITAL - CASSIE\'S ROOM - NIGHT\n\nBeeps.\n');
    fs.writeFileSync(path.join(workspace, 'node_modules', 'x', 'roof.fountain'), 'EXT. ROOF - NIGHT\n\nNot a chapter.\n');
    client = await Client.start(workspace);
    // One chapter open, with a scene typed and not saved: the editor's text counts, not the file's.
    const studio = pathToFileURL(path.join(workspace, 'season-one', '01-studio.fountain')).href;
    client.open(studio, 'INT. STUDIO A - DAY\n\nMusic.\n\nEXT. ARCHER SCHOOL - ROOF - NIGHT\n\nWind.\n');
  });

  after(async () => {
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  it('finds scenes in every chapter of the workspace, open or not, named with their chapter', async () => {
    const symbols = (await client.request<Symbol[]>('workspace/symbol', { query: 'roof' })).value;
    assert.deepStrictEqual(symbols.map((s) => [s.name, s.containerName, path.basename(s.location.uri), s.location.range.start.line]).sort(), [
      ['EXT. ARCHER SCHOOL - ROOF - NIGHT', path.join('season-one', '01-studio.fountain'), '01-studio.fountain', 4],
      ['INT. HOSPITAL - ROOF GARDEN - DAY', `${path.join('season-one', '02-hospital.fountain')} · Act One`, '02-hospital.fountain', 2],
    ]);
  });

  it('lists every scene and section for an empty query', async () => {
    const symbols = (await client.request<Symbol[]>('workspace/symbol', { query: '' })).value;
    assert.deepStrictEqual(symbols.map((s) => s.name).sort(), [
      'Act One', 'EXT. ARCHER SCHOOL - ROOF - NIGHT', 'INT. HOSPITAL - CASSIE\'S ROOM - NIGHT',
      'INT. HOSPITAL - ROOF GARDEN - DAY', 'INT. STUDIO A - DAY',
    ]);
  });
});
