import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { Diagnostic } from 'vscode-languageserver';
import { isScriptFile } from '../../server/host/files';
import { Client, ROOT, skipUnlessBuilt, tempFolder, uriOf } from './support/client';

/**
 * `canon-keeper check FILE` gives exactly what the editor shows for that file: for every corpus
 * story and the examples, and for stories whose pack is in a parent folder, named by a
 * canon-keeper.yaml, and whose chapters start where the earlier ones leave the clock.
 */
const CLI = path.join(ROOT, 'bin', 'canon-keeper');

const FALL = 'EXT. ROOF - NIGHT\n\nDelia pushes Cassie off the roof.\n';
const COMA = 'INT. HOSPITAL ROOM - DAY\n\nCASSIE\nGet out.\n';
const ROMIO = '\nEXT. BALCONY - NIGHT\n\nRomio waits below the balcony.\n';
/** The fandom's pack: the show's canon and one more character, with a misspelling it lists. */
const FANDOM_PACK = 'canon: 1\nid: fandom\nname: Fandom\nextends: builtin:tiny-pretty-things\ncharacters:\n  - id: romeo\n    name: Romeo Montague\n    misspellings: [Romio]\n';
/** A pack above the project's root: neither the editor nor the command line may use it. */
const OUTSIDE_PACK = 'canon: 1\nid: elsewhere\nname: Elsewhere\ncharacters:\n  - id: xavier\n    name: Xavier\n';

/** The corpus's stories (folders named story-*) and the examples, each copied under `into`. */
function copyCorpus(into: string): string[] {
  const stories = fs.readdirSync(path.join(ROOT, 'test'))
    .filter((d) => d.startsWith('corpus'))
    .flatMap((d) => storyFolders(path.join(ROOT, 'test', d)));
  const sources = [...stories, path.join(ROOT, 'examples')];
  for (const source of sources) fs.cpSync(source, path.join(into, path.relative(ROOT, source)), { recursive: true });
  return sources.map((s) => path.relative(ROOT, s));
}

function storyFolders(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).filter((e) => e.isDirectory()).flatMap((e) => {
    const full = path.join(folder, e.name);
    return e.name.startsWith('story-') ? [full] : storyFolders(full);
  });
}

/** Stories whose canon or clock comes from around them: a parent folder's pack, canon-keeper.yaml, chapters. */
function writeProjectCases(workspace: string): void {
  const write = (file: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
    fs.writeFileSync(path.join(workspace, file), text);
  };
  write('fandom/fandom.canon.yaml', FANDOM_PACK);
  write('fandom/story/01-roof.fountain', FALL + ROMIO);
  write('fandom/story/02-ward.fountain', COMA + ROMIO);
  write('fandom/arc/part-one/ch-1.fountain', ROMIO);
  // canon-keeper.yaml orders the chapters against their names, names a pack and sets a severity.
  write('ordered/canon-keeper.yaml', 'chapters: [b.fountain, a.fountain]\ncanon: ../fandom/fandom.canon.yaml\nseverity:\n  continuity.state-speaks: error\n');
  write('ordered/b.fountain', FALL);
  write('ordered/a.fountain', COMA + ROMIO);
  write('chapters/chapter-1.fountain', FALL);
  write('chapters/chapter-2.fountain', 'INT. CAFE - DAY\n\nBette sits alone.\n');
  write('chapters/chapter-10.fountain', COMA);
}

function scriptsUnder(folder: string): string[] {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => isScriptFile(f) && !f.split(path.sep).includes('.git'))
    .map((f) => path.join(folder, f))
    .sort();
}

/** The command line's diagnostics for one file checked alone, without the fixes the server gives as code actions. */
function cliDiagnostics(workspace: string, file: string, flags: readonly string[] = []): Diagnostic[] {
  const run = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', ...flags, path.relative(workspace, file)], { cwd: workspace, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `check ${file} exited ${run.status}: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as { files: { diagnostics: Diagnostic[] }[] };
  assert.strictEqual(report.files.length, 1);
  return report.files[0].diagnostics.map(({ data: _fixes, ...rest }) => rest);
}

/** What the server publishes for each script, all of them open, once it has handled everything. */
async function serverDiagnostics(workspace: string, files: readonly string[], settings: Record<string, unknown>): Promise<Map<string, Diagnostic[]>> {
  const client = await Client.start(workspace, { settings });
  try {
    for (const file of files) client.open(uriOf(file), fs.readFileSync(file, 'utf8'));
    const published = new Map<string, Diagnostic[]>();
    for (const file of files) published.set(file, await client.settled(uriOf(file)));
    assert.deepStrictEqual(client.errors(), []);
    return published;
  } finally {
    await client.stop();
  }
}

const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.severity}`);

describe('the command line and the server agree on every story', function () {
  this.timeout(180_000);
  let base: string;
  let workspace: string;
  let files: string[];

  before(function () {
    skipUnlessBuilt(this);
    base = tempFolder('ck-agree-');
    workspace = path.join(base, 'project');
    // The project's root, as an editor opens it: the command line looks for packs no higher.
    fs.mkdirSync(path.join(workspace, '.git'), { recursive: true });
    fs.writeFileSync(path.join(base, 'elsewhere.canon.yaml'), OUTSIDE_PACK);
    const copied = copyCorpus(workspace);
    assert.ok(copied.length >= 6, `corpus stories and examples: ${copied.join(', ')}`);
    writeProjectCases(workspace);
    files = scriptsUnder(workspace);
  });

  after(() => base && fs.rmSync(base, { recursive: true, force: true }));

  it('gives for each script, checked alone, exactly what the server publishes for it', async () => {
    const published = await serverDiagnostics(workspace, files, {});
    let compared = 0;
    for (const file of files) {
      assert.deepStrictEqual(cliDiagnostics(workspace, file), published.get(file), path.relative(workspace, file));
      compared++;
    }
    assert.strictEqual(compared, files.length);
    assert.ok(files.length >= 20, `${files.length} scripts`);
    assert.ok([...published.values()].filter((d) => d.length > 0).length >= 5, 'most stories have findings to compare');
  });

  it('finds the pack in a parent folder, starts a chapter where the earlier ones leave the clock, and reads canon-keeper.yaml', () => {
    const at = (file: string): string[] => codes(cliDiagnostics(workspace, path.join(workspace, file)));
    assert.deepStrictEqual(at('fandom/story/02-ward.fountain'), ['continuity.state-speaks@2:2', 'names.near-miss@7:2']);
    assert.deepStrictEqual(at('fandom/arc/part-one/ch-1.fountain'), ['names.near-miss@3:2'], 'the pack two folders up');
    assert.deepStrictEqual(at('ordered/a.fountain'), ['continuity.state-speaks@2:1', 'names.near-miss@7:2'], 'b.fountain comes first');
    assert.deepStrictEqual(at('chapters/chapter-10.fountain'), ['continuity.state-speaks@2:2'], 'after chapter 2, in natural order');
    assert.deepStrictEqual(at('chapters/chapter-2.fountain'), []);
  });

  it('publishes a script’s first diagnostics against the workspace’s pack, not the built-in one corrected later', async () => {
    const client = await Client.start(workspace);
    try {
      const uri = uriOf(path.join(workspace, 'fandom', 'arc', 'part-one', 'ch-1.fountain'));
      client.open(uri, ROMIO);
      assert.deepStrictEqual(codes(await client.settled(uri)), ['names.near-miss@3:2']);
      assert.deepStrictEqual(client.publishedVersions(uri), [1], 'one publish: nothing to correct');
    } finally {
      await client.stop();
    }
  });

  it('applies the settings’ severities as the command line applies --severity', async () => {
    const stories = files.filter((f) => /[\\/](chapters|ordered|fandom)[\\/]/.test(f));
    const severity = { 'continuity.state-speaks': 'hint', 'names.near-miss': 'off' };
    const published = await serverDiagnostics(workspace, stories, { severity });
    const flags = Object.entries(severity).flatMap(([rule, level]) => ['--severity', `${rule}=${level}`]);
    for (const file of stories) assert.deepStrictEqual(cliDiagnostics(workspace, file, flags), published.get(file), path.relative(workspace, file));
    assert.deepStrictEqual(codes(published.get(path.join(workspace, 'chapters', 'chapter-10.fountain')) ?? []), ['continuity.state-speaks@2:4']);
  });
});
