import * as assert from 'node:assert/strict';
import { parse } from '../../../server/core/fountain/parse';
import { lineText, type Page } from '../../../server/core/pages/model';
import { paginate } from '../../../server/core/pages/paginate-script';

/** A page as a reader sees it: its lines top to bottom, each "row: text". */
function shown(page: Page): string[] {
  return [...page.lines].sort((a, b) => a.row - b.row || a.x - b.x).map((l) => `${l.row}: ${lineText(l)}`);
}

function pagesOf(text: string) {
  return paginate(parse(text), { paper: 'letter' }).pages;
}

/** Action paragraphs of one line each, filling `rows` rows (a paragraph and its blank line are 2). */
function filler(rows: number): string {
  return Array.from({ length: Math.ceil(rows / 2) }, (_, k) => `Beat ${k + 1}.`).join('\n\n');
}

describe('pages', () => {
  it('splits a long speech across pages with (MORE) at the foot and (CONT\'D) at the top', () => {
    const speech = Array.from({ length: 12 }, (_, k) => `Line number ${k + 1} of a very long speech.`).join('\n');
    const pages = pagesOf(`INT. HALL - NIGHT\n\n${filler(44)}\n\nMARGOT\n${speech}\n`);
    assert.equal(pages.length, 2);
    const first = shown(pages[0]);
    const second = shown(pages[1]);
    assert.equal(first.at(-1), '54: (MORE)');
    assert.match(first.at(-2)!, /^53: Line number \d+ of a very long speech\.$/);
    assert.equal(second[1], "0: MARGOT (CONT'D)", 'the cue again, after the page number');
    assert.equal(second[0], '-3: 2.');
    const all = [...first, ...second].filter((l) => l.includes('Line number')).length;
    assert.equal(all, 12, 'no line of the speech lost or doubled');
  });

  it('moves a scene heading that would stand at the foot of a page to the next page', () => {
    const pages = pagesOf(`${filler(53)}\n\nEXT. ROOF - DAY\n\nWind.\n`);
    assert.equal(pages.length, 2);
    assert.doesNotMatch(shown(pages[0]).join('\n'), /ROOF/);
    assert.deepEqual(shown(pages[1]).slice(1), ['0: EXT. ROOF - DAY', '2: Wind.']);
  });

  it('keeps a cue with its dialogue', () => {
    const pages = pagesOf(`${filler(53)}\n\nBOB\nHello.\n`);
    assert.deepEqual(shown(pages[1]).slice(1), ['0: BOB', '1: Hello.']);
  });

  it('prints dual dialogue side by side, the second speech to the right', () => {
    const [page] = pagesOf('INT. BAR - NIGHT\n\nSTEEL\nScrew retirement.\n\nBRICK ^\nScrew retirement.\n');
    const cues = page.lines.filter((l) => l.kind === 'character');
    assert.deepEqual(cues.map(lineText), ['STEEL', 'BRICK']);
    assert.equal(cues[0].row, cues[1].row, 'both cues on one row');
    assert.ok(cues[1].x > cues[0].x + 2, 'the second column starts right of the middle');
  });

  it('leaves notes, boneyard, sections and synopses out, and keeps emphasis as styles', () => {
    const [page] = pagesOf('# Act One\n\n= Setup.\n\nINT. ROOM - DAY\n\nShe is **very** _late_ [[fix]].\n\n/* cut scene */\n\nThe end.\n');
    assert.deepEqual(shown(page), ['0: INT. ROOM - DAY', '2: She is very late .', '4: The end.']);
    const runs = page.lines[1].runs;
    assert.deepEqual(runs.filter((r) => r.bold).map((r) => r.text), ['very']);
    assert.deepEqual(runs.filter((r) => r.underline).map((r) => r.text), ['late']);
  });

  it('reads bold italic, escaped stars and a lone star as a reader expects', () => {
    const [page] = pagesOf('***Now*** costs 5 \\*stars\\* * 2.\n');
    assert.deepEqual(page.lines[0].runs, [{ text: 'Now', bold: true, italic: true }, { text: ' costs 5 *stars* * 2.' }]);
  });

  it('prints a title page from the title keys, and not the tool keys', () => {
    const pages = pagesOf('Title: Night Shift\nAuthor: A. Fan\nCanon: AU\nDraft date: May\n\nINT. ROOM - DAY\n\nQuiet.\n');
    assert.equal(pages.length, 2);
    assert.deepEqual(pages[0].lines.map(lineText), ['Night Shift', 'A. Fan', 'May']);
    assert.equal(pages[1].number, 1);
  });

  it('right-aligns transitions at the right margin and numbers scenes when asked', () => {
    const doc = parse('INT. ROOM - DAY\n\nQuiet.\n\nCUT TO:\n\nEXT. YARD - DAY #7A#\n\nLoud.\n');
    const [page] = paginate(doc, { sceneNumbers: true }).pages;
    const cut = page.lines.find((l) => l.kind === 'transition')!;
    assert.deepEqual([cut.align, cut.x], ['right', 7.5]);
    assert.deepEqual(page.lines.filter((l) => l.kind === 'scene-number').map(lineText), ['1', '1', '7A', '7A']);
  });

  it('wraps action at 61 characters on Letter and 58 on A4', () => {
    const words = 'x'.repeat(200);
    const widest = (paper: 'letter' | 'a4'): number => Math.max(...paginate(parse(words), { paper }).pages[0].lines.map((l) => lineText(l).length));
    assert.deepEqual([widest('letter'), widest('a4')], [61, 58]);
  });
});
