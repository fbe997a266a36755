import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin', 'canon-keeper');

function run(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TYPOS = 'canon: 1\nid: typos\nname: Typos\ncharacters:\n  - id: duncan\n    name: Duncan\n    pronoun: he/him\n    colour: red\n';
const SCRIPT = 'INT. HALL - NIGHT\n\nDuncan sleeps.\n';
const BROKEN = 'canon: 1\nid: broken\nname: Broken\ncharacters:\n  - id: duncan\n    name: Duncan\n    source: He said: go\n';

const TESTED = `canon: 1
id: tested
name: Tested
characters:
  - id: duncan
    name: Duncan
events:
  - id: murder
    name: the murder
    phrasings: ["* murder {duncan}"]
states:
  - id: dead
    character: duncan
    label: dead
    from: murder
    forbids: [speak]
examples:
  - name: the dead do not speak
    script: |
      INT. HALL - NIGHT

      [[canon: after the murder]]

      DUNCAN
      Who knocks?
    expect: [continuity.state-speaks]
  - name: alive before the murder
    script: |
      INT. HALL - NIGHT

      DUNCAN
      Who knocks?
    quiet: true
`;

describe('canon-keeper and canon packs: check, lint, test, new-pack', function () {
  this.timeout(30_000);
  let dir: string;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-packs-'));
    fs.writeFileSync(path.join(dir, 'typos.canon.yaml'), TYPOS);
    fs.writeFileSync(path.join(dir, 'broken.canon.yaml'), BROKEN);
    fs.writeFileSync(path.join(dir, 'tested.canon.yaml'), TESTED);
    fs.writeFileSync(path.join(dir, 'failing.canon.yaml'), TESTED.replace('    quiet: true', '    expect: [continuity.never]'));
    fs.writeFileSync(path.join(dir, 'hall.fountain'), SCRIPT);
  });

  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('check prints a pack\'s warnings at file:line:col, before the scripts, and counts them', () => {
    const r = run(['check', '--canon', 'typos.canon.yaml', 'hall.fountain'], dir);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, [
      "typos.canon.yaml:7:5: warning canon.pack unknown key 'pronoun' in characters[0] — did you mean 'pronouns'?",
      "typos.canon.yaml:8:5: warning canon.pack unknown key 'colour' in characters[0]",
      '1 file and 1 canon pack checked against the packs of --canon (typos.canon.yaml): 0 errors, 2 warnings, 0 information, 0 hints.',
      '',
    ].join('\n'));
  });

  it('check puts pack problems in JSON and SARIF', () => {
    const json = JSON.parse(run(['check', '--format', 'json', '--canon', 'typos.canon.yaml', 'hall.fountain'], dir).stdout) as { files: { path: string; kind?: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[] };
    assert.deepStrictEqual(json.files.map((f) => [f.path, f.kind, f.diagnostics.map((d) => [d.code, d.range.start.line])]), [
      ['typos.canon.yaml', 'canon-pack', [['canon.pack', 6], ['canon.pack', 7]]],
      ['hall.fountain', undefined, []],
    ]);
    const sarif = JSON.parse(run(['check', '--format', 'sarif', '--canon', 'typos.canon.yaml', 'hall.fountain'], dir).stdout) as { runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    assert.deepStrictEqual(sarif.runs[0].results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine]), [
      ['canon.pack', 'warning', 'typos.canon.yaml', 7], ['canon.pack', 'warning', 'typos.canon.yaml', 8],
    ]);
  });

  it('check tells the warnings of a pack it finds beside the script', () => {
    const folder = path.join(dir, 'found');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, 'typos.canon.yaml'), TYPOS);
    fs.writeFileSync(path.join(folder, 'hall.fountain'), SCRIPT);
    const r = run(['check', 'found/hall.fountain'], dir);
    assert.match(r.stdout, /^found[\\/]typos\.canon\.yaml:7:5: warning canon\.pack unknown key 'pronoun'/m);
  });

  it('lint checks packs alone: exit 0 on warnings, 1 on errors, 2 on bad usage', () => {
    const warned = run(['lint', 'typos.canon.yaml', 'tested.canon.yaml'], dir);
    assert.strictEqual(warned.status, 0);
    assert.match(warned.stdout, /^typos\.canon\.yaml:7:5: warning canon\.pack unknown key 'pronoun'/m);
    assert.match(warned.stdout, /2 canon packs checked: 0 errors, 2 warnings/);
    const broken = run(['lint', 'broken.canon.yaml'], dir);
    assert.strictEqual(broken.status, 1);
    assert.match(broken.stdout, /^broken\.canon\.yaml:7:13: error canon\.pack 'source:' holds a colon followed by a space.*put the whole quotation in double quotes: source: "He said: go"$/m);
    const json = JSON.parse(run(['lint', '--format', 'json', 'broken.canon.yaml'], dir).stdout) as { files: { path: string; diagnostics: { severity: number }[] }[] };
    assert.deepStrictEqual(json.files.map((f) => [f.path, f.diagnostics.map((d) => d.severity)]), [['broken.canon.yaml', [1]]]);
    assert.strictEqual(run(['lint'], dir).status, 2);
    assert.strictEqual(run(['lint', '--format', 'xml', 'typos.canon.yaml'], dir).status, 2);
    const missing = run(['lint', 'nowhere.canon.yaml'], dir);
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /cannot read nowhere\.canon\.yaml/);
  });

  it('test runs a pack\'s examples and says which pass', () => {
    const r = run(['test', 'tested.canon.yaml'], dir);
    assert.strictEqual(r.status, 0, r.stdout);
    assert.strictEqual(r.stdout, [
      'pass tested.canon.yaml:18:5: the dead do not speak',
      'pass tested.canon.yaml:27:5: alive before the murder',
      '2 examples: 2 passed, 0 failed.',
      '',
    ].join('\n'));
  });

  it('test fails an example whose findings differ, saying what was missing and what was not expected', () => {
    const r = run(['test', 'failing.canon.yaml'], dir);
    assert.strictEqual(r.status, 1);
    assert.match(r.stdout, /^FAIL failing\.canon\.yaml:27:5: alive before the murder\n {5}expected continuity\.never, not given$/m);
    assert.match(r.stdout, /2 examples: 1 passed, 1 failed\./);
    const broken = run(['test', 'broken.canon.yaml'], dir);
    assert.strictEqual(broken.status, 1);
    assert.match(broken.stdout, /^broken\.canon\.yaml:7:13: error canon\.pack/m);
    assert.match(broken.stdout, /1 pack with errors: its examples were not run\./);
    assert.strictEqual(run(['test'], dir).status, 2);
  });

  it('new-pack writes an annotated pack that loads and passes its own examples, and never overwrites', () => {
    const folder = path.join(dir, 'new');
    fs.mkdirSync(folder);
    const r = run(['new-pack', 'The Lighthouse'], folder);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^Wrote the-lighthouse\.canon\.yaml\./);
    const text = fs.readFileSync(path.join(folder, 'the-lighthouse.canon.yaml'), 'utf8');
    assert.match(text, /^id: the-lighthouse /m);
    assert.match(text, /^name: The Lighthouse /m);
    assert.match(run(['lint', 'the-lighthouse.canon.yaml'], folder).stdout, /^1 canon pack checked: 0 errors, 0 warnings, 0 information, 0 hints\.\n$/);
    const tested = run(['test', 'the-lighthouse.canon.yaml'], folder);
    assert.strictEqual(tested.status, 0, tested.stdout);
    assert.match(tested.stdout, /3 examples: 3 passed, 0 failed\./);
    fs.writeFileSync(path.join(folder, 'the-lighthouse.canon.yaml'), 'mine');
    const again = run(['new-pack', 'The Lighthouse'], folder);
    assert.strictEqual(again.status, 2);
    assert.match(again.stderr, /the-lighthouse\.canon\.yaml already exists: not overwritten/);
    assert.strictEqual(fs.readFileSync(path.join(folder, 'the-lighthouse.canon.yaml'), 'utf8'), 'mine');
    assert.strictEqual(run(['new-pack'], folder).status, 2);
  });
});
