import * as assert from 'node:assert/strict';
import * as v8 from 'v8';
import * as vm from 'vm';
import { generateFanFiction } from '../../../bench/generate';
import { notCancelled } from '../../../server/core/cancellation';
import { checkScript } from '../../../server/core/check';
import { Database } from '../../../server/core/incremental/database';
import { builtinPack } from '../../../server/host/builtin';
import { Documents } from '../../../server/lsp/documents';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

/**
 * Each keystroke makes a new version of the document's text. What the server keeps from a version
 * (cached passages, readings, re-read elements, memoised findings) must not keep that version's
 * whole text alive: V8 keeps a longer substring as a view into its parent string, and a cached
 * passage text cut from each version kept one more copy of the script per keystroke.
 */
describe('memory across versions of a document', function () {
  this.timeout(60_000);

  it('does not keep a copy of the script per keystroke, wherever the writer types', () => {
    const pack = builtinPack();
    const db = new Database();
    const text = generateFanFiction(4000, 3);
    const lines = text.split('\n');
    const uri = 'file:///memory/versions.fountain';
    const documents = new Documents();
    documents.open(uri, 'fountain', 1, text);
    checkScript(documents.get(uri)!.doc, pack, { db }, notCancelled);
    let version = 1;
    const type = (line: number, character: number, typed: string): void => {
      const open = documents.change(uri, ++version, [{ range: { start: { line, character }, end: { line, character } }, text: typed }]);
      checkScript(open!.doc, pack, { db }, notCancelled);
    };
    // A sentence typed into narration, a scene heading edited, and letters typed at places all
    // through the script: every kind of passage and element a keystroke re-reads. A first round
    // lets V8 compile the code and the caches settle; the second is measured.
    const action = lines.findIndex((l, i) => i > lines.length / 2 && l.startsWith('Cassie') && lines[i - 1] === '');
    const heading = lines.findIndex((l, i) => i > lines.length / 3 && l.startsWith('INT.'));
    const places = Array.from({ length: 40 }, (_, k) =>
      lines.findIndex((l, i) => i > (k * lines.length) / 40 && l.length > 20 && !l.startsWith('INT.') && !l.startsWith('EXT.')));
    let typed = 0;
    let headingLength = lines[heading].length;
    const round = (): void => {
      for (let k = 0; k < 40; k++) type(action, typed++, 'extraordinarily '[k % 16]);
      for (let k = 0; k < 20; k++) type(heading, headingLength++, 'X');
      for (const at of places) type(at, 0, 'Q');
    };
    round();
    const before = heapAfterGc();
    const first = version;
    round();
    const grown = heapAfterGc() - before;
    console.log(`      heap grew ${(grown / 1e6).toFixed(1)} MB over ${version - first} versions of a ${(text.length / 1e3).toFixed(0)} KB script`);
    // Before texts were detached this was about 180 copies of the script; what grows now is the
    // caches (new passages and readings, bounded by the script's size), about a dozen.
    assert.ok(grown < 40 * text.length, `the heap grew by ${(grown / text.length).toFixed(1)} copies of the script`);
  });
});
