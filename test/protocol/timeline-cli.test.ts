import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const CLI = path.join(ROOT, 'bin', 'canon-keeper');

function run(args: string[], cwd = ROOT): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The visible text of a picture or page: what a reader of the README would read. */
function textOf(markup: string): string {
  return markup.replace(/<title>.*?<\/title>/gs, '').replace(/<style>.*?<\/style>/gs, '').replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

describe('canon-keeper timeline', function () {
  this.timeout(30_000);
  let dir: string;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, 'dist', 'cli.js'))) this.skip();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-timeline-'));
  });

  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('draws the example story as an SVG picture on standard output, the scenes on the canon clock', () => {
    const r = run(['timeline', 'examples/after-the-fall.fountain']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.match(r.stdout, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    const text = textOf(r.stdout);
    for (const seen of ['Tiny Pretty Things (season 1): the story on the canon timeline', "2. INT. ST. VINCENT'S HOSPITAL - ICU - NIGHT",
      "1. Cassie's fall", 'Cassie: in a coma', '2 warnings', 'flashback']) {
      assert.ok(text.includes(seen), `the picture shows “${seen}”`);
    }
  });

  it('writes a FOLDER\'s chapters as one self-contained HTML page with --out, and says what it wrote', () => {
    const out = path.join(dir, 'timeline.html');
    const r = run(['timeline', '--format', 'html', '--out', out, 'examples']);
    assert.strictEqual(r.status, 0, r.stderr);
    assert.strictEqual(r.stdout, `${out}: 9 scenes, 10 warnings, against Tiny Pretty Things (season 1)\n`);
    const html = fs.readFileSync(out, 'utf8');
    assert.ok(!/<script|<link|https?:\/\/(?!www\.w3\.org\/2000\/svg)/.test(html), 'nothing to fetch, nothing to run');
    const text = textOf(html);
    assert.ok(text.includes('After the Fall: the story on the canon timeline'), 'titled from the title page');
    assert.ok(text.includes("INT. ST. VINCENT'S HOSPITAL - ICU - NIGHT after Cassie's fall Cassie: in a coma line 44 CASSIE speaks, but Cassie is in a coma"));
    assert.ok(text.includes('off the timeline (FLASHBACK)'));
    assert.ok(text.includes("Delia is Bette's older sister"), 'the canon in force follows');
  });

  it('places a story against the pack --canon names, as check does, whatever pack the folder would find', () => {
    const story = path.join(dir, 'dream.fountain');
    fs.writeFileSync(story, ['Title: Bank of Thyme', '', 'EXT. A WOOD NEAR ATHENS - NIGHT', '',
      'Oberon squeezes the flower over the sleeping Titania\'s eyelids.', '', 'TITANIA', 'What angel wakes me?', ''].join('\n'));
    const r = run(['timeline', '--format', 'html', '--canon', 'examples/packs/midsummer-nights-dream/midsummer-nights-dream.canon.yaml', story]);
    assert.strictEqual(r.status, 0, r.stderr);
    const text = textOf(r.stdout);
    assert.ok(text.includes("Bank of Thyme: the story on the canon timeline"), 'titled from the title page');
    assert.ok(text.includes("Oberon sends Puck for the flower"), "the canon drawn is the pack given, not the built-in one");
    assert.ok(text.includes('TITANIA speaks, but Titania is asleep'), text.slice(0, 400));
    const missing = run(['timeline', '--canon', path.join(dir, 'no-such.canon.yaml'), story]);
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /cannot read canon pack/);
  });

  it('refuses a format it does not know, and a missing file, with exit status 2', () => {
    const bad = run(['timeline', '--format', 'png', 'examples']);
    assert.strictEqual(bad.status, 2);
    assert.match(bad.stderr, /--format must be svg or html, not “png”/);
    const missing = run(['timeline', path.join(dir, 'nowhere.fountain')]);
    assert.strictEqual(missing.status, 2);
    assert.match(missing.stderr, /cannot read .*nowhere\.fountain: no such file or folder/);
  });
});
