import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { Client, skipUnlessBuilt, tempFolder, uriOf } from './support/client';

/** A hostile document may take a while on a 2-core machine; it must never take forever. */
const HOSTILE_BOUND_MS = 15_000;

const SCENE = `INT. HOSPITAL ROOM - DAY

Bette sits by the bed. Delia watches from the door.

CASSIE
Get out.

BETTE
(quietly)
She's still asleep.

`;

/** Random bytes decoded as UTF-8 (with replacement characters) and as UTF-16 units (with lone surrogates). */
function binary(seed: number, length: number): string {
  const [bytes] = fc.sample(fc.uint8Array({ minLength: length, maxLength: length }), { numRuns: 1, seed });
  const units = new Uint16Array(bytes.buffer, 0, Math.floor(bytes.length / 2));
  return new TextDecoder('utf-8').decode(bytes) + String.fromCharCode(...units.slice(0, 50_000));
}

const DOCUMENTS: { name: string; text: () => string }[] = [
  { name: 'a 1 MB single line', text: () => 'Cassie falls and Bette runs and Delia laughs '.repeat(Math.ceil(1_000_000 / 45)) },
  { name: 'a 5 MB script', text: () => `Title: Long\nCanon: compliant\n\n${SCENE.repeat(Math.ceil(5_000_000 / SCENE.length))}` },
  { name: '100k lines', text: () => Array.from({ length: 100_000 }, (_, i) => (i % 3 === 0 ? 'CASSIE' : i % 3 === 1 ? 'Get out.' : '')).join('\n') },
  { name: '20k nested [[', text: () => `${'[['.repeat(20_000)}\n\nCASSIE\nHello.\n` },
  { name: '20k [[ on as many lines', text: () => '[[\n'.repeat(20_000) },
  { name: 'an unclosed boneyard', text: () => `${SCENE}/*\n${SCENE.repeat(2_000)}` },
  { name: '20k unclosed boneyards', text: () => '/* '.repeat(20_000) },
  { name: 'random binary', text: () => binary(42, 200_000) },
  { name: 'CR only line breaks', text: () => SCENE.replace(/\n/g, '\r').repeat(2_000) },
];

describe('language server and hostile documents (stdio)', function () {
  this.timeout(120_000);
  let workspace: string;
  let client: Client;
  const timings: string[] = [];

  before(async function () {
    skipUnlessBuilt(this);
    workspace = tempFolder('ck-hostile-');
    client = await Client.start(workspace);
  });

  after(async () => {
    if (timings.length > 0) console.log(`      ${timings.join('; ')}`);
    await client?.stop();
    if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  });

  for (const document of DOCUMENTS) {
    it(`answers for ${document.name} within ${HOSTILE_BOUND_MS / 1000} s, logging no error`, async () => {
      const text = document.text();
      // Not on disk, so that documents do not become each other's earlier chapters.
      const uri = uriOf(path.join(workspace, 'hostile', `${document.name.replace(/\W+/g, '-')}.fountain`));
      const start = performance.now();
      client.open(uri, text);
      await client.diagnostics(uri, { version: 1, boundMs: HOSTILE_BOUND_MS });
      const opened = performance.now() - start;
      const end = { line: 1_000_000, character: 0 };
      const middle = { line: Math.floor(text.split('\n').length / 2), character: 3 };
      const answers = [
        await client.request('textDocument/documentSymbol', { textDocument: { uri } }, HOSTILE_BOUND_MS),
        await client.request('textDocument/foldingRange', { textDocument: { uri } }, HOSTILE_BOUND_MS),
        await client.request('textDocument/completion', { textDocument: { uri }, position: middle }, HOSTILE_BOUND_MS),
        await client.request('textDocument/hover', { textDocument: { uri }, position: middle }, HOSTILE_BOUND_MS),
        await client.request('textDocument/completion', { textDocument: { uri }, position: end }, HOSTILE_BOUND_MS),
      ];
      // One keystroke in the middle of the document: the incremental path on a huge text.
      client.change(uri, 2, [{ range: { start: middle, end: middle }, text: 'x' }]);
      const typed = performance.now();
      await client.settled(uri, HOSTILE_BOUND_MS);
      const retyped = performance.now() - typed;
      client.close(uri);
      const slowest = Math.max(...answers.map((a) => a.ms));
      timings.push(`${document.name}: open ${opened.toFixed(0)} ms, slowest request ${slowest.toFixed(0)} ms, keystroke ${retyped.toFixed(0)} ms`);
      assert.ok(client.alive, client.stderr);
      assert.deepStrictEqual(client.errors(), []);
    });
  }

  it('still answers a small script after all that', async () => {
    const uri = uriOf(path.join(workspace, 'after.fountain'));
    client.open(uri, `EXT. ARCHER SCHOOL - ROOF - NIGHT\n\nDelia pushes Cassie off the roof.\n\nINT. HOSPITAL ROOM - DAY\n\nCASSIE\nGet out.\n`);
    const diagnostics = await client.diagnostics(uri, { version: 1 });
    assert.ok(diagnostics.some((d) => d.code === 'continuity.state-speaks'), JSON.stringify(diagnostics));
  });
});
