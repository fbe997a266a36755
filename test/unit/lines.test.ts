import * as assert from 'assert';
import * as fc from 'fast-check';
import { LineIndex } from '../../server/core/lines';

/** Every position of a text, as the index gives them: what a client would see. */
function positions(index: LineIndex, length: number): string {
  const out: string[] = [];
  for (let offset = 0; offset <= length; offset++) {
    const p = index.positionAt(offset);
    out.push(`${p.line}:${p.character}`);
  }
  return `${index.lineCount} ${out.join(' ')}`;
}

describe('LineIndex.isAt', () => {
  it('says whether an offset stands at a line and character exactly where positionAt puts it', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      // Asked of a position near the offset's own: another offset's, give or take a line and a character or two.
      fc.property(text, fc.integer({ min: -2, max: 45 }), fc.integer({ min: -2, max: 45 }), fc.integer({ min: -1, max: 1 }), fc.integer({ min: -2, max: 2 }),
        (t, offset, near, lineShift, characterShift) => {
          const index = new LineIndex(t);
          const p = index.positionAt(offset);
          const q = index.positionAt(near);
          const line = q.line + lineShift;
          const character = q.character + characterShift;
          assert.strictEqual(index.isAt(offset, line, character), p.line === line && p.character === character);
          assert.ok(index.isAt(offset, p.line, p.character));
        }),
      { numRuns: 5000 },
    );
  });
});

describe('LineIndex.edited', () => {
  it('gives the index of the edited text, whatever the line breaks around the edit', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), text, (before, a, b, inserted) => {
        const start = Math.min(a, b) % (before.length + 1);
        const end = Math.min(Math.max(a, b) % (before.length + 1) + start, before.length);
        const after = before.slice(0, start) + inserted + before.slice(end);
        const edited = new LineIndex(before).edited(after, start, end, inserted);
        assert.strictEqual(positions(edited, after.length), positions(new LineIndex(after), after.length));
      }),
      { numRuns: 3000 },
    );
  });

  it('joins a CR and an LF typed after it into one line break', () => {
    const edited = new LineIndex('a\rb').edited('a\r\nb', 2, 2, '\n');
    assert.deepStrictEqual([edited.lineCount, edited.positionAt(3)], [2, { line: 1, character: 0 }]);
  });
});
