import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { DESK, type ExportPdfResult, type PagesResult, type StatsResult } from '../../server/protocol/desk';
import { Client, ROOT, skipUnlessBuilt, tempFolder, uriOf } from './support/client';

/**
 * The writer's desk over the protocol: the numbers and canon the status bar shows, pages with the
 * canon warnings placed in their margin, and a PDF written by the server, read back with poppler.
 */
const COMA = 'Title: After the Fall\nCanon: divergent\n\nEXT. ROOF - NIGHT\n\nDelia pushes Cassie off the roof.\n\nINT. HOSPITAL ROOM - DAY\n\nCASSIE\nGet out.\n';
const SECOND = 'INT. CAFE - DAY\n\nBette sits alone.\n\nBETTE\nCoffee. Black.\n';

function hasPoppler(): boolean {
  return spawnSync('pdfinfo', ['-v']).error === undefined;
}

describe('the writer\'s desk over the protocol', function () {
  this.timeout(30_000);
  let client: Client;
  let folder: string;

  before(async function () {
    skipUnlessBuilt(this);
    folder = tempFolder('ck-desk-');
    fs.mkdirSync(path.join(folder, 'story'));
    fs.writeFileSync(path.join(folder, 'story', '01-fall.fountain'), COMA);
    fs.writeFileSync(path.join(folder, 'story', '02-cafe.fountain'), SECOND);
    client = await Client.start(folder);
    client.open(uriOf(path.join(folder, 'story', '01-fall.fountain')), COMA);
  });

  after(async () => {
    await client?.stop();
  });

  it('gives a script\'s statistics and the canon in force, as the title page sets it', async () => {
    const { value } = await client.request<StatsResult>(DESK.stats, { uri: uriOf(path.join(folder, 'story', '01-fall.fountain')) });
    assert.strictEqual(value.stats.pages, 1);
    assert.strictEqual(value.stats.scenes, 2);
    assert.deepStrictEqual(value.stats.characters.map((c) => c.name), ['CASSIE']);
    assert.strictEqual(value.canon.pack, 'Tiny Pretty Things (season 1)');
    assert.strictEqual(value.canon.mode, 'divergent');
  });

  it('gives the pages as printed, with the canon warning beside the line it concerns', async () => {
    const uri = uriOf(path.join(folder, 'story', '01-fall.fountain'));
    const warnings = (await client.settled(uri)).filter((d) => d.code === 'continuity.state-speaks');
    assert.strictEqual(warnings.length, 1, 'Cassie speaking in her coma is warned about');
    const { value } = await client.request<PagesResult>(DESK.pages, { uri, paper: 'a4' });
    assert.strictEqual(value.paper.name, 'a4');
    assert.strictEqual(value.pages.length, 2, 'a title page and one page of script');
    const mark = value.marks.find((m) => m.ruleId === 'continuity.state-speaks');
    assert.ok(mark, `a mark for the warning among ${JSON.stringify(value.marks)}`);
    const line = value.pages[mark.page].lines.find((l) => l.row === mark.row && l.kind === 'character');
    assert.strictEqual(line?.runs.map((r) => r.text).join(''), 'CASSIE', 'the mark stands beside the cue');
  });

  it('writes the PDF of the script, or of its story\'s chapters in order', async function () {
    if (!hasPoppler()) this.skip();
    const uri = uriOf(path.join(folder, 'story', '01-fall.fountain'));
    const script = path.join(folder, 'script.pdf');
    const one = (await client.request<ExportPdfResult>(DESK.exportPdf, { uri, scope: 'script', target: script }, 15_000)).value;
    assert.deepStrictEqual({ pages: one.pages, chapters: one.chapters }, { pages: 2, chapters: 1 });
    assert.match(spawnSync('pdfinfo', [script], { encoding: 'utf8' }).stdout, /Pages:\s+2\b/);
    const story = path.join(folder, 'story.pdf');
    const all = (await client.request<ExportPdfResult>(DESK.exportPdf, { uri, scope: 'story', target: story }, 15_000)).value;
    assert.deepStrictEqual({ pages: all.pages, chapters: all.chapters }, { pages: 3, chapters: 2 });
    const text = spawnSync('pdftotext', ['-layout', story, '-'], { encoding: 'utf8' }).stdout.split('\f');
    assert.match(text[0], /After the Fall/);
    assert.match(text[1], /EXT\. ROOF - NIGHT/);
    assert.match(text[2], /INT\. CAFE - DAY/);
    assert.match(spawnSync('pdffonts', [story], { encoding: 'utf8' }).stdout, /Courier/);
  });

  it('says why when the PDF cannot be written', async () => {
    const uri = uriOf(path.join(folder, 'story', '01-fall.fountain'));
    await assert.rejects(client.request(DESK.exportPdf, { uri, scope: 'script', target: path.join(folder, 'no', 'such', 'x.pdf') }), /Cannot write/);
  });
});

describe('the bundled server without node_modules', function () {
  this.timeout(30_000);

  it('writes a PDF: pdfkit and its font metrics are inside dist/server.js', async function () {
    skipUnlessBuilt(this);
    if (!hasPoppler()) this.skip();
    // The installed extension has no node_modules: run a copy of the bundle where none can be found.
    const alone = tempFolder('ck-bundle-');
    fs.mkdirSync(path.join(alone, 'dist'));
    for (const file of fs.readdirSync(path.join(ROOT, 'dist')).filter((f) => !f.endsWith('.map'))) {
      fs.copyFileSync(path.join(ROOT, 'dist', file), path.join(alone, 'dist', file));
    }
    fs.cpSync(path.join(ROOT, 'canon'), path.join(alone, 'canon'), { recursive: true });
    fs.writeFileSync(path.join(alone, 'a.fountain'), COMA);
    const client = await Client.start(alone, { server: path.join(alone, 'dist', 'server.js') });
    try {
      const target = path.join(alone, 'a.pdf');
      await client.request(DESK.exportPdf, { uri: uriOf(path.join(alone, 'a.fountain')), scope: 'script', target }, 15_000);
      assert.match(spawnSync('pdfinfo', [target], { encoding: 'utf8' }).stdout, /Pages:\s+2\b/);
    } finally {
      await client.stop();
      // The copy holds the built-in canon pack: no *.canon.yaml may be left under the temp folder.
      fs.rmSync(alone, { recursive: true, force: true });
    }
  });
});
