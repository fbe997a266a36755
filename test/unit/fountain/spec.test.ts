import * as assert from 'node:assert/strict';
import type { Cue, Element, SceneHeading, TitlePage } from '../../../server/core/fountain/model';
import { parse } from '../../../server/core/fountain/parse';
import { maskedText } from '../../../server/core/fountain/mask';

/** Type and text of each element, notes and boneyard included: the shape most tests compare. */
function shape(text: string): string[] {
  return parse(text).elements.map((element) => `${element.type}: ${element.text}`);
}

function only<T extends Element>(text: string, type: T['type']): T {
  const found = parse(text).elements.filter((element) => element.type === type);
  assert.equal(found.length, 1, `one ${type} in ${JSON.stringify(text)}: ${JSON.stringify(found)}`);
  return found[0] as T;
}

describe('Fountain spec points', () => {
  describe('scene headings', () => {
    it('need a blank line before them', () => {
      assert.deepEqual(shape('He looks up.\nINT. HOUSE - DAY\n\nMore.'), ['action: He looks up.\nINT. HOUSE - DAY', 'action: More.']);
    });

    it('need a blank line after them: a heading-like line with text below reads as a cue, with a problem', () => {
      const document = parse('\nINT. HOUSE - DAY\nJohn enters.\n');
      assert.deepEqual(document.elements.map((e) => e.type), ['character', 'dialogue']);
      assert.equal(document.problems.length, 1);
      assert.match(document.problems[0].message, /scene heading needs a blank line after it/);
    });

    it('split prefix, location, time and scene number, with spans on the original text', () => {
      const text = 'INT./EXT. CAR - MOVING - NIGHT #12A#';
      const heading = only<SceneHeading>(text, 'scene-heading');
      assert.deepEqual(heading, {
        type: 'scene-heading', start: 0, end: text.length, text: 'INT./EXT. CAR - MOVING - NIGHT', forced: false,
        prefix: 'INT./EXT.', location: 'CAR - MOVING', time: 'NIGHT', sceneNumber: '12A',
      });
    });

    it('are forced by one full stop but not by two', () => {
      const forced = only<SceneHeading>('\n.inside the whale\n', 'scene-heading');
      assert.deepEqual([forced.start, forced.text, forced.forced, forced.prefix, forced.location], [1, 'inside the whale', true, undefined, 'inside the whale']);
      assert.deepEqual(shape('..and so on'), ['action: ..and so on']);
    });

    it('need a stop or a space after the prefix', () => {
      assert.deepEqual(shape('EXTERIOR SHOT'), ['action: EXTERIOR SHOT']);
      assert.deepEqual(shape('est. 1999'), ['scene-heading: est. 1999']);
    });
  });

  describe('cues and dialogue', () => {
    it('give the name span without marks or extensions', () => {
      const text = '\n@McCLANE (V.O.) ^\nYippie ki-yay!';
      const cue = only<Cue>(text, 'character');
      assert.equal(text.slice(cue.nameStart, cue.nameEnd), 'McCLANE');
      assert.deepEqual([cue.name, cue.extensions, cue.forced, cue.dual, cue.start, cue.text], ['McCLANE', ['V.O.'], true, true, 1, 'McCLANE (V.O.)']);
    });

    it('read a cue only when a line follows it', () => {
      assert.deepEqual(shape('BOOM\n\nHe ducks.'), ['action: BOOM', 'action: He ducks.']);
    });

    it('keep dialogue going over a line of two spaces, but not over an empty line', () => {
      assert.deepEqual(shape('JOHN\nOne.\n  \nTwo.'), ['character: JOHN', 'dialogue: One.\n\nTwo.']);
      assert.deepEqual(shape('JOHN\nOne.\n\nTwo.'), ['character: JOHN', 'dialogue: One.', 'action: Two.']);
    });

    it('take a line in parentheses inside dialogue as a parenthetical', () => {
      assert.deepEqual(shape('JOHN\n(quietly)\nHi.\n(beat)\nBye.'), [
        'character: JOHN', 'parenthetical: (quietly)', 'dialogue: Hi.', 'parenthetical: (beat)', 'dialogue: Bye.',
      ]);
    });

    it('let a note inside the cue line stay out of the name', () => {
      const text = 'JOHN [[who is he?]]\nHi.';
      const cue = only<Cue>(text, 'character');
      assert.deepEqual([cue.name, cue.nameStart, cue.nameEnd, cue.end], ['JOHN', 0, 4, text.indexOf('\n')]);
    });
  });

  describe('transitions and centered text', () => {
    it('need blank lines around an all-caps line ending in TO:', () => {
      assert.deepEqual(shape('CUT TO:'), ['transition: CUT TO:']);
      assert.deepEqual(shape('Action.\nCUT TO:'), ['action: Action.\nCUT TO:']);
    });

    it('tell a forced transition from centered text', () => {
      assert.deepEqual(shape('>Burn to white.'), ['transition: Burn to white.']);
      assert.deepEqual(shape('> THE END <'), ['centered: THE END']);
    });
  });

  describe('notes and boneyard', () => {
    it('mask notes and boneyard, keeping offsets and line breaks', () => {
      const text = 'A [[n]] b\r\n/* x\r\ny */ c';
      const document = parse(text);
      assert.equal(maskedText(document), 'A       b\r\n    \r\n     c');
    });

    it('report a boneyard that never closes, and hide the rest', () => {
      const document = parse('Before.\n\n/* cut\n\nJOHN\nHi.');
      assert.deepEqual(document.elements.map((e) => e.type), ['action', 'boneyard']);
      assert.deepEqual(document.problems.map((p) => [p.start, p.end]), [[9, 11]]);
    });

    it('do not let a note cross a blank line', () => {
      assert.deepEqual(shape('a [[b\n\nc]] d'), ['action: a [[b', 'action: c]] d']);
    });

    it('list an inline note after the element that contains it', () => {
      const elements = parse('He runs [[faster?]] away.').elements;
      assert.deepEqual(elements.map((e) => [e.type, e.start, e.end]), [['action', 0, 25], ['note', 8, 19]]);
    });
  });

  describe('title page', () => {
    it('reads keys, inline and indented values with their spans', () => {
      const text = 'Title:\n    _**BRICK & STEEL**_\n\t_**FULL RETIRED**_\nCredit: Written by\n\nAction.';
      const page = only<TitlePage>(text, 'title-page');
      assert.deepEqual(page.entries.map((e) => [e.key, e.value]), [['Title', '_**BRICK & STEEL**_\n_**FULL RETIRED**_'], ['Credit', 'Written by']]);
      const title = page.entries[0];
      assert.equal(text.slice(title.valueSpan.start, title.valueSpan.end), '_**BRICK & STEEL**_\n\t_**FULL RETIRED**_');
      assert.equal(text.slice(page.entries[1].keySpan.start, page.entries[1].keySpan.end), 'Credit');
      assert.equal(page.end, text.indexOf('\n\n'));
    });

    it('exists only at the very start', () => {
      assert.deepEqual(shape('\nTitle: Late'), ['action: Title: Late']);
    });

    it('is not opened by FADE IN:', () => {
      assert.deepEqual(shape('FADE IN:\n\nINT. HOUSE - DAY'), ['action: FADE IN:', 'scene-heading: INT. HOUSE - DAY']);
    });
  });

  describe('line breaks and the byte order mark', () => {
    it('keep spans the same for LF, CRLF and CR apart from the break width', () => {
      for (const br of ['\n', '\r\n', '\r']) {
        const text = ['INT. A - DAY', '', 'BOB', 'Hi.'].join(br);
        const elements = parse(text).elements;
        assert.deepEqual(elements.map((e) => text.slice(e.start, e.end)), ['INT. A - DAY', 'BOB', 'Hi.'], JSON.stringify(br));
      }
    });

    it('skip a leading BOM but keep offsets in the original string', () => {
      const text = '\uFEFFTitle: X\n\nBOB\nHi.';
      const document = parse(text);
      assert.deepEqual(document.elements.map((e) => [e.type, e.start]), [['title-page', 1], ['character', 11], ['dialogue', 15]]);
      assert.equal(maskedText(document), text);
    });
  });

  describe('robustness', () => {
    it('never throws on hostile input and stays fast', () => {
      const inputs = [
        '\0\0\0', '\uD800\uDC00\uDFFF\uD800', 'x'.repeat(1_000_000), '[['.repeat(20_000), '/*'.repeat(1000),
        '[[\n'.repeat(20_000), 'JOHN\n'.repeat(50_000), '\r'.repeat(100_000), '@'.repeat(100_000), '#'.repeat(100_000) + '#',
        'INT. ' + '-'.repeat(500_000) + ' - ' + '#'.repeat(100_000), '(' .repeat(200_000) + '\nx',
      ];
      for (const input of inputs) {
        const started = process.hrtime.bigint();
        const document = parse(input);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        assert.equal(maskedText(document).length, input.length);
        assert.ok(ms < 1000, `${ms} ms for ${JSON.stringify(input.slice(0, 12))}...`);
      }
    });
  });
});
