import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PassThrough } from 'stream';
import { pathToFileURL } from 'url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { createConnection, ProposedFeatures, type PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { rules } from '../../../server/core/rules/registry';
import type { Rule } from '../../../server/core/rules/rule';
import { startServer } from '../../../server/lsp/server';

/**
 * The server embedded in the test process over in-memory streams, with one rule that always throws:
 * the writer still gets every other rule's warnings, and the failure is logged once, not per keystroke.
 */
describe('a rule that throws inside the server', () => {
  it('is logged once to the output channel while the other rules keep warning', async () => {
    const broken: Rule = { id: 'test.broken', description: 'always throws', defaultSeverity: 'warning', check: () => { throw new Error('boom'); } };
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    startServer(createConnection(ProposedFeatures.all, new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), { rules: [broken, ...rules], guardProcess: false });
    const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    const errors: string[] = [];
    const published: PublishDiagnosticsParams[] = [];
    client.onNotification('window/logMessage', (m: { type: number; message: string }) => { if (m.type === 1) errors.push(m.message); });
    client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => published.push(p));
    client.listen();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ck-rule-'));
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: pathToFileURL(dir).href, capabilities: {}, initializationOptions: { trusted: true } });
      await client.sendNotification('initialized', {});
      const uri = pathToFileURL(path.join(dir, 'a.fountain')).href;
      const text = 'EXT. ROOF - NIGHT\n\nDelia pushes Cassie off the roof.\n\nINT. HOSPITAL - DAY\n\nCASSIE\nHi.\n';
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'fountain', version: 1, text } });
      // Blank lines before it all move every warning: each version's diagnostics differ, so each is published.
      for (let v = 2; v <= 4; v++) {
        await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text: '\n'.repeat(v) + text }] });
      }
      const deadline = Date.now() + 10_000;
      while (!published.some((p) => p.version === 4) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      const last = published.filter((p) => p.version === 4).pop();
      assert.ok(last, 'diagnostics for the last version');
      assert.ok(last.diagnostics.some((d) => d.code === 'continuity.state-speaks'), JSON.stringify(last.diagnostics));
      assert.strictEqual(errors.filter((e) => e.includes('test.broken')).length, 1, JSON.stringify(errors));
      assert.match(errors[0], /boom/);
    } finally {
      client.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
