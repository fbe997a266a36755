import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LineIndex } from '../../../server/core/lines';
import type { Element, SceneHeading } from '../../../server/core/fountain/model';
import { parse } from '../../../server/core/fountain/parse';
import { hasSharedFountain, sharedFountain, skipWithoutShared } from './sharedData';
import { maskedText } from '../../../server/core/fountain/mask';

const samplesDir = path.join(sharedFountain, 'samples');

function readSample(name: string): string {
  return fs.readFileSync(path.join(samplesDir, name), 'utf8');
}

/** Elements of one type; OtherElement's union of types needs the intersection, not Extract. */
function ofType<T extends Element['type']>(elements: readonly Element[], type: T): (Element & { type: T })[] {
  return elements.filter((element): element is Element & { type: T } => element.type === type);
}

/**
 * The spec's scene heading rule written independently of the parser, as a reader would apply it:
 * a line starting with a prefix followed by "." or a space (or a single "."), with a blank line (or
 * the start) before and a blank line (or the end) after.
 */
function countHeadingsBySpecRule(text: string): number {
  const lines = text.split(/\r\n|\r|\n/);
  const blank = (i: number): boolean => i < 0 || i >= lines.length || lines[i].trim() === '';
  const prefix = /^(INT\.\/EXT|EXT\.\/INT|INT\/EXT|EXT\/INT|I\/E|E\/I|INT|EXT|EST)[. ]/i;
  return lines.filter((line, i) => (prefix.test(line) || /^\.[^.]/.test(line)) && blank(i - 1) && blank(i + 1)).length;
}

describe('Fountain samples', function () {
  before(function () {
    skipWithoutShared(this);
  });

  const names = hasSharedFountain() ? fs.readdirSync(samplesDir).filter((name) => name.endsWith('.fountain')) : [];

  for (const name of names) {
    it(`${name} parses without throwing and without problems`, () => {
      const document = parse(readSample(name));
      assert.deepEqual(document.problems, []);
      assert.ok(document.elements.length > 0);
      assert.equal(maskedText(document).length, document.text.length);
    });
  }

  describe('Big Fish', () => {
    it('yields every scene heading', () => {
      const text = readSample('big-fish.fountain');
      const headings = ofType(parse(text).elements, 'scene-heading');
      assert.equal(countHeadingsBySpecRule(text), 192);
      assert.equal(headings.length, 192);
    });

    it('reads headings with their text, parts and exact positions', () => {
      const text = readSample('big-fish.fountain');
      const index = new LineIndex(text);
      const headings = ofType(parse(text).elements, 'scene-heading');
      const at = (heading: SceneHeading) => ({ line: index.positionAt(heading.start).line + 1, text: text.slice(heading.start, heading.end) });
      assert.deepEqual(at(headings[0]), { line: 31, text: "INT.  WILL'S BEDROOM - NIGHT (1973)" });
      assert.deepEqual(
        { prefix: headings[0].prefix, location: headings[0].location, time: headings[0].time },
        { prefix: 'INT.', location: "WILL'S BEDROOM", time: 'NIGHT (1973)' },
      );
      const sorority = headings.find((heading) => heading.text.startsWith('EXT/INT. SORORITY'));
      assert.ok(sorority, 'the EXT/INT heading is found');
      assert.equal(index.positionAt(sorority.start).line + 1, 2446);
      assert.equal(sorority.prefix, 'EXT/INT.');
      const last = headings[headings.length - 1];
      assert.equal(at(last).text, 'EXT.  RIVER / UNDERWATER - DAY');
      assert.equal(last.end, text.indexOf('EXT.  RIVER / UNDERWATER - DAY') + 'EXT.  RIVER / UNDERWATER - DAY'.length);
    });

    it('reads the title page and the cues', () => {
      const elements = parse(readSample('big-fish.fountain')).elements;
      const title = ofType(elements, 'title-page')[0];
      assert.deepEqual(
        title.entries.map((entry) => entry.key),
        ['Title', 'Credit', 'Author', 'Source', 'Notes', 'Copyright'],
      );
      assert.equal(title.entries[4].value, 'FINAL PRODUCTION DRAFT\nincludes post-production dialogue\nand omitted scenes');
      const edward = ofType(elements, 'character').find((cue) => cue.text === "EDWARD (V.O.)(CONT'D)");
      assert.deepEqual(edward?.extensions, ['V.O.', "CONT'D"]);
      assert.equal(edward?.name, 'EDWARD');
    });
  });

  describe('CRLF and non-Latin samples', () => {
    for (const name of ['my-living-memory.fountain', 'printing-trouble.fountain']) {
      it(`${name} (CRLF) has cues and headings whose spans exclude the CR`, () => {
        const text = readSample(name);
        assert.ok(text.includes('\r\n'), 'the sample really is CRLF');
        const elements = parse(text).elements;
        assert.ok(ofType(elements, 'character').length > 5);
        assert.ok(ofType(elements, 'scene-heading').length > 0);
        for (const element of elements) {
          assert.ok(!text.slice(element.start, element.end).endsWith('\r'), `${element.type} at ${element.start} ends with CR`);
          assert.ok(!element.text.includes('\r'), `${element.type} text has a CR`);
        }
      });
    }

    it('cyrillic.fountain finds the cues and their dialogue', () => {
      const elements = parse(readSample('cyrillic.fountain')).elements;
      const cues = ofType(elements, 'character');
      assert.ok(cues.some((cue) => cue.name === 'МАШA'));
      assert.equal(ofType(elements, 'title-page')[0].entries[0].value, 'Лорем ипсум');
      assert.ok(ofType(elements, 'dialogue').length >= cues.length);
    });

    it('japanese.fountain finds the title page, heading, cue and parenthetical', () => {
      const elements = parse(readSample('japanese.fountain')).elements;
      assert.deepEqual(ofType(elements, 'title-page')[0].entries.map((entry) => [entry.key, entry.value]), [['Title', '映画'], ['Author', '匿名']]);
      assert.deepEqual(ofType(elements, 'scene-heading').map((heading) => heading.text), ['INT。 病院-日']);
      assert.deepEqual(ofType(elements, 'character').map((cue) => cue.name), ['ジョン']);
      assert.deepEqual(ofType(elements, 'parenthetical').map((p) => p.text), ['（失われた）']);
    });
  });
});
