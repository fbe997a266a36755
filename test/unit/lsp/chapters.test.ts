import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { notCancelled } from '../../../server/core/cancellation';
import { Documents } from '../../../server/lsp/documents';
import { Workspace } from '../../../server/lsp/workspace';

const FALL = 'EXT. ROOF - NIGHT\n\nDelia pushes Cassie off the roof.\n';
const QUIET = 'INT. CAFE - DAY\n\nBette sits alone.\n';
const COMA = 'INT. HOSPITAL ROOM - DAY\n\nCASSIE\nGet out.\n';

describe('a chapter starts where the chapters before it leave the clock', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-chapters-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('follows an edit to an early chapter through a later one that narrates no event', () => {
    const file = (name: string): string => path.join(dir, name);
    fs.writeFileSync(file('chapter-1.fountain'), FALL);
    fs.writeFileSync(file('chapter-2.fountain'), QUIET);
    fs.writeFileSync(file('chapter-3.fountain'), COMA);
    const documents = new Documents();
    const workspace = new Workspace([dir], true, documents);
    const third = documents.open(pathToFileURL(file('chapter-3.fountain')).href, 'fountain', 1, COMA);
    const codes = (): string[] => workspace.check(third, notCancelled, () => undefined).findings.map((f) => f.ruleId);
    assert.deepStrictEqual(codes(), ['continuity.state-speaks'], 'Cassie speaks after the fall in chapter 1');

    // The writer takes the fall out of chapter 1, in the editor: chapter 2 is unchanged.
    const first = pathToFileURL(file('chapter-1.fountain')).href;
    documents.open(first, 'fountain', 1, FALL);
    documents.change(first, 2, [{ text: QUIET }]);
    assert.deepStrictEqual(codes(), [], 'nothing puts Cassie in a coma any more');
  });
});
