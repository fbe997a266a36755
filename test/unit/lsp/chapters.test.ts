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

  /** Chapter 1 (the fall) and chapter 2 (Cassie speaks) open in the editor, each checked once. */
  function twoOpenChapters(): { workspace: Workspace; documents: Documents; first: string; second: string } {
    fs.writeFileSync(path.join(dir, 'chapter-1.fountain'), FALL);
    fs.writeFileSync(path.join(dir, 'chapter-2.fountain'), COMA);
    const documents = new Documents();
    const workspace = new Workspace([dir], true, documents);
    const first = pathToFileURL(path.join(dir, 'chapter-1.fountain')).href;
    const second = pathToFileURL(path.join(dir, 'chapter-2.fountain')).href;
    documents.open(first, 'fountain', 1, FALL);
    documents.open(second, 'fountain', 1, COMA);
    return { workspace, documents, first, second };
  }

  it('checks a later chapter again only where an edit to an earlier one moved where it starts', () => {
    const { workspace, documents, first, second } = twoOpenChapters();
    const check = (uri: string) => workspace.check(documents.get(uri) as NonNullable<ReturnType<Documents['get']>>, notCancelled, () => undefined);
    check(first);
    const before = check(second);
    assert.deepStrictEqual(before.findings.map((f) => f.ruleId), ['continuity.state-speaks']);

    // The writer types in chapter 1 where the clock does not move; the server checks it, then chapter 2.
    const roof = { line: 2, character: 'Delia pushes Cassie off the roof.'.length };
    documents.change(first, 2, [{ range: { start: roof, end: roof }, text: ' Twice.' }]);
    check(first);
    const walkStats = workspace.project.db.stats;
    walkStats.walked = -1;
    assert.strictEqual(check(second), before, 'chapter 2 is its last check');
    assert.strictEqual(walkStats.walked, -1, 'nothing was read again: not chapter 2, nor chapter 1 for where chapter 2 starts');

    // Settings that change a severity: checked again.
    workspace.settings = { canonPacks: [], severity: { 'continuity.state-speaks': 'error' } };
    assert.deepStrictEqual(check(second).findings.map((f) => f.severity), ['error']);
    workspace.settings = { canonPacks: [], severity: {} };

    // The writer takes the fall out of chapter 1: chapter 2 starts elsewhere and is checked again.
    documents.change(first, 3, [{ text: QUIET }]);
    check(first);
    assert.deepStrictEqual(check(second).findings, [], 'nothing puts Cassie in a coma any more');
  });

  it('keeps no check that was cancelled part way', () => {
    const { workspace, documents, first, second } = twoOpenChapters();
    // Chapter 1 checked first: where chapter 2 starts is known without reading, cancelled or not.
    workspace.check(documents.get(first) as NonNullable<ReturnType<Documents['get']>>, notCancelled, () => undefined);
    const script = documents.get(second) as NonNullable<ReturnType<Documents['get']>>;
    const partial = workspace.check(script, { isCancellationRequested: true }, () => undefined);
    assert.deepStrictEqual(partial.findings, [], 'the cancelled check stopped before it found anything');
    const whole = workspace.check(script, notCancelled, () => undefined);
    assert.deepStrictEqual(whole.findings.map((f) => f.ruleId), ['continuity.state-speaks']);
  });
});
