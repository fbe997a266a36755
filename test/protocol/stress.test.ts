import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { Client, skipUnlessBuilt, tempFolder, uriOf, type Timed } from './support/client';
import { editDrafts, somePosition, toChange } from './support/edits';
import { VISITING_HOURS } from './support/scripts';

const SCRIPT = VISITING_HOURS;

/** Generous for a 2-core machine under load; the point is that every answer comes. */
const REQUEST_BOUND_MS = 5_000;
const EDITS = 2_000;

const REQUESTS = ['textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/references',
  'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeAction'];

function requestParams(method: string, uri: string, document: TextDocument, a: number, b: number): unknown {
  const position = somePosition(document, a, b);
  if (method === 'textDocument/documentSymbol' || method === 'textDocument/foldingRange') return { textDocument: { uri } };
  if (method === 'textDocument/codeAction') return { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } };
  if (method === 'textDocument/references') return { textDocument: { uri }, position, context: { includeDeclaration: true } };
  return { textDocument: { uri }, position };
}

describe('language server under a stream of random edits and requests (stdio)', function () {
  this.timeout(60_000);
  let workspace: string;
  let client: Client;

  before(async function () {
    skipUnlessBuilt(this);
    workspace = tempFolder('ck-stress-');
    client = await Client.start(workspace);
  });

  after(async () => {
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  /** The diagnostics the edits led to equal those of opening the same text afresh; returns the version reached. */
  async function assertSameAsFreshOpen(uri: string, mirror: TextDocument, version: number): Promise<number> {
    // What the client shows after the edits: the server sends a version's list only where it differs.
    const edited = await client.settled(uri);
    client.close(uri);
    const since = client.seq;
    client.open(uri, mirror.getText(), 'fountain', version + 1);
    const fresh = await client.diagnostics(uri, { version: version + 1, since, boundMs: 15_000 });
    assert.deepStrictEqual(edited, fresh, `after edits, at version ${version}: ${JSON.stringify(mirror.getText().slice(0, 300))}`);
    return version + 1;
  }

  it(`answers every request within ${REQUEST_BOUND_MS} ms over ${EDITS} random edits, and ends where a fresh open does`, async () => {
    const file = path.join(workspace, 'visiting-hours.fountain');
    fs.writeFileSync(file, SCRIPT);
    const uri = uriOf(file);
    let mirror = TextDocument.create(uri, 'fountain', 1, SCRIPT);
    client.open(uri, SCRIPT);
    const drafts = editDrafts(EDITS, 20240611);
    const pending: Promise<Timed<unknown>>[] = [];
    let version = 1;
    for (let i = 0; i < drafts.length; i++) {
      version++;
      const changes: TextDocumentContentChangeEvent[] = [toChange(mirror, drafts[i], 40_000)];
      // Editors batch changes now and then: a second change in the same notification.
      if (i % 7 === 3) changes.push(toChange(TextDocument.update(TextDocument.create(uri, 'fountain', 0, mirror.getText()), changes, 0), drafts[(i * 31) % drafts.length], 40_000));
      mirror = TextDocument.update(mirror, changes, version);
      client.change(uri, version, changes);
      if (i % 4 === 0) {
        const method = REQUESTS[i % REQUESTS.length];
        pending.push(client.request(method, requestParams(method, uri, mirror, drafts[i].a, drafts[i].b), REQUEST_BOUND_MS));
      }
      // Wait for the answers now and then, as a writer pausing: this bounds how much work queues up.
      if (i % 100 === 99) await Promise.all(pending.slice(-25));
      if (i % 500 === 499) version = await assertSameAsFreshOpen(uri, mirror, version);
    }
    // End on a text with findings, so that the last comparison has something to compare.
    const start = { line: 0, character: 0 };
    const coma = { range: { start, end: start }, text: `${SCRIPT}\n\n` };
    mirror = TextDocument.update(mirror, [coma], ++version);
    client.change(uri, version, [coma]);
    const latencies = (await Promise.all(pending)).map((t) => t.ms);
    await assertSameAsFreshOpen(uri, mirror, version);
    const final = await client.diagnostics(uri, { boundMs: 15_000 });
    assert.ok(final.some((d) => d.code === 'continuity.state-speaks'), JSON.stringify(final));

    const max = Math.max(...latencies);
    console.log(`      ${latencies.length} requests; latency max ${max.toFixed(0)} ms, median ${latencies.sort((x, y) => x - y)[latencies.length >> 1].toFixed(1)} ms; final text ${mirror.getText().length} chars, ${final.length} diagnostics`);
    assert.ok(max < REQUEST_BOUND_MS);
    assert.ok(client.alive, client.stderr);
    assert.deepStrictEqual(client.errors(), []);
  });

  it('keeps its memory bounded over a long session on a document of constant size', async function () {
    if (!fs.existsSync('/proc/self/status')) {
      console.log('      (skipped: no /proc to read the memory from)');
      this.skip();
    }
    const text = SCRIPT.repeat(30);
    const uri = uriOf(path.join(workspace, 'long-session.fountain'));
    let mirror = TextDocument.create(uri, 'fountain', 1, text);
    client.open(uri, text);
    const drafts = editDrafts(2_500, 7);
    const samples: number[] = [];
    let version = 1;
    for (let i = 0; i < drafts.length; i++) {
      // Type a few characters somewhere, then take them back: the text keeps its size.
      const offset = Math.floor(drafts[i].a * mirror.getText().length);
      const at = mirror.positionAt(offset);
      const typed = 'Bette';
      const insert = { range: { start: at, end: at }, text: typed };
      mirror = TextDocument.update(mirror, [insert], ++version);
      client.change(uri, version, [insert]);
      const remove = { range: { start: mirror.positionAt(offset), end: mirror.positionAt(offset + typed.length) }, text: '' };
      mirror = TextDocument.update(mirror, [remove], ++version);
      client.change(uri, version, [remove]);
      if (i % 200 === 199) {
        await client.request('textDocument/completion', { textDocument: { uri }, position: at }, REQUEST_BOUND_MS);
        await client.settled(uri);
        const rss = client.rssMb();
        if (rss !== undefined) samples.push(rss);
      }
    }
    assert.strictEqual(mirror.getText(), text);
    const baseline = samples[1];
    const growth = samples[samples.length - 1] - baseline;
    console.log(`      RSS over ${drafts.length * 2} edits: ${samples.map((s) => s.toFixed(0)).join(' ')} MB; growth after warm-up ${growth.toFixed(1)} MB`);
    assert.ok(growth < 150, `grew by ${growth.toFixed(1)} MB`);
    const last = samples.slice(-6);
    const climbing = last.every((s, k) => k === 0 || s > last[k - 1] + 1);
    assert.ok(!climbing, `still climbing at the end: ${last.map((s) => s.toFixed(1)).join(' ')} MB`);
  });
});
