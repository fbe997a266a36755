import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../../server/cli/main';
import { repoRoot } from '../fountain/sharedData';
import { DEJAVU_MONO, pdfFonts, pdfPages, pdfPageSize, pdfText, skipWithoutDejaVu, skipWithoutPoppler } from './poppler';

const CHAPTER_1 = `Title: The Long Night
Author: A. Fan

INT. KITCHEN - NIGHT

ANNA stirs a pot. **Steam** rises.

ANNA
It is *almost* ready.
`;

const CHAPTER_2 = `EXT. GARDEN - DAWN

Birds.

> CUT TO:

INT. KITCHEN - DAY

Dishes everywhere.
`;

/** The first printed line of a page, as a reader would see it. */
function firstLine(page: string): string {
  return page.split('\n').map((l) => l.trim()).find((l) => l !== '') ?? '';
}

async function quietly(run: () => Promise<number>): Promise<number> {
  const write = process.stdout.write;
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    return await run();
  } finally {
    process.stdout.write = write;
  }
}

/** What a command wrote to one stream, and its exit status; the other stream is silenced. */
async function capture(stream: 'stdout' | 'stderr', run: () => Promise<number>): Promise<{ status: number; text: string }> {
  const out = process.stdout.write;
  const err = process.stderr.write;
  let text = '';
  const keep = ((s: string) => ((text += s), true)) as typeof process.stdout.write;
  const drop = (() => true) as typeof process.stdout.write;
  process.stdout.write = stream === 'stdout' ? keep : drop;
  process.stderr.write = stream === 'stderr' ? keep : drop;
  try {
    return { status: await run(), text };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

describe('PDF export, read back', function () {
  this.timeout(600_000);
  let folder: string;

  beforeEach(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-pdf-'));
    // Named so that natural order (2 before 10) differs from plain text order.
    fs.writeFileSync(path.join(folder, 'chapter 2.fountain'), CHAPTER_1);
    fs.writeFileSync(path.join(folder, 'chapter 10.fountain'), CHAPTER_2);
  });

  it('writes a folder as one PDF: title page, then each chapter from a new page, in Courier', async function () {
    skipWithoutPoppler(this);
    const out = path.join(folder, 'story.pdf');
    assert.equal(await quietly(() => main(['export', '--pdf', out, folder])), 0);
    assert.equal(pdfPages(out), 3);
    assert.match(pdfPageSize(out), /^612 x 792 pts/);
    const pages = pdfText(out);
    assert.deepEqual(pages.map(firstLine), ['The Long Night', 'INT. KITCHEN - NIGHT', '2.']);
    assert.match(pages[1], /ANNA stirs a pot\. Steam rises\./);
    assert.match(pages[1], /It is almost ready\./);
    assert.match(pages[2], /EXT\. GARDEN - DAWN/);
    assert.match(pages[2], /CUT TO:/);
    assert.deepEqual([...new Set(pdfFonts(out))].sort(), ['Courier', 'Courier-Bold', 'Courier-Oblique']);
  });

  it('prints on A4 when asked', async function () {
    skipWithoutPoppler(this);
    const out = path.join(folder, 'a4.pdf');
    assert.equal(await quietly(() => main(['export', '--pdf', out, '--paper', 'a4', path.join(folder, 'chapter 10.fountain')])), 0);
    assert.match(pdfPageSize(out), /\(A4\)/);
    assert.deepEqual(pdfText(out).map(firstLine), ['EXT. GARDEN - DAWN']);
  });

  it('spells keyboard symbols out, which the standard Courier font has no glyphs for', async function () {
    skipWithoutPoppler(this);
    const script = path.join(folder, 'keys.fountain');
    fs.writeFileSync(script, 'INT. OFFICE - DAY\n\nShe presses ⌘S. Format → Bold.\n');
    const out = path.join(folder, 'keys.pdf');
    assert.equal(await quietly(() => main(['export', '--pdf', out, script])), 0);
    assert.match(pdfText(out)[0], /She presses Cmd-S\. Format -> Bold\./);
  });

  it('sets letters Courier lacks (Cyrillic) from the font the writer names, embedded, on the same page layout', async function () {
    skipWithoutPoppler(this);
    skipWithoutDejaVu(this);
    const script = path.join(folder, 'cyrillic.fountain');
    fs.writeFileSync(script, 'ИНТ. КВАРТИРА МАШИ - ДЕНЬ\n\nМаша _открывает_ окно. It is cold.\n\nМАША\nХолодно!\n');
    const out = path.join(folder, 'cyrillic.pdf');
    const said = await capture('stderr', () => main(['export', '--pdf', out, '--font', DEJAVU_MONO, script]));
    assert.equal(said.status, 0);
    assert.equal(said.text, '', 'no letter is left without a font');
    const page = pdfText(out)[0];
    assert.deepEqual(page.split('\n').map((l) => l.trim()).filter((l) => l), ['ИНТ. КВАРТИРА МАШИ - ДЕНЬ', 'Маша открывает окно. It is cold.', 'МАША', 'Холодно!']);
    assert.ok(pdfFonts(out).some((f) => /\+DejaVuSansMono$/.test(f)), `embedded subset of DejaVu Sans Mono in ${pdfFonts(out).join(', ')}`);
    // The cue stays where Courier would put it: 3.7 in from the left edge, as in a Latin script.
    const cue = execFileSync('pdftotext', ['-bbox', out, '-'], { encoding: 'utf8' }).match(/xMin="([\d.]+)"[^>]*>МАША</);
    assert.ok(cue, 'the cue is on the page');
    assert.ok(Math.abs(Number(cue[1]) - 3.7 * 72) < 1, `cue at x=${cue[1]} pt, expected ${3.7 * 72}`);
  });

  it('names the letters no font has, which print as "?", and how to give them one', async function () {
    skipWithoutPoppler(this);
    const script = path.join(folder, 'private.fountain');
    fs.writeFileSync(script, 'INT. ROOM - DAY\n\nThe sign reads \u{10FFFD}.\n');
    const out = path.join(folder, 'private.pdf');
    const said = await capture('stderr', () => main(['export', '--pdf', out, script]));
    assert.equal(said.status, 0);
    assert.match(said.text, /no font on this computer has these letters, which print as "\?": \u{10FFFD}\. Name a font that has them with --font FILE\.ttf\./u);
    assert.match(pdfText(out)[0], /The sign reads \?\./);
  });

  it('refuses a --font that is not a font, saying so, with exit status 2', async () => {
    const notFont = path.join(folder, 'notes.txt');
    fs.writeFileSync(notFont, 'not a font');
    const said = await capture('stderr', () => main(['export', '--pdf', path.join(folder, 'x.pdf'), '--font', notFont, '--font', path.join(folder, 'gone.ttf'), folder]));
    assert.equal(said.status, 2);
    assert.match(said.text, /notes\.txt is not a font the exporter can read \(TrueType or OpenType: \.ttf, \.otf, \.ttc\)/);
    assert.match(said.text, /the font .*gone\.ttf does not exist/);
  });

  it('exports from the bundled command line, which loads pdfkit and its font metrics at run time', function () {
    skipWithoutPoppler(this);
    const out = path.join(folder, 'bundled.pdf');
    const said = execFileSync(process.execPath, [path.join(repoRoot, 'bin', 'canon-keeper'), 'export', '--pdf', out, folder], { cwd: os.tmpdir(), encoding: 'utf8' });
    assert.equal(said, `${out}: 3 pages (2 of script)\n`);
    assert.equal(pdfPages(out), 3);
  });

  it('refuses an export without --pdf, with exit status 2', async () => {
    const write = process.stderr.write;
    let said = '';
    process.stderr.write = ((s: string) => ((said += s), true)) as typeof process.stderr.write;
    try {
      assert.equal(await main(['export', folder]), 2);
    } finally {
      process.stderr.write = write;
    }
    assert.match(said, /export needs --pdf/);
  });
});
