import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { assertKnownV8Flags } from '../support/v8-flags';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin', 'canon-keeper');

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FALL = 'EXT. ROOF - NIGHT\n\nDelia pushes Cassie off the roof.\n';
const COMA = 'INT. HOSPITAL ROOM - DAY\n\nCASSIE\nGet out.\n';

describe('canon-keeper command line', function () {
  this.timeout(30_000);
  let dir: string;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-cli-'));
    fs.mkdirSync(path.join(dir, 'story'));
    fs.writeFileSync(path.join(dir, 'story', 'chapter-2.fountain'), COMA);
    fs.writeFileSync(path.join(dir, 'story', 'chapter-10.fountain'), 'INT. CAFE - DAY\n\nBette sits alone.\n');
    fs.writeFileSync(path.join(dir, 'story', 'chapter-1.fountain'), FALL);
    fs.writeFileSync(path.join(dir, 'alone.fountain'), COMA);
  });

  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('reads like a compiler and exits 0 when nothing is an error', () => {
    const r = run(['check', 'story'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^story[\\/]chapter-2\.fountain:3:1: warning continuity\.state-speaks CASSIE speaks, but Cassie is in a coma/m);
    assert.match(r.stdout, /^3 files checked against Tiny Pretty Things \(season 1\), built in: 0 errors, 1 warning/m);
  });

  it('checks the folders inside a folder too, and one-shots side by side each on their own clock', () => {
    const shelf = path.join(dir, 'shelf');
    fs.mkdirSync(path.join(shelf, 'story-two-parts'), { recursive: true });
    // Two one-shots, each with a title of its own: the second does not start after the first's fall.
    fs.writeFileSync(path.join(shelf, '01-the-roof.fountain'), `Title: The Roof\n\n${FALL}`);
    fs.writeFileSync(path.join(shelf, '02-rehearsal.fountain'), `Title: Before\n\n${COMA}`);
    // Two chapters of one story: the same title with a chapter number goes on where the first left off.
    fs.writeFileSync(path.join(shelf, 'story-two-parts', '1.fountain'), `Title: Winter\n\n${FALL}`);
    fs.writeFileSync(path.join(shelf, 'story-two-parts', '2.fountain'), `Title: Winter, Chapter Two\n\n${COMA}`);
    const r = run(['check', 'shelf'], dir);
    assert.deepStrictEqual(r.stdout.split('\n').filter((l) => /: warning /.test(l)).map((l) => l.split(':')[0]), [path.join('shelf', 'story-two-parts', '2.fountain')]);
    assert.match(r.stdout, /^4 files checked against/m);
  });

  it('checks a folder as one story in natural order, but a file alone on its own', () => {
    assert.doesNotMatch(run(['check', 'alone.fountain'], dir).stdout, /state-speaks/);
    const story = run(['check', '--story', 'story/chapter-1.fountain', 'alone.fountain'], dir);
    assert.match(story.stdout, /alone\.fountain:3:1: warning continuity\.state-speaks/);
  });

  it('exits 1 when a finding has error severity', () => {
    const r = run(['check', '--severity', 'continuity.state-speaks=error', 'story'], dir);
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /error continuity\.state-speaks/);
  });

  it('prints JSON with LSP diagnostics, paths as given', () => {
    const r = run(['check', '--format', 'json', 'story'], dir);
    const out = JSON.parse(r.stdout) as { version: number; files: { path: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[] };
    assert.strictEqual(out.version, 1);
    assert.deepStrictEqual(out.files.map((f) => f.path), ['story/chapter-1.fountain', 'story/chapter-2.fountain', 'story/chapter-10.fountain'].map((p) => path.join(...p.split('/'))));
    assert.deepStrictEqual(out.files[1].diagnostics.map((d) => [d.code, d.range.start.line]), [['continuity.state-speaks', 2]]);
  });

  it('prints SARIF 2.1.0', () => {
    const out = JSON.parse(run(['check', '--format', 'sarif', 'story'], dir).stdout) as { version: string; runs: { results: { ruleId: string; level: string }[] }[] };
    assert.strictEqual(out.version, '2.1.0');
    assert.deepStrictEqual(out.runs[0].results.map((r) => [r.ruleId, r.level]), [['continuity.state-speaks', 'warning']]);
  });

  it('stops quietly when the reader of its output stops early (| head)', () => {
    // Far more output than a pipe holds (a warning per scene): the reader takes 100 bytes and closes it.
    fs.writeFileSync(path.join(dir, 'many.fountain'), FALL + COMA.repeat(3000));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" check --format json many.fountain | head -c 100 >/dev/null`],
      { cwd: dir, encoding: 'utf8' });
    assert.strictEqual(r.stderr, '');
  });

  it('exits 2 with a clear message on bad usage or unreadable input', () => {
    const missing = run(['check', 'nowhere.fountain'], dir);
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /cannot read nowhere\.fountain/);
    const bad = run(['check', '--format', 'xml', 'alone.fountain'], dir);
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /--format must be text, json or sarif/);
    assert.strictEqual(run(['frobnicate'], dir).status, 2);
  });

  it('checks a script against the pack beside it, not against packs in folders below it', () => {
    const pack = 'canon: 1\nid: verona\nname: Verona\ncharacters:\n  - id: romeo\n    name: Romeo Montague\n    misspellings: [Romio]\n    source: "But, soft!"\n';
    const script = 'EXT. VERONA - DAY\n\nRomio waits below the balcony.\n';
    fs.mkdirSync(path.join(dir, 'verona', 'drafts'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'verona', 'verona.canon.yaml'), pack);
    fs.writeFileSync(path.join(dir, 'verona', 'act-1.fountain'), script);
    fs.mkdirSync(path.join(dir, 'elsewhere', 'packs'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'elsewhere', 'packs', 'verona.canon.yaml'), pack);
    fs.writeFileSync(path.join(dir, 'elsewhere', 'act-1.fountain'), script);
    assert.match(run(['check', 'verona/act-1.fountain'], dir).stdout, /act-1\.fountain:3:1: warning names\.near-miss ‘Romio’ is not the canon spelling: Romeo/);
    assert.doesNotMatch(run(['check', 'elsewhere/act-1.fountain'], dir).stdout, /Romio/);
  });

  it('reports a broken --canon pack at its line and exits 2', () => {
    fs.writeFileSync(path.join(dir, 'broken.canon.yaml'), 'canon: 1\nid: x\nname: X\ncharacters:\n  - id: kai\n    name: [Kai]\n');
    const r = run(['check', '--canon', 'broken.canon.yaml', 'alone.fountain'], dir);
    assert.strictEqual(r.status, 2);
    // In the compiler style of findings, on standard output; the reason for exit 2 on a line of its own.
    assert.match(r.stdout, /^broken\.canon\.yaml:6:\d+: error canon\.pack characters\[0\]\.name: expected a string/m);
    assert.match(r.stdout, /\.\n$/);
    assert.match(r.stderr, /^canon-keeper: the canon pack has errors \(listed above\): scripts that use it were not checked\n$/);
  });

  it('parses to elements with LSP ranges', () => {
    const out = JSON.parse(run(['parse', '--format', 'json', 'alone.fountain'], dir).stdout) as { version: number; elements: { type: string; range: { start: { line: number } }; text: string }[] };
    assert.deepStrictEqual(out.elements.map((e) => [e.type, e.range.start.line, e.text]), [
      ['scene-heading', 0, 'INT. HOSPITAL ROOM - DAY'], ['character', 2, 'CASSIE'], ['dialogue', 3, 'Get out.'],
    ]);
  });
  it('tunes V8 with flags this node knows: an unknown flag would be dropped without a word, and the speed-up with it', () => {
    const { ONE_SHOT_V8_FLAGS } = require(path.join(ROOT, 'dist', 'cli.js')) as { ONE_SHOT_V8_FLAGS?: string };
    assert.ok(ONE_SHOT_V8_FLAGS, 'the bundle exports the flags bin/canon-keeper sets');
    assertKnownV8Flags(ONE_SHOT_V8_FLAGS);
    assert.match(fs.readFileSync(CLI, 'utf8'), /tuneForOneShotRun\(\)/, 'bin/canon-keeper sets them');
  });
});
